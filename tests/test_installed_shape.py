"""The installed shape: build the sdist and a wheel from it, install the wheel into a fresh venv, and use the
game from a folder that is not the checkout, as a trainer or an IT department would."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import BUNDLED_FILES, FIXTURES, ROOT

pytestmark = pytest.mark.installed
BIN = "Scripts" if os.name == "nt" else "bin"


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(cmd)} -> {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("installed")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PIP_DISABLE_PIP_VERSION_CHECK="1",
               CUSTOMER_CHAIN_DATA_DIR=str(base / "data"))
    env.pop("CUSTOMER_CHAIN_SCENARIOS", None)
    venv.create(base / "venv", with_pip=True)
    py = str(base / "venv" / BIN / "python")
    dist = base / "dist"
    _run([py, "-m", "pip", "install", "-q", "build"], base, env)
    _run([py, "-m", "build", "--outdir", str(dist), str(ROOT)], base, env, timeout=600)
    wheel = next(dist.glob("*.whl"))
    sdist = next(dist.glob("*.tar.gz"))
    _run([py, "-m", "pip", "install", "-q", str(wheel)], base, env, timeout=600)
    work = base / "elsewhere"
    work.mkdir()
    return {"py": py, "bin": base / "venv" / BIN, "env": env, "work": work, "data": base / "data",
            "wheel": wheel, "sdist": sdist, "base": base}


def _cc(installed: dict, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = str(installed["bin"] / "customer-chain")
    return _run([exe, *args], installed["work"], env or installed["env"])


def test_the_wheel_and_the_sdist_carry_everything_the_game_needs(installed):
    import tarfile
    import zipfile

    wheel = zipfile.ZipFile(installed["wheel"]).namelist()
    with tarfile.open(installed["sdist"]) as tar:
        sdist = tar.getnames()
    for name in ("game/scenarios/expired_return.yaml", "game/scenarios/schema.json", "game/scenarios/README.md",
                 "game/assets/fonts/DejaVuSans.ttf", "game/assets/sounds/phone_ring.wav",
                 "game/assets/sounds/room_garden_centre.wav", "game/assets/sounds/music_bed.wav",
                 "game/assets/CREDITS.md"):
        assert name in wheel, name
    bundled = sorted([p.name for p in BUNDLED_FILES] + ["principles.yaml"])  # the scenarios and the vocabulary
    assert sorted(n.rsplit("/", 1)[1] for n in wheel if n.startswith("game/scenarios/") and n.endswith(".yaml")) \
        == bundled
    for name in ("scenarios/expired_return.yaml", "assets/fonts/DejaVuSans.ttf", "assets/CREDITS.md",
                 "assets/sounds/generate.py", "tests/conftest.py", "README.md", "LICENSE"):
        assert any(n.endswith("/" + name) for n in sdist), name


def test_version_and_usage_name_the_installed_command(installed):
    from game import __version__

    assert _cc(installed, "--version").stdout.strip() == f"customer-chain {__version__}"
    bad = subprocess.run([str(installed["bin"] / "customer-chain"), "paths"], cwd=installed["work"],
                         env=installed["env"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and bad.stderr.startswith("customer-chain paths:")


def test_commands_work_from_any_folder_with_the_bundled_files(installed, tmp_path):
    out = _cc(installed, "check").stdout
    assert re.search(r"^11 file\(s\): 0 error\(s\)", out, re.MULTILINE) or "0 error(s)" in out.splitlines()[-1]
    assert "ok  expired_return" in out
    paths = _cc(installed, "paths", "expired_return").stdout
    assert "183,040" in paths
    board = tmp_path / "board"
    _cc(installed, "storyboard", "expired_return", "--choices", "1,1", "--out", str(board))
    assert len(list(board.glob("*.png"))) >= 3
    probe = "from game.ui import fonts, audio; print(fonts.font_path()); print(audio.SOUND_DIR)"
    font, sounds = _run([installed["py"], "-c", probe], installed["work"], installed["env"]).stdout.split()[-2:]
    site = str(Path(installed["py"]).parents[1])
    assert font.startswith(site) and font.endswith("DejaVuSans.ttf") and Path(font).is_file()
    assert sounds.startswith(site) and Path(sounds, "phone_ring.wav").is_file()
    assert str(ROOT) not in _cc(installed, "scenarios", "--where").stdout


def _own_scenario(folder: Path, new_id: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("id: minimal", f"id: {new_id}").replace("title: Minimal", f"title: Own {new_id}")
    (folder / f"{new_id}.yaml").write_text(text.split("\n", 1)[1], encoding="utf-8")


def test_a_trainers_own_scenarios_run_by_id_from_the_user_folder_and_named_folders(installed, tmp_path):
    where = _cc(installed, "scenarios", "--where").stdout
    user = installed["data"] / "scenarios"
    assert str(user) in where and user.is_dir()
    _own_scenario(user, "own_in_user_folder")
    out = _cc(installed, "run", "own_in_user_folder", "--choices", "1").stdout
    assert "Of course!" in out
    extra = tmp_path / "team"
    _own_scenario(extra, "own_in_env_folder")
    env = dict(installed["env"], CUSTOMER_CHAIN_SCENARIOS=str(extra))
    assert "Of course!" in _cc(installed, "run", "own_in_env_folder", "--choices", "1", env=env).stdout
    listed = _cc(installed, "scenarios", env=env).stdout
    assert "user     own_in_user_folder" in listed and "extra    own_in_env_folder" in listed
    other = tmp_path / "other"
    _own_scenario(other, "own_in_cli_folder")
    assert "Of course!" in _cc(installed, "run", "own_in_cli_folder", "--choices", "1",
                               "--scenarios", str(other)).stdout


def test_the_checkout_is_not_on_the_installed_path(installed):
    probe = "import game, sys; print(game.__file__)"
    where = _run([installed["py"], "-c", probe], installed["work"], installed["env"]).stdout.strip()
    assert not where.startswith(str(ROOT)), where
    assert sys.executable != installed["py"]
