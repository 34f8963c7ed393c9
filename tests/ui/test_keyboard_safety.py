"""One stray key press never decides anything: no option is focused until an arrow or Tab, the debrief's default
is Back to menu, Restart asks once, and H opens the history on the coach's card too (issue 12, defect 5)."""

from __future__ import annotations

import pygame
import pytest

from game.ui.play.history import HistoryOverlay
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import CHOOSING, FEEDBACK, READING, PlayScene

from .test_play_support import ending_paths, expired, logical_center, read_to_choices, start, wait_for_feedback


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def _choosing_by_typewriter(text_speed: str = "normal"):
    """The play screen with the typewriter on: the first beat read on by a key, the last one left to finish."""
    pilot, menu = start(expired(), text_speed=text_speed)
    scene = pilot.app.top
    pilot.press(pygame.K_SPACE)  # finish the narrator's beat
    pilot.press(pygame.K_SPACE)  # and start her line, which types itself out
    assert scene.phase == READING and not scene.typewriter.done
    for _ in range(600):
        if scene.phase == CHOOSING:
            break
        pilot.frame()
    assert scene.phase == CHOOSING
    return pilot, scene


def test_enter_or_space_when_the_text_finishes_takes_no_option():
    pilot, scene = _choosing_by_typewriter()
    assert not scene.choices.show_focus
    for key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
        pilot.press(key)
    pilot.advance(1)
    assert scene.play.history == [] and scene.phase == CHOOSING
    assert not scene.choices.show_focus
    pilot.press("3")  # a number still chooses directly
    assert [s.number for s in scene.play.history] == [3]


def test_no_focus_ring_is_drawn_until_the_first_arrow():
    pilot, scene = _choosing_by_typewriter()
    ctx = pilot.app.ctx
    first = scene.choices.buttons[0].rect(ctx)
    ring = (first.left + 1, first.centery)  # on the button's edge, where the focus ring is drawn
    pilot.app.draw(force=True)
    before = tuple(pilot.app.screen.get_at(ring))
    pilot.press(pygame.K_DOWN)
    pilot.app.draw(force=True)
    assert tuple(pilot.app.screen.get_at(ring)) != before
    assert scene.choices.show_focus and scene.choices.focus == 0


@pytest.mark.parametrize("move", [pygame.K_DOWN, pygame.K_TAB])
def test_the_first_arrow_or_tab_shows_the_focus_on_choice_one_then_moves_it(move):
    pilot, scene = _choosing_by_typewriter()
    pilot.press(move)
    assert scene.choices.show_focus and scene.choices.focus == 0 and scene.play.history == []
    pilot.press(move)
    assert scene.choices.focus == 1 and scene.play.history == []
    pilot.press(pygame.K_RETURN)
    assert [s.number for s in scene.play.history] == [2]


def test_pointing_at_a_choice_hides_the_focus_and_then_enter_takes_nothing():
    pilot, scene = _choosing_by_typewriter()
    pilot.press(pygame.K_DOWN)
    assert scene.choices.show_focus
    pilot.move(logical_center(scene.layout(pilot.app.ctx).choices[2]))
    assert not scene.choices.show_focus
    pilot.press(pygame.K_SPACE)
    assert scene.play.history == []
    pilot.click(logical_center(scene.layout(pilot.app.ctx).choices[2]))  # a click chooses directly
    assert [s.number for s in scene.play.history] == [3]


def _to_debrief():
    pilot, menu = start(expired())
    app = pilot.app
    scene = app.top
    for choice in ending_paths(expired())["lost_customer"]:
        read_to_choices(pilot, scene)
        pilot.press(choice)
        wait_for_feedback(pilot, scene)
        pilot.press(pygame.K_RETURN)
    for _ in range(3):  # the ending, the value screen shown at once, then on to the debrief
        pilot.press(pygame.K_RETURN)
    assert isinstance(app.top, DebriefScene)
    return pilot, menu


