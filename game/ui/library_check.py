"""The paths of the library's files that the analysis cache had no answer for, explored after the library has
loaded, one file at a time in the outcome worker's process.

On a first start (or after an update, which changes the checker) the game used to explore every scenario in
its own process while the select screen showed its cards: up to about 45 MB and seconds of the UI's share of
the CPU for the largest. Now the cards come from the parse and the structural checks alone (what exploring
finds never changes what the game can play), and the findings go to the analysis cache, where `check`, the
preview and the next start find them. One queue serves the whole process: a file is explored once, however
many times the library is loaded.
"""

from __future__ import annotations

import _thread
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from ..engine import LoadResult
from ..engine.analysis_cache import AnalysisCache
from ..engine.diagnostics import Diagnostic

POLL_S = 0.1


@dataclass(frozen=True)
class _Job:
    key: str
    path: str
    data: bytes
    base: tuple[Diagnostic, ...]
    cache: AnalysisCache


_lock = threading.Lock()
_queue: list[_Job] = []
_queued: set[str] = set()  # keys waiting or being explored
_known: dict[str, list[dict]] = {}  # keys explored in this process, with their findings as the cache keeps them
_running = [False]


def check_later(results: Sequence[LoadResult], cache: AnalysisCache | None) -> int:
    """Queue the unexplored playable files for exploring in the worker; returns how many were queued."""
    from ..engine.reading import Unreadable, read_capped

    if cache is None:
        return 0
    queued, answered = 0, False
    for result in results:
        if not (result.unexplored and result.scenario is not None):
            continue
        try:
            data = read_capped(result.path)
        except Unreadable:
            continue  # gone, or changed into something unreadable: the next start reports it
        key = AnalysisCache.key(data)
        with _lock:
            if key in _known:
                cache.put(key, _known[key])
                answered = True
            elif key not in _queued:
                _queued.add(key)
                _queue.append(_Job(key, result.path, data, tuple(result.diagnostics), cache))
                queued += 1
            start = bool(_queue) and not _running[0]
            if start:
                _running[0] = True
        if start:
            _thread.start_new_thread(_work, ())
    if answered:
        cache.save()
    return queued


def _work() -> None:
    """Explore the queued files in turn (each in the worker, bounded in time and memory)."""
    from .preview_check import PathCheck

    while True:
        with _lock:
            if not _queue:
                _running[0] = False
                return
            job = _queue.pop(0)
        check = PathCheck(job.data, job.path, list(job.base), job.cache)
        while not check.done:
            time.sleep(POLL_S)
        with _lock:
            _queued.discard(job.key)
            stored = job.cache.get(job.key) if not check.findings.problem else None
            if stored is not None:
                _known[job.key] = stored


def idle(seconds: float) -> bool:
    """Wait up to `seconds` for the queue to empty (tests); True when nothing is left to explore."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        with _lock:
            if not _queue and not _running[0]:
                return True
        time.sleep(POLL_S)
    return False
