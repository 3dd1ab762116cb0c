#!/usr/bin/env python3
"""Pre-render the display's call announcements into assets/voice/<code>/*.ogg and the chime.

The display (display/src/announce/) plays these clips back to back, so no speech engine runs
on a display PC. Each language has a few phrases (intro, mid, to-counter, outro, ...), the
letters A-Z, the numbers 0-99, the hundreds 100-900 and the thousands 1000-9000; a number
such as 123 is said as "h-1" + "n-23". The clip names must match display/src/announce/script.rs
(a test there checks that every clip an announcement can ask for exists).

Japanese: pyopenjtalk-plus (PyPI, bundled dictionary and voice, offline).
Others: espeak-ng. espeak-ng has no Tagalog voice: Tagalog phrases are read by its Indonesian
voice (close spelling-to-sound rules) and letters and numbers by its English voice, the way
numbers are usually said in the Philippines.

Output: mono, 16 kHz, Ogg Vorbis (sox), leading and trailing silence trimmed.
Only missing clips are rendered, so committed clips stay byte for byte as they are when their
text did not change; --force renders every clip again (after changing a phrase's text, delete
its clip or use --force).
Usage: python3 scripts/make-voice.py [--only ja,vi] [--out assets] [--force]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import wave

RATE = 16000
QUALITY = "1"  # Vorbis quality (sox -C): small files, clear speech
LETTERS = [chr(c) for c in range(ord("A"), ord("Z") + 1)]

JA_LETTERS = ["エー", "ビー", "シー", "ディー", "イー", "エフ", "ジー", "エイチ", "アイ", "ジェー",
              "ケー", "エル", "エム", "エヌ", "オー", "ピー", "キュー", "アール", "エス", "ティー",
              "ユー", "ブイ", "ダブリュー", "エックス", "ワイ", "ゼット"]

# Phrase texts per language code: assets/voice/phrases.toml, the table the display reads too
# (its names match display/src/announce/script.rs).
PHRASES_FILE = os.path.join(os.path.dirname(__file__), "..", "assets", "voice", "phrases.toml")


def load_phrases():
    with open(PHRASES_FILE, "rb") as f:
        return tomllib.load(f)


PHRASES = load_phrases()

# espeak-ng voice for phrases, and for letters/numbers.
ESPEAK = {
    "en": ("en-us", "en-us"),
    "vi": ("vi", "vi"),
    "ko": ("ko", "ko"),
    "zh-Hans": ("cmn", "cmn"),
    "zh-Hant": ("cmn", "cmn"),
    "ne": ("ne", "ne"),
    "tl": ("id", "en-us"),
    "id": ("id", "id"),
    "pt": ("pt-br", "pt-br"),
}

DEVANAGARI_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")


def number_text(code, n):
    text = str(n)
    if code == "ne":
        text = text.translate(DEVANAGARI_DIGITS)
    return text


def items(code):
    """(clip name, text) pairs of one language."""
    out = list(PHRASES[code].items())
    for i, letter in enumerate(LETTERS):
        out.append((f"letter-{letter.lower()}", JA_LETTERS[i] if code == "ja" else letter))
    for n in range(100):
        out.append((f"n-{n}", number_text(code, n)))
    for d in range(1, 10):
        out.append((f"h-{d}", number_text(code, d * 100)))
        out.append((f"t-{d}", number_text(code, d * 1000)))
    return out


def is_spelled(name):
    return name.startswith(("letter-", "n-", "h-", "t-"))


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def encode(wav_path, ogg_path):
    # Trim silence at both ends (keep 40 ms), mono, 16 kHz, Vorbis.
    run(["sox", wav_path, "-r", str(RATE), "-c", "1", "-C", QUALITY, ogg_path,
         "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse",
         "pad", "0.04", "0.04", "norm", "-3"])


def synth_ja(text, wav_path):
    import numpy as np
    import pyopenjtalk

    samples, sr = pyopenjtalk.tts(text)
    pcm = np.clip(samples, -32768, 32767).astype(np.int16)
    with wave.open(wav_path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(int(sr))
        w.writeframes(pcm.tobytes())


def synth_espeak(voice, text, wav_path):
    run(["espeak-ng", "-v", voice, "-s", "145", "-w", wav_path, text])


def make_lang(code, out_dir, tmp, force):
    folder = os.path.join(out_dir, "voice", code)
    os.makedirs(folder, exist_ok=True)
    made = 0
    for name, text in items(code):
        ogg_path = os.path.join(folder, f"{name}.ogg")
        if os.path.exists(ogg_path) and not force:
            continue
        made += 1
        wav_path = os.path.join(tmp, f"{code}-{name}.wav")
        if code == "ja":
            synth_ja(text, wav_path)
        else:
            phrase_voice, spell_voice = ESPEAK[code]
            synth_espeak(spell_voice if is_spelled(name) else phrase_voice, text, wav_path)
        encode(wav_path, ogg_path)
    print(f"{code}: {made} rendered, {len(os.listdir(folder))} clips")


def make_sounds(out_dir, tmp, force):
    folder = os.path.join(out_dir, "sounds")
    os.makedirs(folder, exist_ok=True)
    if not force and all(os.path.exists(os.path.join(folder, f)) for f in ("chime.ogg", "gap.ogg")):
        return
    # A two-note "ding-dong" (E6, C6) with a soft bell decay.
    hi, lo = os.path.join(tmp, "hi.wav"), os.path.join(tmp, "lo.wav")
    run(["sox", "-n", "-r", "22050", "-c", "1", hi, "synth", "0.7", "sine", "1318.5",
         "sine", "2637", "remix", "-", "fade", "q", "0.01", "0.7", "0.65", "vol", "0.6"])
    run(["sox", "-n", "-r", "22050", "-c", "1", lo, "synth", "1.1", "sine", "1046.5",
         "sine", "2093", "remix", "-", "fade", "q", "0.01", "1.1", "1.0", "vol", "0.6"])
    run(["sox", hi, lo, "-C", "3", os.path.join(folder, "chime.ogg"), "norm", "-3"])
    run(["sox", "-n", "-r", str(RATE), "-c", "1", "-C", QUALITY,
         os.path.join(folder, "gap.ogg"), "trim", "0", "0.45"])
    print("sounds: chime.ogg, gap.ogg")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated language codes")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "assets"))
    parser.add_argument("--force", action="store_true", help="render existing clips again")
    args = parser.parse_args()
    for tool in ("sox", "espeak-ng"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install -y {tool}")
    codes = args.only.split(",") if args.only else list(PHRASES)
    with tempfile.TemporaryDirectory() as tmp:
        make_sounds(args.out, tmp, args.force)
        for code in codes:
            make_lang(code, args.out, tmp, args.force)


if __name__ == "__main__":
    main()
