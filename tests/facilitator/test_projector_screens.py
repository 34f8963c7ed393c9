"""Rendered projector screens at 1024x768, 1280x720 and 1920x1080: large text, nothing clipped.

Every bundled scenario is played through the classroom (first option, then a what-if detour), and every
screen on the way is drawn for real: each text block must sit inside its panel and inside the window.
"""

import pygame
import pytest

from game.engine import load_all
from game.facilitation.session import CHOICES
from tests.conftest import SCENARIOS

from .helpers import PAGE_DOWN, PAGE_UP, classroom, clean, top

SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
BUNDLED = sorted(r.scenario.id for r in load_all([str(SCENARIOS)]) if r.scenario is not None)
# Every scenario on the tightest screen (4:3, 960 logical wide); a few on the 16:9 ones.
CASES = [(sid, (1024, 768)) for sid in BUNDLED] + [
    (sid, size) for sid in ("expired_return", "status_update", "airport_assistance") if sid in BUNDLED
    for size in SIZES[1:]]


@pytest.fixture(scope="module")
def scenarios():
    return {r.scenario.id: r.scenario for r in load_all([str(SCENARIOS)]) if r.scenario is not None}


def check(pilot, where):
    problems = clean(pilot)
    assert problems == [], f"{where}: {problems[:3]}"
    scene = pilot.app.top
    if hasattr(scene, "layout_fits"):
        assert scene.layout_fits(pilot.app.ctx), f"{where}: the layout had to cut text"


@pytest.mark.parametrize("scenario_id,size", CASES, ids=[f"{c[0]}-{c[1][0]}x{c[1][1]}" for c in CASES])
def test_every_classroom_screen_fits(scenarios, scenario_id, size):
    pilot, scene = classroom(scenarios[scenario_id], size)
    ctx = pilot.app.ctx
    assert ctx.theme.name == "projector"
    assert ctx.px("body") * 24 >= size[1], "body text is at least 1/24 of the screen height"
    s = scene.session
    check(pilot, "intro")
    pilot.press(pygame.K_F1)
    check(pilot, "help")
    pilot.press(pygame.K_F1)
    detoured = False
    for step in range(120):
        if top(pilot) == "DebriefScene":
            break
        where = f"{s.stage} at {s.play.location} (step {step})"
        if s.stage == CHOICES:
            for n in range(1, len(s.choices) + 1):
                pilot.press(str(n))
            check(pilot, where + " with votes")
            if not detoured and len(s.path) == 2:
                pilot.press("w")
                check(pilot, "what if")
                pilot.press(pygame.K_UP)
                check(pilot, "what if, earlier decision")
                pilot.press(pygame.K_ESCAPE)
                detoured = True
        else:
            check(pilot, where)
        pilot.press(PAGE_DOWN)
    assert top(pilot) == "DebriefScene"
    debrief = pilot.app.top
    for page in range(debrief.page_count(ctx)):
        check(pilot, f"debrief page {page + 1}")
        pilot.press(PAGE_DOWN)
    for _ in range(debrief.page_count(ctx)):
        pilot.press(PAGE_UP)
    assert top(pilot) == "ClassroomScene"
    pilot.press(PAGE_UP)  # what if, at the last decision
    assert s.in_detour
    check(pilot, "rewound for a what-if")


def test_facilitator_scene_is_the_classroom(scenarios):
    from game.ui.facilitator import facilitator_scene
    from game.ui.facilitator.classroom import ClassroomScene

    scene = facilitator_scene(scenarios["expired_return"])
    assert isinstance(scene, ClassroomScene) and scene.session.stage == "intro"
