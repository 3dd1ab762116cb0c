#!/usr/bin/env bash
# Call -> display latency: builds in release, starts the server on a temporary database
# (--open-all-hours, init-demo), connects CLIENTS SSE display clients (the display's own
# network code) and has staff1 issue and call CALLS tickets over HTTP. Prints a table and
# ends with `summary: p50_ms=N p99_ms=N displays=N`. Goal: p99 < 100 ms.
# Usage: scripts/bench-display.sh [CLIENTS] [CALLS] [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-50}
calls=${2:-200}
port=${3:-18082}
cargo build --release -q -p madoguchi-server -p madoguchi-display
tmp=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
target/release/madoguchi-server init-demo --db "$tmp/bench.db" --out "$tmp/demo.env" >/dev/null
target/release/madoguchi-server serve --db "$tmp/bench.db" --listen "127.0.0.1:$port" --open-all-hours \
    >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
    sleep 0.1
done
if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$tmp/server.log" >&2
    echo "the server did not start (is port $port taken? pass another as the third argument)" >&2
    exit 1
fi
set -a
# shellcheck disable=SC1091
. "$tmp/demo.env"
set +a
target/release/madoguchi-display --server "http://127.0.0.1:$port" \
    bench --clients "$clients" --calls "$calls"
