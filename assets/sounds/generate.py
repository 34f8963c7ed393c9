"""Write every sound of Customer Chain as a WAV file beside this script.

The cues are synthesised by game/ui/audio.py, the room tones and the music bed by game/ui/ambience_synth.py
(standard library only, fixed seeds: the same bytes every time). Run `python assets/sounds/generate.py` from
the repository root after changing a recipe there. The game falls back to the same synthesis if a cue's file is
missing; a missing room tone or music bed is simply not heard.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from game.ui.ambience_synth import files  # noqa: E402
from game.ui.audio import CUES, wav_bytes  # noqa: E402


def main() -> None:
    made = {f"{cue}.wav": (lambda cue=cue: wav_bytes(cue)) for cue in CUES}
    made.update(files())
    for name, make in made.items():
        target = HERE / name
        target.write_bytes(make())
        print(f"wrote {target.relative_to(HERE.parents[1])} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
