"""Command conventions: --version, usage lines that name the program as started, one-line usage errors with
exit 2 (never a traceback), and terminal control characters from scenario files escaped."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game import __version__
from game.cli import COMMANDS, main, program_name
from game.terminal import escape

from .conftest import ROOT


def _run(args: list[str], cwd=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYGAME_HIDE_SUPPORT_PROMPT="1")
    return subprocess.run(args, cwd=cwd or ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_version_names_the_program(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip().endswith(__version__)
    done = _run([sys.executable, "-m", "game", "--version"])
    assert done.stdout.strip() == f"python -m game {__version__}"
    done = _run([sys.executable, "run.py", "--version"])
    assert done.stdout.strip() == f"run.py {__version__}"


@pytest.mark.parametrize("argv0, name", [("/usr/bin/customer-chain", "customer-chain"),
                                         ("/x/game/__main__.py", "python -m game"), ("run.py", "run.py"),
                                         ("C:\\venv\\Scripts\\customer-chain.exe", "customer-chain.exe")])
def test_program_name(argv0, name):
    assert program_name(argv0.replace("\\", os.sep)) == name


BAD = [
    ["check", "--bogus"], ["run"], ["run", "no_such_scenario"], ["run", "expired_return", "--choices", "x"],
    ["paths"], ["paths", "no_such_scenario"], ["graph", "expired_return", "--format", "png-ish"],
    ["schema", "--write", "/missing/dir/x.json"], ["scenarios", "--bogus"],
    ["storyboard", "expired_return", "--size", "0x0"],
    ["play", "--size", "huge"], ["play", "--display", "x"], ["check", "/no/such/file.yaml"], ["frobnicate"],
]


@pytest.mark.parametrize("args", BAD, ids=lambda a: " ".join(a))
def test_a_usage_mistake_is_one_line_and_exit_2(args, capsys):
    code = None
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own errors exit from inside parse_args
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith(program_name()), err


def test_every_command_has_help_and_the_scenarios_option(capsys):
    for name in COMMANDS:
        with pytest.raises(SystemExit) as done:
            main([name, "--help"])
        assert done.value.code == 0
        assert "--scenarios DIR" in capsys.readouterr().out, name


def test_control_characters_are_escaped():
    assert escape("a\x1b[2Jb\x07c\u202ed\tе\n") == "a\\x1b[2Jb\\x07c\\u202ed\tе\n"
    assert escape("\x9b31m") == "\\x9b31m"


def test_check_prints_a_hostile_title_and_key_without_steering_the_terminal(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text('format: 1\nid: evil\ntitle: "\\e[2J\\e]52;c;ZXZpbA==\\a"\n"bad\\e[31mkey": 1\n', encoding="utf-8")
    done = _run([sys.executable, "-m", "game", "check", str(path)], cwd=tmp_path)
    assert done.returncode == 1
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout + done.stderr
    assert "\\x1b[31m" in done.stdout


def test_the_escaping_writer_outlives_the_stream_under_it_quietly(tmp_path):
    """Collected after its stream closed (interpreter shutdown, a test runner's capture), it must not raise."""
    from game.terminal import EscapingWriter

    inner = open(tmp_path / "out.txt", "w", encoding="utf-8")  # noqa: SIM115 (closed below, on purpose early)
    writer = EscapingWriter(inner)
    writer.write("ok\x1b[2J")
    inner.close()
    writer.flush()
    writer.close()
    assert writer.closed and (tmp_path / "out.txt").read_text(encoding="utf-8") == "ok\\x1b[2J"
