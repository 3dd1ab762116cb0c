#!/usr/bin/env bash
# Screenshots of the waiting-room display under Xvfb, from the built-in demo boards (no
# network): a busy board in ja, en, vi, ne and zh-Hans, one at 3840x2160, a closed screen
# and an offline mark -> docs/screenshots/display-*.png. Fails if a file is missing or blank.
set -euo pipefail
cd "$(dirname "$0")/.."
# The same build as start.sh (all binaries at once), so bevy is compiled once for both scripts.
[ "${MADOGUCHI_PREBUILT:-0}" = 1 ] || cargo build -q --workspace --bins  # PREBUILT (test.sh): the test build's binaries
bin="${CARGO_TARGET_DIR:-target}/debug/madoguchi-display"
out=docs/screenshots
mkdir -p "$out"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

shot() { # name lang scene window
    local file="$out/display-$1.png"
    rm -f "$file"
    if ! timeout 60 xvfb-run -a -s "-screen 0 3840x2160x24" \
        "$bin" screenshot --demo --mute --lang "$2" --scene "$3" --window "$4" --out "$file" \
        >"$log" 2>&1; then
        grep -v -e '^ALSA' "$log" | tail -20 >&2
        echo "FAIL: $file was not made" >&2
        exit 1
    fi
    # Not blank: decode the PNG (zlib) and count distinct pixel values; a board has hundreds.
    local colours
    colours=$(python3 - "$file" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, bpp = 8, b"", 0, 4
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width = struct.unpack(">I", body[:4])[0]
        bpp = {2: 3, 6: 4}.get(body[9], 4)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = 1 + width * bpp
seen = set()
for row in range(0, len(raw) // stride, 7):
    line = raw[row * stride + 1:(row + 1) * stride]
    seen.update(line[i:i + bpp] for i in range(0, len(line), bpp * 5))
print(len(seen))
PY
)
    if [ "$colours" -lt 50 ]; then
        echo "FAIL: $file looks blank ($colours colours)" >&2
        exit 1
    fi
    if grep -q 'ICU4X' "$log"; then
        echo "FAIL: $file: the log has ICU4X warnings again" >&2
        exit 1
    fi
    echo "ok  $file ($(du -k "$file" | cut -f1) KB)"
}

shot busy-ja ja busy 1920x1080
shot busy-en en busy 1920x1080
shot busy-vi vi busy 1920x1080
shot city-desk en city-desk 1920x1080
shot busy-ne ne busy 1920x1080
shot busy-zh-Hans zh-Hans busy 1920x1080
shot busy-4k-ko ko busy 3840x2160
shot closed-en en closed 1920x1080
shot offline-vi vi offline 1920x1080
shot portrait-ja ja busy 1080x1920
