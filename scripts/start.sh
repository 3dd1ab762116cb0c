#!/usr/bin/env bash
# Sets up and starts madoguchi on this machine: the server with its embedded SQLite database on
# the shipped configuration (13 Kitakyushu sites), a lobby kiosk and a waiting-room display for
# 八幡西区役所. Without a screen, the two windows run inside a virtual one (Xvfb).
#
# Settings (environment): MADOGUCHI_LISTEN (default 127.0.0.1:8080), MADOGUCHI_REAL_HOURS=1 to
# refuse tickets outside the real opening hours (default: demo mode, open at any hour),
# MADOGUCHI_WINDOWS=0 to start the server alone. Stop everything with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/setup.sh
echo "start: building (the first build takes several minutes)"
cargo build --bins

bin="$root/target/debug"
mkdir -p data/logs data/tickets
listen="${MADOGUCHI_LISTEN:-127.0.0.1:8080}"
url="http://$listen"

"$bin/madoguchi-server" check-config
"$bin/madoguchi-server" init-demo --db data/madoguchi.db --out data/demo.env
# shellcheck disable=SC1091
source data/demo.env

hours_flag="--open-all-hours"
[ "${MADOGUCHI_REAL_HOURS:-0}" = "1" ] && hours_flag=""

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

"$bin/madoguchi-server" serve --db data/madoguchi.db --listen "$listen" --public-url "$url" $hours_flag \
  >data/logs/server.log 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fsS "$url/api/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$url/api/health" >/dev/null || { echo "start: the server did not come up; see data/logs/server.log" >&2; tail -20 data/logs/server.log >&2; exit 1; }
echo "start: server up at $url (log: data/logs/server.log, database: data/madoguchi.db)"

windows="not started"
if [ "${MADOGUCHI_WINDOWS:-1}" != "0" ]; then
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    if command -v Xvfb >/dev/null; then
      Xvfb :77 -screen 0 1920x1920x24 >data/logs/xvfb.log 2>&1 &
      pids+=($!)
      export DISPLAY=:77
      sleep 1
      windows="running inside the virtual screen DISPLAY=:77 (no real screen here); see them with scripts/kiosk-screenshots.sh and scripts/display-screenshots.sh, or run this on a machine with a screen"
    else
      windows="not started: no screen and no Xvfb. Open them by hand on a machine with a screen (commands below)"
    fi
  else
    windows="running in windows on this screen"
  fi
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "$bin/madoguchi-kiosk" --server "$url" --site "$MADOGUCHI_SITE" --token "$MADOGUCHI_KIOSK_TOKEN" \
      --printer "file:data/tickets/last-ticket.escpos" >data/logs/kiosk.log 2>&1 &
    pids+=($!)
    "$bin/madoguchi-display" --server "$url" --site "$MADOGUCHI_SITE" --token "$MADOGUCHI_DISPLAY_TOKEN" \
      >data/logs/display.log 2>&1 &
    pids+=($!)
  fi
fi

cat <<TXT

madoguchi is running (demo site: $MADOGUCHI_SITE, 八幡西区役所). ${hours_flag:+Demo mode: tickets are issued at any hour.}
  Kiosk and display:   $windows
  Staff console:       $url/staff      (staff1 / staff1-demo, supervisor super1 / super1-demo, admin / admin-demo)
  Congestion page:     $url/congestion
  API and tokens:      $url/api/openapi.json, data/demo.env
  Printed tickets:     data/tickets/last-ticket.escpos
                       (to PNG: target/debug/madoguchi-kiosk decode-ticket data/tickets/last-ticket.escpos --png data/tickets/last-ticket.png)
  Kiosk by hand:       target/debug/madoguchi-kiosk --server $url --site $MADOGUCHI_SITE --token \$MADOGUCHI_KIOSK_TOKEN
  Display by hand:     target/debug/madoguchi-display --server $url --site $MADOGUCHI_SITE --token \$MADOGUCHI_DISPLAY_TOKEN
  Logs:                data/logs/
Press Ctrl-C to stop.
TXT
wait
