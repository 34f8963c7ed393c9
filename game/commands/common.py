"""Helpers shared by the subcommands: finding a scenario by path or id, printing diagnostics."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from .. import sources
from ..engine.analysis_cache import AnalysisCache
from ..sources import display_path

if TYPE_CHECKING:
    from ..engine import LoadResult, Scenario

__all__ = ["THEME_NAMES", "UsageError", "default_scenario_dir", "display_path", "find_scenario",
           "require_scenario", "theme_arg", "user_analysis_cache"]

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
    """The bundled library's folder (as installed)."""
    return str(sources.bundled_dir())


def find_scenario(name: str, explore_uncached: bool = True) -> LoadResult:
    """Load a scenario given a file path or an id from any scenario folder (see game.sources).
    `explore_uncached=False`: see engine.load_bytes."""
    result = sources.find(name, user_analysis_cache(), explore_uncached)
    if result is None:
        raise UsageError(f"no scenario file or id '{name}' (see: customer-chain scenarios)")
    return result


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
    return sources.analysis_cache()
