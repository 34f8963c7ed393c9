"""Build a headless facilitator App and drive it with real key events."""

from __future__ import annotations

import pygame

from game.engine import Scenario
from game.ui.bootstrap import Options, make_app
from game.ui.facilitator import facilitator_scene
from game.ui.pilot import Pilot
from game.userdata.settings import Settings


def classroom(scenario: Scenario, size: tuple[int, int] = (1280, 720)) -> tuple[Pilot, object]:
    """A Pilot over an App whose first scene is the classroom, and that scene."""
    scene = facilitator_scene(scenario)
    app = make_app(Options(size=size, facilitator=True, settings=Settings(sound=False, text_speed="instant")),
                   first=scene)
    pilot = Pilot(app)
    pilot.frame()
    return pilot, scene


def top(pilot: Pilot) -> str:
    return type(pilot.app.top).__name__


def clean(pilot: Pilot) -> list[str]:
    """Text that spills out of its panel or off the screen on the scene now on top (after a real draw)."""
    pilot.app.draw(force=True)
    rec = getattr(pilot.app.top, "rec", None)
    return [] if rec is None else rec.problems(pilot.app.screen.get_rect())


PAGE_DOWN, PAGE_UP = pygame.K_PAGEDOWN, pygame.K_PAGEUP
