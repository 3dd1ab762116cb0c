#!/usr/bin/env bash
# Property-based HTTP fuzzing of the server from its own /api/openapi.json with Schemathesis
# (PyPI), signed in as kiosk, display, staff (counter 3) and supervisor in turn, over every
# route but logout. Fails on any response >= 500 or a status code / response the document does
# not allow. Bounded: FUZZ_SECONDS per role (default 15). Prints a `summary:` line.
# Usage: scripts/fuzz-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command -v schemathesis >/dev/null || pip install --quiet 'schemathesis>=4,<5'
[ "${MADOGUCHI_PREBUILT:-0}" = 1 ] || cargo build -q --workspace --bins  # PREBUILT (test.sh): the test build's binaries
bin="${CARGO_TARGET_DIR:-target}/debug/madoguchi-server"
seconds="${FUZZ_SECONDS:-15}"
dir=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT

"$bin" init-demo --db "$dir/fuzz.db" --out "$dir/demo.env" 2>/dev/null
# shellcheck disable=SC1091
source "$dir/demo.env"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
RUST_LOG=error "$bin" serve --db "$dir/fuzz.db" --listen "127.0.0.1:$port" --open-all-hours >"$dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "$base/api/health" >/dev/null && break; sleep 0.1; done

session() { # USER PASSWORD [COUNTER]
  local counter=${3:+,\"counter\":\"$3\"}
  curl -sf -X POST "$base/api/login" -H 'Content-Type: application/json' \
    -d "{\"user\":\"$1\",\"password\":\"$2\",\"site\":\"$MADOGUCHI_SITE\"$counter}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
staff=$(session staff1 staff1-demo 3)
super=$(session super1 super1-demo)

# Real values for path parameters, so requests reach the handlers instead of 404s.
cat >"$dir/schemathesis.toml" <<TOML
[parameters]
"path.site" = "$MADOGUCHI_SITE"
"path.counter" = "3"
TOML

total=0; failed=0
for role in kiosk display staff supervisor; do
  case $role in
    kiosk) token=$MADOGUCHI_KIOSK_TOKEN ;; display) token=$MADOGUCHI_DISPLAY_TOKEN ;;
    staff) token=$staff ;; supervisor) token=$super ;;
  esac
  log="$dir/$role.log"
  if (cd "$dir" && schemathesis run "$base/api/openapi.json" -H "Authorization: Bearer $token" \
      --exclude-path /api/logout --max-time "$seconds" --max-examples 25 --seed 20261204 \
      --checks not_a_server_error,status_code_conformance,response_schema_conformance \
      --warnings off >"$log" 2>&1); then status=ok; else status=FAILED; failed=$((failed + 1)); fi
  n=$(grep -oE '[0-9]+ generated' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  routes=$(grep -oE 'Tested: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  total=$((total + n))
  printf '%-11s %8s requests  %3s routes  %s\n' "$role" "$n" "$routes" "$status"
  [ "$status" = ok ] || tail -60 "$log"
done
if grep -q "panicked" "$dir/server.log"; then echo "the server panicked:"; grep -A5 panicked "$dir/server.log"; failed=$((failed + 1)); fi
echo "summary: fuzz requests=$total roles=4 failures=$failed"
[ "$failed" -eq 0 ]
