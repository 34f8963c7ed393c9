"""Leaving mid-scenario keeps the play (the card then offers Continue); Backspace rolls back one decision in solo
play, unless the scenario says `rollback: false`. Driven by real key events through the whole game."""

from __future__ import annotations

import shutil

import pygame

from game.records.outbox import Outbox
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.play.rollback import ASSESSED
from game.ui.scenes.play import CHOOSING
from game.ui.scenes.select import SelectScene
from game.userdata.settings import Settings

from .test_play_support import read_to_choices, wait_for_feedback
from .test_shell_support import SCENARIOS, focus_card_by_keyboard, names, top


def launch(tmp_path, monkeypatch, scenario_dir=None) -> Pilot:
    """The game as a player starts it (records on), on the scenario list, data in tmp_path/data."""
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    opts = Options(size=(1280, 720), settings=Settings(sound=False, text_speed="instant"), records=True,
                   scenario_dir=str(scenario_dir) if scenario_dir else None)
    app = make_app(opts, first=SelectScene(root=True))
    pygame.event.clear()
    pilot = Pilot(app)
    pilot.frame()
    return pilot


def decide(pilot: Pilot, key: str = "1") -> None:
    """Read the node's beats, pick an option, hear her reply and read the coach's card (the screen then waits
    on FEEDBACK)."""
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    assert scene.phase == CHOOSING
    taken = len(scene.play.history)
    pilot.press(key)
    assert len(scene.play.history) == taken + 1
    wait_for_feedback(pilot, scene)


def next_node(pilot: Pilot) -> None:
    """Close the coach's card; at a `leaves` ending she walks out first, so let that time pass (the game shuffles
    the options, and option 1 may be the one that loses her)."""
    pilot.press(pygame.K_RETURN)
    pilot.frame(2)
    scene = pilot.app.top
    if top(pilot.app) == "PlayScene" and scene.play.ended:
        pilot.advance(3.0)


def open_card(pilot: Pilot, scenario_id: str = "expired_return") -> None:
    focus_card_by_keyboard(pilot, scenario_id)
    pilot.press(pygame.K_RETURN)


def test_quitting_mid_scenario_offers_continue_and_continues_there(tmp_path, monkeypatch):
    pilot = launch(tmp_path, monkeypatch)
    open_card(pilot)
    assert top(pilot.app) == "PlayScene"
    decide(pilot)
    next_node(pilot)
    decide(pilot, "2")
    taken = list(pilot.app.top.play.choice_ids)
    pilot.press(pygame.K_ESCAPE)
    pilot.press("4")  # Quit to menu
    assert top(pilot.app) == "SelectScene"
    select = pilot.app.top
    i = [r.scenario.id if r.scenario else "" for r in select.cards].index("expired_return")
    assert select.texts[i].blocks[-1].text == "Continue where you left off (after 2 decisions)"
    # The window closes (or the game crashes): a new start still offers it, and Continue picks up there.
    pilot = launch(tmp_path, monkeypatch)
    open_card(pilot)
    assert top(pilot.app) == "PauseScene" and pilot.app.top.title == "Your play so far"
    pilot.press("1")
    pilot.frame(2)
    assert names(pilot.app)[-1] == "PlayScene"
    play = pilot.app.top.play
    assert play.choice_ids == taken and not play.ended
    verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in Outbox(pilot.app.ctx.progress.path).statements()]
    assert verbs == ["initialized", "attempted", "answered", "answered", "resumed"]


def test_start_again_drops_the_saved_play(tmp_path, monkeypatch):
    pilot = launch(tmp_path, monkeypatch)
    open_card(pilot)
    decide(pilot)
    pilot.press(pygame.K_ESCAPE)
    pilot.press("4")
    open_card(pilot)
    pilot.press("2")  # Start again
    pilot.frame(2)
    assert top(pilot.app) == "PlayScene" and pilot.app.top.play.history == []


def test_backspace_takes_back_a_decision_and_the_record_keeps_both(tmp_path, monkeypatch):
    pilot = launch(tmp_path, monkeypatch)
    open_card(pilot)
    scene = pilot.app.top
    decide(pilot, "2")
    first = scene.play.choice_ids[0]
    pilot.press(pygame.K_BACKSPACE)
    assert scene.play.history == [] and scene.phase in ("reading", "choosing")
    decide(pilot, "1")
    assert scene.play.choice_ids != [first]
    records = Outbox(pilot.app.ctx.progress.path).statements()
    verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in records]
    assert verbs == ["initialized", "attempted", "answered", "rolled-back", "answered"]
    assert records[2]["result"]["response"] == first == records[3]["result"]["response"]
    assert [j["event"] for j in scene.recorder.journal] == ["answered", "rolled_back", "answered"]


def test_an_assessed_scenario_refuses_rollback(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    text = (SCENARIOS / "expired_return.yaml").read_text(encoding="utf-8")
    (folder / "expired_return.yaml").write_text(text.replace("\nminutes:", "\nrollback: false\nminutes:", 1),
                                                encoding="utf-8")
    shutil.copy(SCENARIOS / "ringing_phone.yaml", folder)
    pilot = launch(tmp_path, monkeypatch, scenario_dir=folder)
    open_card(pilot)
    scene = pilot.app.top
    assert scene.scenario.rollback is False
    decide(pilot)
    pilot.press(pygame.K_BACKSPACE)
    pilot.press(pygame.K_PAGEUP)
    assert len(scene.play.history) == 1 and scene.problem == ASSESSED
    verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in Outbox(pilot.app.ctx.progress.path).statements()]
    assert "rolled-back" not in verbs


def test_finishing_records_the_attempt_for_the_learner_and_removes_the_save(tmp_path, monkeypatch):
    pilot = launch(tmp_path, monkeypatch)
    open_card(pilot)
    scene = pilot.app.top
    for _ in range(30):
        if top(pilot.app) != "PlayScene":
            break
        decide(pilot)
        next_node(pilot)
    assert top(pilot.app) == "EndingScene"
    store = pilot.app.ctx.progress
    assert store.summary("expired_return").attempts == 1
    assert store.all_attempts()[0].learner_id == scene.recorder.learner.id
    assert pilot.app.ctx.records.saved(scene.scenario) is None
    verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in Outbox(store.path).statements()]
    assert verbs[-1] == "completed"
