"""Run benchmark programs as child processes with the headless drivers, and read their one-line JSON result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from .harness import BenchError

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_SCRIPT = Path(__file__).resolve().with_name("reference.py")
PREFIX = "BENCH-RESULT "


def child_env(data_dir: str) -> dict[str, str]:
    """Headless SDL, a throw-away data folder, the repository importable, and no pygame banner.

    Bytecode is cached (in a folder beside the data folder), as an installed game has it: with
    PYTHONDONTWRITEBYTECODE set, every start would compile the game's modules from source while pygame's
    installed ones load compiled, which is not what a player's start costs.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", CUSTOMER_CHAIN_DATA_DIR=data_dir,
               PYGAME_HIDE_SUPPORT_PROMPT="1",
               PYTHONPYCACHEPREFIX=os.path.join(os.path.dirname(os.path.abspath(data_dir)), "pycache"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def game_argv(*args: object) -> list[str]:
    return [sys.executable, "-m", "game.bench.runner", *map(str, args)]


def reference_argv(*args: object) -> list[str]:
    return [sys.executable, str(REFERENCE_SCRIPT), *map(str, args)]


def _result(argv: list[str], code: int, out: str, err: str) -> dict:
    for line in reversed(out.splitlines()):
        if line.startswith(PREFIX):
            return json.loads(line[len(PREFIX):])
    tail = "\n".join(err.strip().splitlines()[-8:])
    raise BenchError(f"{' '.join(argv[1:])} gave no result (exit {code})" + (f":\n{tail}" if tail else ""))


def run_child(argv: list[str], data_dir: str, timeout: float = 120) -> tuple[float, dict]:
    """Run one child; return the perf_counter reading just before it was started, and its result."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, env=child_env(data_dir), cwd=ROOT, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"{' '.join(argv[1:])} took longer than {timeout:g} s") from exc
    return start, _result(argv, proc.returncode, proc.stdout, proc.stderr)


def run_together(argvs: list[list[str]], data_dir: str, timeout: float = 120) -> list[dict]:
    """Run several children at once (for idle measurements, which barely use the CPU) and collect results."""
    procs = [subprocess.Popen(a, env=child_env(data_dir), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for a in argvs]
    results = []
    try:
        for argv, proc in zip(argvs, procs, strict=True):
            out, err = proc.communicate(timeout=timeout)
            results.append(_result(argv, proc.returncode, out, err))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return results
