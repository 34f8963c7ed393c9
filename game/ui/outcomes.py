"""The best and worst reachable outcomes, worked out on a worker thread within a bound, never on the UI thread.

The value screen and the class debrief ask `outcomes_for(scenario)` for a job, show that it is working while
`job.done` is False, and read `job.result` once it is. The work runs in a separate process so it can neither
stall the UI thread (no shared GIL or garbage collector) nor take more than its time and memory. Only plain
data crosses: the scenario file's bytes go to the worker, which loads them itself, and its JSON answer names
the best and worst paths by their choices, which are replayed here (`game.engine.outcome_json`).
`explore_outcomes` is the one place the view asks the engine to explore a scenario's states.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

from ..engine import OutcomeRange, Scenario
from ..engine.analysis import best_and_worst
from ..engine.budget import Budget
from ..engine.outcome_json import range_from_json
from ..engine.reading import Unreadable, read_capped
from ..sha256 import sha256

#: States the view explores at most (the engine's default, so the library's scenarios are explored in full:
#: about a second in the worker process on this project's 2-core machine).
UI_STATE_LIMIT = 200_000
TIME_LIMIT_S = 10.0  # the worker is stopped after this long whatever it found
MEMORY_LIMIT_BYTES = 1 << 30  # the worker's address space
WORKING = "Working out the best and worst reachable outcome…"
FAILED = "The best and worst reachable outcome could not be worked out for this story."
_KEEP = 32
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding `game`, for the worker's imports
WORKER = ["-m", "game.ui.outcome_worker"]  # the worker's arguments after the interpreter
MAX_REPLY = 1 << 24  # an answer is a few kilobytes; anything past this is damaged


def explore_outcomes(scenario: Scenario) -> OutcomeRange:
    """Best and worst endings by net lifetime value, within the view's budget (at most UI_STATE_LIMIT states,
    and well inside the worker's own time and memory caps)."""
    return best_and_worst(scenario, budget=Budget(UI_STATE_LIMIT, seconds=TIME_LIMIT_S / 2))


def start_worker(asked: bytes) -> tuple[subprocess.Popen, IO[bytes]]:
    """The worker process answering `asked` (from outcome_worker.request), and the file its reply goes to (the
    caller reads and closes it once the process has ended). OSError when no process can be started."""
    if getattr(sys, "frozen", False) or not sys.executable:
        raise OSError("no interpreter to start")
    reply = tempfile.TemporaryFile()  # noqa: SIM115 (read and closed by the caller when the worker ends)
    try:
        with tempfile.TemporaryFile() as request:
            request.write(asked)
            request.seek(0)
            env = dict(os.environ)
            env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH", "")) if p)
            process = subprocess.Popen([sys.executable, *WORKER], stdin=request, stdout=reply,
                                       stderr=subprocess.DEVNULL, env=env, close_fds=True)
    except BaseException:
        reply.close()
        raise
    return process, reply


