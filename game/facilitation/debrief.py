"""The class debrief: the path the class took, the votes at each decision, the value against best and worst.

Built from a ClassSession's main path (what-if detours are explorations, not the class's record).
No pygame here; `write_csv` writes the facilitator's notes atomically.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ..engine import TIMEOUT, LifetimeValue, OutcomeRange, Playthrough, Scenario, outcome_range
from .exports import new_temp_file
from .session import ClassSession, Decision


@dataclass(frozen=True)
class DecisionReport:
    """One decision of the class's path, as the debrief shows it."""

    number: int  # 1-based
    node: str
    prompt: str
    options: tuple[str, ...]  # visible choices, then the timer's outcome if the node had one
    votes: tuple[int, ...]  # hands per option (the timer's outcome gets none)
    chosen: int  # index into options
    deltas: dict[str, int]
    meters_after: dict[str, int]
    feedback: str
    principle: str

    @property
    def chosen_text(self) -> str:
        return self.options[self.chosen]

    @property
    def room_lead(self) -> int | None:
        """Index of the option most hands went up for, or None with no votes or a tie for first."""
        if not any(self.votes):
            return None
        best = max(self.votes)
        leaders = [i for i, v in enumerate(self.votes) if v == best]
        return leaders[0] if len(leaders) == 1 else None


@dataclass(frozen=True)
class Benchmark:
    """A reachable outcome to compare the class's with."""

    ending: str
    title: str
    net: float
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Debrief:
    scenario: Scenario
    decisions: tuple[DecisionReport, ...]
    meters: dict[str, int]
    ending_title: str | None
    outcome: str | None
    value: LifetimeValue | None
    best: Benchmark | None
    worst: Benchmark | None
    summary: str = ""  # the ending's lesson, in the author's words

    @property
    def finished(self) -> bool:
        return self.value is not None

    @property
    def unit(self) -> str:
        return self.scenario.customer.economics.unit

    def percent(self, meter_id: str) -> int:
        m = self.scenario.meter(meter_id)
        return round(100 * (self.meters[meter_id] - m.min) / (m.max - m.min))


def build_debrief(session: ClassSession, with_benchmarks: bool = True,
                  outcomes: OutcomeRange | None = None) -> Debrief:
    """The debrief of the session's main path (benchmarks explore every path: call it once, not per frame).

    `outcomes` given (worked out elsewhere, e.g. off the UI thread) are used for the benchmarks as they are."""
    scenario = session.scenario
    play = session.replay([])  # the options in the order the class saw them
    reports = []
    for n, decision in enumerate(session.main, start=1):
        reports.append(_report(scenario, play, decision, n))
    ending = play.ending
    best = worst = None
    if outcomes is not None or with_benchmarks:
        report = outcomes if outcomes is not None else outcome_range(scenario)
        best = _benchmark(scenario, report.best)
        worst = _benchmark(scenario, report.worst)
    return Debrief(scenario, tuple(reports), dict(play.meters), ending.title if ending else None,
                   ending.outcome if ending else None, play.lifetime_value(), best, worst,
                   play.say(ending.summary) if ending else "")


def _report(scenario: Scenario, play: Playthrough, decision: Decision, n: int) -> DecisionReport:
    views = play.choices
    options = [v.text for v in views]
    votes = [decision.votes.get(v.number, 0) for v in views]
    if play.node is not None and play.node.timer is not None:
        options.append(f"Time ran out: {play.say(play.node.timer.text)}")
        votes.append(0)
    prompt = play.text
    if decision.kind == TIMEOUT:
        step = play.timeout()
        chosen = len(views)
    else:
        index = next(i for i, v in enumerate(views) if v.source_index == decision.source_index)
        step = play.choose(index)
        chosen = index
    return DecisionReport(n, step.node, prompt, tuple(options), tuple(votes), chosen, dict(step.deltas),
                          dict(step.meters_after), step.feedback, step.principle)


def _benchmark(scenario: Scenario, result) -> Benchmark | None:
    if result is None:
        return None
    return Benchmark(result.ending, scenario.endings[result.ending].title, result.value.net, tuple(result.choices))


# ---- CSV ------------------------------------------------------------------------------------------
CSV_HEADER = ("section", "decision", "prompt", "option", "votes", "chosen", "meter changes", "feedback",
              "principle", "value", "unit")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _signed(deltas: dict[str, int], scenario: Scenario) -> str:
    parts = []
    for mid, delta in deltas.items():
        if delta:
            parts.append(f"{scenario.meter(mid).label} {delta:+d}")
    return "; ".join(parts) or "no change"


def number(value: float) -> str:
    """A number a spreadsheet reads as one: ASCII minus, no grouping, no currency, cents only when there are any."""
    if abs(value - round(value)) < 0.005:
        return str(int(round(value)))
    return f"{value:.2f}"


def csv_rows(debrief: Debrief) -> list[tuple[str, ...]]:
    """Rows for the facilitator's notes: one per option at each decision, then the totals (numbers in `value`,
    their unit beside them)."""
    s = debrief.scenario
    rows: list[tuple[str, ...]] = [CSV_HEADER]
    for d in debrief.decisions:
        for i, option in enumerate(d.options):
            taken = i == d.chosen
            rows.append(("decision", str(d.number), d.prompt if i == 0 else "", option, str(d.votes[i]),
                         "yes" if taken else "", _signed(d.deltas, s) if taken else "",
                         d.feedback if taken else "", d.principle if taken else "", "", ""))
    for m in s.meters:
        rows.append(("final meter", "", "", m.label, "", "", "", "", "", number(debrief.meters[m.id]), m.unit))
    unit = debrief.unit
    if debrief.value is not None:
        rows.append(("ending", "", "", debrief.ending_title or "", "", "", "", debrief.summary, "", "", ""))
        rows.append(("outcome", "", "", debrief.outcome or "", "", "", "", "", "", "", ""))
        v = debrief.value
        rows.append(("lifetime value", "", "", "kept", "", "", "", "", "", number(v.kept), unit))
        rows.append(("lifetime value", "", "", "won by word of mouth", "", "", "", "", "", number(v.won), unit))
        rows.append(("lifetime value", "", "", "lost", "", "", "", "", "", number(v.lost), unit))
        rows.append(("lifetime value", "", "", "net (the class)", "", "", "", "", "", number(v.net), unit))
    else:
        rows.append(("ending", "", "", "not reached yet", "", "", "", "", "", "", ""))
    for label, bench in (("best reachable", debrief.best), ("worst reachable", debrief.worst)):
        if bench is not None:
            rows.append(("lifetime value", "", "", f"net ({label}: {bench.title})", "", "", "", "", "",
                         number(bench.net), unit))
    return rows


def safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs (OWASP CSV injection: a quote before =, +, -, @, tab, CR)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cells(row: tuple[str, ...], numeric: int) -> list[str]:
    """Every cell neutralised except the number column, which holds a plain number (a leading minus is fine)."""
    return [c if i == numeric and _is_number(c) else safe_cell(c) for i, c in enumerate(row)]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")


def csv_text(debrief: Debrief) -> str:
    out = io.StringIO()
    value = CSV_HEADER.index("value")
    csv.writer(out, lineterminator="\n").writerows(_cells(row, value) for row in csv_rows(debrief))
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (temp file in the same folder, then os.replace)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = new_temp_file(path.parent, f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_csv(debrief: Debrief, path: Path) -> Path:
    # utf-8-sig so spreadsheet programs read the dashes and currency signs correctly
    write_atomic(path, csv_text(debrief).encode("utf-8-sig"))
    return path
