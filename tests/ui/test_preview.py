"""The preview, driven by real pygame events: edit the file under it, save, and see the change; a broken save
shows its errors over the last good version and the preview keeps running."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.engine import load_file
from game.engine.playthrough import start_point
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scenes.jump import JumpOverlay
from game.ui.scenes.play import CHOOSING, FEEDBACK
from game.ui.scenes.preview import POLL_SECONDS, PreviewScene, replay
from game.userdata.settings import Settings
from tests.conftest import FIXTURES

MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")


_scenes: list[PreviewScene] = []


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    yield
    while _scenes:  # a save's paths are checked in another process: stop it with the test
        _scenes.pop().close()


def _save(path: Path, text: str) -> None:
    """Write as an editor would, and make sure the modification time moves even on a coarse clock."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def _preview(path: Path, start: dict | None = None) -> tuple[Pilot, PreviewScene]:
    result = load_file(path)
    scene = PreviewScene(str(path), result.scenario, path.read_bytes(), start)
    _scenes.append(scene)
    app = make_app(Options(size=(1280, 720), settings=Settings(text_speed="instant", sound=False)), first=scene)
    pilot = Pilot(app)
    pilot.frame(2)
    assert app.top is scene and scene.phase == CHOOSING
    return pilot, scene


def _within_half_a_second(pilot: Pilot, ready) -> float:
    """Step frames (1/60 s of game time each) until ready(); returns the game time it took."""
    for n in range(1, 31):
        pilot.frame()
        if ready():
            return n * pilot.dt
    raise AssertionError("nothing changed within half a second")


def _choose_and_continue(pilot: Pilot, scene: PreviewScene, key: str) -> None:
    pilot.press(key)
    for _ in range(120):
        if scene.phase == FEEDBACK:
            break
        pilot.frame()
    pilot.press(pygame.K_RETURN)


