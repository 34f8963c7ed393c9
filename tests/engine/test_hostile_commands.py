"""Every command on every hostile scenario file: ends in time and memory, a located error or a clean play.

Each file in tests/fixtures/hostile is named after what it breaks; its first line says what must happen:
`# expect: plays` (check accepts it, and every command works on it), `# expect: error` (one or more located
errors, whichever the YAML library gives), or the exact diagnostics as `CODE@LINE:COL ...`. `run` and
`storyboard` play choice 1 unless line 2 says `# choices: ...`. The `ui_` files are also the screens' hostile
inputs (tests/ui/test_hostile_screens.py): their line 2, `# ui: ...`, says what the screens must do.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.engine.hostile_files import write_broken_links

HOSTILE = sorted((FIXTURES / "hostile").glob("*.yaml"))
COMMANDS = ("check", "run", "paths", "graph", "storyboard")
LOCATED = re.compile(r"^(?P<file>[^:]+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): .+ "
                     r"\[(?P<code>CC\d{3})\]$")
SECONDS = 10  # of CPU time: the machine may be shared, and waiting for a core is not the command's doing
WALL_SECONDS = 60  # a hang, whatever the load
MEMORY_KB = 1024 * 1024


def children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def choices_for(path: Path) -> str:
    """The choices `run` and `storyboard` play: '1' unless line 2 says `# choices: ...` ('(none...' for none)."""
    second = (path.read_text(encoding="utf-8").split("\n") + [""])[1]
    if not second.startswith("# choices: "):
        return "1"
    given = second[len("# choices: "):].strip()
    return "" if given.startswith("(none") else given


def expectation(path: Path) -> str:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# expect: "), f"{path.name}: the first line says what must happen"
    return first[len("# expect: "):].strip()


def run_command(command: str, path: Path, tmp: Path) -> tuple[subprocess.CompletedProcess, float]:
    choices = choices_for(path)
    args = {"check": ["--no-cache"], "run": ["--choices", choices], "paths": [], "graph": [],
            "storyboard": ["--choices", choices, "--out", str(tmp / "board")]}[command]
    started = children_cpu()
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), command, str(path), *args],
                          capture_output=True, text=True, timeout=WALL_SECONDS, cwd=tmp)
    return proc, children_cpu() - started


def assert_bounded(proc: subprocess.CompletedProcess, took: float) -> None:
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, out[-3000:]
    assert took < SECONDS, f"took {took:.1f} s of CPU"
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far, in KB
    assert peak < MEMORY_KB, f"a command peaked at {peak / 1024:.0f} MB"


def check_outcome(path: Path, command: str, expect: str, proc: subprocess.CompletedProcess) -> None:
    if expect == "plays":
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
        if command == "check":
            assert not [ln for ln in proc.stdout.splitlines() if ": error: " in ln]
        return
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-2000:]
    stream = proc.stdout if command == "check" else proc.stderr
    located = [LOCATED.match(ln) for ln in stream.splitlines() if LOCATED.match(ln)]
    errors = [m for m in located if m["sev"] == "error"]
    assert errors, stream
    assert all(Path(m["file"]).name == path.name for m in located)
    if expect != "error":
        if command == "check":
            got = [f"{m['code']}@{m['line']}:{m['col']}" for m in located]
            assert got == expect.split(), stream
        else:  # the others print only the errors
            wanted = [item for item in expect.split() if item.split("@")[0] in {m["code"] for m in errors}]
            assert [f"{m['code']}@{m['line']}:{m['col']}" for m in errors] == wanted, stream


@dataclass
class Ran:
    """What one command did, in the shape of subprocess.CompletedProcess."""

    returncode: int
    stdout: str
    stderr: str


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_every_command_on_hostile_file(path: Path, tmp_path: Path) -> None:
    """All five commands in one process per file (see hostile_driver): quick enough for every run."""
    expect = expectation(path)
    proc = subprocess.run([sys.executable, "-m", "tests.engine.hostile_driver", str(path), str(tmp_path),
                           choices_for(path)],
                          capture_output=True, text=True, timeout=WALL_SECONDS * 2, cwd=ROOT)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    for result in json.loads(proc.stdout):
        command = result["argv"][0]
        ran = Ran(result["code"], result["stdout"], result["stderr"])
        assert "Traceback" not in ran.stdout + ran.stderr, (command, ran.stderr[-3000:])
        assert result["cpu_seconds"] < SECONDS, (command, result["cpu_seconds"])
        assert result["peak_kb"] < MEMORY_KB, (command, result["peak_kb"])
        check_outcome(path, command, expect, ran)


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_command_on_hostile_file_in_its_own_process(path: Path, command: str, tmp_path: Path) -> None:
    """The same, each command as its own `python run.py ...` with a timeout (slow: 5 processes per file)."""
    expect = expectation(path)
    proc, took = run_command(command, path, tmp_path)
    assert_bounded(proc, took)
    check_outcome(path, command, expect, proc)


def test_counter_loop_paths_stop_at_a_limit_and_say_so(tmp_path: Path) -> None:
    proc, took = run_command("paths", FIXTURES / "hostile" / "counter_loop.yaml", tmp_path)
    assert_bounded(proc, took)
    assert took < 5
    stop = [ln for ln in proc.stdout.splitlines() if ln.startswith("stopped at a limit")]
    assert len(stop) == 1 and "before reaching the limit of" in stop[0], proc.stdout[-1000:]
    assert "best:" in proc.stdout.lower() and "worst:" in proc.stdout.lower()


@pytest.mark.parametrize("command", ["check", "run", "paths"])
def test_five_thousand_broken_links_are_reported_fast_every_time(command: str, tmp_path: Path) -> None:
    path = write_broken_links(tmp_path)
    proc, took = run_command(command, path, tmp_path)
    assert_bounded(proc, took)
    assert took < 2
    stream = proc.stdout if command == "check" else proc.stderr
    errors = [ln for ln in stream.splitlines() if LOCATED.match(ln)]
    assert len(errors) == 5000 and all(ln.endswith("[CC014]") for ln in errors)
    assert "did you mean 'node_0001'?" in stream
