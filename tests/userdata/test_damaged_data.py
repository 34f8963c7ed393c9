"""Damaged user data: every kind starts the game with a notice, nothing hangs, nothing is deleted.

Each case damages one file in a fresh data folder, then starts the real game (make_app, the Pilot, the
scenario list) in a subprocess with a time limit, and checks the notice it showed and that the damaged file
was set aside (renamed, never deleted) with its content or link intact.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import FIXTURES, ROOT

TIMEOUT_S = 60
SCENARIOS = FIXTURES / "valid"
START = """
import json, sys
import pygame
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scenes.select import SelectScene
app = make_app(Options(size=(640, 360), scenario_dir=sys.argv[1]), first=SelectScene(root=True))
pilot = Pilot(app)
pilot.frame(3)
pilot.press(pygame.K_DOWN)
app.draw(force=True)
scene = app.top
from game.ui import library_check
library_check.idle(40)  # the scenarios' paths are explored in the worker, and their findings cached, after loading
print(json.dumps({"screen": type(scene).__name__, "notes": scene.notes, "sound": app.ctx.settings.sound}))
"""


def start_game(data: Path) -> dict:
    """Run the game headless against this data folder; its screen and notices (fails on a hang or a crash)."""
    env = {**os.environ, "CUSTOMER_CHAIN_DATA_DIR": str(data), "SDL_VIDEODRIVER": "dummy",
           "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", START, str(SCENARIOS)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT_S)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def write(text: str | bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(text.encode() if isinstance(text, str) else text)
    return make


def fifo(path: Path) -> None:
    os.mkfifo(path)


def link_to(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.symlink_to(target)
    return make


def link_outside(path: Path) -> None:
    outside = path.parent.parent / "elsewhere.json"
    outside.write_text(json.dumps({"theme": "projector"}))
    path.symlink_to(outside)


def link_to_fifo_inside(path: Path) -> None:
    os.mkfifo(path.parent / "pipe")
    path.symlink_to(path.parent / "pipe")


def folder(path: Path) -> None:
    path.mkdir()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "deep_list": write("[" * 200_000),
    "deep_object": write('{"a":' * 100_000),
    "huge_float": write('{"volume": 1e999}'),
    "huge_int": write('{"volume": 1' + "0" * 5000 + "}"),
    "nan": write('{"volume": NaN}'),
    "infinity": write('{"volume": -Infinity}'),
    "wrong_types": write('{"text_size": 5, "sound": "yes", "theme": "projector"}'),
    "not_an_object": write("[1, 2, 3]"),
    "not_text": write(b"\xff\xfe\x00garbage"),
    "too_large": write(" " * (2 << 20) + "{}"),
    "fifo": fifo,
    "device_link": link_to("/dev/zero"),
    "link_outside": link_outside,
    "link_to_fifo": link_to_fifo_inside,
    "folder": folder,
}
CACHE_DAMAGE = ("deep_list", "nan", "huge_int", "not_an_object", "entries_of_a_wrong_type", "fifo", "device_link",
                "link_outside")
DAMAGE_ONLY_FOR_CACHE = {"entries_of_a_wrong_type": write('{"checker": "x", "entries": [1, 2]}')}


def snapshot(path: Path) -> tuple:
    """What the damaged entry is, to compare after it was moved: kind and content or link target."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    if stat.S_ISREG(info.st_mode):
        return ("file", path.read_bytes())
    return ("fifo" if stat.S_ISFIFO(info.st_mode) else "folder",)


def set_aside_as(where: Path, name: str) -> Path:
    moved = [p for p in where.iterdir() if p.name.startswith(f"{name}.damaged-")]
    assert len(moved) == 1, sorted(p.name for p in where.iterdir())
    return moved[0]


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_settings_start_the_game_with_a_notice(tmp_path, case):
    data = tmp_path / "data"
    data.mkdir()
    target = data / "settings.json"
    DAMAGE[case](target)
    before = snapshot(target)
    shown = start_game(data)
    assert shown["screen"] == "SelectScene"
    assert any("settings" in n.lower() for n in shown["notes"]), shown["notes"]
    moved = set_aside_as(data, "settings.json")
    assert snapshot(moved) == before, "set aside as it was, never changed or deleted"
    if case == "wrong_types":  # the good values are kept, in a fresh file
        assert json.loads(target.read_text())["theme"] == "projector"
    else:
        assert not os.path.lexists(target)


@pytest.mark.parametrize("case", CACHE_DAMAGE)
def test_a_damaged_analysis_cache_starts_the_game_with_a_notice(tmp_path, case):
    data = tmp_path / "data"
    (data / "cache").mkdir(parents=True)
    target = data / "cache" / "analysis.json"
    {**DAMAGE, **DAMAGE_ONLY_FOR_CACHE}[case](target)
    before = snapshot(target)
    shown = start_game(data)
    assert shown["screen"] == "SelectScene"
    assert any("analysis cache" in n for n in shown["notes"]), shown["notes"]
    assert snapshot(set_aside_as(data / "cache", "analysis.json")) == before
    assert json.loads(target.read_text())["entries"], "a new cache was written"


@pytest.mark.parametrize("case", ["fifo", "device_link", "link_outside"])
def test_damaged_cached_pictures_start_the_game_with_a_notice(tmp_path, case):
    data = tmp_path / "data"
    start_game(data)  # paints the pictures once and keeps them
    art = data / "cache" / "art"
    pictures = sorted(p for p in art.iterdir() if not p.name.startswith("."))
    assert pictures
    befores = {}
    for p in pictures:
        p.unlink()  # the game's own cache file, replaced by the damage
        DAMAGE[case](p) if case != "link_outside" else p.symlink_to(tmp_path / "not-here.png")
        befores[p.name] = snapshot(p)
    shown = start_game(data)
    assert any("saved picture" in n for n in shown["notes"]), shown["notes"]
    for p in pictures:
        assert snapshot(set_aside_as(art, p.name)) == befores[p.name]


def test_stale_temporary_files_are_removed_and_fresh_ones_kept(tmp_path):
    data = tmp_path / "data"
    (data / "cache").mkdir(parents=True)
    stale = [data / ".settings-abc.tmp", data / "cache" / ".analysis-def.tmp"]
    fresh = data / ".settings-new.tmp"
    mine = data / ".settings-notes.txt.keep"  # a name of ours, but a link: never followed or removed
    for p in [*stale, fresh]:
        p.write_text("{")
    mine.symlink_to(tmp_path / "x")
    old = 1_000_000_000
    for p in stale:
        os.utime(p, (old, old))
    start_game(data)
    assert not any(p.exists() for p in stale)
    assert fresh.exists() and os.path.lexists(mine)


def test_no_sound_is_a_one_run_choice_never_saved(tmp_path, monkeypatch):
    import pygame

    from game.ui.bootstrap import Options, make_app
    from game.ui.menu.prefs import apply_settings
    from game.userdata.settings import load_settings

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"sound": True, "text_size": "normal"}))
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(data))
    app = make_app(Options(size=(640, 360), sound=False, scenario_dir=str(SCENARIOS)))
    assert app.ctx.settings.sound is False
    assert apply_settings(app.ctx, app.ctx.settings.with_changes(text_size="large")) is None
    saved, problem = load_settings(data / "settings.json")
    assert problem is None and saved.text_size == "large" and saved.sound is True
    pygame.event.clear()
