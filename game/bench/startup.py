"""Start-up: process start to the first frame of the title, and of the scenario select, against bare pygame."""

from __future__ import annotations

from .child import game_argv, reference_argv, run_child
from .harness import BenchError, Figure, Target, interleave_many

REFERENCE_LABEL = "a process that imports pygame, opens the same window and flips one frame with one line of text"
SIZE = (1280, 720)


def _first_frame_ms(argv: list[str], data_dir: str, seen: list[dict] | None = None) -> float:
    start, result = run_child(argv, data_dir)
    if seen is not None:
        seen.append(result)
    return (result["first_frame"] - start) * 1000


def startup_figures(runs: int, data_dir: str) -> list[Figure]:
    w, h = SIZE
    selects: list[dict] = []
    out = interleave_many({
        "title": lambda: _first_frame_ms(game_argv("startup", "title", w, h), data_dir),
        "select": lambda: _first_frame_ms(game_argv("startup", "select", w, h), data_dir, selects),
        "reference": lambda: _first_frame_ms(reference_argv("startup", w, h), data_dir),
    }, runs)
    last = selects[-1]
    if last["listed"] != last["bundled"]:
        raise BenchError(f"the scenario select listed {last['listed']} of {last['bundled']} bundled scenarios")
    size = f"{w}x{h}"
    return [
        Figure("startup.title", "Start-up to the title frame", "ms", out["title"], out["reference"],
               REFERENCE_LABEL, Target(max_ratio=1.5), note=f"{size}, fresh process each run"),
        Figure("startup.select", "Start-up to the scenario select", "ms", out["select"], out["reference"],
               REFERENCE_LABEL, Target(max_ratio=2.0),
               note=f"{size}, title then Start pressed; {last['listed']} scenarios listed",
               details={"listed": last["listed"]}),
    ]
