"""Every screen renders headless for the hostile scenarios that pass `check`: play, coach, ending, value and
debrief (solo), the classroom, what-if and class debrief (facilitator). The value screen appears at once even
when the best outcome takes long to work out."""

from __future__ import annotations

import time

import pygame
import pytest

from game.engine import Playthrough, load_file
from game.facilitation.session import DEBRIEF, ENDING
from game.ui.bootstrap import Options, make_app
from game.ui.facilitator.export import export_debrief
from game.ui.outcomes import explore_outcomes
from game.ui.pilot import Pilot
from game.ui.scene import Push
from game.ui.scenes.title import TitleScene
from game.ui.scenes.value import ValueScene
from game.ui.storyboard import render_storyboard
from game.userdata.settings import Settings

from ..conftest import FIXTURES
from ..facilitator.helpers import classroom, top

HOSTILE = sorted((FIXTURES / "hostile").glob("ui_*.yaml"))
APPEAR_S = 0.5


def _passing(path):
    result = load_file(str(path))
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_every_solo_screen_renders(path, tmp_path):
    scenario = _passing(path)
    best = explore_outcomes(scenario).best
    assert best is not None, "a path to an ending"
    files = render_storyboard(scenario, list(best.choices), tmp_path / "board", size=(800, 450))
    names = [f.name for f in files]
    for screen in ("_chosen", "_feedback", "_ending", "_value", "_debrief"):
        assert any(screen in n for n in names), (screen, names)
    for f in files:
        assert pygame.image.load(str(f)).get_size() == (800, 450)


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_every_facilitator_screen_renders(path, tmp_path):
    scenario = _passing(path)
    pilot, scene = classroom(scenario, size=(1024, 768))
    path = [c for c in explore_outcomes(scenario).best.choices if c.isdigit()]
    reached = {top(pilot)}
    for _ in range(200):
        if scene.session.stage in (ENDING, DEBRIEF):
            break
        if scene.session.stage == "choices" and path:
            pilot.press(path.pop(0))  # the room's vote: the class takes the most-voted option
        pilot.press(pygame.K_PAGEDOWN)
        if scene.session.stage == "consequences" and "WhatIfScene" not in reached:
            pilot.press(pygame.K_w)
            reached.add(top(pilot))
            pilot.app.draw(force=True)
            pilot.press(pygame.K_ESCAPE)
    assert scene.session.stage in (ENDING, DEBRIEF), scene.session.stage
    pilot.press(pygame.K_d)
    reached.add(top(pilot))
    debrief = pilot.app.top
    result = export_debrief(pilot.app.ctx, scene.session, debrief, tmp_path / "export")
    assert result.folder is not None, result.message
    assert len(list(result.folder.glob("*.png"))) == debrief.page_count(pilot.app.ctx)
    assert {"ClassroomScene", "WhatIfScene", "DebriefScene"} <= reached, reached


def test_the_value_screen_appears_at_once_on_the_counter_loop():
    """One meter from -10,000 to 10,000 and a self-loop: the best outcome is worked out in a worker process."""
    scenario = _passing(FIXTURES / "hostile" / "ui_counter_loop.yaml")
    play = Playthrough(scenario)
    for _ in range(3):
        play.choose(0)
    play.choose(2)
    app = make_app(Options(size=(1280, 720), settings=Settings(sound=False)), first=TitleScene())
    pilot = Pilot(app)
    pilot.frame()
    scene = ValueScene(play)
    began = time.perf_counter()
    app.apply(Push(scene))
    assert app.step(dt=1 / 60), "drawn"
    assert time.perf_counter() - began < APPEAR_S
    assert scene.working and scene.caption().startswith("Working out the best and worst reachable outcome")
    assert scene.job is not None and scene.job.wait(30)
    pilot.frame()
    assert not scene.working and scene.best is not None and scene.best_title == "Done"
    assert not scene.best_complete, "the exploration stopped at its bound and the screen says so"
    pilot.press(pygame.K_SPACE)
    assert "not every path" in scene.caption()
