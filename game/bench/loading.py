"""Scenario loading: the engine's load-and-check against PyYAML's bare C safe loader on the same files."""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from ..engine import load_all
from .harness import Figure, Target, interleave

try:
    _BARE_LOADER = yaml.CSafeLoader
    BARE_LABEL = "PyYAML CSafeLoader parse of the same bytes"
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BARE_LOADER = yaml.SafeLoader
    BARE_LABEL = "PyYAML SafeLoader parse of the same bytes (no libyaml on this machine)"

TARGET = Target(max_ratio=1.5)


def load_and_check_ms(files: list[str]) -> float:
    """Milliseconds for the engine to read, parse, validate and check every file (what `check` does)."""
    start = time.perf_counter()
    results = load_all(files)
    elapsed = (time.perf_counter() - start) * 1000
    broken = [r.path for r in results if r.scenario is None]
    if broken:
        from .harness import BenchError

        raise BenchError(f"these scenarios do not load: {', '.join(broken)}")
    return elapsed


def bare_parse_ms(files: list[str]) -> float:
    """Milliseconds for the least a program can do: read the bytes and parse them with PyYAML's safe loader."""
    start = time.perf_counter()
    for name in files:
        yaml.load(Path(name).read_bytes(), Loader=_BARE_LOADER)  # noqa: S506 - a safe loader
    return (time.perf_counter() - start) * 1000


def loading_figure(fid: str, label: str, files: list[str], runs: int, details: dict | None = None) -> Figure:
    game, ref = interleave(lambda: load_and_check_ms(files), lambda: bare_parse_ms(files), runs)
    return Figure(fid, label, "ms", game, ref, BARE_LABEL, TARGET,
                  note="in-process, each run reads the files again", details=details or {})
