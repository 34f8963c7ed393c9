"""Settings: changed with keys and mouse, applied at once, saved to the real file and read back next run."""

from __future__ import annotations

import json

import pygame

from game.ui.menu.options import ROWS
from game.userdata.paths import settings_path

from .test_shell_support import centre, names, start, top

ROW = {row.key: i for i, row in enumerate(ROWS)}


def open_settings(pilot) -> None:
    pilot.press("3")  # Settings, on the title screen
    assert top(pilot.app) == "SettingsScene"


def go_to_row(pilot, key: str) -> None:
    scene = pilot.app.top
    pilot.press(pygame.K_HOME)
    for _ in range(ROW[key]):
        pilot.press(pygame.K_DOWN)
    assert scene.focus == ROW[key]


def test_settings_round_trip_through_the_file(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, use_file=True)
    app = pilot.app
    assert app.ctx.settings_path == settings_path()
    open_settings(pilot)
    go_to_row(pilot, "text_size")
    pilot.press(pygame.K_RIGHT)  # normal -> large
    go_to_row(pilot, "text_speed")
    pilot.press(pygame.K_RIGHT)  # normal -> fast
    pilot.press(pygame.K_RIGHT)  # fast -> instant
    go_to_row(pilot, "sound")
    pilot.press(pygame.K_RETURN)  # on -> off
    go_to_row(pilot, "volume")
    pilot.press(pygame.K_LEFT)
    pilot.press(pygame.K_LEFT)  # 80% -> 60%
    go_to_row(pilot, "theme")
    pilot.press(pygame.K_RIGHT)  # normal -> high contrast
    pilot.press(pygame.K_ESCAPE)
    assert top(app) == "TitleScene"
    # Applied at once ...
    ctx = app.ctx
    assert ctx.theme.name == "high_contrast"
    assert ctx.theme.font_scale == 1.25
    assert ctx.settings.instant_text
    assert ctx.audio.enabled is False
    assert abs(ctx.audio.volume - 0.6) < 1e-9
    # ... written to the file ...
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["text_size"] == "large" and saved["text_speed"] == "instant"
    assert saved["sound"] is False and abs(saved["volume"] - 0.6) < 1e-9 and saved["theme"] == "high_contrast"
    # ... and read back by the next run.
    pygame.event.clear()
    again = start(tmp_path, monkeypatch, use_file=True)
    assert again.app.ctx.settings == ctx.settings
    assert again.app.ctx.theme.name == "high_contrast"
    assert not again.app.ctx.notices


def test_settings_passed_in_are_never_written(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    assert pilot.app.ctx.settings_path is None
    open_settings(pilot)
    pilot.press(pygame.K_RIGHT)
    assert pilot.app.ctx.settings.text_size == "large"
    assert not settings_path().exists()


def test_mouse_changes_values_with_the_arrows_and_done_goes_back(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    open_settings(pilot)
    scene = app.top
    speed = scene.rows[ROW["text_speed"]]
    pilot.click(centre(tuple(speed.right)))
    assert app.ctx.settings.text_speed == "fast"
    pilot.click(centre(tuple(speed.left)))
    pilot.click(centre(tuple(speed.left)))
    assert app.ctx.settings.text_speed == "slow"
    volume = scene.rows[ROW["volume"]]
    for _ in range(12):
        pilot.click(centre(tuple(volume.right)))
    assert app.ctx.settings.volume == 1.0  # stops at the top rather than wrapping
    pilot.click(centre(scene.done.logical))
    assert top(app) == "TitleScene"


def test_theme_and_text_size_relayout_the_screens_below(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    pilot.press(pygame.K_RETURN)  # select screen
    select = app.top
    calls = []
    original = select.layout_changed
    monkeypatch.setattr(select, "layout_changed", lambda ctx: (calls.append(ctx.theme.name), original(ctx)))
    pilot.click(centre(select.header_buttons[0].logical))  # Settings
    assert names(app)[-2:] == ["SelectScene", "SettingsScene"]
    go_to_row(pilot, "theme")
    pilot.press(pygame.K_RIGHT)
    pilot.frame()
    assert calls and calls[-1] == "high_contrast"
    go_to_row(pilot, "text_size")
    pilot.press(pygame.K_LEFT)  # normal -> small
    pilot.frame()
    assert len(calls) >= 2
    pilot.press(pygame.K_ESCAPE)
    pilot.frame()
    assert app.ctx.theme.font_scale == 0.85
    assert select.header_h > 0 and select.places


def test_fullscreen_row_switches_the_window_and_is_saved(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, use_file=True)
    app = pilot.app
    open_settings(pilot)
    go_to_row(pilot, "fullscreen")
    pilot.press(pygame.K_RIGHT)
    pilot.frame()
    assert app.fullscreen is True
    assert app.ctx.settings.fullscreen is True
    assert app.screen.get_size() == tuple(pygame.display.get_desktop_sizes()[0])
    assert json.loads(settings_path().read_text(encoding="utf-8"))["fullscreen"] is True
    pilot.press(pygame.K_RIGHT)
    pilot.frame()
    assert app.fullscreen is False
    assert app.screen.get_size() == (1280, 720)
    assert json.loads(settings_path().read_text(encoding="utf-8"))["fullscreen"] is False


def test_motion_row_turns_motion_off_and_it_is_saved(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, use_file=True)
    assert pilot.app.ctx.settings.motion is True  # on unless the player asks for less
    open_settings(pilot)
    go_to_row(pilot, "motion")
    assert ROWS[ROW["motion"]].shown(pilot.app.ctx.settings) == "On"
    pilot.press(pygame.K_RETURN)
    assert pilot.app.ctx.settings.motion is False
    assert json.loads(settings_path().read_text(encoding="utf-8"))["motion"] is False


def test_facilitator_row_turns_the_mode_on(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    open_settings(pilot)
    go_to_row(pilot, "facilitator")
    pilot.press(pygame.K_SPACE)
    assert pilot.app.ctx.facilitator is True
    assert pilot.app.ctx.theme.name == "projector"


def test_a_settings_file_that_cannot_be_written_is_reported_not_raised(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, use_file=True)
    app = pilot.app
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    settings_path().mkdir()  # a folder where the file should go: saving must fail
    open_settings(pilot)
    pilot.press(pygame.K_RIGHT)
    scene = app.top
    assert scene.message and "could not be saved" in scene.message
    assert app.ctx.settings.text_size == "large"  # still applied for this session
    pilot.frame()
    pilot.press(pygame.K_ESCAPE)
    assert top(app) == "TitleScene"


def test_a_damaged_settings_file_gives_defaults_and_a_notice(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_bytes(b"\x00\xff not json")
    pilot = start(tmp_path, monkeypatch, use_file=True)
    assert pilot.app.ctx.settings.text_size == "normal"
    assert any("settings" in n for n in pilot.app.ctx.notices)
