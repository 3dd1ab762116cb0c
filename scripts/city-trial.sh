#!/usr/bin/env bash
# The city deployment on one machine: a throwaway PostgreSQL cluster (scripts/pg-cluster.sh),
# its schema migrated, the demo users and a kiosk and a display token for 八幡西
# (`init-demo`), two servers on that one database (server A on :8080, server B on :8081), and a
# kiosk and a waiting-room display that take both servers
# (`--server http://127.0.0.1:8080,http://127.0.0.1:8081`). Ctrl-C stops everything, the
# database included; the cluster and logs are in a temporary directory (printed) that is
# deleted at the end.
#
#   scripts/city-trial.sh           the whole thing, with the kiosk and display windows (as
#                                   scripts/start.sh, inside Xvfb when there is no screen)
#   scripts/city-trial.sh --check   no windows: PostgreSQL and the two servers only (on free
#                                   ports); a ticket issued on A is called on B, A is killed
#                                   with kill -9, a ticket is issued and called on B; prints
#                                   OK or FAIL per step, stops everything, exits 1 on a FAIL
#
# Settings (environment): MADOGUCHI_PORTS="8080 8081" (window mode), MADOGUCHI_KEEP=1 to keep
# the temporary directory (database and logs) after the end, MADOGUCHI_PREBUILT=1 to use the
# binaries already in the target folder (the test command, after its one workspace build).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=scripts/pg-cluster.sh
source scripts/pg-cluster.sh

check=0
case "${1:-}" in
  --check | --headless) check=1 ;;
  "") ;;
  *) echo "usage: scripts/city-trial.sh [--check]" >&2; exit 2 ;;
esac

target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/debug"
if [ "${MADOGUCHI_PREBUILT:-0}" = 1 ]; then
  [ -x "$bin/madoguchi-server" ] || { echo "city-trial: MADOGUCHI_PREBUILT=1 but $bin/madoguchi-server is not built; run cargo build --workspace --bins" >&2; exit 1; }
elif [ "$check" = 1 ]; then
  echo "city-trial: building the server"
  cargo build -p madoguchi-server --bin madoguchi-server
else
  scripts/setup.sh
  echo "city-trial: building (the first build takes several minutes)"
  cargo build --bins
fi

dir=$(mktemp -d /tmp/madoguchi-city.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_cluster_stop "$dir"
  if [ "${MADOGUCHI_KEEP:-0}" = 1 ]; then
    echo "city-trial: stopped; database and logs kept in $dir"
  else
    rm -rf "$dir"
    echo "city-trial: stopped; $dir deleted"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 12700))  # below the ephemeral range (32768+)
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "city-trial: found no free port" >&2
  return 1
}

pg_cluster_start "$dir"
db="postgres://madoguchi@127.0.0.1:$PG_PORT/madoguchi"
"${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U madoguchi -O madoguchi madoguchi
echo "city-trial: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT, data in $dir/data (log $PG_LOG)"

# Opening the database migrates it; init-demo then adds the demo users and device tokens.
"$bin/madoguchi-server" init-demo --db "$db" --out "$dir/demo.env"
# shellcheck disable=SC1091
source "$dir/demo.env"

if [ "$check" = 1 ]; then
  ports=("$(free_port)" "$(free_port)")
else
  read -r -a ports <<<"${MADOGUCHI_PORTS:-8080 8081}"
fi
urls=("http://127.0.0.1:${ports[0]}" "http://127.0.0.1:${ports[1]}")
# Each server names the other as its peer (where a staff console moves when it stops
# answering), if this build of the server has `serve --peer`.
has_peer=0
"$bin/madoguchi-server" serve --help | grep -q -- '--peer' && has_peer=1
servers=()
for i in 0 1; do
  name=$([ "$i" = 0 ] && echo A || echo B)
  peer=()
  [ "$has_peer" = 0 ] || peer=(--peer "${urls[$((1 - i))]}")
  # --open-all-hours: a trial issues tickets at any hour (demo mode, as scripts/start.sh).
  "$bin/madoguchi-server" serve --db "$db" --listen "127.0.0.1:${ports[$i]}" \
    --public-url "${urls[$i]}" --open-all-hours "${peer[@]}" >"$dir/server-$name.log" 2>&1 &
  pids+=($!)
  servers+=($!)
done
for i in 0 1; do
  for _ in $(seq 1 120); do
    curl -fsS "${urls[$i]}/api/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "${urls[$i]}/api/health" >/dev/null || {
    echo "city-trial: server $([ "$i" = 0 ] && echo A || echo B) did not come up; its log:" >&2
    tail -20 "$dir/server-$([ "$i" = 0 ] && echo A || echo B).log" >&2
    exit 1
  }
done
echo "city-trial: server A at ${urls[0]}, server B at ${urls[1]}, one database (logs in $dir)"
server_list="${urls[0]},${urls[1]}"

# A field of a JSON answer: json FIELD.PATH < answer
json() {
  python3 -c 'import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v = v.get(k) if isinstance(v, dict) else None
print("" if v is None else v)' "$1"
}

