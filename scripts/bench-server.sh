#!/usr/bin/env bash
# The server benchmark with every column in one run: SQLite with one server, PostgreSQL with one
# server, PostgreSQL with two servers on one database, and each database's raw commit ceiling
# on this machine. Starts a throwaway PostgreSQL cluster (scripts/pg-cluster.sh: initdb in a
# temporary directory, a free port, durable commits), runs
# `madoguchi-server bench --pg …` (release build) and stops and deletes the cluster at the end,
# whatever happens. Extra arguments go to the benchmark, e.g. `scripts/bench-server.sh --seconds 5`.
# Prints a markdown table; the last line is `summary: …`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/pg-cluster.sh
source scripts/pg-cluster.sh

dir=$(mktemp -d /tmp/madoguchi-bench-pg.XXXXXX)
stop() {
  pg_cluster_stop "$dir"
  rm -rf "$dir"
}
trap stop EXIT

echo "bench-server: building the server (release)" >&2
cargo build --release -p madoguchi-server >&2
target="${CARGO_TARGET_DIR:-target}"

# Room for the ceiling's connections (one per client) and two servers' pools.
pg_cluster_start "$dir" 300
echo "bench-server: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
# Errors only: the benchmark's own progress lines go to stderr unconditionally.
RUST_LOG="${RUST_LOG:-error}" "$target/release/madoguchi-server" bench --pg "$PG_URL" "$@"
