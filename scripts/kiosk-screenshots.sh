#!/usr/bin/env bash
# Screenshots of every kiosk screen under Xvfb (no display or network needed):
#   every screen, all 11 languages, portrait 1080x1920        -> target/screenshots/kiosk/
#   every screen, ja, landscape 1920x1080                      -> target/screenshots/kiosk-landscape/
#   the main screens, ja, en, vi: low reach, large text
#   (portrait) and landscape                                   -> target/screenshots/kiosk-variants/
#   ja, en, vi: every screen portrait and the variants        -> docs/screenshots/ (half size)
# Checks that every PNG exists and is not blank. Usage: scripts/kiosk-screenshots.sh [--no-docs]
set -euo pipefail
cd "$(dirname "$0")/.."

export WGPU_BACKEND="${WGPU_BACKEND:-vulkan}"
export RUST_LOG="${RUST_LOG:-warn}"
out=target/screenshots/kiosk
docs=docs/screenshots
all_langs=ja,ja-easy,en,zh-Hans,zh-Hant,ko,vi,ne,tl,id,pt
doc_langs=(ja en vi)
variant_langs=ja,en,vi
variant_screens=purpose,question,confirm,ticket  # KIOSK_TOUR_SCREENS: a few screens, to keep CI time
screens_per_lang=25  # the tour's steps (kiosk/src/ui/tour.rs)

# The same build as start.sh (all binaries at once), so bevy is compiled once for both scripts.
[ "${MADOGUCHI_PREBUILT:-0}" = 1 ] || cargo build -q --workspace --bins  # PREBUILT (test.sh): the test build's binaries
bin="${CARGO_TARGET_DIR:-target}/debug/madoguchi-kiosk"

tour() { # OUT LANGS WINDOW
  xvfb-run -a -s "-screen 0 1920x1920x24" "$bin" tour --out "$1" --langs "$2" --window "$3" \
    >"$1.log" 2>&1 || { echo "kiosk tour failed, see $1.log" >&2; tail -20 "$1.log" >&2; exit 1; }
}

rm -rf "$out" "$out-landscape" "$out-variants"
mkdir -p "$out" "$out-landscape" "$out-variants"
tour "$out" "$all_langs" 1080x1920
tour "$out-landscape" ja 1920x1080
KIOSK_TOUR_SCREENS=$variant_screens KIOSK_TOUR_VARIANT=low-reach tour "$out-variants" "$variant_langs" 1080x1920
KIOSK_TOUR_SCREENS=$variant_screens KIOSK_TOUR_VARIANT=large-text tour "$out-variants" "$variant_langs" 1080x1920
KIOSK_TOUR_SCREENS=$variant_screens tour "$out-variants" "$variant_langs" 1920x1080

# Every PNG exists, has the window's size and is not blank (many distinct pixel values).
python3 - "$out" "$out-landscape" "$screens_per_lang" "$all_langs" "$out-variants" <<'PY'
import sys, zlib, struct, pathlib
out, land, per, langs = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(',')
variants = pathlib.Path(sys.argv[5])
def png_stats(p):
    data = p.read_bytes()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', f"{p} is not a PNG"
    i, idat, w, h = 8, b"", 0, 0
    while i < len(data):
        n, kind = struct.unpack('>I4s', data[i:i+8]); body = data[i+8:i+8+n]; i += 12 + n
        if kind == b'IHDR': w, h = struct.unpack('>II', body[:8])
        elif kind == b'IDAT': idat += body
    raw = zlib.decompress(idat)
    return w, h, len(set(raw[::97]))
bad = []
for lang in langs:
    files = sorted(out.glob(f"kiosk-{lang}-[0-9]*.png"))
    if len(files) != per: bad.append(f"{lang}: {len(files)} screenshots, expected {per}")
# 4 screens x 3 languages in low reach, large text and landscape.
if len(list(variants.glob("*.png"))) != 4 * 3 * 3: bad.append("variants: missing screenshots")
for p in list(out.glob("*.png")) + list(land.glob("*.png")) + list(variants.glob("*.png")):
    w, h, distinct = png_stats(p)
    if distinct < 8: bad.append(f"{p}: looks blank ({distinct} distinct byte values)")
if len(list(land.glob("*.png"))) != per: bad.append("landscape: missing screenshots")
if bad:
    print("\n".join(bad), file=sys.stderr); sys.exit(1)
print(f"kiosk screenshots OK: {len(list(out.glob('*.png')))} portrait, {len(list(land.glob('*.png')))} landscape, {len(list(variants.glob('*.png')))} low reach / large text / landscape")
PY

if [[ "${1:-}" != "--no-docs" ]]; then
  mkdir -p "$docs"
  rm -f "$docs"/kiosk-*.png
  for l in "${doc_langs[@]}"; do cp "$out"/kiosk-"$l"-[0-9]*.png "$docs"/; done
  cp "$out-variants"/*.png "$docs"/
  # Half size keeps the repository small; the full-size set stays in target/.
  "$bin" shrink-pngs --scale 0.5 "$docs"/kiosk-*.png
  echo "copied to $docs/"
fi
