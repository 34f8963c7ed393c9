"""Helpers shared by the subcommands: finding a scenario by path or id, printing diagnostics."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine.analysis_cache import AnalysisCache

if TYPE_CHECKING:
    from ..engine import LoadResult, Scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS_DIR = ROOT / "scenarios"


THEME_NAMES = {"normal": "normal", "high_contrast": "high_contrast", "high-contrast": "high_contrast",
               "projector": "projector"}


def theme_arg(text: str) -> str:
    """argparse type for --theme: normal, high-contrast (or high_contrast) or projector."""
    import argparse

    name = THEME_NAMES.get(text.strip().lower())
    if name is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a theme: use normal, high-contrast or projector")
    return name


class UsageError(Exception):
    """Bad command-line input: exit code 2 with the message."""


def default_scenario_dir() -> str:
    return str(SCENARIOS_DIR) if SCENARIOS_DIR.is_dir() else "scenarios"


def display_path(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel if not rel.startswith("..") else path


def find_scenario(name: str) -> LoadResult:
    """Load a scenario given a file path or a bundled scenario's id."""
    from ..engine import load_all, load_file

    cache = user_analysis_cache()
    if os.path.exists(name):
        result = load_file(display_path(name), cache)
        cache.save()
        return result
    for result in load_all([default_scenario_dir()], cache):
        if result.scenario is not None and result.scenario.id == name:
            return result
    candidate = Path(default_scenario_dir()) / f"{name}.yaml"
    if candidate.exists():
        return load_file(display_path(str(candidate)), cache)
    raise UsageError(f"no scenario file or id '{name}'")


def require_scenario(name: str) -> Scenario:
    """Like find_scenario, but print the errors and stop (exit 1) if the file has any."""
    result = find_scenario(name)
    if result.scenario is None:
        for d in result.errors:
            print(d.format(), file=sys.stderr)
        raise SystemExit(1)
    return result.scenario


def user_analysis_cache() -> AnalysisCache:
    """The analysis cache in the user's data folder (see game.userdata.paths)."""
    from ..userdata.paths import data_dir

    return AnalysisCache(data_dir() / "cache" / "analysis.json")
