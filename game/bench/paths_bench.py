"""Path analysis: the real `paths` command on a scenario, against a bare walk of the same file's links."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import time
from collections import deque
from pathlib import Path

import yaml

from ..commands import paths as paths_command
from ..engine.analysis import PATH_LIMIT, STATE_LIMIT
from .harness import Figure, Target, interleave

REFERENCE_LABEL = "C-loader parse plus a breadth-first walk of the links, ignoring meters and conditions"


def paths_command_ms(path: str, as_json: bool = False) -> float:
    """Milliseconds for `run.py paths FILE` (load, check, explore, list every path), output discarded."""
    args = argparse.Namespace(scenario=path, json=as_json, limit=PATH_LIMIT, state_limit=STATE_LIMIT)
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        paths_command.run(args)
    return (time.perf_counter() - start) * 1000


def paths_report(path: str) -> dict:
    """What `paths FILE --json` reports, and how long that took: completeness, states, paths listed."""
    args = argparse.Namespace(scenario=path, json=True, limit=PATH_LIMIT, state_limit=STATE_LIMIT)
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = paths_command.run(args)
    elapsed = (time.perf_counter() - start) * 1000
    report = json.loads(out.getvalue())
    return {"exit": code, "complete": report["complete"], "states": report["states"],
            "paths": report["path_count"], "endings_reachable": len(report["endings_reachable"]),
            "json_ms": round(elapsed, 1)}


def bare_walk_ms(path: str) -> float:
    """The least a path tool can do: parse the file and visit every linked id once."""
    start = time.perf_counter()
    data = yaml.load(Path(path).read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    nodes, seen = data["nodes"], {data["start"]}
    todo = deque([data["start"]])
    while todo:
        node = nodes.get(todo.popleft()) or {}
        links = [c["next"] for c in node.get("choices") or []] + [b["next"] for b in node.get("branch") or []]
        if node.get("timer"):
            links.append(node["timer"]["next"])
        for target in links:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return (time.perf_counter() - start) * 1000


def paths_figure(fid: str, label: str, path: str, runs: int, max_ms: float) -> Figure:
    """The default text form, timed; one `--json` run (timed too, in details) says what was found."""
    samples, ref = interleave(lambda: paths_command_ms(path), lambda: bare_walk_ms(path), runs)
    details = paths_report(path)
    note = "complete" if details["complete"] else \
        f"stopped at its limit ({details['states']:,} states, {details['paths']:,} paths listed), as reported"
    return Figure(fid, label, "ms", samples, ref, REFERENCE_LABEL, Target(max_value=max_ms), note=note,
                  details=details)
