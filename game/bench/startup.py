"""Start-up: process start to the first frame of the title, and of the scenario select, against bare pygame."""

from __future__ import annotations

from .child import game_argv, reference_argv, run_child
from .harness import BenchError, Figure, Target, interleave_many, median

REFERENCE_LABEL = "a process that imports pygame, opens the same window and flips one frame with one line of text"
SIZE = (1280, 720)


def _first_frame_ms(argv: list[str], data_dir: str, seen: list[dict] | None = None) -> float:
    start, result = run_child(argv, data_dir)
    if seen is not None:
        seen.append({**result, "start": start})
    return (result["first_frame"] - start) * 1000


def _phases(runs: list[dict]) -> dict[str, float]:
    """Median milliseconds of each start-up phase of the title: where the time goes.

    The scenario library loads in the background after the first frame, so it usually costs the title nothing.
    """
    def span(r: dict, a: str, b: str) -> float:
        marks = {**r["marks"], "start": r["start"]}
        return marks[b] - marks[a] if a in marks and b in marks and marks[b] <= r["marks"]["title_drawn"] else 0.0

    phases = {
        "python_and_imports": lambda r: span(r, "start", "imported"),
        "library_load_before_title": lambda r: span(r, "library_start", "library_end"),
        "window_and_rest_of_setup":
            lambda r: span(r, "imported", "app_built") - span(r, "library_start", "library_end"),
        "first_title_draw": lambda r: span(r, "app_built", "title_drawn"),
    }
    return {name: round(median([f(r) * 1000 for r in runs]), 1) for name, f in phases.items()}


def startup_figures(runs: int, data_dir: str) -> list[Figure]:
    w, h = SIZE
    selects: list[dict] = []
    titles: list[dict] = []
    run_child(game_argv("player"), data_dir)  # a returning player's data folder: a named learner, settings
    # The first start (to the select, which waits for the library) fills the analysis cache in the empty data
    # folder; later starts, like a player's, reuse it.
    first_start = _first_frame_ms(game_argv("startup", "select", w, h), data_dir)
    out = interleave_many({
        "title": lambda: _first_frame_ms(game_argv("startup", "title", w, h), data_dir, titles),
        "select": lambda: _first_frame_ms(game_argv("startup", "select", w, h), data_dir, selects),
        "reference": lambda: _first_frame_ms(reference_argv("startup", w, h), data_dir),
    }, runs)
    last = selects[-1]
    if last["listed"] != last["bundled"]:
        raise BenchError(f"the scenario select listed {last['listed']} of {last['bundled']} bundled scenarios")
    size = f"{w}x{h}"
    return [
        Figure("startup.title", "Start-up to the title frame", "ms", out["title"], out["reference"],
               REFERENCE_LABEL, Target(max_ratio=1.5),
               note=f"{size}, fresh process each run, a returning player's start (settings file, named learner, "
                    "learning records on), analysis cache filled by an earlier start",
               details={"phases_ms": _phases(titles), "first_select_empty_cache_ms": round(first_start, 1)}),
        Figure("startup.select", "Start-up to the scenario select", "ms", out["select"], out["reference"],
               REFERENCE_LABEL, Target(max_ratio=2.0),
               note=f"{size}, title then Start pressed: the first frame of the select, which shows its cards as "
                    f"the scenarios load ({last['first_listed']} of {last['listed']} then)",
               details={"listed": last["listed"], "first_listed": last["first_listed"],
                        "all_cards_ms": round(median([(r["all_listed"] - r["start"]) * 1000 for r in selects]), 1)}),
    ]
