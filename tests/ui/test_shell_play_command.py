"""The `play` command: options, a scenario started on top of the select screen, clear errors without a window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game import cli
from game.ui.app import App

from .test_shell_support import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def captured_runs(monkeypatch, tmp_path):
    """Replace the blocking loop: record what the window would have shown."""
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    runs = []

    def fake_run(self: App) -> None:
        self.step(events=[], dt=1 / 60)
        runs.append({"stack": [type(s).__name__ for s in self.stack], "app": self,
                     "size": self.screen.get_size(), "theme": self.ctx.theme.name,
                     "facilitator": self.ctx.facilitator, "sound": self.ctx.settings.sound,
                     "fullscreen": self.fullscreen})

    monkeypatch.setattr(App, "run", fake_run)
    return runs


def test_no_command_means_play_on_the_title_screen(captured_runs):
    assert cli.main([]) == 0
    assert captured_runs[0]["stack"] == ["TitleScene", "NameEntryScene"]  # a first start asks who is playing
    assert captured_runs[0]["size"] == (1280, 720)


def test_options_reach_the_game(captured_runs):
    code = cli.main(["play", "--theme", "high-contrast", "--size", "1024x768", "--no-sound", "--facilitator"])
    assert code == 0
    run = captured_runs[0]
    assert run["size"] == (1024, 768)
    assert run["facilitator"] is True
    assert run["sound"] is False
    assert run["theme"] == "high_contrast"


def test_fullscreen_option(captured_runs):
    assert cli.main(["--fullscreen"]) == 0
    assert captured_runs[0]["fullscreen"] is True


def test_a_scenario_by_id_starts_on_top_of_the_select_screen(captured_runs):
    assert cli.main(["play", "status_update"]) == 0
    run = captured_runs[0]
    assert run["stack"] == ["SelectScene", "PlayScene"]
    assert run["app"].top.scenario.id == "status_update"
    assert run["app"].stack[0].root is True


def test_a_scenario_by_file(captured_runs):
    assert cli.main(["play", str(SCENARIOS / "expired_return.yaml")]) == 0
    assert captured_runs[0]["app"].top.scenario.id == "expired_return"


def test_back_from_a_root_select_screen_goes_to_the_title(monkeypatch, tmp_path):
    import pygame

    from game.ui.pilot import Pilot

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    seen = []

    def drive(self: App) -> None:
        pilot = Pilot(self)
        pilot.frame()
        pilot.press(pygame.K_ESCAPE)  # pause over the scenario
        pilot.press("4")  # quit to menu
        pilot.frame(2)
        seen.append([type(s).__name__ for s in self.stack])
        pilot.press(pygame.K_BACKSPACE)
        pilot.frame()
        seen.append([type(s).__name__ for s in self.stack])
        seen.append(self.running)

    monkeypatch.setattr(App, "run", drive)
    assert cli.main(["play", "expired_return"]) == 0
    assert seen == [["SelectScene"], ["TitleScene", "NameEntryScene"], True]  # nobody named yet: asked on the title


def test_a_broken_scenario_prints_located_errors_and_exits_1(tmp_path, capsys, captured_runs):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\ntitle: Bad\n", encoding="utf-8")
    assert cli.main(["play", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:1:1: error:" in err
    assert not captured_runs


def test_bad_options_are_usage_errors(capsys):
    for argv in (["play", "--size", "huge"], ["play", "--theme", "purple"], ["play", "--display", "x"]):
        with pytest.raises(SystemExit) as exc:
            cli.main(argv)
        assert exc.value.code == 2
    assert "WIDTHxHEIGHT" in capsys.readouterr().err


def test_an_unknown_scenario_is_a_clear_error(capsys):
    assert cli.main(["play", "no_such_scenario"]) == 2
    assert "no scenario file or id 'no_such_scenario'" in capsys.readouterr().err


def test_no_display_gives_one_clear_line_and_exit_1(tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="no_such_driver", CUSTOMER_CHAIN_DATA_DIR=str(tmp_path))
    proc = subprocess.run([sys.executable, "run.py", "play"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "display" in lines[0]


def test_an_f11_switch_is_remembered_for_the_next_run(monkeypatch, tmp_path):
    import json

    import pygame

    from game.ui.pilot import Pilot
    from game.userdata.paths import settings_path

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    states = []

    def press_f11(self: App) -> None:
        Pilot(self).press(pygame.K_F11)
        states.append(self.fullscreen)

    monkeypatch.setattr(App, "run", press_f11)
    assert cli.main(["play"]) == 0
    assert states == [True]
    assert json.loads(settings_path().read_text(encoding="utf-8"))["fullscreen"] is True
    assert cli.main(["play"]) == 0  # starts in full screen, F11 takes it back to a window
    assert states == [True, False]
    assert json.loads(settings_path().read_text(encoding="utf-8"))["fullscreen"] is False
