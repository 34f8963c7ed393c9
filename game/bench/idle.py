"""Idle CPU: the real App.run() loop on screens waiting for input, against a bare loop redrawing on events."""

from __future__ import annotations

from .child import game_argv, reference_argv, run_together
from .harness import Figure, Target, median

SCREENS = (("title", "Idle CPU on the title"), ("select", "Idle CPU on the scenario select"),
           ("play", "Idle CPU on the play screen"), ("ending", "Idle CPU on the ending"))
SIZE = (1280, 720)
REFERENCE_LABEL = "a bare loop at 60 ticks a second that redraws only on events"


def idle_figures(runs: int, seconds: float, data_dir: str) -> list[Figure]:
    """Each run starts every waiting screen and the reference at once: idle processes barely compete."""
    w, h = SIZE
    samples: dict[str, list[float]] = {name: [] for name, _ in SCREENS}
    reference: list[float] = []
    waits: list[float] = []
    unsettled: set[str] = set()
    driver = ""
    for _ in range(max(1, runs)):
        argvs = [game_argv("idle", name, w, h, seconds) for name, _ in SCREENS]
        argvs += [reference_argv("idle", w, h, seconds), reference_argv("wait", w, h, seconds)]
        results = run_together(argvs, data_dir, timeout=120 + seconds)
        for (name, _), result in zip(SCREENS, results[:len(SCREENS)], strict=True):
            samples[name].append(result["cpu_percent"])
            if not result["settled"]:
                unsettled.add(name)
        reference.append(results[-2]["cpu_percent"])
        waits.append(results[-1]["cpu_percent"])
        driver = results[-1]["driver"]
    # What sleeping in pygame.event.wait costs by itself with this video driver (the dummy driver polls).
    wait_floor = {"event_wait_loop_cpu_percent": round(median(waits), 3), "video_driver": driver}
    figures = []
    for name, label in SCREENS:
        note = f"{w}x{h}, {seconds:g} s without input after the screen settled"
        if name in unsettled:
            note += "; the screen was still animating when measured"
        figures.append(Figure(f"idle.{name}", label, "% core", samples[name], reference, REFERENCE_LABEL,
                              Target(max_value=2.0), note=note, details=wait_floor))
    return figures
