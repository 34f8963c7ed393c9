"""Run every author command on one scenario file in this process, as run.py would, and report as JSON.

    python -m tests.engine.hostile_driver FILE OUTDIR [CHOICES]

One process per file keeps the hostile-file test quick (Python and pygame start once); each command's exit
code, output, time (wall and CPU) and the process's peak memory so far are reported, and an exception that escapes the
command shows as its traceback.
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import sys
import time
import traceback

COMMANDS = ("check", "run", "paths", "graph", "storyboard")


def arguments(command: str, path: str, out: str, choices: str = "1") -> list[str]:
    extra = {"check": ["--no-cache"], "run": ["--choices", choices], "paths": [], "graph": [],
             "storyboard": ["--choices", choices, "--out", f"{out}/board"]}[command]
    return [command, path, *extra]


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def run_one(argv: list[str]) -> dict:
    from game.cli import main

    out, err = io.StringIO(), io.StringIO()
    started, cpu = time.monotonic(), _cpu()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:  # reported to the test as the traceback it would have printed
            traceback.print_exc()
            code = -1
    return {"argv": argv, "code": code, "stdout": out.getvalue(), "stderr": err.getvalue(),
            "seconds": time.monotonic() - started, "cpu_seconds": _cpu() - cpu,
            "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def main() -> None:
    path, out = sys.argv[1], sys.argv[2]
    choices = sys.argv[3] if len(sys.argv) > 3 else "1"
    print(json.dumps([run_one(arguments(c, path, out, choices)) for c in COMMANDS]))


if __name__ == "__main__":
    main()
