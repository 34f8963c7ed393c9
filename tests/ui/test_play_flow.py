"""Play the expired return to every ending with the keyboard alone, and again with the mouse alone."""

from __future__ import annotations

import pygame
import pytest

from game.engine import TIMEOUT
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.ending import EndingScene
from game.ui.scenes.play import CHOOSING, PlayScene
from game.ui.scenes.value import ValueScene
from game.userdata.progress import ProgressStore

from .test_play_support import ending_paths, expired, read_to_choices, start, wait_for_feedback

ENDINGS = ending_paths(expired())


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def test_the_expired_return_has_six_endings_to_reach():
    assert set(ENDINGS) == {"advocate", "kept_regular", "grudging", "quietly_gone", "lost_customer",
                            "borrowed_code"}
    assert set(ENDINGS) == set(expired().endings)


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_keyboard_alone_reaches_each_ending(ending):
    pilot, menu = start(expired())
    app = pilot.app
    scene = app.top
    for n, choice in enumerate(ENDINGS[ending]):
        assert isinstance(app.top, PlayScene)
        read_to_choices(pilot, scene, pygame.K_SPACE if n % 2 else pygame.K_RETURN)
        assert scene.phase == CHOOSING
        if choice == TIMEOUT:
            pilot.advance(scene.countdown.seconds + 1)
        elif n % 2:
            pilot.press(choice)  # number keys
        else:
            assert not scene.choices.show_focus  # nothing is focused until the player moves the focus
            pilot.press(pygame.K_DOWN)  # the first arrow shows it, on choice 1
            assert scene.choices.show_focus and scene.choices.focus == 0 and len(scene.play.history) == n
            for _ in range(int(choice) - 1):
                pilot.press(pygame.K_DOWN)
            assert scene.choices.focus == int(choice) - 1
            pilot.press(pygame.K_RETURN)
        wait_for_feedback(pilot, scene)
        assert scene.card is not None and scene.card.step.feedback
        pilot.press(pygame.K_RETURN)
    assert isinstance(app.top, EndingScene)
    assert app.top.play.ending.id == ending
    pilot.press(pygame.K_RETURN)
    assert isinstance(app.top, ValueScene)
    pilot.press(pygame.K_SPACE)  # shows the whole calculation at once
    assert app.top.done
    pilot.press(pygame.K_RETURN)
    assert isinstance(app.top, DebriefScene)
    assert app.top.group.buttons[app.top.group.focus].label == "Back to menu"  # the default: no stray restart
    pilot.press(pygame.K_RETURN)
    assert app.top is menu and menu.resumed == [None]
    summary = ProgressStore().summary("expired_return")
    assert summary.attempts == 1 and summary.endings_found == {ending}


def _click_button(pilot, button) -> None:
    r = button.logical
    pilot.click((r[0] + r[2] / 2, r[1] + r[3] / 2))


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_mouse_alone_reaches_each_ending(ending):
    pilot, menu = start(expired())
    app = pilot.app
    scene = app.top
    for choice in ENDINGS[ending]:
        read_to_choices(pilot, scene, key=None)
        assert scene.phase == CHOOSING
        if choice == TIMEOUT:
            pilot.advance(scene.countdown.seconds + 1)
        else:
            rect = scene.layout(app.ctx).choices[int(choice) - 1]
            pilot.click(rect.center)
        wait_for_feedback(pilot, scene, key=None)
        _click_button(pilot, scene.card.button(app.ctx, scene.card_rect(app.ctx)))
    ending_scene = app.top
    assert isinstance(ending_scene, EndingScene) and ending_scene.play.ending.id == ending
    _click_button(pilot, ending_scene.group.buttons[0])
    value = app.top
    assert isinstance(value, ValueScene)
    pilot.click((app.ctx.viewport.width / 2, 300))
    assert value.done
    _click_button(pilot, value.group.buttons[0])
    debrief = app.top
    assert isinstance(debrief, DebriefScene)
    menu_button = next(b for b in debrief.group.buttons if b.label == "Back to menu")
    _click_button(pilot, menu_button)
    assert app.top is menu


def test_try_again_starts_a_fresh_play_from_the_debrief():
    pilot, menu = start(expired())
    app = pilot.app
    scene = app.top
    for choice in ENDINGS["lost_customer"]:
        read_to_choices(pilot, scene)
        pilot.press(choice)
        wait_for_feedback(pilot, scene)
        pilot.press(pygame.K_RETURN)
    pilot.press(pygame.K_RETURN)
    pilot.press(pygame.K_RETURN)
    pilot.press(pygame.K_RETURN)
    assert isinstance(app.top, DebriefScene)
    pilot.press(pygame.K_TAB)  # from Back to menu (the default) to Try again
    assert app.top.group.buttons[app.top.group.focus].label == "Try again"
    pilot.press(pygame.K_RETURN)
    fresh = app.top
    assert isinstance(fresh, PlayScene) and fresh.play.history == [] and fresh.view.node_id == expired().start
    assert app.stack[0] is menu and len(app.stack) == 2
