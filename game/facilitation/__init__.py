"""Facilitator mode's logic: a class session over a playthrough, clicker keys, votes, what-if, debrief. No pygame."""

from .debrief import Benchmark, Debrief, DecisionReport, build_debrief, csv_rows, csv_text, write_csv
from .exports import export_folder
from .keys import BINDINGS, Action, Binding, action_for
from .session import STAGES, ClassSession, Decision, Detour

__all__ = [
    "BINDINGS", "STAGES", "Action", "Benchmark", "Binding", "ClassSession", "Debrief", "Decision",
    "DecisionReport", "Detour", "action_for", "build_debrief", "csv_rows", "csv_text", "export_folder",
    "write_csv",
]
