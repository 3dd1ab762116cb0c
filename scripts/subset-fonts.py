#!/usr/bin/env python3
"""Builds the font subsets in assets/fonts from Debian's font packages.

Run once after changing the character sets: `python3 scripts/subset-fonts.py`
(needs `pip install fonttools` and the Debian packages fonts-noto-cjk, fonts-noto-core,
fonts-morisawa-bizud-gothic). All fonts are SIL OFL 1.1; see assets/fonts/LICENSE.md.
"""
import os
import subprocess
import sys

OUT = os.path.join(os.path.dirname(__file__), "..", "assets", "fonts")
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-{}.ttc"
NOTO = "/usr/share/fonts/truetype/noto/{}"
BIZ = "/usr/share/fonts/truetype/bizud-gothic/{}"

BASIC = "".join(chr(c) for c in range(0x20, 0x7F)) + "×÷°±→←↑↓・「」『』（）【】、。〜ー…※○●◎△▲▽▼□■◇◆☆★♿✓✔✕✖"


def table_chars(encoding, lead_range, trail_range):
    chars = []
    for lead in lead_range:
        for trail in trail_range:
            try:
                chars.append(bytes([lead, trail]).decode(encoding))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


def jis_x_0208():
    return table_chars("euc_jp", range(0xA1, 0xF5), range(0xA1, 0xFF))


def gb2312():
    return table_chars("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))


def big5_common():
    # Symbols, then level-1 (common) hanzi 0xA440-0xC67E.
    return table_chars("big5", range(0xA1, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))


def ks_x_1001_hangul():
    return table_chars("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF)) + table_chars(
        "euc_kr", range(0xA1, 0xAD), range(0xA1, 0xFF)
    )


def subset(src, dst, text=None, unicodes=None, font_number=None):
    path = os.path.join(OUT, dst)
    args = ["pyftsubset", src, f"--output-file={path}", "--layout-features=*", "--no-hinting"]
    if font_number is not None:
        args.append(f"--font-number={font_number}")
    if text is not None:
        txt = path + ".txt"
        with open(txt, "w", encoding="utf-8") as f:
            f.write(text)
        args.append(f"--text-file={txt}")
    if unicodes is not None:
        args.append(f"--unicodes={unicodes}")
    subprocess.run(args, check=True)
    if text is not None:
        os.remove(txt)
    print(f"{dst}: {os.path.getsize(path) // 1024} KiB")


def main():
    os.makedirs(OUT, exist_ok=True)
    latin = "U+0020-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-218F,U+2190-21FF,U+2460-24FF,U+25A0-25FF,U+2600-26FF,U+2713-2716"
    subset(NOTO.format("NotoSans-Regular.ttf"), "NotoSans-Regular.ttf", unicodes=latin)
    subset(NOTO.format("NotoSans-Bold.ttf"), "NotoSans-Bold.ttf", unicodes=latin)
    subset(NOTO.format("NotoSansDevanagari-Regular.ttf"), "NotoSansDevanagari-Regular.ttf", unicodes="U+0020-007E,U+0900-097F,U+1CD0-1CFF,U+200C-200D,U+25CC,U+A8E0-A8FF")
    jp = BASIC + jis_x_0208() + "".join(chr(c) for c in range(0x3040, 0x3100)) + "".join(chr(c) for c in range(0xFF01, 0xFF9F))
    subset(BIZ.format("BIZUDGothic-Regular.ttf"), "BIZUDGothic-Regular.ttf", text=jp)
    subset(BIZ.format("BIZUDGothic-Bold.ttf"), "BIZUDGothic-Bold.ttf", text=jp)
    # NotoSansCJK-Regular.ttc faces: 0 JP, 1 KR, 2 SC, 3 TC.
    subset(CJK.format("Regular"), "NotoSansKR-Regular.otf", text=BASIC + ks_x_1001_hangul(), font_number=1)
    subset(CJK.format("Regular"), "NotoSansSC-Regular.otf", text=BASIC + gb2312(), font_number=2)
    subset(CJK.format("Regular"), "NotoSansTC-Regular.otf", text=BASIC + big5_common(), font_number=3)


if __name__ == "__main__":
    sys.exit(main())
