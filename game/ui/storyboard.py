"""Render a path through a scenario to numbered PNGs by driving the real screens with the Pilot.

Each decision gives three pictures (the node with its choices, the chosen option highlighted, the coach's
card); then the ending, the lifetime value and the debrief (one picture per page).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from ..engine import TIMEOUT, EngineError, Scenario
from ..userdata.progress import Attempt, ProgressStore
from ..userdata.settings import Settings
from .bootstrap import Options, make_app
from .pilot import Pilot
from .play.moment import CHOSEN, REPLY
from .scenes.debrief import DebriefScene
from .scenes.ending import EndingScene
from .scenes.play import CHOOSING, FEEDBACK, PlayScene
from .scenes.value import ValueScene

FRAME = 1 / 30
WAIT_STEP = 0.25  # frame length while waiting for timers and animations


class _Unsaved(ProgressStore):
    """A progress store that keeps attempts in memory only: storyboards never touch the player's progress."""

    def __init__(self) -> None:
        self.problem = None
        self._attempts = []
        self._pending = []
        self._damaged = False
        self._loaded = True
        self.path = Path("unsaved")

    def record(self, attempt: Attempt) -> bool:
        self._attempts.append(attempt)
        return True


@dataclass
class Storyboard:
    """Where the pictures go and how they are named."""

    out: Path
    files: list[Path]

    def name(self, label: str) -> Path:
        path = self.out / f"{len(self.files) + 1:02d}_{label}.png"
        self.files.append(path)
        return path


def render_storyboard(scenario: Scenario, choices: list[str], out: str | Path, size: tuple[int, int] = (1280, 720),
                      theme: str | None = None) -> list[Path]:
    """Play `choices` ('1'..'9' or 'timeout') through the real screens and save a PNG of each moment.

    Raises EngineError naming the step when a choice is not possible."""
    from ..engine.scripted import play_path

    play_path(scenario, choices)  # check the whole path first: a located error, and no half-written folder
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("[0-9][0-9]_*.png"):  # frames of an earlier storyboard, which may be longer
        old.unlink()
    settings = Settings(text_speed="instant", sound=False, theme=theme or "normal")
    app = make_app(Options(size=size, settings=settings, theme=theme), first=PlayScene(scenario))
    app.ctx.progress = _Unsaved()
    pilot = Pilot(app, dt=FRAME)
    wait = Pilot(app, dt=WAIT_STEP)
    board = Storyboard(folder, [])
    pilot.frame(2)
    for n, choice in enumerate(choices, start=1):
        scene = app.top
        if not isinstance(scene, PlayScene) or scene.phase != CHOOSING or scene.view is None:
            raise EngineError(f"step {n} ('{choice}'): the play screen is not waiting for a choice")
        node = scene.view.node_id
        pilot.screenshot(str(board.name(node)))
        if choice == TIMEOUT:
            wait.advance((scene.countdown.seconds if scene.countdown else 0) / 2)
            pilot.screenshot(str(board.name(f"{node}_countdown")))
            while scene.phase == CHOOSING and app.running:
                wait.frame()
        else:
            pilot.press(choice)
        pilot.screenshot(str(board.name(f"{node}_chosen")))
        _after_choice(app, scene, node, pilot, wait, board)
    top = app.top
    if isinstance(top, PlayScene) and top.view is not None:  # the path stops before an ending: where it got to
        pilot.screenshot(str(board.name(top.view.node_id)))
    if isinstance(app.top, EndingScene):
        pilot.screenshot(str(board.name("ending")))
        pilot.press(pygame.K_RETURN, frames=2)
    if isinstance(app.top, ValueScene):
        value = app.top
        while not (value.steps_done and (value.paged or value.done)) and app.running:
            wait.frame()
        pilot.screenshot(str(board.name("value")))
        if value.paged:  # big text: the chart has its own page
            pilot.press(pygame.K_RETURN, frames=2)
            while not value.done and app.running:
                wait.frame()
            pilot.screenshot(str(board.name("value_chart")))
        pilot.press(pygame.K_RETURN, frames=2)
    if isinstance(app.top, DebriefScene):
        debrief = app.top
        pilot.screenshot(str(board.name("debrief")))
        page = 2
        while debrief.scroll < debrief.max_scroll(app.ctx) - 0.5:
            pilot.press(pygame.K_PAGEDOWN)
            pilot.screenshot(str(board.name(f"debrief_{page}")))
            page += 1
    return board.files


def _after_choice(app, scene: PlayScene, node: str, pilot: Pilot, wait: Pilot, board: Storyboard) -> None:
    """Photograph her reply (when the option has one) and the coach's card (unless it waits for the debrief)."""
    while scene.phase == CHOSEN and app.running:
        pilot.frame()
    if scene.phase == REPLY:
        wait.advance(1.0)  # the reply typed out, the meters settled
        pilot.screenshot(str(board.name(f"{node}_reply")))
        pilot.press(pygame.K_RETURN, frames=2)
    if app.top is scene and scene.phase == FEEDBACK:
        wait.advance(1.0)
        pilot.screenshot(str(board.name(f"{node}_feedback")))
        pilot.press(pygame.K_RETURN, frames=2)