class OutcomeJob:
    """One exploration in a worker process (its own memory cap, stopped at the time limit, no shared GIL or
    garbage collector), or on a thread where no process can be started or the scenario has no file to send
    (made in memory, or changed on disk since it was loaded). Poll `done`, then read `result`."""

    def __init__(self, scenario: Scenario, seconds: float = TIME_LIMIT_S) -> None:
        self.scenario = scenario
        self.result: OutcomeRange | None = None
        self.problem: str | None = None
        self.deadline = time.monotonic() + seconds
        self._finished = False
        self._process: subprocess.Popen | None = None
        self._reply: IO[bytes] | None = None
        self._thread: threading.Thread | None = None
        self.in_worker = True  # False once it falls back to a thread
        try:
            self._start_process()
        except (OSError, ValueError, Unreadable):
            self._close_files()
            self._process = None
            self.in_worker = False
            self._thread = threading.Thread(target=self._run_here, name=f"outcomes-{scenario.id}", daemon=True)
            self._thread.start()

    def _source(self) -> bytes:
        """The bytes the scenario was loaded from; ValueError when its file is gone or has changed since."""
        data = read_capped(self.scenario.path)
        if sha256(data).hexdigest()[:12] != self.scenario.version:
            raise ValueError("the file has changed since it was loaded")
        return data

    def _start_process(self) -> None:
        from .outcome_worker import request as worker_request

        asked = worker_request(self.scenario.path, self._source(), self.scenario.version, MEMORY_LIMIT_BYTES)
        self._process, self._reply = start_worker(asked)

    def _run_here(self) -> None:
        try:
            self.result = explore_outcomes(self.scenario)
        except Exception as exc:  # a screen shows FAILED instead; nothing may reach the UI thread
            self.problem = f"{FAILED} ({type(exc).__name__}: {exc})"

    def _poll(self, wait: float = 0.0) -> None:
        if self._finished:
            return
        if self._thread is not None:
            if wait > 0:
                self._thread.join(wait)
            self._finished = not self._thread.is_alive()
            return
        assert self._process is not None and self._reply is not None
        try:
            code = self._process.wait(wait) if wait > 0 else self._process.poll()
        except subprocess.TimeoutExpired:
            code = None
        if code is None:
            if time.monotonic() > self.deadline:
                self._process.kill()
                self._process.wait()
                self.problem = f"{FAILED} (it was stopped at the time limit)"
                self._finish()
            return
        self._reply.seek(0)
        self._read_reply(self._reply.read(MAX_REPLY + 1), code)
        self._finish()

    def _read_reply(self, raw: bytes, code: int) -> None:
        """The worker's JSON answer as a result, or a notice of what went wrong (never an exception)."""
        try:
            reply = json.loads(raw)
        except (ValueError, RecursionError):  # nothing, cut short, not JSON, not UTF-8, or nested too deep
            self.problem = f"{FAILED} (the worker stopped, exit code {code})"
            return
        if isinstance(reply, dict) and isinstance(reply.get("error"), str):
            self.problem = f"{FAILED} ({reply['error'][:300]})"
            return
        try:
            self.result = range_from_json(self.scenario, reply.get("ok") if isinstance(reply, dict) else None)
        except ValueError as exc:
            self.problem = f"{FAILED} (the worker's answer was damaged: {exc})"

    def _finish(self) -> None:
        self._finished = True
        self._close_files()

    def _close_files(self) -> None:
        if self._reply is not None:
            self._reply.close()
            self._reply = None

    @property
    def done(self) -> bool:
        self._poll()
        return self._finished

    def cancel(self) -> None:
        """Stop a worker that is still running and reap it (a job nobody will read: dropped, or the game is
        closing); a finished job, or one on a thread, is left as it is."""
        if self._finished or self._process is None:
            return
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self.problem = self.problem or f"{FAILED} (it was stopped)"
        self._finish()

    def wait(self, seconds: float) -> bool:
        """Block up to `seconds` for the result (for exports, which draw every page at once); True when done."""
        end = time.monotonic() + seconds
        while not self._finished and time.monotonic() < end:
            self._poll(min(0.05, max(0.001, end - time.monotonic())))
        return self._finished


_jobs: dict[tuple[str, str, int], OutcomeJob] = {}
_lock = threading.Lock()


def outcomes_for(scenario: Scenario) -> OutcomeJob:
    """The running or finished job for this scenario, started now if there is none (shared between screens)."""
    key = (scenario.id, scenario.version, id(scenario))
    with _lock:
        job = _jobs.get(key)
        if job is None or job.scenario is not scenario:
            job = OutcomeJob(scenario)
            _jobs[key] = job
            while len(_jobs) > _KEEP:
                _jobs.pop(next(iter(_jobs))).cancel()  # no screen asks for it any more: no process left behind
        return job


def cancel_all() -> None:
    """Stop and reap every worker still running (the game is closing)."""
    with _lock:
        jobs = list(_jobs.values())
    for job in jobs:
        job.cancel()


atexit.register(cancel_all)
