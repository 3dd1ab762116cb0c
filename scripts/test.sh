#!/usr/bin/env bash
# Runs every test of madoguchi, as CI does (.ci/run calls exactly this): formatting, lints, the
# Rust tests of every crate (engine, server over real HTTP and SSE, kiosk flow and screens,
# printer bytes decoded back, display board and announcements, simulator, reports), the server
# suite a second time on a real PostgreSQL (scripts/test-postgres.sh), the browser
# tests of the web pages in Debian's chromium, and screenshots of the kiosk and display windows
# under Xvfb (into target/screenshots, checked for missing files and blank images).
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
scripts/setup.sh

# Each step's header says how long the run has taken so far (CI's budget is read from these).
step() { printf '\n== %s == (at %d s)\n' "$*" "$(($(date +%s) - started))"; }

step "format"
cargo fmt --all --check

step "layering"
scripts/check-deps.py

step "lints"
cargo clippy --workspace --all-targets -- -D warnings

step "rust tests"
# No crate has doc tests (`cargo test --doc` would only spend a minute finding none).
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast
else
  cargo test --workspace --no-fail-fast
fi

# The test build above also built every binary into target/debug (integration tests run them),
# with the test build's features; the steps below use exactly those (MADOGUCHI_PREBUILT=1) so
# nothing compiles again (a separate `cargo build --bins` resolves features without the
# dev-dependencies and rebuilt the kiosk, display and printer: 1–2 minutes).
bin="${CARGO_TARGET_DIR:-target}/debug"
for b in madoguchi-server madoguchi-kiosk madoguchi-display madoguchi-sim; do
  [ -x "$bin/$b" ] || { echo "test: $bin/$b was not built by the test build" >&2; exit 1; }
done
export MADOGUCHI_PREBUILT=1

step "server tests on PostgreSQL (a throwaway cluster, stopped at the end)"
scripts/test-postgres.sh

step "city deployment on one machine (two servers on one PostgreSQL, kill -9 of one)"
scripts/city-trial.sh --check

step "shipped configuration"
"$bin/madoguchi-server" check-config

step "printed tickets (test-print bytes decoded, QR read back)"
scripts/ticket-pictures.sh

step "API fuzzing (Schemathesis, from /api/openapi.json)"
scripts/fuzz-api.sh

for s in test-browser kiosk-screenshots display-screenshots; do
  if [ -x "scripts/$s.sh" ]; then
    step "$s"
    "scripts/$s.sh"
  fi
done

printf '\nall tests passed in %d s\n' "$(($(date +%s) - started))"
