"""Render a path through a scenario to numbered PNGs by driving the real screens with the Pilot.

Each decision gives three pictures (the node with its choices, the chosen option highlighted, the coach's
card); then the ending, the lifetime value and the debrief (one picture per page). The classroom's steps
(facilitator mode) are rendered by ui.facilitator.storyboard into the same kind of folder.

The folder keeps a manifest (`.storyboard.json`) of the pictures this command wrote there. A new run removes
only the pictures listed in it (an earlier, maybe longer, storyboard) and never touches any other file: a
picture of the user's with a name the storyboard needs stops the run with an error instead.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import pygame

from ..engine import TIMEOUT, EngineError, Scenario
from ..facilitation.debrief import write_atomic
from ..safe_json import Damaged, read_json, set_aside
from ..userdata.progress import Attempt, ProgressStore
from ..userdata.settings import Settings
from .bootstrap import Options, make_app
from .pilot import Pilot
from .play.moment import CHOSEN, READING, REPLY
from .scenes.debrief import DebriefScene
from .scenes.ending import EndingScene
from .scenes.play import CHOOSING, FEEDBACK, PlayScene
from .scenes.value import ValueScene

FRAME = 1 / 30
OUTCOME_WAIT_S = 15.0
WAIT_STEP = 0.25  # frame length while waiting for timers and animations


class _Unsaved(ProgressStore):
    """A progress store that keeps attempts in memory only: storyboards never touch the player's progress."""

    def __init__(self) -> None:
        super().__init__(in_memory=True)
        self.path = Path("unsaved")

    def record(self, attempt: Attempt) -> bool:
        self._attempts.append(attempt)
        return True


MANIFEST = ".storyboard.json"
_FRAME_NAME = re.compile(r"[0-9]{2,}_[A-Za-z0-9_.-]+\.png")


def earlier_frames(folder: Path) -> list[Path]:
    """The pictures an earlier storyboard wrote in folder, from its manifest (a damaged one is set aside)."""
    try:
        data = read_json(folder / MANIFEST)
    except Damaged:
        set_aside(folder / MANIFEST)
        return []
    except OSError:
        return []
    names = data.get("files") if isinstance(data, dict) else None
    if not isinstance(names, list):
        return []
    return [folder / n for n in names if isinstance(n, str) and _FRAME_NAME.fullmatch(n)]


def _remove_earlier(folder: Path) -> None:
    for path in earlier_frames(folder):
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(path).st_mode):
                path.unlink()


@dataclass
class Storyboard:
    """Where the pictures go and how they are named; the manifest lists every picture written so far."""

    out: Path
    files: list[Path]

    def name(self, label: str) -> Path:
        path = self.out / f"{len(self.files) + 1:02d}_{label}.png"
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, f"{path.name} is already there and is not from an earlier "
                                  "storyboard; it was left alone (choose another --out folder)", str(path))
        self.files.append(path)
        return path

    def save(self, pilot: Pilot, label: str) -> None:
        """A picture of the screen now (with the person's eyes open: a blink caught in a still reads as a
        wince), then the manifest brought up to date."""
        motion = getattr(pilot.app.top, "motion", None)
        blinks = getattr(motion, "blinks", None)
        if blinks is not None:
            motion.blinks = None
        try:
            pilot.screenshot(str(self.name(label)))
        finally:
            if blinks is not None:
                motion.blinks = blinks
        write_atomic(self.out / MANIFEST, (json.dumps({"files": [p.name for p in self.files]}) + "\n").encode())


def render_storyboard(scenario: Scenario, choices: list[str], out: str | Path, size: tuple[int, int] = (1280, 720),
                      theme: str | None = None, facilitator: bool = False) -> list[Path]:
    """Play `choices` ('1'..'9' or 'timeout') through the real screens and save a PNG of each moment; with
    `facilitator`, through the classroom's screens (ui.facilitator.storyboard), in the projector theme unless
    `theme` says otherwise.

    Raises EngineError naming the step when a choice is not possible."""
    from ..engine.scripted import play_path

    play_path(scenario, choices)  # check the whole path first: a located error, and no half-written folder
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_earlier(folder)  # the frames of an earlier storyboard, which may be longer; nothing else
    if facilitator:
        from .facilitator.storyboard import render_class_storyboard

        return render_class_storyboard(Storyboard(folder, []), scenario, choices, size, theme)
    settings = Settings(text_speed="instant", sound=False, theme=theme or "normal")
    app = make_app(Options(size=size, settings=settings, theme=theme), first=PlayScene(scenario))
    app.ctx.progress = _Unsaved()
    pilot = Pilot(app, dt=FRAME)
    wait = Pilot(app, dt=WAIT_STEP)
    board = Storyboard(folder, [])
    pilot.frame(2)
    for n, choice in enumerate(choices, start=1):
        scene = app.top
        _read_beats(app, pilot, board)
        if not isinstance(scene, PlayScene) or scene.phase != CHOOSING or scene.view is None:
            raise EngineError(f"step {n} ('{choice}'): the play screen is not waiting for a choice")
        node = scene.view.node_id
        _settle(app, pilot)
        board.save(pilot, node)
        if choice == TIMEOUT:
            wait.advance((scene.countdown.seconds if scene.countdown else 0) / 2)
            board.save(pilot, f"{node}_countdown")
            while scene.phase == CHOOSING and app.running:
                wait.frame()
        else:
            pilot.press(choice)
        pilot.screenshot(str(board.name(f"{node}_chosen")))
        _after_choice(app, scene, node, pilot, wait, board)
    _read_beats(app, pilot, board)
    top = app.top
    if isinstance(top, PlayScene) and top.view is not None:  # the path stops before an ending: where it got to
        _settle(app, pilot)
        board.save(pilot, top.view.node_id)
    if isinstance(app.top, EndingScene):
        board.save(pilot, "ending")
        pilot.press(pygame.K_RETURN, frames=2)
    if isinstance(app.top, ValueScene):
        value = app.top
        if value.job is not None:
            value.job.wait(OUTCOME_WAIT_S)  # the picture shows the best reachable outcome, worked out aside
            pilot.frame()
        while not (value.steps_done and (value.paged or value.done)) and app.running:
            wait.frame()
        board.save(pilot, "value")
        if value.paged:  # big text: the chart has its own page
            pilot.press(pygame.K_RETURN, frames=2)
            while not value.done and app.running:
                wait.frame()
            board.save(pilot, "value_chart")
        pilot.press(pygame.K_RETURN, frames=2)
    if isinstance(app.top, DebriefScene):
        debrief = app.top
        board.save(pilot, "debrief")
        page = 2
        while debrief.scroll < debrief.max_scroll(app.ctx) - 0.5:
            pilot.press(pygame.K_PAGEDOWN)
            board.save(pilot, f"debrief_{page}")
            page += 1
    return board.files


def _settle(app, pilot: Pilot) -> None:
    """Let the dissolve from the last node finish, so a picture shows one moment."""
    while isinstance(app.top, PlayScene) and app.top.fading and app.running:
        pilot.frame()


def _read_beats(app, pilot: Pilot, board: Storyboard) -> None:
    """A node with several beats: photograph each one before the last, reading on as a player would."""
    scene = app.top
    _settle(app, pilot)
    while isinstance(scene, PlayScene) and scene.phase == READING and scene.view is not None and app.running:
        pilot.screenshot(str(board.name(f"{scene.view.node_id}_beat{scene.beat + 1}")))
        pilot.press(pygame.K_RETURN, frames=2)


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
