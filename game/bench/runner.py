"""The game side of the benchmark: the real App, built by bootstrap, run headless in a child process.

    python -m game.bench.runner startup title|select W H   (a returning player's start: see screens.returning_player)
    python -m game.bench.runner player                     (make the data folder a returning player's)
    python -m game.bench.runner play W H FRAMES SCENARIO CHOICES [census]  (CHOICES: 1,2,1 to a timed node)
    python -m game.bench.runner idle title|select|play|ending W H SECONDS
    python -m game.bench.runner stage W H FRAMES
    python -m game.bench.runner preview W H SAVES FILE

Each prints one line `BENCH-RESULT {json}`. Imports are deferred so start-up is timed from the first line.
"""

from __future__ import annotations

import sys
import time


def _now() -> float:
    return time.perf_counter()


def startup(screen: str, w: int, h: int) -> None:
    """Exit right after the first frame of the title (or, after pressing Start, of the scenario select)."""
    from . import screens

    marks = {"imported": _now()}
    app = screens.title_app((w, h), marks)
    marks["app_built"] = _now()
    while app.frames_drawn == 0:
        app.step(dt=1 / 60)
    first = marks["title_drawn"] = app.first_frame_at or _now()  # on screen at its flip
    details: dict = {}
    if screen == "select":
        first_listed, first = screens.open_select(app)
        listed = screens.all_cards(app)
        details = {"listed": listed, "first_listed": first_listed, "all_listed": _now(),
                   "bundled": screens.bundled_count()}
    _emit(first_frame=first, marks=marks, **details)


def play(w: int, h: int, frames: int, scenario_id: str, route: list[str], census: bool = False) -> None:
    """Frame work on the play screen while meters animate, text types and a countdown ticks; then peak memory.
    `census`: also list the live surfaces on the play screen and after the ending (its own scan of every object
    raises the peak, so measured runs leave it out)."""
    from . import screens

    app, session = screens.play_app((w, h), scenario_id, route)
    session.patience = min(1.0, frames / 600)  # the whole node in the frames given: typing, the pick, the coach
    times: list[float] = []
    activity = {"meters": 0, "typewriter": 0, "countdown": 0}
    for _ in range(frames):
        session.step_before_timer(app)
        start = _now()
        drawn = app.step(dt=1 / 60)
        if drawn:  # a step that drew nothing presents no frame (the screen was waiting for the reader)
            times.append((_now() - start) * 1000)
        for key, active in session.activity(app).items():
            activity[key] += int(active)
    on_play = census_lines() if census else []
    ending = session.finish(app)
    peak = _peak_rss_kb()
    _emit(frame_ms=times, activity=activity, node=session.timer_node, scenario=session.scenario_id,
          ending=ending, peak_rss_kb=peak, surfaces={"play": on_play, "ending": census_lines() if census else []})


def stage(w: int, h: int, frames: int) -> None:
    """Frame work on the solo stage: a node shown again every CYCLE frames dissolves from its last picture while
    its first line types (the person talking); each frame is tagged dissolving or talking."""
    from . import screens

    app, scene = screens.stage_app((w, h))
    dissolve: list[float] = []
    talking: list[float] = []
    cycle = 40
    for n in range(frames + 2 * cycle):  # two cycles first, unrecorded: the portraits are painted once
        start = _now()
        if n % cycle == 0:  # the frame on which a choice leads on: the snapshot is taken here
            screens.restart_node(app, scene)
        app.step(dt=1 / 60)
        took = (_now() - start) * 1000
        if n < 2 * cycle:
            continue
        if scene.fading or n % cycle == 0:
            dissolve.append(took)
        elif scene.phase == "reading" and not scene.typewriter.done:
            talking.append(took)
    _emit(dissolve_ms=dissolve, talking_ms=talking, scenario=scene.scenario.id, node=scene.view.node_id,
          surfaces=census_lines())


def preview(w: int, h: int, saves: int, path: str) -> None:
    """Save the previewed file `saves` times, as an editor does (a new file moved over it), and time each save
    to the first frame that shows the reloaded scenario; the App's own 60 fps clock paces the steps. Then, apart
    from that figure, how long the check of the save's paths (in its own process) took to report on screen."""
    import os
    from pathlib import Path

    from . import screens

    app, scene = screens.preview_app((w, h), path)
    original = Path(path).read_bytes()
    latencies: list[float] = []
    checked: list[float] = []
    for n in range(saves):
        for _ in range(30):  # settle, and put the save at a different moment of the file watch's polling
            app.step()
        tmp = f"{path}.saving"
        # new bytes every save of every run: the paths' check is never answered from the analysis cache
        Path(tmp).write_bytes(original + f"\n# saved {n} by {os.getpid()}\n".encode())
        scene.notice = ""
        start = _now()
        os.replace(tmp, path)
        for _ in range(600):
            drawn = app.step()
            if drawn and scene.notice.startswith("Reloaded"):
                latencies.append((_now() - start) * 1000)
                break
        else:
            raise RuntimeError("the preview never showed the saved file")
        for _ in range(60 * 60):  # the check of its paths, bounded by its own time limit; the next save waits
            drawn = app.step()
            if drawn and scene.findings is not None:
                checked.append((_now() - start) * 1000)
                break
        else:
            raise RuntimeError("the check of the saved file's paths never reported")
    found = scene.findings
    scene.close()
    _emit(latency_ms=latencies, check_ms=checked, errors=scene.errors,
          check_problem=found.problem if found is not None else "")


def census_lines() -> list[str]:
    from .census import census, describe

    return describe(census())


def idle(screen: str, w: int, h: int, seconds: float) -> None:
    """CPU used by the real App.run() loop on a screen waiting for input, once it has settled."""
    import pygame

    from . import screens

    app = screens.waiting_app(screen, (w, h))
    for _ in range(60 * 30):  # let entrance animations, typewriters and meters settle (simulated time)
        top = app.top
        if app.frames_drawn and top is not None and not (top.animating() or top.dirty):
            break
        app.step(dt=1 / 60)
    while app.ctx.library_loading:  # the one-time background load of the scenarios is start-up, not idling
        time.sleep(0.01)
    app.ctx.audio.ambience.wait(10)  # so is decoding the music bed, which starts once the mixer opens
    settled = app.top is not None and not app.top.animating()
    pygame.time.set_timer(pygame.QUIT, max(1, round(seconds * 1000)), loops=1)
    drawn = app.frames_drawn
    cpu0, wall0 = time.process_time(), _now()
    app.run()
    cpu, wall = time.process_time() - cpu0, _now() - wall0
    _emit(cpu_percent=100 * cpu / wall, seconds=wall, settled=settled, frames=app.frames_drawn - drawn)


def _peak_rss_kb() -> int:
    from .reference import peak_rss_kb  # the same measure as the reference programs'

    return peak_rss_kb()


def _emit(**data: object) -> None:
    import json

    print("BENCH-RESULT " + json.dumps(data), flush=True)


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "startup":
        startup(argv[1], int(argv[2]), int(argv[3]))
    elif mode == "player":
        from .screens import returning_player

        returning_player()
        _emit(ready=True)
    elif mode == "play":
        play(int(argv[1]), int(argv[2]), int(argv[3]), argv[4], argv[5].split(","), argv[6:7] == ["census"])
    elif mode == "stage":
        stage(int(argv[1]), int(argv[2]), int(argv[3]))
    elif mode == "preview":
        preview(int(argv[1]), int(argv[2]), int(argv[3]), argv[4])
    elif mode == "idle":
        idle(argv[1], int(argv[2]), int(argv[3]), float(argv[4]))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
