"""The Customer Chain engine: scenario model, loader, rules, lifetime value and play. No pygame here."""

from .analysis import OutcomeRange, PathReport, all_paths, explore_states, outcome_range, reachable_ids
from .diagnostics import CODES, Diagnostic, Severity
from .lifetime import LifetimeValue, fmt_amount, lifetime_value
from .loader import LoadResult, load_all, load_bytes, load_file, scenario_files
from .model import Choice, Customer, Economics, Ending, Meter, Node, Scenario
from .playthrough import TIMEOUT, ChoiceView, Outcome, Playthrough, Step, value_for
from .rules import EngineError

__all__ = [
    "CODES", "TIMEOUT", "Choice", "ChoiceView", "Customer", "Diagnostic", "Economics", "Ending", "EngineError",
    "LifetimeValue", "LoadResult", "Meter", "Node", "Outcome", "OutcomeRange", "PathReport", "Playthrough",
    "Scenario", "Severity", "Step", "all_paths", "explore_states", "fmt_amount", "lifetime_value", "load_all",
    "load_bytes", "load_file", "outcome_range", "reachable_ids", "scenario_files", "value_for",
]
