"""The pause menu over a scenario: resume, restart, settings and quit to menu, by keys and by mouse."""

from __future__ import annotations

import pygame

from .test_shell_support import centre, focus_card_by_keyboard, names, start, top


def open_play(tmp_path, monkeypatch, scenario_id: str = "expired_return"):
    pilot = start(tmp_path, monkeypatch)
    pilot.press(pygame.K_RETURN)
    focus_card_by_keyboard(pilot, scenario_id)
    pilot.press(pygame.K_RETURN)
    assert top(pilot.app) == "PlayScene"
    return pilot


def make_a_choice(pilot) -> None:
    play = pilot.app.top.play
    for _ in range(20):
        if play.history:
            return
        pilot.press("1")
        pilot.advance(0.3)
    assert play.history


def test_escape_pauses_over_the_scene_and_escape_resumes(tmp_path, monkeypatch):
    pilot = open_play(tmp_path, monkeypatch)
    app = pilot.app
    play_scene = app.top
    pilot.press(pygame.K_ESCAPE)
    assert names(app)[-2:] == ["PlayScene", "PauseScene"]
    pause = app.top
    assert pause.opaque is False
    assert [b.label for b in pause.group.buttons] == ["Resume", "Restart", "Settings", "Quit to menu"]
    pilot.press(pygame.K_ESCAPE)
    assert app.top is play_scene


def test_pause_draws_over_a_dimmed_scene(tmp_path, monkeypatch):
    pilot = open_play(tmp_path, monkeypatch)
    app = pilot.app
    before = app.screen.copy()
    pilot.press(pygame.K_ESCAPE)
    app.draw(force=True)
    corner = (5, app.screen.get_height() - 5)  # outside the menu box: the scene shows through, darker
    under = before.get_at(corner)
    over = app.screen.get_at(corner)
    assert sum(over[:3]) < sum(under[:3])
    assert sum(over[:3]) > 0 or sum(under[:3]) == 0


def test_resume_by_mouse_keeps_the_same_playthrough(tmp_path, monkeypatch):
    pilot = open_play(tmp_path, monkeypatch)
    app = pilot.app
    make_a_choice(pilot)
    play_scene = app.top
    taken = len(play_scene.play.history)
    pilot.press(pygame.K_ESCAPE)
    pilot.click(centre(app.top.group.buttons[0].logical))
    assert app.top is play_scene
    assert len(play_scene.play.history) == taken


def test_restart_starts_the_scenario_again(tmp_path, monkeypatch):
    pilot = open_play(tmp_path, monkeypatch)
    app = pilot.app
    make_a_choice(pilot)
    pilot.press(pygame.K_ESCAPE)
    pilot.press("2")  # Restart, which asks first
    assert top(app) == "PauseScene" and app.top.confirming and app.stack[-2].play.history
    pilot.press("1")  # Yes
    pilot.frame(2)
    assert top(app) == "PlayScene"
    assert app.top.play.history == []
    assert app.top.play.location == app.top.scenario.start


def test_quit_to_menu_returns_to_the_select_screen(tmp_path, monkeypatch):
    pilot = open_play(tmp_path, monkeypatch)
    app = pilot.app
    pilot.press(pygame.K_ESCAPE)
    pilot.press(pygame.K_UP)  # focus wraps to the last entry
    pilot.press(pygame.K_RETURN)
    pilot.frame(2)
    assert names(app) == ["TitleScene", "SelectScene"]
    assert app.ctx.progress.summary("expired_return").attempts == 0


def test_settings_from_the_pause_menu_and_back(tmp_path, monkeypatch):
    pilot = open_play(tmp_path, monkeypatch)
    app = pilot.app
    pilot.press(pygame.K_ESCAPE)
    pilot.press("3")
    assert names(app)[-3:] == ["PlayScene", "PauseScene", "SettingsScene"]
    pilot.press(pygame.K_ESCAPE)
    assert top(app) == "PauseScene"
    pilot.press(pygame.K_ESCAPE)
    assert top(app) == "PlayScene"


def test_escape_on_the_select_screen_offers_the_way_back_to_the_title(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    pilot.press(pygame.K_RETURN)
    pilot.press(pygame.K_ESCAPE)
    assert names(app) == ["TitleScene", "SelectScene", "PauseScene"]
    assert [b.label for b in app.top.group.buttons][-1] == "Back to the title screen"
    pilot.press("3")
    pilot.frame(2)
    assert names(app) == ["TitleScene"]
