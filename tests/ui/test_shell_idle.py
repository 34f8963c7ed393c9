"""Menu screens waiting for input draw nothing new until something changes."""

from __future__ import annotations

import pygame

from .test_shell_support import centre, start, top


def settle(app, frames: int = 400) -> None:
    for _ in range(frames):
        app.step(events=[], dt=1 / 60)
        if not (app.top.animating() or app.top.dirty):
            return


def idle_frames_draw_nothing(app, frames: int = 30) -> bool:
    settle(app)
    return not any(app.step(events=[], dt=1 / 60) for _ in range(frames))


def test_each_menu_screen_is_idle_when_nothing_happens(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    for expected, key in [("TitleScene", None), ("SelectScene", pygame.K_RETURN), ("PauseScene", pygame.K_ESCAPE),
                          ("SettingsScene", "2")]:
        if key is not None:
            pilot.press(key)
        assert top(app) == expected
        assert idle_frames_draw_nothing(app), expected
        assert not app.top.animating()


def test_mouse_motion_redraws_only_when_the_hover_changes(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    settle(app)
    button = app.top.group.buttons[0]
    x, y = app.ctx.viewport.point(*centre(button.logical))
    motion = pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(1, 0), buttons=(0, 0, 0))
    assert app.step(events=[motion], dt=1 / 60) is True  # the hover appears
    again = pygame.event.Event(pygame.MOUSEMOTION, pos=(x + 2, y), rel=(2, 0), buttons=(0, 0, 0))
    assert app.step(events=[again], dt=1 / 60) is False  # same button: nothing to redraw


def test_select_scrolling_animates_then_stops(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    pilot.press(pygame.K_RETURN)
    select = app.top
    settle(app)
    pilot.press(pygame.K_END)
    assert select.animating()
    settle(app)
    assert not select.animating()
    assert idle_frames_draw_nothing(app)
