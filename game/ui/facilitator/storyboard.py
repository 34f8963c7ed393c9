"""`storyboard --facilitator`: a path through a scenario as a class would see it on the projector, one PNG
per step of the classroom (the intro, each page of a node's words, the choices with the room's votes, the
pick, her reply with the coach's card, the ending and every page of the class debrief)."""

from __future__ import annotations

from pathlib import Path

import pygame

from ...engine import TIMEOUT, EngineError, Scenario
from ...facilitation.session import CHOICES, CHOSEN, CONSEQUENCES, ENDING, INTRO, TEXT
from ...userdata.settings import Settings
from ..bootstrap import Options, make_app
from ..pilot import Pilot
from . import facilitator_scene
from .classroom import ClassroomScene

FRAME = 1 / 30
HANDS = 3  # the room's votes for the option taken (one for each other option), so the bars show a spread
WAIT_S = 15.0


def render_class_storyboard(board, scenario: Scenario, choices: list[str], size: tuple[int, int],
                            theme: str | None) -> list[Path]:
    """Drive the classroom with the facilitator's keys along `choices` and save each step in `board`
    (a storyboard.Storyboard; the path was checked before)."""
    scene = facilitator_scene(scenario)
    settings = Settings(text_speed="instant", sound=False, theme=theme or "projector")
    app = make_app(Options(size=size, facilitator=True, settings=settings, theme=theme), first=scene)
    pilot = Pilot(app, dt=FRAME)
    pilot.frame(2)
    s = scene.session
    if s.stage == INTRO:
        board.save(pilot, "intro")
        pilot.press(pygame.K_PAGEDOWN)
    for n, choice in enumerate(choices, start=1):
        _read(app, scene, pilot, board)
        if s.stage != CHOICES or app.top is not scene:
            raise EngineError(f"step {n} ('{choice}'): the classroom is not showing a decision")
        node = s.play.location
        _vote(pilot, len(s.choices), None if choice == TIMEOUT else int(choice))
        _options(app, scene, pilot, board, node)
        if choice == TIMEOUT:
            pilot.press("t")
            waited, most = 0.0, WAIT_S + (s.timer_left or 0)
            while s.stage == CHOICES and waited < most:
                pilot.advance(0.5)
                waited += 0.5
        else:
            pilot.press(pygame.K_PAGEDOWN)
        if s.stage != CHOSEN:
            raise EngineError(f"step {n} ('{choice}'): the classroom did not take the option")
        board.save(pilot, f"{node}_chosen")
        pilot.press(pygame.K_PAGEDOWN)
        pilot.advance(1.0)  # the meters settled
        if s.stage == CONSEQUENCES and scene.card_waits(app.ctx):  # her reply alone, before the coach
            board.save(pilot, f"{node}_reply")
            pilot.press(pygame.K_PAGEDOWN)
        if s.stage == CONSEQUENCES:
            board.save(pilot, f"{node}_consequences")
            pilot.press(pygame.K_PAGEDOWN)
    _read(app, scene, pilot, board)
    if s.stage == ENDING and app.top is scene:
        pilot.advance(1.0)
        board.save(pilot, "ending")
        pilot.press(pygame.K_PAGEDOWN)
    debrief = app.top
    if debrief is not scene and hasattr(debrief, "page_count"):
        debrief.wait_for_outcomes(WAIT_S)
        pilot.frame()
        pages = debrief.page_count(app.ctx)
        for page in range(pages):
            board.save(pilot, "debrief" if page == 0 else f"debrief_{page + 1}")
            if page + 1 < pages:
                pilot.press(pygame.K_PAGEDOWN)
    return board.files


def _read(app, scene: ClassroomScene, pilot: Pilot, board) -> None:
    """Each page of a node's words, as the facilitator clicks through them."""
    s = scene.session
    while s.stage == TEXT and app.top is scene and app.running:
        pages = len(scene.text_pages(app.ctx))
        node = s.play.location
        last = scene.text_page >= pages - 1
        board.save(pilot, node if last else f"{node}_page{scene.text_page + 1}")
        if last and not s.choices and s.timer_left is None:
            return  # the story stops here (no way on)
        pilot.press(pygame.K_PAGEDOWN)


def _options(app, scene: ClassroomScene, pilot: Pilot, board, node: str) -> None:
    """The options with the votes, each page of them when they need pages (Next turns them; on the last
    page it would take the option)."""
    while scene.shown_page(app.ctx) > 0:
        pilot.press(pygame.K_PAGEUP)
    pages = len(scene.option_pages(app.ctx))
    for page in range(pages):
        board.save(pilot, f"{node}_choices" if page == 0 else f"{node}_choices{page + 1}")
        if page + 1 < pages:
            pilot.press(pygame.K_PAGEDOWN)


def _vote(pilot: Pilot, options: int, taken: int | None) -> None:
    """A show of hands: HANDS for the option taken (it leads, so Next takes it), one for each other."""
    for number in range(1, options + 1):
        for _ in range(HANDS if number == taken else 1):
            pilot.press(str(number))
