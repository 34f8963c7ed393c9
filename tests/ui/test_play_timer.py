"""Timed moments: the countdown, the timeout branch, and time standing still under the pause menu or
when the window loses focus."""

from __future__ import annotations

import pygame
import pytest

from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import CHOOSING, FEEDBACK, REPLY, PlayScene

from .test_play_support import expired, read_to_choices, start, take

TO_TIMER = ["2", "1", "1"]  # arrive, receipt, her_story -> offer (a 25-second timer)


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def _to_timer(**settings):
    pilot, menu = start(expired(), **settings)
    scene = pilot.app.top
    take(pilot, scene, *TO_TIMER)
    assert scene.view.node_id == "offer" and scene.countdown is not None
    assert not scene.countdown.running  # the clock waits while the scene is still being read
    read_to_choices(pilot, scene)
    assert scene.phase == CHOOSING and scene.countdown.running
    return pilot, menu, scene


def test_the_countdown_runs_out_and_the_timeout_branch_plays():
    pilot, _, scene = _to_timer()
    seconds = scene.countdown.seconds
    assert seconds == 25
    pilot.advance(10)
    assert 14 <= scene.countdown.whole_seconds <= 16
    assert pilot.app.top.animating()  # the clock moves while time runs
    pilot.advance(16)
    assert scene.phase == REPLY  # she speaks first: "I'm going to miss my bus at this rate."
    assert scene.step.kind == "timeout" and scene.speaking[1] == scene.step.reply.text
    assert scene.play.history[-1].kind == "timeout"
    pilot.press(pygame.K_RETURN)
    assert scene.phase == FEEDBACK and scene.step.principle == "Responsiveness"
    pilot.press(pygame.K_RETURN)
    assert scene.view.node_id == "must_go"
    assert scene.countdown is None


def test_choosing_in_time_stops_the_countdown():
    pilot, _, scene = _to_timer()
    pilot.advance(5)
    pilot.press("2")
    left = scene.countdown.left
    pilot.advance(30)
    assert scene.countdown.left == left and not scene.countdown.expired
    assert scene.play.history[-1].kind == "choice"


def test_the_pause_menu_stops_the_clock_and_resume_restarts_it():
    pilot, _, scene = _to_timer()
    pilot.advance(2)
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(pilot.app.top, PauseScene)
    left = scene.countdown.left
    pilot.advance(40)
    assert scene.countdown.left == left
    pilot.press(pygame.K_ESCAPE)  # resume
    assert pilot.app.top is scene
    pilot.advance(3)
    assert scene.countdown.left < left - 2


def test_losing_window_focus_stops_the_clock_until_it_comes_back():
    pilot, _, scene = _to_timer()
    pilot.advance(1)  # the meters finish moving from the last decision
    pilot.post(pygame.WINDOWFOCUSLOST)
    pilot.frame()
    left = scene.countdown.left
    assert not scene.animating()  # nothing moves: the loop can sleep
    pilot.advance(40)
    assert scene.countdown.left == left and scene.phase == CHOOSING
    pilot.post(pygame.WINDOWMINIMIZED)
    pilot.post(pygame.WINDOWRESTORED)
    pilot.frame()
    pilot.advance(2)
    assert scene.countdown.left < left - 1.5


def test_pause_restart_begins_the_scenario_again():
    pilot, _, scene = _to_timer()
    pilot.press(pygame.K_ESCAPE)
    pilot.press("2")  # Restart, which asks once
    assert pilot.app.top is not scene and scene.play.history
    pilot.press("1")  # Yes
    assert pilot.app.top is scene
    assert scene.play.history == [] and scene.view.node_id == "arrive" and scene.countdown is None
    assert scene.meters.displayed("satisfaction") == 40


def test_pause_quit_goes_back_to_the_menu():
    pilot, menu, scene = _to_timer()
    pilot.press(pygame.K_ESCAPE)
    quit_index = len(pilot.app.top.entries)
    pilot.press(str(quit_index))  # Quit to menu
    pilot.frame(2)
    assert pilot.app.top is menu
    assert isinstance(scene, PlayScene)
