#!/usr/bin/env bash
# Regenerates the display's voice clips and chime (assets/voice, assets/sounds).
# Needs: sox, espeak-ng (Debian) and pyopenjtalk-plus (PyPI). The clips are committed; a
# display needs none of these tools at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import pyopenjtalk" 2>/dev/null || pip install --quiet pyopenjtalk-plus
python3 scripts/make-voice.py "$@"
du -sh assets/voice assets/sounds
