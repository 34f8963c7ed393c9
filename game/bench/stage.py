"""The solo stage's frame time at 1920x1080 while a node dissolves into the next and while a line types (the
person talking), against a bare pygame stage loop doing the same fades; plus the stage's live surfaces."""

from __future__ import annotations

from .child import game_argv, reference_argv, run_child
from .harness import Figure, Target, interleave, percentile

SIZE = (1920, 1080)
REFERENCE_LABEL = ("a bare loop blitting a full-window setting, a person with two mouths, a translucent box and "
                   "two text lines, copying the screen and fading the copy out every 40 frames")
TARGET = Target(max_ratio=1.5, max_value=8.0)
KINDS = (("dissolve", "during a dissolve"), ("talking", "while a line types"))


def stage_figures(runs: int, frames: int, data_dir: str) -> list[Figure]:
    w, h = SIZE
    game, ref = interleave(lambda: run_child(game_argv("stage", w, h, frames), data_dir)[1],
                           lambda: run_child(reference_argv("stage", w, h, frames), data_dir)[1], runs)
    last = game[-1]
    figures = []
    for kind, words in KINDS:
        key = f"{kind}_ms"
        note = (f"{w}x{h}, '{last['scenario']}' node '{last['node']}' shown again every 40 frames; p99 of "
                f"{len(last[key])} frames {words} (after two unrecorded cycles)")
        figures.append(Figure(f"frames.stage.{kind}.p99", f"Stage frame work p99 {words}", "ms",
                              [percentile(r[key], 99) for r in game], [percentile(r[key], 99) for r in ref],
                              REFERENCE_LABEL, TARGET, note=note,
                              details={"p50_ms": round(percentile(last[key], 50), 3),
                                       **({"surfaces": last["surfaces"]} if kind == "dissolve" else {})}))
    return figures
