"""Bench-only hooks into the real screens: build them with bootstrap and drive them with real posted key events.

This is the one place that knows how the title, select and play screens are reached and what they expose.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pygame

from ..sources import bundled_dir
from ..ui.app import App
from ..ui.bootstrap import Options, make_app
from ..ui.scene import Push
from ..userdata.settings import Settings

if TYPE_CHECKING:
    from ..engine import Scenario
    from ..ui.scenes.play import PlayScene

DT = 1 / 60
MAX_FRAMES = 20_000  # a bound on every scripted loop, so a screen that never moves on cannot hang the bench


def _options(size: tuple[int, int]) -> Options:
    # Default settings, passed in so that no settings file is read or written (the data folder is a temp dir).
    return Options(size=size, settings=Settings())


def press(key: int) -> None:
    """Post a real key press and release; the App picks them up on its next step."""
    char = chr(key) if 32 <= key < 127 else ""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=char, scancode=0))


def returning_player() -> None:
    """Make the data folder a returning player's: a named learner in the progress file and a settings file,
    so that a start reads both, records plays and shows the title without asking for a name."""
    from ..userdata.progress import ProgressStore
    from ..userdata.settings import load_settings, save_settings

    store = ProgressStore()
    current = store.current
    if current is None or current.needs_name:
        store.save_learner("Bench Player")
    settings, _ = load_settings()
    save_settings(settings)


def title_app(size: tuple[int, int], marks: dict[str, float] | None = None) -> App:
    """The App on the title screen; `marks` receives when the scenario library started and finished loading.

    With `marks` the start is a player's (see returning_player): settings read from the data folder and the
    learning records service on; without, default settings and no records."""
    if marks is None:
        return make_app(_options(size))
    from ..ui import bootstrap

    real = bootstrap.load_library

    def timed(scenario_dir: str | None) -> list:
        marks["library_start"] = time.perf_counter()
        try:
            return real(scenario_dir)
        finally:
            marks["library_end"] = time.perf_counter()

    bootstrap.load_library = timed
    try:
        return make_app(Options(size=size, records=True))
    finally:
        bootstrap.load_library = real


def bundled_count() -> int:
    from ..engine import scenario_files

    return len(scenario_files([str(bundled_dir())]))


def open_select(app: App) -> tuple[int, float]:
    """From the title, press Start (key 1) and step until the select screen has drawn; return the cards listed
    and when that frame was on screen. The select's module is left for the game to import, as a player's
    Start does (importing it here first would take that off the measured time)."""
    title = app.top
    press(pygame.K_1)
    for _ in range(MAX_FRAMES):
        drawn = app.step(dt=DT)
        if app.top is not title and drawn:
            shown = time.perf_counter()
            from ..ui.scenes.select import SelectScene

            if not isinstance(app.top, SelectScene):
                raise RuntimeError(f"Start on the title screen showed {type(app.top).__name__}, not the select")
            return len(app.top.cards), shown
    raise RuntimeError("Start on the title screen never showed the scenario select")


def all_cards(app: App) -> int:
    """Step the select screen (at its own pace) until the background load is done and every card is drawn."""
    from ..ui.scenes.select import SelectScene

    for _ in range(MAX_FRAMES):
        loading = app.ctx.library_loading
        drawn = app.step(dt=DT)
        if not loading and isinstance(app.top, SelectScene) and (drawn or not app.top.dirty):
            return len(app.top.cards)
        time.sleep(0.002)
    raise RuntimeError("the scenario select never listed every scenario")


def _playable(app: App) -> list[Scenario]:
    scenarios = [r.scenario for r in app.ctx.library if r.scenario is not None]
    return sorted(scenarios, key=lambda s: (s.order, s.id))


class PlaySession:
    """Plays the route to a timed node through the UI: the last choice is pressed on screen, so the meters move,
    the coach speaks, the next node types itself out and its countdown ticks."""

    def __init__(self, scenario: Scenario, route: list[str]) -> None:
        from ..engine import Playthrough

        self.scenario_id = scenario.id
        self.play = Playthrough(scenario)
        for label in route[:-1]:
            self.play.choose(int(label) - 1)
        self.last_choice = int(route[-1])
        self.before_id = self.play.node.id
        self.timer_node = ""
        self.frames_on_node = 0  # frames on the moment on screen (a line, the options, her reply, the coach)
        self.patience = 1.0  # the reader's moments at the node before the timed one (a short run reads faster)
        self._moment: tuple | None = None

    def scene(self, app: App) -> PlayScene | None:
        from ..ui.scenes.play import PlayScene

        top = app.top
        return top if isinstance(top, PlayScene) else None

    def drive(self, app: App, pick: int, patience: float = 1.0) -> None:
        """Act like a quick reader: a moment at each line, at the options and at the coach's card, then skip ahead,
        pick `pick` or continue (`patience` scales the moments: the walk to the ending only needs the screens, not
        the frames)."""
        scene = self.scene(app)
        if scene is None:
            return
        phase = scene.phase
        moment = (scene.view.node_id if scene.view is not None else None, phase, scene.beat, scene.typewriter.done)
        if moment != self._moment:  # each moment is read for itself, not in what is left of the last one's
            self._moment, self.frames_on_node = moment, 0
        self.frames_on_node += 1
        if phase in ("reading", "reply") and self.frames_on_node > 20 * patience:  # her reply waits too
            press(pygame.K_SPACE)
        elif phase == "choosing" and self.frames_on_node > 30 * patience:
            press(getattr(pygame, f"K_{pick}"))
        elif phase == "feedback" and self.frames_on_node > 50 * patience:
            press(pygame.K_RETURN)
            self.frames_on_node = 0

    def step_before_timer(self, app: App) -> None:
        """One frame on the node before the timed one, acting like the player."""
        scene = self.scene(app)
        if scene is not None and scene.view is not None and scene.view.node_id == self.before_id:
            self.drive(app, self.last_choice, self.patience)
        elif scene is not None and scene.view is not None and not self.timer_node:
            self.timer_node = scene.view.node_id

    def activity(self, app: App) -> dict[str, bool]:
        scene = self.scene(app)
        if scene is None:
            return {"meters": False, "typewriter": False, "countdown": False}
        return {
            "meters": scene.meters.animating(),
            "typewriter": scene.phase == "reading" and not scene.typewriter.done,
            "countdown": scene.countdown is not None and scene.countdown.running,
        }

    def finish(self, app: App) -> str:
        """Play on, always taking the first choice, until the ending screen has been shown for a while."""
        from ..ui.scenes.ending import EndingScene

        for _ in range(MAX_FRAMES):
            if isinstance(app.top, EndingScene):
                break
            self.drive(app, 1, patience=0.1)
            app.step(dt=DT)
        for _ in range(180):
            app.step(dt=DT)
        return self.play.ending.id if self.play.ending is not None else ""


def play_app(size: tuple[int, int], scenario_id: str, route: list[str]) -> tuple[App, PlaySession]:
    """The play screen on the node before a timed one (`route`: the choices there, found by the bench's own
    process with `route.timer_route`, so that exploration is not counted in the game's memory), reached through
    the real bootstrap."""
    from ..ui.scenes.play import PlayScene

    app = make_app(_options(size))
    scenario = next(s for s in _playable(app) if s.id == scenario_id)
    session = PlaySession(scenario, route)
    app.apply(Push(PlayScene(scenario, session.play)))
    return app, session


def waiting_app(screen: str, size: tuple[int, int]) -> App:
    """An App on a screen that will sit waiting for input: the title, the select, a scenario's first node, or
    the ending of the first scenario played through with the first option each time."""
    app = title_app(size)
    if screen == "select":
        open_select(app)
    elif screen in ("play", "ending"):
        from ..ui.scenes.play import PlayScene

        scenario = _playable(app)[0]
        session = PlaySession(scenario, ["1"])
        app.apply(Push(PlayScene(scenario, session.play)))
        if screen == "ending":
            session.finish(app)
    return app


def stage_app(size: tuple[int, int]) -> tuple[App, PlayScene]:
    """The solo stage on the first bundled scenario whose opening shows a person standing (not on a call)."""
    from ..ui.scenes.play import PlayScene

    app = make_app(_options(size))
    for scenario in _playable(app):
        scene = PlayScene(scenario)
        app.apply(Push(scene))
        app.step(dt=DT)
        if "person" in scene.rec.parts and scene.phase == "reading" and not scene.typewriter.done:
            return app, scene
        app.stack.pop()
    raise RuntimeError("no bundled scenario opens with a person on the stage saying a line")


def restart_node(app: App, scene: PlayScene) -> None:
    """Show the node on screen again, as a choice leading to it does: its last picture dissolves into it and
    its first line types (the person talking)."""
    scene._show_node(app.ctx)


def preview_app(size: tuple[int, int], path: str) -> tuple[App, object]:
    """The author's preview window on the scenario file at `path`, as `run.py preview FILE` opens it."""
    from pathlib import Path

    from ..engine import load_bytes
    from ..ui.scenes.preview import PreviewScene

    data = Path(path).read_bytes()
    result = load_bytes(data, path)
    if result.scenario is None:
        raise RuntimeError(f"{path} does not load")
    scene = PreviewScene(path, result.scenario, data)
    return make_app(_options(size), first=scene), scene
