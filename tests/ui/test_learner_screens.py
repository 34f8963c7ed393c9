"""Who is playing: the first start asks a name (typed with real text events), the title screen chooses among
learners, progress is per learner, and settings show the learning records' state in words."""

from __future__ import annotations

import pygame

from game.userdata.progress import Attempt

from .test_shell_support import names, start, top


def type_text(pilot, text: str) -> None:
    for ch in text:
        pilot.post(pygame.TEXTINPUT, text=ch)
    pilot.frame()


def test_a_first_start_asks_who_is_playing_and_remembers_them(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, records=True)
    assert names(pilot.app) == ["TitleScene", "NameEntryScene"]
    pilot.press(pygame.K_RETURN)  # nothing typed yet
    assert pilot.app.top.error.startswith("Please type a name")
    type_text(pilot, "Ana Silvx")
    pilot.press(pygame.K_BACKSPACE)
    type_text(pilot, "a")
    pilot.press(pygame.K_TAB)
    type_text(pilot, "ana@example")
    pilot.press(pygame.K_RETURN)
    assert "does not look complete" in pilot.app.top.error
    type_text(pilot, ".org")
    pilot.press(pygame.K_RETURN)
    assert top(pilot.app) == "TitleScene"
    person = pilot.app.ctx.progress.current
    assert (person.name, person.email) == ("Ana Silva", "ana@example.org")
    assert pilot.app.top.group.buttons[3].label == "Playing as: Ana Silva"
    again = start(tmp_path, monkeypatch, records=True)  # next time: no question, the same learner
    assert names(again.app) == ["TitleScene"] and again.app.ctx.progress.current == person


def test_skipping_the_question_plays_as_player(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, records=True)
    pilot.press(pygame.K_ESCAPE)
    assert names(pilot.app) == ["TitleScene"]
    assert pilot.app.top.group.buttons[3].label == "Playing as: Player"


def test_the_chooser_switches_learner_and_each_has_their_own_progress(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, records=True)
    store = pilot.app.ctx.progress
    ana = store.save_learner("Ana")
    store.record(Attempt("expired_return", "v", [], {}, "advocate", "advocate", 1.0, learner_id=ana.id))
    pilot.press(pygame.K_ESCAPE)
    pilot.press("4")  # Playing as: Ana
    assert top(pilot.app) == "LearnersScene"
    pilot.press("2")  # Someone new
    assert top(pilot.app) == "NameEntryScene"
    type_text(pilot, "Bo")
    pilot.press(pygame.K_RETURN)
    pilot.frame(2)
    assert top(pilot.app) == "TitleScene" and store.current.name == "Bo"
    assert store.summary("expired_return").attempts == 0
    pilot.press("4")
    labels = [b.label for b in pilot.app.top.group.buttons]
    assert labels[0] == "Bo  (playing now)" and "Ana" in labels
    pilot.press(str(labels.index("Ana") + 1))
    assert top(pilot.app) == "TitleScene" and store.current == ana
    assert store.summary("expired_return").attempts == 1


def test_settings_show_who_is_playing_and_the_records_waiting(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_LRS_ENDPOINT", "http://127.0.0.1:9/xAPI")
    monkeypatch.setenv("CUSTOMER_CHAIN_LRS_PASSWORD", "never-shown")
    pilot = start(tmp_path, monkeypatch, records=True)
    pilot.app.ctx.records.stop()  # no background sending in this test: the count stays put
    pilot.press(pygame.K_ESCAPE)
    store = pilot.app.ctx.progress
    store.enqueue([{"id": f"6fbd600f-d17c-4c74-801a-2ec2e53231c{i}", "context": {"registration": "r"}}
                   for i in range(3)])
    pilot.press("3")
    scene = pilot.app.top
    assert top(pilot.app) == "SettingsScene"
    assert "3 records waiting to be sent" in scene.records_line
    assert "never-shown" not in scene.records_line
    pilot.press(pygame.K_l)
    assert top(pilot.app) == "LearnersScene"
