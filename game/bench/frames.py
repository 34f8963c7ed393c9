"""Frame time on the play screen at 1920x1080, and peak memory while playing, against a bare pygame loop."""

from __future__ import annotations

from .child import game_argv, reference_argv, run_child
from .harness import Figure, Target, interleave, percentile

SIZE = (1920, 1080)
REFERENCE_LABEL = ("a loop that fills, blits a background, draws four labelled buttons, two bars and a wrapped "
                   "paragraph with cached text")
MEMORY_REFERENCE_LABEL = "the reference frame loop's window at the same size"
PERCENTILES = (50, 95, 99)


def frame_and_memory_figures(runs: int, frames: int, data_dir: str) -> list[Figure]:
    from .route import bundled_scenarios, timer_route

    w, h = SIZE
    scenario, route = timer_route(bundled_scenarios())
    argv = game_argv("play", w, h, frames, scenario.id, ",".join(route))
    # A first, unmeasured run plays as a returning player's first play does: it fills the analysis and art
    # caches (a first start after installing explores every scenario and paints every picture once, which is
    # not the memory of playing) and lists the live surfaces for the details.
    warm = run_child([*argv, "census"], data_dir)[1]
    game, ref = interleave(lambda: run_child(argv, data_dir)[1],
                           lambda: run_child(reference_argv("frames", w, h, frames), data_dir)[1], runs)
    last = game[-1]
    activity = last["activity"]
    note = (f"{w}x{h}, {len(last['frame_ms'])} frames drawn in {frames} steps reaching '{last['scenario']}' node "
            f"'{last['node']}'; frames with meters moving "
            f"{activity['meters']}, text typing {activity['typewriter']}, countdown ticking {activity['countdown']}")
    figures = []
    for pct in PERCENTILES:
        target = Target(max_ratio=1.5, max_value=8.0) if pct == 99 else None
        figures.append(Figure(
            f"frames.play.p{pct}", f"Play-screen frame work p{pct}", "ms",
            [percentile(r["frame_ms"], pct) for r in game], [percentile(r["frame_ms"], pct) for r in ref],
            REFERENCE_LABEL, target, note=note, details={"activity": activity} if pct == 99 else {}))
    figures.append(Figure(
        "memory.peak", "Peak memory while playing", "MB",
        [r["peak_rss_kb"] / 1024 for r in game], [r["peak_rss_kb"] / 1024 for r in ref],
        MEMORY_REFERENCE_LABEL, Target(max_ratio=1.5),
        note=f"peak resident set size; the game played on to the ending '{last['ending']}'",
        details={"surfaces": warm["surfaces"], "first_run_peak_mb": round(warm["peak_rss_kb"] / 1024, 1)}))
    return figures