def test_a_save_shows_within_half_a_second_and_the_choices_are_replayed(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    pilot, scene = _preview(path)
    _choose_and_continue(pilot, scene, "2")  # "Not now." leads to the ending 'left'
    assert scene.play.ended and scene.play.location == "left"
    pilot.press(pygame.K_BACKSPACE)  # back to the first node
    _choose_and_continue(pilot, scene, "1")  # "Of course!": satisfaction 80 with 'helped', so the branch gives 'fan'
    assert scene.play.location == "fan"
    pilot.press(pygame.K_BACKSPACE)
    assert scene.play.location == "hello" and scene.view.node_id == "hello"
    _save(path, MINIMAL.replace("Hi, {customer} here. Can you help?", "Hello! Sam again. Got a minute?"))
    took = _within_half_a_second(pilot, lambda: "Sam again" in (scene.view.text if scene.view else ""))
    assert took <= 0.5
    assert pilot.app.running and scene.phase == CHOOSING
    pilot.press("1")  # the new text is live: its choices still play
    assert scene.step is not None and scene.step.text == "Of course!"


def test_replay_goes_as_far_as_the_choices_still_apply(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    pilot, scene = _preview(path)
    pilot.advance(6)  # the timer runs out: hello -> ignored
    for _ in range(120):
        if scene.phase == FEEDBACK:
            break
        pilot.frame()
    pilot.press(pygame.K_RETURN)
    assert scene.play.location == "ignored"
    _save(path, MINIMAL.replace("    timer:\n      seconds: 5\n      next: ignored\n"
                                "      feedback: Waiting too long is an answer too.\n"
                                "      effects: {satisfaction: -20, loyalty: -20}\n", ""))
    _within_half_a_second(pilot, lambda: scene.notice.startswith("Reloaded"))
    assert "Replayed 0 of 1 choice(s); stopped at 'hello'" in scene.notice
    assert scene.play.location == "hello" and scene.view.node_id == "hello"


def test_a_broken_save_shows_its_errors_over_the_last_good_version(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    pilot, scene = _preview(path)
    broken = MINIMAL.replace("      - text: Not now.", "      - text: Not now: busy.")
    _save(path, broken.replace("next: left\n        effects: {satisfaction: -30",
                               "next: lefft\n        effects: {satisfaction: -30"))
    _within_half_a_second(pilot, lambda: bool(scene.errors))
    assert any("[CC050]" in e and ":30:15:" in e and 'did you mean: - text: "Not now: busy."' in e
               for e in scene.errors), scene.errors
    assert pilot.app.running and pilot.app.top is scene
    assert scene.view.node_id == "hello" and "Hi, Sam here" in scene.view.text  # the last good version
    pilot.screenshot(str(path.with_suffix(".png")))  # the error panel draws
    _save(path, MINIMAL.replace("next: left\n        effects: {satisfaction: -30",
                                "next: lefft\n        effects: {satisfaction: -30"))
    _within_half_a_second(pilot, lambda: any("[CC014]" in e for e in scene.errors))
    assert any("did you mean 'left'?" in e for e in scene.errors)
    _save(path, MINIMAL.replace("Not now.", "Not today."))
    _within_half_a_second(pilot, lambda: not scene.errors)
    assert scene.view.choices[1] == "Not today."


def test_jump_to_a_node_by_id_and_the_place_it_is_written(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    pilot, scene = _preview(path)
    assert scene.place() == f"{path}:16"  # 'hello:' is on line 16 of the file
    pilot.press(pygame.K_F2)
    assert isinstance(pilot.app.top, JumpOverlay)
    for ch in "ignor":
        pilot.press(ch)
    pilot.press(pygame.K_TAB)  # completes to 'ignored'
    pilot.press(pygame.K_RETURN)
    assert pilot.app.top is scene and scene.play.location == "ignored"
    assert scene.place() == f"{path}:35" and "Hello? Anyone?" in scene.view.text
    pilot.press(pygame.K_F3)
    assert scene.notice in (f"Copied {path}:35",) or scene.notice.startswith("Could not copy")
    if scene.notice.startswith("Copied"):
        assert pygame.scrap.get_text() == f"{path}:35"
    pilot.press(pygame.K_F2)
    for ch in "nowhere":
        pilot.press(ch)
    pilot.press(pygame.K_RETURN)
    assert "There is no node 'nowhere'" in pilot.app.top.message
    pilot.press(pygame.K_ESCAPE)
    assert pilot.app.top is scene


def test_start_at_a_node_with_meters_and_flags(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    scenario = load_file(path).scenario
    begin = start_point(scenario, "ignored", {"satisfaction": 65}, ["helped"])
    pilot, scene = _preview(path, begin)
    assert scene.play.location == "ignored" and scene.play.meters["satisfaction"] == 65
    _choose_and_continue(pilot, scene, "1")  # +5 -> 70 with 'helped': the branch sends Sam to 'fan'
    assert scene.play.location == "fan"
    pilot.press(pygame.K_F5)
    assert scene.play.location == "ignored"


def test_replay_helper_reports_where_it_stopped() -> None:
    from game.engine import load_bytes

    scenario = load_bytes(MINIMAL.encode()).scenario
    done = replay(scenario, None, [("choice", 0), ("choice", 5)])
    assert (done.applied, done.total, done.play.location) == (1, 2, "fan")
    assert "at 'fan'" in done.stopped


def test_preview_command_rejects_bad_options(tmp_path, capsys) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert main(["preview", str(path), "--at", "nowhere"]) == 2
    assert "there is no node 'nowhere'" in capsys.readouterr().err
    assert main(["preview", str(path), "--set", "satisfaction"]) == 2
    assert "METER=NUMBER" in capsys.readouterr().err
    assert main(["preview", str(path), "--set", "mood=3"]) == 2
    assert "no meter 'mood'" in capsys.readouterr().err


def test_poll_interval_allows_half_a_second() -> None:
    assert POLL_SECONDS + 2 / 60 <= 0.5
