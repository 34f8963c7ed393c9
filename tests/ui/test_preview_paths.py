"""The preview's check of a save's paths, driven by real pygame events on real files: a save shows at once and
its paths are checked afterwards in another process; the findings are those of the save on screen, and
closing the preview leaves no process behind."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pygame
import pytest

from game.engine import load_bytes
from game.engine.analysis_cache import AnalysisCache
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scenes.preview import PreviewScene
from game.userdata.settings import Settings
from tests.conftest import FIXTURES, SCENARIOS

MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
# Only exploring its states finds its error (CC033@35:3) and warning (CC017@59:3): it loads and plays without.
NO_WAY_OUT = (FIXTURES / "invalid" / "CC033_loop_locked_by_condition.yaml").read_text(encoding="utf-8")
_scenes: list[PreviewScene] = []


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    yield
    while _scenes:
        _scenes.pop().close()


def _save(path: Path, text: str) -> None:
    """Write as an editor would, and make sure the modification time moves even on a coarse clock."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def _preview(path: Path) -> tuple[Pilot, PreviewScene]:
    data = path.read_bytes()
    scene = PreviewScene(str(path), load_bytes(data, str(path), explore=False).scenario, data)
    _scenes.append(scene)
    app = make_app(Options(size=(1280, 720), settings=Settings(text_speed="instant", sound=False)), first=scene)
    pilot = Pilot(app)
    pilot.frame(2)
    assert app.top is scene
    return pilot, scene


def _frames_until(pilot: Pilot, ready, frames: int = 30) -> int:
    for n in range(1, frames + 1):
        pilot.frame()
        if ready():
            return n
    raise AssertionError(f"nothing changed within {frames} frames")


def _shown(pilot: Pilot, scene: PreviewScene, text: str) -> None:
    """Frames until the save of `text` is the one on screen (its reload has happened)."""
    key = AnalysisCache.key(text.encode())
    _frames_until(pilot, lambda: scene.key == key)
    assert scene.notice.startswith("Reloaded")


def _until_checked(pilot: Pilot, scene: PreviewScene, seconds: float = 60, each=None) -> None:
    """Frames, in real time, until the findings of the save on screen arrive (`each` looks at every frame)."""
    end = time.monotonic() + seconds
    while scene.findings is None:
        assert time.monotonic() < end, "the paths were never checked"
        pilot.frame()
        if each is not None:
            each()
        time.sleep(0.01)


def _text(scene: PreviewScene) -> str:
    return scene.view.text if scene.view is not None else ""


def test_a_save_shows_before_its_paths_are_checked(tmp_path) -> None:
    path = tmp_path / "expired_return.yaml"
    shutil.copyfile(SCENARIOS / "expired_return.yaml", path)  # its exploration takes seconds
    pilot, scene = _preview(path)
    assert "Saturday, ten to one" in _text(scene)
    _save(path, path.read_text(encoding="utf-8").replace("Saturday, ten to one.", "Sunday, five to one."))
    _frames_until(pilot, lambda: "Sunday, five to one" in _text(scene))
    assert scene.notice.startswith("Reloaded") and scene.checking and scene.findings is None
    pilot.frame()  # the frame after: the paths' check has started in its own process, and is still going
    job = scene.checks.job
    assert job is not None and job.process is not None and job.process.poll() is None
    assert scene.checking, (scene.findings, scene.checks.job, scene._to_check is None)
    pilot.screenshot(str(tmp_path / "checking.png"))
    assert pilot.app.running and scene.view is not None and scene.view.node_id == "arrive"
    _until_checked(pilot, scene)
    assert scene.findings.problem == "" and not scene.findings.errors and not scene.checking
    assert scene.notice.endswith("Paths checked: no problems found.") and not scene.errors
    assert job.process.returncode == 0


