"""The worker process behind `game.ui.outcomes`: reads a scenario's source as JSON, answers in JSON.

Run by the game itself as `python -m game.ui.outcome_worker` with its own memory cap; no pygame here.
Only plain data crosses: the request is the file's path, its bytes (base64) and its version; the worker
loads them with the project's own safe loader and replies with the best and worst paths' choices and
how the exploration went (see `game.engine.outcome_json`), or with the reason it could not.

A request of kind PATHS (the preview, after a save) asks instead for `check`'s exploration step on the bytes,
and the reply is its findings as the analysis cache stores them (`game.ui.preview_check` reads them).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import sys
from collections.abc import Callable
from typing import BinaryIO

from ..engine.yamltree import MAX_BYTES

MAX_REQUEST = MAX_BYTES * 2 + 4096  # base64 of the largest file, and the few other fields
OUTCOMES, PATHS = "outcomes", "paths"  # the kinds of job: best and worst outcomes, or check's exploration step
PATHS_NICENESS = 5


def limit_memory(max_bytes: int) -> None:
    """Cap this process's address space where the platform allows it."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def request(path: str, data: bytes, version: str, memory_bytes: int, kind: str = OUTCOMES) -> bytes:
    """What the game sends: one JSON object. For PATHS, `version` is the bytes' AnalysisCache key."""
    asked = {"path": path, "source": base64.b64encode(data).decode("ascii"), "version": version,
             "memory_bytes": memory_bytes}
    if kind != OUTCOMES:
        asked["kind"] = kind
    return json.dumps(asked).encode("utf-8")


def answer(raw: bytes, cap: Callable[[int], None] | None = None) -> dict:
    """{'ok': the outcome range as JSON} or {'error': plain words}, for one request. `cap` limits the memory
    of the process answering (the worker passes limit_memory; a caller in the game's own process never does,
    since the cap would stay on that process: a test run that called this lost its threads and memory)."""
    try:
        asked = json.loads(raw)
        data = base64.b64decode(asked["source"], validate=True)
        path, version, memory = str(asked["path"]), str(asked["version"]), int(asked["memory_bytes"])
        kind = asked.get("kind", OUTCOMES)
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        return {"error": "the request was damaged"}
    if kind not in (OUTCOMES, PATHS):
        return {"error": "the request was damaged"}
    if cap is not None:
        cap(memory)
    if kind == PATHS:
        if cap is not None:  # in the worker only: the preview's own frames come first on a busy machine
            with contextlib.suppress(AttributeError, OSError):
                os.nice(PATHS_NICENESS)
        return _paths(data, path, version)
    try:
        from ..engine.loader import load_bytes
        from ..engine.outcome_json import range_to_json
        from .outcomes import explore_outcomes

        scenario = load_bytes(data, path, explore=False).scenario
        if scenario is None or scenario.version != version:
            return {"error": "the story did not load the same way in the worker"}
        return {"ok": range_to_json(explore_outcomes(scenario))}
    except MemoryError:
        return {"error": "it needed more memory than allowed"}
    except Exception as exc:  # reported to the screen, which says it could not be worked out
        return {"error": f"{type(exc).__name__}: {exc}"}


def _paths(data: bytes, path: str, key: str) -> dict:
    """{'ok': {'findings': [...]}}: what `check`'s exploration step finds in these bytes, by the loader's own
    code path (an in-memory AnalysisCache receives the findings exactly as the user's cache would)."""
    try:
        from ..engine.analysis_cache import AnalysisCache
        from ..engine.loader import load_bytes

        if AnalysisCache.key(data) != key:
            return {"error": "the request was damaged"}
        cache = AnalysisCache(None)
        load_bytes(data, path, cache)
        findings = cache.get(key)
        if findings is None:
            return {"error": "the story did not load in the worker"}
        return {"ok": {"findings": findings}}
    except MemoryError:
        return {"error": "it needed more memory than allowed"}
    except Exception as exc:  # reported to the preview as a notice
        return {"error": f"{type(exc).__name__}: {exc}"}


def work(source: BinaryIO, sink: BinaryIO) -> None:
    """Answer the one request on `source` to `sink`."""
    reply = answer(source.read(MAX_REQUEST + 1), cap=limit_memory)
    sink.write(json.dumps(reply).encode("utf-8"))
    sink.flush()


if __name__ == "__main__":
    work(sys.stdin.buffer, sys.stdout.buffer)
