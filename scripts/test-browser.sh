#!/usr/bin/env bash
# Browser tests of the web pages (staff console, visitor status page, congestion page):
# installs playwright-core (npm ci), builds madoguchi-server (debug), starts it on a free
# loopback port with a temporary database and --open-all-hours, creates the demo users and
# tokens (init-demo), runs tests/browser with node --test against Debian's /usr/bin/chromium
# (no browser is downloaded), writes docs/screenshots/web-*.png, and stops the server.
# Usage: scripts/test-browser.sh
#   MADOGUCHI_SCREENSHOTS=      skip the screenshots
#   MADOGUCHI_SERVER_BIN=path   use a server binary built already instead of cargo build
#   MADOGUCHI_PREBUILT=1        use target/debug/madoguchi-server as built (test.sh)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ ! -x "${MADOGUCHI_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "test-browser: ${MADOGUCHI_CHROMIUM:-/usr/bin/chromium} not found; install Debian's chromium (apt-get install -y chromium)." >&2
  exit 1
fi

echo "test-browser: installing playwright-core (npm ci)"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

if [ -n "${MADOGUCHI_SERVER_BIN:-}" ]; then
  BIN="$MADOGUCHI_SERVER_BIN"   # a server binary built already (skips cargo build)
elif [ "${MADOGUCHI_PREBUILT:-0}" = 1 ]; then
  BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/madoguchi-server"  # test.sh: the test build's
else
  echo "test-browser: building madoguchi-server (debug)"
  cargo build -q -p madoguchi-server
  BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/madoguchi-server"
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})")"
BASE="http://127.0.0.1:$PORT"

"$BIN" init-demo --db "$WORK/web.db" --out "$WORK/web.env" >"$WORK/init.log" 2>&1 || {
  cat "$WORK/init.log" >&2
  exit 1
}
"$BIN" serve --db "$WORK/web.db" --listen "127.0.0.1:$PORT" --public-url "$BASE" --open-all-hours \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 100); do
  if curl -fsS "$BASE/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "test-browser: the server stopped during start-up:" >&2
    cat "$WORK/server.log" >&2
    exit 1
  fi
  sleep 0.2
done
curl -fsS "$BASE/api/health" >/dev/null || { echo "test-browser: the server did not answer on $BASE" >&2; cat "$WORK/server.log" >&2; exit 1; }

set -a
# shellcheck disable=SC1091
. "$WORK/web.env"
set +a
export MADOGUCHI_BASE_URL="$BASE"
# The offline tests start, kill and restart a server of their own with this binary.
MADOGUCHI_SERVER_BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
export MADOGUCHI_SERVER_BIN
export MADOGUCHI_SCREENSHOTS="${MADOGUCHI_SCREENSHOTS-$ROOT/docs/screenshots}"

echo "test-browser: running the browser tests against $BASE"
status=0
(cd tests/browser && node --test --test-concurrency=1 --test-timeout=120000 tests/) || status=$?
if [ "$status" -ne 0 ]; then
  echo "test-browser: FAILED; last server log lines:" >&2
  tail -n 40 "$WORK/server.log" >&2
fi
exit "$status"
