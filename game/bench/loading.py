"""Scenario loading: the engine's load-and-check against PyYAML's bare C safe loader on the same files."""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from ..engine import load_all
from ..engine.analysis_cache import AnalysisCache
from .harness import BenchError, Figure, Target, interleave

try:
    _SafeLoader = yaml.CSafeLoader
    BARE_LABEL = "PyYAML CSafeLoader parse of the same bytes"
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _SafeLoader = yaml.SafeLoader
    BARE_LABEL = "PyYAML SafeLoader parse of the same bytes (no libyaml on this machine)"

TARGET = Target(max_ratio=1.5)


def load_and_check_ms(files: list[str], cache_file: Path | None) -> float:
    """Milliseconds for the engine to read, parse, validate and check every file, as `check` and the game do.

    With a cache file, the cache is read from disk first (as a fresh process would); without, every file is
    explored again (`check --no-cache`, or what an edited file costs).
    """
    if cache_file is None:
        from ..engine import loader

        loader._RECENT.clear()  # the loader's in-process memo of explorations would make a cold load warm
    start = time.perf_counter()
    results = load_all(files, AnalysisCache(cache_file) if cache_file is not None else None)
    elapsed = (time.perf_counter() - start) * 1000
    broken = [r.path for r in results if r.scenario is None]
    if broken:
        raise BenchError(f"these scenarios do not load: {', '.join(broken)}")
    return elapsed


def bare_parse_ms(files: list[str]) -> float:
    """Milliseconds for the least a program can do: read the bytes and parse them with PyYAML's safe loader."""
    start = time.perf_counter()
    for name in files:
        yaml.load(Path(name).read_bytes(), Loader=_SafeLoader)  # the C SafeLoader when PyYAML has it
    return (time.perf_counter() - start) * 1000


def loading_figures(fid: str, label: str, files: list[str], runs: int, work: Path,
                    details: dict | None = None) -> list[Figure]:
    """Two figures: with the analysis cache already holding these files (the target), and with no cache."""
    cache_file = work / f"{fid}-analysis.json"
    load_and_check_ms(files, cache_file)  # fill the cache, as the first `check` after an edit does
    warm, ref = interleave(lambda: load_and_check_ms(files, cache_file), lambda: bare_parse_ms(files), runs)
    # Cold loads take seconds (every file explored again): one run, to keep the bench within its minutes.
    cold, cold_ref = interleave(lambda: load_and_check_ms(files, None), lambda: bare_parse_ms(files), 1)
    return [
        Figure(fid, label, "ms", warm, ref, BARE_LABEL, TARGET, details=details or {},
               note="in-process; each run reads the files and the analysis cache from disk; files unchanged"),
        Figure(f"{fid}_cold", f"{label}, no cache", "ms", cold, cold_ref, BARE_LABEL, None, details=details or {},
               note="every file explored again: what a first check or an edited file costs (one run; no target)"),
    ]
