"""The preview's check of the paths through a save (`check`'s state exploration), run after the save shows.

A save is reloaded at once without exploring its states (that takes seconds); then `PathCheck` explores the
same bytes in the outcome worker's process (its own memory cap, stopped at TIME_LIMIT_S, no shared GIL), or
reads the answer from the analysis cache, where `check` keeps it too. A newer save stops the job of the one
before it, so one save's findings never show for another; closing the preview stops and reaps the process.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import subprocess
import time
import weakref
from dataclasses import dataclass, field
from typing import IO

from ..engine.analysis_cache import AnalysisCache, _valid
from ..engine.diagnostics import Diagnosed, Diagnostic, Reporter
from .outcome_worker import PATHS, request
from .outcomes import MAX_REPLY, MEMORY_LIMIT_BYTES, start_worker

TIME_LIMIT_S = 30.0  # the worker is stopped after this long (the exploration's own budget ends it far sooner)
_live: weakref.WeakSet[PathCheck] = weakref.WeakSet()


@dataclass
class Findings(Diagnosed):
    """`check`'s whole answer for one save: the reload's own diagnostics and the exploration's."""

    key: str  # the AnalysisCache key of the bytes checked
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0  # from the start of the job to its answer
    from_cache: bool = False
    problem: str = ""  # why the paths could not be checked, in words ("" when they were)


def diagnostics_of(path: str, base: list[Diagnostic], stored: list[dict]) -> list[Diagnostic]:
    """The diagnostics `check` reports: the load's own, and the exploration's as the analysis cache keeps them."""
    rep = Reporter(path)
    rep.items = list(base)
    for d in stored:
        add = rep.error if d["severity"] == "error" else rep.warning
        add((d["line"], d["col"]), d["code"], d["message"])
    return rep.sorted()


class PathCheck:
    """The exploration step of `check` on one save's bytes. Poll `done`; then read `findings`."""

    def __init__(self, data: bytes, path: str, base: list[Diagnostic], cache: AnalysisCache | None,
                 seconds: float | None = None) -> None:
        self.key = AnalysisCache.key(data)
        self.path, self.base, self.cache = path, list(base), cache
        self.began = time.monotonic()
        self.deadline = self.began + (TIME_LIMIT_S if seconds is None else seconds)
        self.findings: Findings | None = None
        self.process: subprocess.Popen | None = None
        self._reply: IO[bytes] | None = None
        stored = cache.get(self.key) if cache is not None else None
        if stored is not None:  # checked before, by the preview or by `check`: no process needed
            self._finish(stored, from_cache=True)
            return
        try:
            self.process, self._reply = start_worker(request(path, data, self.key, MEMORY_LIMIT_BYTES, PATHS))
        except (OSError, ValueError) as exc:
            self._fail(f"no helper process could be started ({exc})")
            return
        _live.add(self)

    @property
    def done(self) -> bool:
        if self.findings is None:
            self._poll()
        return self.findings is not None

    def _poll(self) -> None:
        assert self.process is not None and self._reply is not None
        code = self.process.poll()
        if code is None:
            if time.monotonic() > self.deadline:
                self.cancel()
                self._fail("it took too long and was stopped")
            return
        self._reply.seek(0)
        raw = self._reply.read(MAX_REPLY + 1)
        self._close()
        try:
            reply = json.loads(raw)
        except (ValueError, RecursionError):
            self._fail(f"the helper process stopped, exit code {code}")
            return
        answer = reply.get("ok") if isinstance(reply, dict) else None
        stored = answer.get("findings") if isinstance(answer, dict) else None
        if not _valid(stored):
            reason = reply.get("error") if isinstance(reply, dict) else None
            self._fail(str(reason)[:300] if isinstance(reason, str) else "its answer was damaged")
            return
        if self.cache is not None:
            self.cache.put(self.key, stored)
            self.cache.save()  # a problem saving only means the next check explores again
        self._finish(stored)

    def _finish(self, stored: list[dict], from_cache: bool = False) -> None:
        self.findings = Findings(self.key, diagnostics_of(self.path, self.base, stored),
                                 time.monotonic() - self.began, from_cache)

    def _fail(self, reason: str) -> None:
        self.findings = Findings(self.key, list(self.base), time.monotonic() - self.began, problem=reason)

    def cancel(self) -> None:
        """Stop the process (if it still runs) and reap it; a job stopped before its answer is done, with the
        reason as its problem (the preview drops the job and never reads it)."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(OSError):
                self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5)
        self._close()
        _live.discard(self)
        if self.findings is None:
            self._fail("it was stopped")

    def _close(self) -> None:
        if self._reply is not None:
            self._reply.close()
            self._reply = None
        if self.process is not None and self.process.poll() is not None:
            _live.discard(self)


class BackgroundCheck:
    """The preview's one running PathCheck: a new save supersedes the last one's job."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.job: PathCheck | None = None
        self._cache: AnalysisCache | None = None
        self._cache_read = False

    def cache(self) -> AnalysisCache | None:
        """The user's analysis cache (read on first use: the first frame does not need it)."""
        if not self._cache_read:
            self._cache_read = True
            from ..sources import analysis_cache

            self._cache = analysis_cache()
        return self._cache

    def start(self, data: bytes, base: list[Diagnostic]) -> None:
        self.stop()
        self.job = PathCheck(data, self.path, base, self.cache())

    @property
    def running(self) -> bool:
        return self.job is not None and not self.job.done

    def poll(self) -> Findings | None:
        """The findings of the current job, once, when it has them."""
        if self.job is None or not self.job.done:
            return None
        found, self.job = self.job.findings, None
        return found

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None


@atexit.register
def _stop_all() -> None:
    """No helper process outlives the game, however it ends."""
    for job in list(_live):
        job.cancel()
