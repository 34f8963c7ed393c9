"""Explicit limits for exploring a scenario's states: how many, how long, how much memory."""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

STATE_LIMIT = 100_000
PATH_LIMIT = 5_000
SECONDS = 3.0
MEMORY_MB = 200.0


class Cancel(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class Budget:
    """How much exploring may cost. Every exploration stops at the first limit it reaches and says which.

    `seconds` counts the exploring thread's own computing time. `memory_mb` bounds the estimated size of
    what the exploration keeps (states, links and listed paths). `cancel` (e.g. a threading.Event) stops
    it early from another thread, for screens that run it off the UI thread.
    """

    states: int = STATE_LIMIT
    seconds: float = SECONDS
    memory_mb: float = MEMORY_MB
    paths: int = PATH_LIMIT
    cancel: Cancel | None = None

    def with_limits(self, states: int | None = None, paths: int | None = None) -> Budget:
        return Budget(max(1, states or self.states), self.seconds, self.memory_mb, max(1, paths or self.paths),
                      self.cancel)


DEFAULT = Budget()


def _clock() -> float:
    """CPU seconds of this thread: what the exploration itself used, however busy the machine or the other
    threads are (so a check gives the same answer on a loaded machine; the UI keeps its own frame time)."""
    try:
        return time.thread_time()
    except (AttributeError, OSError):  # pragma: no cover - platforms without a per-thread clock
        return time.monotonic()


class Spend:
    """What an exploration has used so far of its budget; `stopped` names the limit it reached."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.started = _clock()
        self.bytes = 0
        self.steps = 0
        self.stopped: str | None = None
        self._memory = budget.memory_mb * 1024 * 1024

    def charge(self, nbytes: int) -> bool:
        """Count one step costing about nbytes kept; False once any limit is reached."""
        self.bytes += nbytes
        self.steps += 1
        if self.stopped is not None:
            return False
        if self.bytes > self._memory:
            self.stopped = "memory"
        elif self.steps & 255 == 0:
            if _clock() - self.started > self.budget.seconds:
                self.stopped = "time"
            elif self.budget.cancel is not None and self.budget.cancel.is_set():
                self.stopped = "cancelled"
        return self.stopped is None

    def extend(self, fraction: float) -> None:
        """Allow a further fraction of the budget's time and memory."""
        self.started += self.budget.seconds * fraction
        self._memory += self.budget.memory_mb * 1024 * 1024 * fraction

    def stop(self, reason: str) -> None:
        if self.stopped is None:
            self.stopped = reason

    @property
    def elapsed(self) -> float:
        return _clock() - self.started


def describe_stop(reason: str | None, budget: Budget, states: int) -> str:
    """Plain words for why an exploration stopped, e.g. 'the limit of 100,000 states'."""
    if reason == "states":
        return f"the limit of {budget.states:,} states"
    if reason == "time":
        return f"the time limit of {budget.seconds:g} s (after {states:,} states)"
    if reason == "memory":
        return f"the memory limit of {budget.memory_mb:g} MB (after {states:,} states)"
    if reason == "paths":
        return f"the limit of {budget.paths:,} listed paths"
    if reason == "cancelled":
        return f"a request to stop (after {states:,} states)"
    return "no limit"


def state_bytes(state: tuple) -> int:
    """Rough bytes one explored state keeps: the tuples, its numbers, its flags and its table entries."""
    meters = state[1]
    size = sys.getsizeof(state) + sys.getsizeof(meters) + 28 * len(meters) + 160
    if state[2]:
        size += sys.getsizeof(state[2])
    return size


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = False


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while exploring: it builds millions of small tuples and holds on to them
    all, so every collection would walk them again for nothing (twice the time). Nests, and is safe from
    several threads: collection resumes when the last exploration ends."""
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        if _gc_holders == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_enabled:
                gc.enable()
