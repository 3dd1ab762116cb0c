# A throwaway PostgreSQL cluster, sourced by scripts/bench-server.sh and scripts/city-trial.sh
# (scripts/test-postgres.sh does the same on its own): initdb in a new directory, pg_ctl on a free
# port of 127.0.0.1, trust authentication for the user `madoguchi`, durable commits as in
# production (fsync and synchronous_commit stay on). Debian's postgresql package
# (scripts/setup.sh installs it); as root, the server runs as Debian's postgres user.
#
#   pg_cluster_start DIR [MAX_CONNECTIONS]   sets PG_BIN, PG_PORT, PG_URL (…/postgres), PG_LOG
#   pg_cluster_stop DIR                      stops it at once (the data is thrown away)

pg_cluster_start() {
  local dir=$1 max_connections=${2:-200}
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL is not installed; run scripts/setup.sh (Debian package postgresql)." >&2
    return 1
  fi
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    PG_AS=(runuser -u postgres --)
  fi
  mkdir -p "$dir"
  chmod 755 "$dir"
  [ ${#PG_AS[@]} -eq 0 ] || chown postgres "$dir"
  PG_LOG="$dir/postgres.log"
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$dir/data" -U madoguchi --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; echo "initdb failed (log above)." >&2; return 1; }
  # A port below Linux's ephemeral range (32768+), where no outgoing connection takes it; one
  # taken between the check and the start is tried again on another port.
  PG_PORT=""
  local candidate attempt
  for attempt in 1 2 3 4 5; do
    candidate=""
    for _ in $(seq 1 50); do
      candidate=$((20000 + RANDOM % 12700))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        break
      fi
      candidate=""
    done
    [ -n "$candidate" ] || { echo "found no free port for PostgreSQL." >&2; return 1; }
    if "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$PG_LOG" -w -t 60 \
      -o "-p $candidate -k $dir -c listen_addresses=127.0.0.1 -c max_connections=$max_connections" \
      start >/dev/null; then
      PG_PORT=$candidate
      break
    fi
    echo "PostgreSQL could not start on port $candidate (attempt $attempt); trying another port." >&2
  done
  [ -n "$PG_PORT" ] || { cat "$PG_LOG" >&2; echo "PostgreSQL did not start (log above)." >&2; return 1; }
  PG_URL="postgres://madoguchi@127.0.0.1:$PG_PORT/postgres"
}

pg_cluster_stop() {
  local dir=$1
  [ -n "${PG_BIN:-}" ] && [ -d "$dir/data" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
}
