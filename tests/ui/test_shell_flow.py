"""The whole game, title to select to a finished scenario and back, by keyboard alone and by mouse alone."""

from __future__ import annotations

import pygame

from game.userdata.settings import Settings

from .test_shell_support import (
    card_index,
    centre,
    click_card,
    finish_by_keyboard,
    finish_by_mouse,
    focus_card_by_keyboard,
    names,
    start,
    top,
)

FLOW = ["PlayScene", "EndingScene", "ValueScene", "DebriefScene", "SelectScene"]


def test_keyboard_alone_plays_a_scenario_from_title_and_back(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, settings=Settings(sound=False))  # normal text speed, as a new user has
    app = pilot.app
    assert top(app) == "TitleScene"
    pilot.press(pygame.K_RETURN)
    assert names(app) == ["TitleScene", "SelectScene"]
    focus_card_by_keyboard(pilot, "expired_return")
    pilot.press(pygame.K_RETURN)
    assert top(app) == "PlayScene"
    seen = finish_by_keyboard(pilot)
    assert seen[:1] + [s for s in seen if s in FLOW[1:]] == FLOW
    select = app.top
    assert names(app) == ["TitleScene", "SelectScene"]
    summary = app.ctx.progress.summary("expired_return")
    assert summary.attempts == 1
    card = select.texts[card_index(select, "expired_return")]
    assert "played once" in card.blocks[-1].text
    assert f"1 of {len(select.cards[card_index(select, 'expired_return')].scenario.endings)}" in card.blocks[-1].text
    # And once more with Backspace back to the title and Quit by its number.
    pilot.press(pygame.K_BACKSPACE)
    assert names(app) == ["TitleScene"]
    pilot.press("4")
    assert not app.running


def test_mouse_alone_plays_a_scenario_from_title_and_back(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, settings=Settings(sound=False, text_speed="fast"))
    app = pilot.app
    title = app.top
    pilot.click(centre(title.group.buttons[0].logical))  # Start
    assert top(app) == "SelectScene"
    click_card(pilot, "status_update")
    assert top(app) == "PlayScene"
    assert app.top.scenario.id == "status_update"
    seen = finish_by_mouse(pilot)
    assert [s for s in seen if s in FLOW] == FLOW
    assert app.ctx.progress.summary("status_update").attempts == 1
    select = app.top
    pilot.click(centre(select.header_buttons[-1].logical))  # Back
    assert top(app) == "TitleScene"
    pilot.click(centre(app.top.group.buttons[-1].logical))  # Quit
    assert not app.running


def test_window_close_works_on_every_screen(tmp_path, monkeypatch):
    routes = {
        "TitleScene": [],
        "SelectScene": [pygame.K_RETURN],
        "PauseScene": [pygame.K_ESCAPE],
        "SettingsScene": ["3"],
        "PlayScene": [pygame.K_RETURN, pygame.K_RETURN],
    }
    for expected, keys in routes.items():
        pilot = start(tmp_path, monkeypatch)
        for key in keys:
            pilot.press(key)
        assert top(pilot.app) == expected
        pilot.post(pygame.QUIT)
        pilot.frame()
        assert not pilot.app.running, expected


def test_facilitator_toggle_on_the_title_changes_mode_and_label(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    title = app.top
    assert title.group.buttons[1].label.endswith("Off")
    pilot.press("2")
    assert app.ctx.facilitator and app.ctx.settings.facilitator
    pilot.frame()
    assert title.group.buttons[1].label.endswith("On")
    assert app.ctx.theme.name == "projector"
    pilot.press("2")
    assert not app.ctx.facilitator


def test_escape_on_the_title_opens_the_menu_and_can_quit(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    pilot.press(pygame.K_ESCAPE)
    assert names(app) == ["TitleScene", "PauseScene"]
    labels = [b.label for b in app.top.group.buttons]
    assert labels == ["Resume", "Settings", "Quit the game"]
    pilot.press(pygame.K_ESCAPE)
    assert names(app) == ["TitleScene"]
    pilot.press(pygame.K_ESCAPE)
    pilot.press("3")
    pilot.frame()
    assert not app.running


def test_notices_show_on_the_title(tmp_path, monkeypatch, ):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    app.ctx.notices.append("Your progress could not be saved: the disk is full.")
    app.top.dirty = True
    pilot.frame()
    shot = tmp_path / "title.png"
    pilot.screenshot(str(shot))
    assert shot.exists()
    # The notice panel sits beside the menu: its warn-coloured border is on screen there.
    warn = app.ctx.theme.warn
    surface = app.screen
    found = any(tuple(surface.get_at((x, y)))[:3] == warn
                for x in range(surface.get_width() // 2, surface.get_width(), 4)
                for y in range(surface.get_height() // 2, surface.get_height(), 4))
    assert found
