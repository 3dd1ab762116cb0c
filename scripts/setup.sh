#!/usr/bin/env bash
# Installs what madoguchi needs on a fresh Debian machine: the Debian packages for building and
# running bevy windows (also headless under Xvfb), chromium for the browser tests, PostgreSQL for
# the server tests on the city database, the kiosk's speech engines, and the npm packages of
# tests/browser. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  pkg-config libasound2-dev libudev-dev libwayland-dev libxkbcommon-dev   # build bevy
  xvfb xauth mesa-vulkan-drivers libvulkan1                               # run windows headless
  chromium                                                                # browser tests
  fonts-noto-core fonts-noto-cjk                                          # web pages in every language (screenshots)
  sox libsox-fmt-all espeak-ng                                            # voice clips (scripts/make-voice.sh)
  open-jtalk open-jtalk-mecab-naist-jdic                                  # kiosk speech mode, with espeak-ng (voice: assets/speech/)
  zbar-tools                                                              # check QR codes by hand
  postgresql                                                              # server tests on PostgreSQL (scripts/test-postgres.sh)
  curl ca-certificates
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust 1.95 with rustup (https://rustup.rs) and run again." >&2; exit 1; }

if [ -f tests/browser/package.json ] && command -v npm >/dev/null; then
  if [ ! -d tests/browser/node_modules ]; then
    echo "setup: installing npm packages of tests/browser"
    (cd tests/browser && { [ -f package-lock.json ] && npm ci --no-audit --no-fund || npm install --no-audit --no-fund; })
  fi
fi
echo "setup: ok"