def test_a_stray_space_on_the_debrief_goes_back_to_the_menu_not_into_a_new_play():
    pilot, menu = _to_debrief()
    debrief = pilot.app.top
    assert debrief.group.buttons[debrief.group.focus].label == "Back to menu"
    pilot.press(pygame.K_SPACE)
    assert pilot.app.top is menu and not any(isinstance(s, PlayScene) for s in pilot.app.stack)


def test_try_again_on_the_debrief_is_still_one_tab_away():
    pilot, menu = _to_debrief()
    pilot.press(pygame.K_TAB)
    assert pilot.app.top.group.buttons[pilot.app.top.group.focus].label == "Try again"
    pilot.press(pygame.K_RETURN)
    fresh = pilot.app.top
    assert isinstance(fresh, PlayScene) and fresh.play.history == []


def _paused_after_a_choice():
    pilot, menu = start(expired())
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    pilot.press("2")
    wait_for_feedback(pilot, scene)
    pilot.press(pygame.K_RETURN)
    read_to_choices(pilot, scene)
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(pilot.app.top, PauseScene)
    return pilot, scene


def test_restart_asks_first_and_no_or_esc_keeps_the_play():
    pilot, scene = _paused_after_a_choice()
    pause = pilot.app.top
    pilot.press("2")  # Restart
    assert pilot.app.top is pause and getattr(pause, "confirming", False)
    assert pause.title == "Start again from the beginning?"
    assert pause.message == "Your decisions so far will be lost."
    assert [b.label for b in pause.group.buttons] == ["Yes", "No"] and pause.group.focus == 1  # No, the safe one
    pilot.press(pygame.K_RETURN)  # a stray Enter answers No
    assert pilot.app.top is pause and not pause.confirming
    assert [b.label for b in pause.group.buttons][1] == "Restart" and pause.group.focus == 1
    pilot.press(pygame.K_RETURN)  # Restart again, then Esc: back to the menu, nothing lost
    assert pause.confirming
    pilot.press(pygame.K_ESCAPE)
    assert pilot.app.top is pause and not pause.confirming
    pilot.press(pygame.K_ESCAPE)
    assert pilot.app.top is scene and len(scene.play.history) == 1


def test_restart_yes_by_key_starts_again():
    pilot, scene = _paused_after_a_choice()
    pilot.press("2")
    pilot.press("1")  # Yes
    pilot.frame(2)
    assert pilot.app.top is scene and scene.play.history == [] and scene.view.node_id == expired().start


def test_restart_yes_by_mouse_starts_again_and_no_by_mouse_does_not():
    pilot, scene = _paused_after_a_choice()
    pause = pilot.app.top
    pilot.click(logical_center(pygame.Rect(pause.group.buttons[1].logical)))  # Restart
    assert getattr(pause, "confirming", False)
    pilot.click(logical_center(pygame.Rect(pause.group.buttons[1].logical)))  # No
    assert not pause.confirming and len(scene.play.history) == 1
    pilot.click(logical_center(pygame.Rect(pause.group.buttons[1].logical)))  # Restart
    pilot.click(logical_center(pygame.Rect(pause.group.buttons[0].logical)))  # Yes
    pilot.frame(2)
    assert pilot.app.top is scene and scene.play.history == []


def test_h_on_the_coachs_card_opens_the_history_without_giving_away_what_comes_next():
    pilot, _ = start(expired())
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    pilot.press("2")
    wait_for_feedback(pilot, scene)
    assert scene.phase == FEEDBACK
    pilot.press(pygame.K_h)
    overlay = pilot.app.top
    assert isinstance(overlay, HistoryOverlay)
    said = [(e.who, e.text) for e in overlay.entries]
    assert said[-2][0] == "You" and "price gun" in said[-2][1]
    assert said[-1] == ("Ms. Ling", '"Thank you. It shouldn\'t take long."')  # her reply is the last thing said
    assert not any("thirty-four days old" in text for _, text in said)  # the next node is not read yet
    pilot.press(pygame.K_h)
    assert pilot.app.top is scene and scene.phase == FEEDBACK and len(scene.play.history) == 1
