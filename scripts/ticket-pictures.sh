#!/usr/bin/env bash
# Pictures of printed tickets from what the kiosk really prints: `madoguchi-kiosk test-print`
# lays out a real ticket of the shipped configuration (site, service, language) and writes the
# ESC/POS bytes a printer would get to a file: printer; `decode-ticket` turns those bytes back
# into the picture that would come out of the printer, and zbarimg reads its QR code back.
# Usage: scripts/ticket-pictures.sh [OUT_DIR]   (default target/screenshots/tickets;
#        the README's pictures: scripts/ticket-pictures.sh docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/screenshots/tickets}"
bin="${CARGO_TARGET_DIR:-target}/debug/madoguchi-kiosk"
[ "${MADOGUCHI_PREBUILT:-0}" = 1 ] || cargo build -q --workspace --bins  # PREBUILT (test.sh): the test build's binaries
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# lang site service [booked]: the README's three, plus Easy Japanese, a branch office, and a
# booked pickup (R number, slot, "called from") in Japanese and English.
tickets=(
  "vi yahatanishi pickup"
  "ne yahatanishi ecert"
  "ja yahatanishi apply"
  "ja-easy kokurakita pickup"
  "en orio ecert"
  "ja yahatanishi pickup booked"
  "en yahatanishi pickup booked"
)
for t in "${tickets[@]}"; do
  read -r lang site service booked <<<"$t"
  name="ticket-$lang"
  [ "$site" = yahatanishi ] || name="ticket-$lang-$site"
  extra=()
  [ -z "${booked:-}" ] || { name="$name-booked"; extra=(--booked); }
  "$bin" --site "$site" --printer "file:$tmp/$name.escpos" test-print --lang "$lang" --service "$service" "${extra[@]}"
  "$bin" decode-ticket "$tmp/$name.escpos" --png "$out/$name.png" >/dev/null
  if command -v zbarimg >/dev/null; then
    qr=$(zbarimg -q --raw "$out/$name.png" 2>/dev/null) || { echo "the QR code of $name could not be read back" >&2; exit 1; }
    case "$qr" in http*/s/*) ;; *) echo "the QR code of $name reads '$qr', not a status page" >&2; exit 1 ;; esac
  fi
done
echo "ticket pictures in $out/ (decoded from the printed bytes; QR codes read back)"
