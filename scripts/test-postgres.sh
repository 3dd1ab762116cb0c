#!/usr/bin/env bash
# Runs the server integration suite (cargo test -p madoguchi-server --test server) against a real
# PostgreSQL: a throwaway cluster (Debian's postgresql package, scripts/setup.sh installs it) is
# made with initdb in a temporary directory, started with pg_ctl on a free port on 127.0.0.1 and
# stopped and deleted at the end, whatever happens. Each test creates its own database on it
# (server/tests/server/common.rs reads MADOGUCHI_TEST_PG). Extra arguments go to the test binary,
# e.g. `scripts/test-postgres.sh sign_in` runs only the sign-in tests.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "test-postgres: PostgreSQL is not installed; run scripts/setup.sh (Debian package postgresql)." >&2
  exit 1
fi

# initdb and postgres refuse to run as root: as root, run them as Debian's postgres user.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  as_pg=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/madoguchi-pg.XXXXXX)
chmod 755 "$dir"
[ ${#as_pg[@]} -eq 0 ] || chown postgres "$dir"

stop() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

# A free port: nothing answers on it.
port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 12700))  # below the ephemeral range (32768+)
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || { echo "test-postgres: found no free port." >&2; exit 1; }

"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U madoguchi --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; echo "test-postgres: initdb failed (log above)." >&2; exit 1; }
# Durable commits as in production (fsync and synchronous_commit stay on); enough
# connections for two test threads, each with a server, its pools and a child process.
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null ||
  { cat "$dir/postgres.log" >&2; echo "test-postgres: PostgreSQL did not start (log above)." >&2; exit 1; }

export MADOGUCHI_TEST_PG="postgres://madoguchi@127.0.0.1:$port/postgres"
echo "test-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port"
start=$(date +%s)
# --workspace, not -p: the same feature set as the workspace build, so nothing compiles again.
cargo test --workspace --test server -- "$@"
echo "test-postgres: the server suite on PostgreSQL took $(($(date +%s) - start)) s"
