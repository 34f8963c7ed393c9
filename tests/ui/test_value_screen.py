"""The lifetime-value screen: the arithmetic appears line by line, then the chart against the best outcome."""

from __future__ import annotations

import pygame
import pytest

from game.engine import Playthrough, load_file
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.value import STEP_SECONDS, ValueScene
from game.userdata.settings import Settings

from ..conftest import FIXTURES
from .test_play_support import ending_paths, expired


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def _value_for(ending: str) -> tuple[Pilot, ValueScene]:
    scenario = expired()
    play = Playthrough(scenario)
    for c in ending_paths(scenario)[ending]:
        play.choose(int(c) - 1)
    scene = ValueScene(play)
    app = make_app(Options(settings=Settings(sound=False)), first=scene)
    pilot = Pilot(app)
    pilot.frame()
    assert scene.job is not None and scene.job.wait(10), "the best outcome is worked out on a worker thread"
    pilot.frame()
    return pilot, scene


def test_the_steps_appear_one_by_one_while_the_chart_grows():
    pilot, scene = _value_for("lost_customer")
    labels = [s.label for s in scene.value.steps]
    assert labels[:4] == ["One visit", "A year", "Over 10 years", "Counting word of mouth"]
    assert scene.steps_shown == 1 and scene.chart_progress < 0.1
    pilot.advance(STEP_SECONDS * 2)
    assert scene.steps_shown == 3 and 0 < scene.chart_progress < 1  # the chart grows beside the arithmetic
    pilot.advance(STEP_SECONDS * 3)
    assert scene.steps_shown == len(labels) and scene.chart_progress < 1
    assert scene.animating()
    pilot.advance(3)
    assert scene.done and scene.chart_progress == 1 and not scene.animating()


def test_the_source_material_figures_and_the_best_outcome():
    _, scene = _value_for("lost_customer")
    amounts = [s.amount for s in scene.value.steps]
    assert amounts[:4] == [22, 1144, 11440, 183040]
    assert scene.value.lost == 183040 and scene.value.net == -183040
    bars = scene.bars()
    assert [b.label for b in bars] == ["Your ending", "Best you could reach"]
    assert bars[1].won > 0 and bars[1].lost == 0
    assert scene.best_title == "A regular for life"


def test_a_key_shows_everything_and_enter_moves_on_to_the_debrief():
    pilot, scene = _value_for("advocate")
    pilot.press(pygame.K_RETURN)  # the first key completes the reveal, it does not leave
    assert scene.done and pilot.app.top is scene
    pilot.press(pygame.K_RETURN)
    assert isinstance(pilot.app.top, DebriefScene)


def test_the_chart_is_drawn_once_revealed(tmp_path):
    pilot, scene = _value_for("grudging")
    pilot.press(pygame.K_SPACE)
    path = tmp_path / "value.png"
    pilot.screenshot(str(path))
    shot = pygame.image.load(str(path))
    assert shot.get_size() == (1280, 720)
    # The chart's "kept" bar is drawn in the theme's good colour somewhere on the right half.
    good = pilot.app.ctx.theme.good
    right = [shot.get_at((x, y))[:3] for x in range(700, 1250, 4) for y in range(100, 600, 4)]
    assert good in right


def test_with_very_big_text_the_arithmetic_and_the_chart_take_turns():
    scenario = expired()
    play = Playthrough(scenario)
    for c in ending_paths(scenario)["lost_customer"]:
        play.choose(int(c) - 1)
    scene = ValueScene(play)
    settings = Settings(sound=False, text_size="huge")
    pilot = Pilot(make_app(Options(size=(1024, 768), settings=settings), first=scene))
    pilot.frame()
    assert scene.job is not None and scene.job.wait(10)
    pilot.frame()
    assert scene.paged and scene.page == 0
    pilot.press(pygame.K_SPACE)  # all the arithmetic at once; the chart waits for its page
    assert scene.steps_done and scene.chart_progress == 0 and not scene.done
    pilot.advance(3)
    assert scene.chart_progress == 0 and not scene.animating()
    assert "chart" in scene.group.buttons[0].label
    pilot.press(pygame.K_RETURN)
    assert scene.page == 1 and pilot.app.top is scene
    pilot.advance(0.5)
    assert 0 < scene.chart_progress < 1
    pilot.press(pygame.K_SPACE)
    assert scene.done
    pilot.press(pygame.K_RETURN)
    assert isinstance(pilot.app.top, DebriefScene)


def test_the_ending_card_scrolls_when_its_text_is_too_big():
    from game.ui.scenes.ending import EndingScene

    scenario = expired()
    play = Playthrough(scenario)
    for c in ending_paths(scenario)["lost_customer"]:
        play.choose(int(c) - 1)
    scene = EndingScene(play, record=False)
    settings = Settings(sound=False, theme="projector", text_size="large")
    pilot = Pilot(make_app(Options(size=(1024, 768), settings=settings), first=scene))
    pilot.frame()
    assert scene.max_scroll > 0
    pilot.press(pygame.K_DOWN)
    assert scene.scroll > 0 and pilot.app.top is scene
    pilot.wheel(10)
    assert scene.scroll == 0
    pilot.press(pygame.K_RETURN)
    assert isinstance(pilot.app.top, ValueScene)


def test_the_quick_best_outcome_agrees_with_the_full_path_search():
    from game.engine import all_paths, load_all
    from game.ui.play.value_chart import best_outcome

    from ..conftest import SCENARIOS

    for result in load_all([str(SCENARIOS)]):
        scenario = result.scenario
        if scenario is None:
            continue
        value, title = best_outcome(scenario)
        report = all_paths(scenario)
        assert value.net == report.best.value.net, scenario.id
        best_titles = {scenario.endings[p.ending].title for p in report.paths if p.value.net == value.net}
        assert title in best_titles | {scenario.endings[report.best.ending].title}, scenario.id


def test_real_content_shows_at_once_while_the_best_outcome_is_still_being_worked_out():
    """A scenario whose exploration takes seconds (a counter loop): the arithmetic, this ending's bar and a plain
    'working out' line all show in the first fifth of a second, with no '…' placeholder (issue 12, defect 12)."""
    scenario = load_file(str(FIXTURES / "hostile" / "ui_counter_loop.yaml")).scenario
    assert scenario is not None
    play = Playthrough(scenario)
    for _ in range(3):
        play.choose(0)
    play.choose(2)
    scene = ValueScene(play)
    pilot = Pilot(make_app(Options(size=(1280, 720), settings=Settings(sound=False)), first=scene))
    pilot.advance(0.2)
    assert scene.working, "the exploration is still running"
    assert scene.steps_shown >= 1 and scene.chart_progress > 0
    assert [b.label for b in scene.bars()] == ["Your ending"]
    assert scene.caption().startswith("Working out the best and worst")
    drawn: list[str] = []
    ctx = pilot.app.ctx
    original = ctx.text.render

    def spy(text, *args, **kwargs):
        drawn.append(text)
        return original(text, *args, **kwargs)

    ctx.text.render = spy
    pilot.app.draw(force=True)
    ctx.text.render = original
    assert "…" not in drawn
    assert any(t.startswith("Working out the best") for t in drawn)
    pilot.advance(1.5)
    assert scene.steps_done and scene.chart_progress == 1 and scene.done  # all of it in 1.5 s, working or not
    assert scene.job is not None and scene.job.wait(30)
