"""The worker process behind `game.ui.outcomes`: reads a pickled Scenario on stdin, writes the result on stdout.

Run by the game itself as `python -m game.ui.outcome_worker` with its own memory cap; no pygame here.
The pickles only ever travel between the game and this child it started, through private temporary files.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import pickle
import sys
from types import MappingProxyType
from typing import BinaryIO


def _mapping(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


def dumps(obj: object) -> bytes:
    """Pickle that also carries the read-only mappings the engine's model uses."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    table = copyreg.dispatch_table.copy()
    table[MappingProxyType] = lambda proxy: (_mapping, (dict(proxy),))
    pickler.dispatch_table = table
    pickler.dump(obj)
    return out.getvalue()


def limit_memory(max_bytes: int) -> None:
    """Cap this process's address space where the platform allows it."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def work(source: BinaryIO, sink: BinaryIO) -> None:
    """Read (scenario, memory limit), explore, write ('ok', OutcomeRange) or ('error', reason)."""
    scenario, max_bytes = pickle.load(source)
    limit_memory(max_bytes)
    try:
        from .outcomes import explore_outcomes

        reply: tuple[str, object] = ("ok", explore_outcomes(scenario))
    except MemoryError:
        reply = ("error", "it needed more memory than allowed")
    except Exception as exc:  # reported to the screen, which says it could not be worked out
        reply = ("error", f"{type(exc).__name__}: {exc}")
    sink.write(dumps(reply))
    sink.flush()


if __name__ == "__main__":
    work(sys.stdin.buffer, sys.stdout.buffer)