def test_a_save_whose_paths_have_an_error_shows_it_afterwards(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    pilot, scene = _preview(path)
    _save(path, NO_WAY_OUT.replace("Hi, {customer} here.", "Hi, {customer} again."))
    _frames_until(pilot, lambda: "Sam again" in _text(scene))
    assert not scene.errors, "the save plays at once: its paths are not checked yet"
    _until_checked(pilot, scene)
    assert [e for e in scene.errors if "[CC033]" in e and e.startswith("line 35:")], scene.errors
    assert [e for e in scene.errors if "[CC017]" in e and e.startswith("line 59 (a warning):")], scene.errors
    assert scene.errors_head.startswith("check finds 1 problem in the paths through this save")
    assert "check finds 1 problem: see the list above." in scene.notice
    pilot.screenshot(str(tmp_path / "paths.png"))
    assert scene.view.node_id == "hello" and pilot.app.running
    pilot.press("2")  # it still plays
    assert scene.step is not None and scene.step.text == "Not now."


def test_a_save_whose_paths_have_a_warning_says_so_in_a_short_note(tmp_path) -> None:
    locked = (FIXTURES / "invalid" / "CC017_ending_locked_by_condition.yaml").read_text(encoding="utf-8")
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    pilot, scene = _preview(path)
    _save(path, locked)
    _shown(pilot, scene, locked)
    _until_checked(pilot, scene)
    assert not scene.errors and [d.code for d in scene.findings.warnings] == ["CC017"]
    assert scene.notice.endswith(f"Paths checked: 1 warning (line 53 CC017); python run.py check {path} explains.")


def test_two_quick_saves_show_only_the_second_saves_findings(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    pilot, scene = _preview(path)
    _save(path, NO_WAY_OUT)  # its paths have an error
    _shown(pilot, scene, NO_WAY_OUT)
    pilot.frame()
    first = scene.checks.job
    assert first is not None and first.process is not None
    second = MINIMAL.replace("Not now.", "Not today.")
    _save(path, second)
    _frames_until(pilot, lambda: _text(scene) and scene.view.choices[1] == "Not today.")
    assert first.process.returncode is not None, "the first save's check was stopped and reaped"

    def never_the_first() -> None:
        assert not any("CC033" in e for e in scene.errors) and "check finds" not in scene.notice

    never_the_first()
    _until_checked(pilot, scene, each=never_the_first)
    assert scene.findings.key == AnalysisCache.key(second.encode())
    assert scene.notice.endswith("Paths checked: no problems found.")


def test_a_save_checked_before_is_answered_from_the_cache(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    pilot, scene = _preview(path)
    _save(path, NO_WAY_OUT)
    _shown(pilot, scene, NO_WAY_OUT)
    _until_checked(pilot, scene)
    assert scene.errors and not scene.findings.from_cache
    _save(path, MINIMAL)
    _shown(pilot, scene, MINIMAL)
    assert not scene.errors
    _until_checked(pilot, scene)
    _save(path, NO_WAY_OUT)
    _shown(pilot, scene, NO_WAY_OUT)
    pilot.frame()
    assert scene.findings.from_cache and scene.checks.job is None
    assert [e for e in scene.errors if "[CC033]" in e]
    assert scene.notice == "Reloaded. check finds 1 problem: see the list above.", "the reload's note stays too"


def test_closing_the_preview_leaves_no_process(tmp_path) -> None:
    path = tmp_path / "expired_return.yaml"
    shutil.copyfile(SCENARIOS / "expired_return.yaml", path)
    pilot, scene = _preview(path)
    _save(path, path.read_text(encoding="utf-8").replace("Saturday, ten to one.", "Sunday, five to one."))
    _frames_until(pilot, lambda: scene.checks.job is not None)
    process = scene.checks.job.process
    assert process is not None and process.poll() is None
    pilot.press(pygame.K_ESCAPE)  # the pause menu
    pilot.press("4")  # Quit to menu: the preview was the only screen, so the window closes
    pilot.frame(2)
    assert not pilot.app.running
    assert process.returncode is not None, "stopped and reaped"
    with pytest.raises(ChildProcessError):
        os.waitpid(process.pid, os.WNOHANG)
    assert not Path(f"/proc/{process.pid}").exists() or not Path("/proc/self").exists()


def test_the_workers_paths_job_answers_what_check_finds_here() -> None:
    from game.ui.outcome_worker import PATHS, answer, request

    resource = pytest.importorskip("resource")
    data = NO_WAY_OUT.encode()
    key = AnalysisCache.key(data)
    here = AnalysisCache(None)
    load_bytes(data, "s.yaml", here)
    before = resource.getrlimit(resource.RLIMIT_AS)
    reply = answer(request("s.yaml", data, key, 1 << 30, PATHS))
    assert resource.getrlimit(resource.RLIMIT_AS) == before, "only the worker process caps its memory"
    assert reply == {"ok": {"findings": here.get(key)}}
    assert [d["code"] for d in reply["ok"]["findings"]] == ["CC033", "CC017"]
    assert answer(request("s.yaml", data, "not its key", 1 << 30, PATHS)) == {"error": "the request was damaged"}
    assert "error" in answer(request("s.yaml", b"nodes: [", AnalysisCache.key(b"nodes: ["), 1 << 30, PATHS))


def test_a_helper_that_dies_or_hangs_gives_a_notice(tmp_path, monkeypatch) -> None:
    from game.ui import outcomes, preview_check

    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    pilot, scene = _preview(path)
    monkeypatch.setattr(outcomes, "WORKER", ["-c", "import sys; sys.stdin.buffer.read(); sys.exit(3)"])
    _save(path, NO_WAY_OUT)
    _shown(pilot, scene, NO_WAY_OUT)
    _until_checked(pilot, scene)
    assert "The paths could not be checked this time: the helper process stopped, exit code 3." in scene.notice
    assert not scene.errors
    monkeypatch.setattr(outcomes, "WORKER", ["-c", "import time; time.sleep(60)"])
    monkeypatch.setattr(preview_check, "TIME_LIMIT_S", 1.0)
    scene.checks = preview_check.BackgroundCheck(str(path))
    _save(path, MINIMAL)
    _shown(pilot, scene, MINIMAL)
    pilot.frame()
    process = scene.checks.job.process
    began = time.monotonic()
    _until_checked(pilot, scene, seconds=10)
    assert time.monotonic() - began < 5 and process.returncode is not None
    assert "it took too long and was stopped" in scene.notice


def test_opening_a_file_never_checked_shows_it_first_and_checks_its_paths_after(tmp_path) -> None:
    """`preview FILE` on a file the analysis cache has no answer for opens without exploring (as a save does)."""
    from game import sources

    path = tmp_path / "no_way_out.yaml"
    _save(path, NO_WAY_OUT)
    began = time.monotonic()
    result = sources.find(str(path), sources.analysis_cache(), explore_uncached=False)
    assert result is not None and result.scenario is not None and result.unexplored
    data = path.read_bytes()
    scene = PreviewScene(str(path), result.scenario, data, check=result.diagnostics)
    _scenes.append(scene)
    pilot = Pilot(make_app(Options(size=(1280, 720), settings=Settings(text_speed="instant", sound=False)),
                           first=scene))
    pilot.frame()  # the first frame shows the file; its paths' check starts in that frame and reports later
    assert scene.view is not None and time.monotonic() - began < 10  # on screen before any exploring
    assert scene.findings is None and scene.checks.job is not None
    _until_checked(pilot, scene)
    assert [e for e in scene.errors if "[CC033]" in e and e.startswith("line 35:")], scene.errors
