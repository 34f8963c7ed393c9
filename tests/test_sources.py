"""Scenario folders: the bundled library, the user's own folder, CUSTOMER_CHAIN_SCENARIOS and --scenarios."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game import sources
from game.cli import main

from .conftest import BUNDLED_FILES, FIXTURES, ROOT


def own(folder: Path, new_id: str, title: str | None = None, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
    text = text.replace("id: minimal", f"id: {new_id}").replace("title: Minimal", f"title: {title or new_id}")
    path = folder / f"{name or new_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(sources.ENV_VAR, raising=False)
    sources.set_cli_folders([])
    yield tmp_path
    sources.set_cli_folders([])


def test_folders_are_read_in_order_each_once(data, monkeypatch):
    a, b, c = data / "a", data / "b", data / "c"
    monkeypatch.setenv(sources.ENV_VAR, os.pathsep.join([str(a), "", str(b), str(a)]))
    sources.set_cli_folders([str(c), str(b)])
    got = [(f.kind, f.path) for f in sources.folders()]
    assert got == [("bundled", sources.bundled_dir()), ("user", data / "data" / "scenarios"),
                   ("extra", a), ("extra", b), ("extra", c)]


def test_the_user_folder_is_made_on_first_start_with_a_readme(data):
    folder = sources.user_dir(create=True)
    assert folder == data / "data" / "scenarios" and (folder / "README.txt").is_file()


def test_an_own_scenario_is_found_by_id_and_marked_as_the_users(data):
    own(sources.user_dir(create=True), "my_return")
    results = sources.load_library()
    mine = [r for r in results if r.scenario and r.scenario.id == "my_return"]
    assert len(mine) == 1 and mine[0].source == "user"
    assert {r.source for r in results if r.scenario and r.scenario.id == "expired_return"} == {"bundled"}
    assert sources.find("my_return").scenario.id == "my_return"


def test_a_bundled_id_in_the_users_folder_is_reported_with_both_places_not_merged(data):
    path = own(sources.user_dir(create=True), "expired_return", name="my_copy")
    results = {r.path: r for r in sources.load_library()}
    mine = results[sources.display_path(path)]
    assert mine.scenario is None
    (error,) = mine.errors
    assert error.code == "CC065" and error.line == 2  # the `id:` line of the copy
    assert "expired_return.yaml:" in error.message and "already used" in error.message
    assert sources.find("expired_return").source == "bundled"


def test_two_own_files_with_one_id_the_second_is_the_broken_one(data):
    folder = sources.user_dir(create=True)
    own(folder, "twin", name="a_first")
    own(folder, "twin", name="b_second")
    by_name = {Path(r.path).name: r for r in sources.load_library() if r.source == "user"}
    assert by_name["a_first.yaml"].ok and not by_name["b_second.yaml"].ok
    assert "a_first.yaml:2" in by_name["b_second.yaml"].errors[0].message


def test_links_out_of_the_folder_and_non_files_are_refused_without_reading_them(data):
    folder = sources.user_dir(create=True)
    outside = own(data / "outside", "outsider")
    (folder / "linked.yaml").symlink_to(outside)
    inside = own(folder, "insider")
    (folder / "alias.yaml").symlink_to(inside)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "dir.yaml").mkdir()
    by_name = {Path(r.path).name: r for r in sources.load_library() if r.source == "user"}
    assert "outside its folder" in by_name["linked.yaml"].errors[0].message
    assert "not a regular file" in by_name["pipe.yaml"].errors[0].message
    assert "folder" in by_name["dir.yaml"].errors[0].message
    # A link inside the folder is read; the file it points to is then the same id twice (alias sorts first).
    assert by_name["alias.yaml"].ok
    assert not by_name["insider.yaml"].ok and by_name["insider.yaml"].errors[0].code == "CC065"


def test_every_command_takes_an_id_from_the_env_folder_and_from_scenarios_dir(data, monkeypatch, capsys):
    team = data / "team"
    own(team, "team_scenario")
    monkeypatch.setenv(sources.ENV_VAR, str(team))
    assert main(["run", "team_scenario", "--choices", "1"]) == 0
    assert "Of course!" in capsys.readouterr().out
    monkeypatch.delenv(sources.ENV_VAR)
    assert main(["paths", "team_scenario"]) == 2
    assert "no scenario file or id 'team_scenario'" in capsys.readouterr().err
    assert main(["paths", "team_scenario", "--scenarios", str(team)]) == 0
    assert main(["check", "--scenarios", str(team), "-q"]) == 0


def test_check_with_no_paths_checks_every_folder_and_reports_duplicates(data, capsys):
    own(sources.user_dir(create=True), "first_impressions", name="dupe")
    assert main(["check", "-q"]) == 1
    out = capsys.readouterr().out
    assert "dupe.yaml:2:1: error: scenario id 'first_impressions' is already used by" in out
    assert "[CC065]" in out


def test_the_select_screen_lists_own_scenarios_under_their_own_heading(data, monkeypatch):
    import pygame

    from game.ui.bootstrap import Options, make_app
    from game.ui.pilot import Pilot
    from game.userdata.settings import Settings

    folder = sources.user_dir(create=True)
    own(folder, "my_counter", title="My counter practice")
    (folder / "broken.yaml").write_text("format: 1\nid: [\n", encoding="utf-8")
    app = make_app(Options(size=(1280, 720), settings=Settings(text_speed="instant", sound=False)))
    pilot = Pilot(app)
    pilot.frame(2)
    pilot.press(pygame.K_RETURN)  # Start
    for _ in range(60):
        pilot.frame()
        if type(app.top).__name__ == "SelectScene" and app.top.sections:
            break
    select = app.top
    kinds = [s.kind for s in select.sections]
    assert kinds == ["external", "internal", "own", "broken"]
    mine = next(s for s in select.sections if s.kind == "own")
    assert [r.scenario.id for r in mine.cards] == ["my_counter"]
    assert str(folder) in mine.blurb
    broken = next(s for s in select.sections if s.kind == "broken")
    assert [Path(r.path).name for r in broken.cards] == ["broken.yaml"]
    # P on one of them opens the author's preview of that file (and on a bundled card does nothing).
    pilot.press(pygame.K_p)
    assert type(app.top).__name__ == "SelectScene"
    select.focus = next(i for i, r in enumerate(select.cards) if r.scenario and r.scenario.id == "my_counter")
    pilot.press(pygame.K_p)
    assert type(app.top).__name__ == "PreviewScene" and app.top.scenario.id == "my_counter"


def test_the_bundled_library_is_found_through_the_package_from_another_folder(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), CUSTOMER_CHAIN_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "game", "check"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    bundled = len(BUNDLED_FILES)
    assert done.stdout.strip().splitlines()[-1].startswith(f"{bundled} file(s): 0 error(s)")