if [ "$check" = 1 ]; then
  failed=0
  step() { # step OK|FAIL "what"
    echo "$1  $2"
    [ "$1" = OK ] || failed=1
  }
  issue() { # issue BASE → the IssuedTicket JSON, or nothing
    curl -sS -f -X POST "$1/api/sites/$MADOGUCHI_SITE/tickets" \
      -H "Authorization: Bearer $MADOGUCHI_KIOSK_TOKEN" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: city-trial-$RANDOM$RANDOM" \
      -d '{"service":"pickup","lang":"vi"}' 2>/dev/null || true
  }
  call_next() { # call_next BASE TOKEN → the counter's answer, or nothing
    curl -sS -f -X POST "$1/api/sites/$MADOGUCHI_SITE/counters/1/call-next" \
      -H "Authorization: Bearer $2" 2>/dev/null || true
  }

  a=$(issue "${urls[0]}")
  a_id=$(json ticket.id <<<"${a:-null}")
  a_number=$(json ticket.number <<<"${a:-null}")
  [ -n "$a_id" ] && step OK "ticket $a_number issued on server A" || step FAIL "issue on server A: ${a:-no answer}"

  login=$(curl -sS -f -X POST "${urls[1]}/api/login" -H 'Content-Type: application/json' \
    -d "{\"user\":\"staff1\",\"password\":\"staff1-demo\",\"site\":\"$MADOGUCHI_SITE\",\"counter\":\"1\"}" 2>/dev/null || true)
  staff=$(json token <<<"${login:-null}")
  [ -n "$staff" ] && step OK "staff1 signed in on server B at counter 1" || step FAIL "sign-in on server B: ${login:-no answer}"

  called=$(call_next "${urls[1]}" "$staff")
  called_id=$(json ticket.id <<<"${called:-null}")
  [ -n "$a_id" ] && [ "$called_id" = "$a_id" ] &&
    step OK "server B called $a_number, the ticket server A issued" ||
    step FAIL "call-next on server B: expected ticket ${a_id:-?}, got ${called:-no answer}"

  kill -9 "${servers[0]}"
  wait "${servers[0]}" 2>/dev/null || true
  curl -fsS -m 2 "${urls[0]}/api/health" >/dev/null 2>&1 &&
    step FAIL "server A still answers after kill -9" || step OK "server A killed with kill -9"

  b=$(issue "${urls[1]}")
  b_id=$(json ticket.id <<<"${b:-null}")
  b_number=$(json ticket.number <<<"${b:-null}")
  [ -n "$b_id" ] && [ "$b_id" != "$a_id" ] &&
    step OK "ticket $b_number issued on server B with server A dead" ||
    step FAIL "issue on server B after the kill: ${b:-no answer}"

  # Call-next finishes the counter's current ticket (the first one) and calls the next.
  called=$(call_next "${urls[1]}" "$staff")
  called_id=$(json ticket.id <<<"${called:-null}")
  [ -n "$b_id" ] && [ "$called_id" = "$b_id" ] &&
    step OK "server B called $b_number" ||
    step FAIL "second call-next on server B: expected ticket ${b_id:-?}, got ${called:-no answer}"

  health=$(curl -sS -f "${urls[1]}/api/health" 2>/dev/null || true)
  [ -n "$health" ] && step OK "server B healthy: $health" || step FAIL "server B health: no answer"

  if [ "$failed" = 0 ]; then
    echo "city-trial --check: OK"
  else
    echo "city-trial --check: FAIL (server logs below)"
    for name in A B; do echo "--- server $name"; tail -15 "$dir/server-$name.log"; done
    exit 1
  fi
  exit 0
fi

mkdir -p data/tickets
windows="not started"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if command -v Xvfb >/dev/null; then
    Xvfb :78 -screen 0 1920x1920x24 >"$dir/xvfb.log" 2>&1 &
    pids+=($!)
    export DISPLAY=:78
    sleep 1
    windows="running inside the virtual screen DISPLAY=:78 (no real screen here)"
  else
    windows="not started: no screen and no Xvfb (commands below)"
  fi
else
  windows="running in windows on this screen"
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  "$bin/madoguchi-kiosk" --server "$server_list" --site "$MADOGUCHI_SITE" --token "$MADOGUCHI_KIOSK_TOKEN" \
    --printer "file:data/tickets/last-ticket.escpos" >"$dir/kiosk.log" 2>&1 &
  pids+=($!)
  "$bin/madoguchi-display" --server "$server_list" --site "$MADOGUCHI_SITE" --token "$MADOGUCHI_DISPLAY_TOKEN" \
    >"$dir/display.log" 2>&1 &
  pids+=($!)
fi

cat <<TXT

madoguchi city trial is running: two servers on one PostgreSQL (demo site: $MADOGUCHI_SITE, 八幡西区役所).
  Database:            $db   (data: $dir/data)
  Server A:            ${urls[0]}   (pid ${servers[0]}; try kill -9 ${servers[0]} and carry on at B)
  Server B:            ${urls[1]}   (pid ${servers[1]})
  Kiosk and display:   $windows, both on $server_list
  Staff console:       ${urls[0]}/staff or ${urls[1]}/staff (staff1 / staff1-demo, super1 / super1-demo, admin / admin-demo)
  Tokens:              $dir/demo.env
  Kiosk by hand:       $bin/madoguchi-kiosk --server $server_list --site $MADOGUCHI_SITE --token \$MADOGUCHI_KIOSK_TOKEN
  Display by hand:     $bin/madoguchi-display --server $server_list --site $MADOGUCHI_SITE --token \$MADOGUCHI_DISPLAY_TOKEN
  Logs:                $dir/*.log
Press Ctrl-C to stop everything, PostgreSQL included.
TXT
wait
