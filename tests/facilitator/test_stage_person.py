"""The person stands large on the classroom's stage: at least half the screen's height on the text, choices
and consequences screens, at 1024x768, 1280x720 and 1920x1080 (issue 12, defect 2). Measured on the rect the
person is drawn into, after a real draw."""

import pygame
import pytest

from game.engine import load_all
from game.facilitation.session import CHOICES, CHOSEN, CONSEQUENCES, TEXT
from tests.conftest import SCENARIOS

from .helpers import PAGE_DOWN, classroom, top

SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
BUNDLED = sorted(r.scenario.id for r in load_all([str(SCENARIOS)]) if r.scenario is not None)
CASES = [(sid, (1024, 768)) for sid in BUNDLED] + [
    (sid, size) for sid in ("expired_return", "airport_assistance", "the_regular") if sid in BUNDLED
    for size in SIZES[1:]]


@pytest.fixture(scope="module")
def scenarios():
    return {r.scenario.id: r.scenario for r in load_all([str(SCENARIOS)]) if r.scenario is not None}


def person_height(pilot):
    pilot.app.draw(force=True)
    return pilot.app.top.person.height


@pytest.mark.parametrize("scenario_id,size", CASES, ids=[f"{c[0]}-{c[1][0]}x{c[1][1]}" for c in CASES])
def test_the_person_is_at_least_half_the_screen_tall(scenarios, scenario_id, size):
    pilot, scene = classroom(scenarios[scenario_id], size)
    s = scene.session
    seen = set()
    for step in range(200):
        if top(pilot) != "ClassroomScene" or s.stage == "ending":
            break
        if s.stage in (TEXT, CHOICES, CHOSEN, CONSEQUENCES):
            h = person_height(pilot)  # crowded options are paged: she stays on every screen
            assert h >= size[1] / 2, f"{s.stage} at {s.play.location} (step {step}): the person is {h} px tall"
            seen.add(s.stage)
        if s.stage == CHOICES and len(s.path) % 2:  # now and then the second option, for other screens
            pilot.press(pygame.K_DOWN)
        pilot.press(PAGE_DOWN)
    assert seen == {TEXT, CHOICES, CHOSEN, CONSEQUENCES}


def test_a_what_if_reveal_keeps_the_person_and_the_meters(scenarios):
    pilot, scene = classroom(scenarios["expired_return"], (1024, 768))
    for _ in range(8):
        if scene.session.stage == CONSEQUENCES:
            break
        pilot.press(PAGE_DOWN)
    pilot.press("w")
    pilot.press(pygame.K_RETURN)
    pilot.press(PAGE_DOWN)
    assert scene.session.in_detour and scene.session.stage == CONSEQUENCES
    assert person_height(pilot) >= 768 / 2
    texts = [b.text for b in scene.rec.blocks]
    assert all(m.label in texts for m in scenarios["expired_return"].meters if m.visible), texts
