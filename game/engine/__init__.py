"""The Customer Chain engine: scenario model, loader, rules, lifetime value and play. No pygame here.

Names are imported on first use (PEP 562), so `from game.engine import vocabulary` stays cheap for the
screens that only need the format's words.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_EXPORTS = {
    "analysis": ("OutcomeRange", "PathReport", "all_paths", "best_and_worst", "explore_states", "outcome_range",
                 "reachable_ids"),
    "budget": ("Budget",),
    "diagnostics": ("CODES", "Diagnostic", "Severity"),
    "lifetime": ("LifetimeValue", "fmt_amount", "lifetime_value"),
    "loader": ("LoadResult", "load_all", "load_bytes", "load_file", "scenario_files"),
    "model": ("Choice", "Customer", "Economics", "Ending", "Meter", "Node", "Scenario"),
    "playthrough": ("TIMEOUT", "ChoiceView", "Outcome", "Playthrough", "Step", "value_for"),
    "errors": ("EngineError",),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = [
    "Budget", "CODES", "Choice", "ChoiceView", "Customer", "Diagnostic", "Economics", "Ending", "EngineError",
    "LifetimeValue", "LoadResult", "Meter", "Node", "Outcome", "OutcomeRange", "PathReport", "Playthrough",
    "Scenario", "Severity", "Step", "TIMEOUT", "all_paths", "best_and_worst", "explore_states", "fmt_amount",
    "lifetime_value",
    "load_all", "load_bytes", "load_file", "outcome_range", "reachable_ids", "scenario_files", "value_for",
]


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'game.engine' has no attribute '{name}'")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from .analysis import (
        OutcomeRange,
        PathReport,
        all_paths,
        best_and_worst,
        explore_states,
        outcome_range,
        reachable_ids,
    )
    from .budget import Budget
    from .diagnostics import CODES, Diagnostic, Severity
    from .errors import EngineError
    from .lifetime import LifetimeValue, fmt_amount, lifetime_value
    from .loader import LoadResult, load_all, load_bytes, load_file, scenario_files
    from .model import Choice, Customer, Economics, Ending, Meter, Node, Scenario
    from .playthrough import TIMEOUT, ChoiceView, Outcome, Playthrough, Step, value_for
