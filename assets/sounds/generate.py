"""Write every sound cue of Customer Chain as a WAV file beside this script.

The sounds are synthesised by game/ui/audio.py; run `python assets/sounds/generate.py` from the repository
root after changing a recipe there. The game falls back to the same synthesis if a file is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from game.ui.audio import CUES, wav_bytes  # noqa: E402


def main() -> None:
    for cue in CUES:
        target = HERE / f"{cue}.wav"
        target.write_bytes(wav_bytes(cue))
        print(f"wrote {target.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
