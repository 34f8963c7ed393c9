"""Resizing and full screen on every menu screen: layouts follow, the mouse still hits what it sees."""

from __future__ import annotations

import pygame

from .test_shell_support import centre, names, start, top

SIZES = [(1024, 768), (1920, 1080), (960, 720), (800, 600), (1280, 720)]


def resize(pilot, size) -> None:
    pilot.post(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])
    pilot.frame()


def test_resizing_each_menu_screen_relayouts_it(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    routes = [("TitleScene", []), ("SelectScene", [pygame.K_RETURN]), ("PauseScene", [pygame.K_ESCAPE]),
              ("SettingsScene", ["2"])]
    for expected, keys in routes:
        for key in keys:
            pilot.press(key)
        assert top(app) == expected
        for size in SIZES:
            resize(pilot, size)
            assert app.screen.get_size() == size
            assert app.ctx.viewport.window == size
            assert 960 <= app.ctx.viewport.width <= 1280
            assert app.top.dirty is False  # it was drawn at the new size
            pilot.screenshot(str(tmp_path / f"{expected}_{size[0]}x{size[1]}.png"))
    assert names(app) == ["TitleScene", "SelectScene", "PauseScene", "SettingsScene"]


def test_the_mouse_hits_the_same_buttons_after_a_resize(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    resize(pilot, (1024, 768))
    title = app.top
    pilot.click(centre(title.group.buttons[2].logical))  # Settings
    assert top(app) == "SettingsScene"
    settings = app.top
    resize(pilot, (1920, 1080))
    pilot.click(centre(settings.done.logical))
    assert top(app) == "TitleScene"
    pilot.click(centre(title.group.buttons[0].logical))
    assert top(app) == "SelectScene"


def test_select_keeps_the_focused_card_in_view_after_a_resize(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    pilot.press(pygame.K_RETURN)
    select = app.top
    pilot.press(pygame.K_END)
    pilot.advance(0.6)
    for size in [(1024, 768), (1280, 720), (1920, 1080)]:
        resize(pilot, size)
        p = select.places[select.focus]
        assert p.y - select.scroller.offset >= -1
        assert p.y + p.h - select.scroller.offset <= select.scroller.view + 1


def test_f11_toggles_full_screen_and_back(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    pilot.press(pygame.K_RETURN)
    pilot.press(pygame.K_F11)
    assert app.fullscreen is True
    assert app.ctx.settings.fullscreen is True
    assert app.screen.get_size() == tuple(pygame.display.get_desktop_sizes()[0])
    assert top(app) == "SelectScene"  # the scene stays; only the window changed
    pilot.press(pygame.K_RETURN)
    assert top(app) == "PlayScene"
    pilot.press(pygame.K_F11)
    assert app.fullscreen is False
    assert app.screen.get_size() == (1280, 720)
    assert app.ctx.viewport.window == (1280, 720)
