"""Words on the value, debrief and play screens (issue 12, defect 9): our own plain words, one vocabulary for
value (kept, won, lost), one phrase for a timer ("Time ran out"), talk time coloured by what the choice did for
the customer, and each other option in the debrief saying what would have come of it."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.commands.common import require_scenario
from game.engine import Playthrough, lifetime_value
from game.facilitation.debrief import build_debrief
from game.facilitation.session import ClassSession
from game.facilitation.session import Decision as ClassDecision
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scenes.debrief import DebriefScene, decisions
from game.ui.scenes.value import ValueScene
from game.userdata.settings import Settings

from .test_play_support import read_to_choices, start, wait_for_feedback

GAME = Path(__file__).resolve().parents[2] / "game"
LIBRARY = sorted(p.stem for p in (GAME.parent / "scenarios").glob("*.yaml") if p.stem != "principles")


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def _drawn_words(scene, size=(1280, 720)) -> str:
    """Every piece of text the screen draws, through the real renderer."""
    pilot = Pilot(make_app(Options(size=size, settings=Settings(sound=False)), first=scene))
    pilot.frame(2)
    if isinstance(scene, ValueScene):
        pilot.press(pygame.K_SPACE)  # show it all
    assert pilot.app.top is scene
    ctx = pilot.app.ctx
    drawn: list[str] = []
    original = ctx.text.render

    def spy(text, *args, **kwargs):
        drawn.append(str(text))
        return original(text, *args, **kwargs)

    ctx.text.render = spy
    pilot.app.draw(force=True)
    ctx.text.render = original
    return " ".join(drawn)


def _first_path(scenario_id: str) -> Playthrough:
    play = Playthrough(require_scenario(scenario_id))
    while not play.ended:
        play.choose(0) if play.choices else play.timeout()
    return play


@pytest.mark.parametrize("scenario_id", LIBRARY)
def test_the_value_screen_speaks_in_our_own_words(scenario_id):
    words = _drawn_words(ValueScene(_first_path(scenario_id)))
    assert "source material" not in words.lower()
    assert "at risk" not in words.lower()


def test_a_kept_customer_who_drifts_is_counted_as_lost_like_the_chart_says():
    scenario = require_scenario("expired_return")
    value = lifetime_value(scenario.customer.economics, "stays", 60, 50, "Ms. Ling")
    labels = [s.label for s in value.steps]
    assert not any("risk" in label.lower() for label in labels)
    assert any(label.startswith("Lost") for label in labels)  # the chart's legend: Kept, Won, Lost


def test_one_phrase_for_a_timer_everywhere_in_the_game():
    offenders = [str(p.relative_to(GAME)) for p in GAME.rglob("*.py") if "Timer ran out" in p.read_text("utf-8")]
    assert offenders == []


def test_the_class_debrief_lists_a_timer_as_time_ran_out():
    scenario = require_scenario("expired_return")
    path = [ClassDecision("choice", 0), ClassDecision("choice", 0), ClassDecision("choice", 0),
            ClassDecision("timeout", None)]
    session = ClassSession(scenario)
    session.main = path
    report = build_debrief(session, with_benchmarks=False)
    timed = report.decisions[3]
    assert timed.options[timed.chosen].startswith("Time ran out: ")
    assert not any(o.startswith("Timer ran out") for r in report.decisions for o in r.options)


def _coach_after(number: str):
    pilot, _ = start(require_scenario("relationship_client"))
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    pilot.press("1")  # clear the time with Dana first
    wait_for_feedback(pilot, scene)
    pilot.press(pygame.K_RETURN)
    read_to_choices(pilot, scene)
    assert scene.view.node_id == "opening"
    pilot.press(number)
    wait_for_feedback(pilot, scene)
    ctx = pilot.app.ctx
    runs = dict(scene.card._runs(ctx))
    talk = next(colour for text, colour in runs.items() if text.startswith("Talk time"))
    gauge = next(g for g in scene.meters.gauges if g.meter.id == "talk_time")
    return ctx.theme, scene, talk, gauge


def test_talk_time_spent_on_a_choice_the_coach_praises_is_good_news():
    theme, scene, talk, gauge = _coach_after("2")  # ask after him: satisfaction +6, loyalty +4, talk time +3
    assert scene.step.deltas["talk_time"] == 3 and scene.step.deltas["satisfaction"] > 0
    assert talk == theme.good
    assert gauge.delta == 3 and gauge.judged > 0  # the meter's change chip too


def test_talk_time_spent_on_a_choice_that_upsets_him_is_bad_news():
    theme, scene, talk, gauge = _coach_after("1")  # straight to ovens: satisfaction -5, talk time +2
    assert scene.step.deltas["talk_time"] == 2 and scene.step.deltas["satisfaction"] < 0
    assert talk == theme.bad and gauge.judged < 0


def test_the_debrief_colours_talk_time_like_the_coach():
    from game.ui.scenes.debrief import delta_runs

    scenario = require_scenario("relationship_client")
    pilot = Pilot(make_app(Options(settings=Settings(sound=False)), first=DebriefScene(_first_path(
        "relationship_client"))))
    pilot.frame()
    ctx = pilot.app.ctx
    labels = {m.id: m.label for m in scenario.meters}
    runs = dict(delta_runs(ctx, {"satisfaction": 6, "loyalty": 4, "talk_time": 3}, labels, scenario.polarity))
    assert runs["Talk time (target 6) ▲ +3"] == ctx.theme.good
    runs = dict(delta_runs(ctx, {"satisfaction": -6, "talk_time": 1}, labels, scenario.polarity))
    assert runs["Talk time (target 6) ▲ +1"] == ctx.theme.bad


@pytest.mark.parametrize("scenario_id", ["expired_return", "relationship_client", "ringing_phone"])
def test_every_other_option_in_the_debrief_says_what_would_have_come_of_it(scenario_id):
    play = _first_path(scenario_id)
    items = decisions(play)
    leads = [(o, lead) for d in items for o, lead in zip(d.others, d.leads, strict=True)]
    assert leads and all(lead for _, lead in leads)
    assert not any("story goes on" in lead for _, lead in leads)
    for o, lead in leads:
        if o.ending is not None:
            assert o.ending.title in lead
    words = _drawn_words(DebriefScene(play))
    assert "story goes on" not in words
    assert "would answer" in words or "Then it ends" in words


def test_the_debrief_quotes_the_line_the_player_answered_in_its_own_voice_and_whole():
    items = decisions(_first_path("relationship_client"))
    first = items[0]
    assert first.speaker == "Dana" and first.said.startswith('"Team reminder')  # not the narrator's words as his
    words = _drawn_words(DebriefScene(_first_path("relationship_client")))
    assert "keep calls tight" in words  # the end of her line is drawn, not cut short with an ellipsis
