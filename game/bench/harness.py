"""Interleaved runs, medians and percentiles, figures with their reference and ratio, JSON and table output."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class BenchError(RuntimeError):
    """A measurement could not be taken (a child process failed, a screen is missing)."""


@dataclass(frozen=True)
class Target:
    """What a figure must meet: at most max_ratio times the reference and/or at most max_value."""

    max_ratio: float | None = None
    max_value: float | None = None

    def met(self, value: float, ratio: float | None) -> bool:
        if self.max_ratio is not None and (ratio is None or ratio > self.max_ratio):
            return False
        return self.max_value is None or value <= self.max_value

    def describe(self, unit: str) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"<= {self.max_ratio:g}x ref")
        if self.max_value is not None:
            parts.append(f"<= {self.max_value:g} {unit}")
        return ", ".join(parts) or "-"

    def to_json(self) -> dict[str, float | None]:
        return {"max_ratio": self.max_ratio, "max_value": self.max_value}


@dataclass
class Figure:
    """One measured figure: the game's median beside the reference program's median, and their ratio."""

    id: str
    label: str
    unit: str
    samples: list[float]
    reference_samples: list[float]
    reference_label: str
    target: Target | None = None
    note: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    skipped: str = ""  # why the figure was not measured on this machine (not a failure), e.g. a missing tool

    @property
    def value(self) -> float:
        return median(self.samples)

    @property
    def reference(self) -> float:
        return median(self.reference_samples)

    @property
    def ratio(self) -> float | None:
        ref = self.reference
        if not ref or math.isnan(ref) or math.isnan(self.value):
            return None
        return self.value / ref

    @property
    def met(self) -> bool | None:
        if self.target is None or self.skipped or math.isnan(self.value):
            return None
        return self.target.met(self.value, self.ratio)

    def to_json(self) -> dict[str, Any]:
        ratio = self.ratio
        return {
            "id": self.id,
            "label": self.label,
            "unit": self.unit,
            "value": _round(self.value),
            "reference": _round(self.reference),
            "ratio": None if ratio is None else round(ratio, 3),
            "reference_program": self.reference_label,
            "target": self.target.to_json() if self.target else None,
            "met": self.met,
            "samples": [_round(s) for s in self.samples],
            "reference_samples": [_round(s) for s in self.reference_samples],
            "note": self.note,
            "skipped": self.skipped or None,
            **({"details": self.details} if self.details else {}),
        }


def _round(x: float) -> float | None:
    """Three decimals; None for a figure that could not be measured (JSON has no NaN)."""
    return round(x, 3) if math.isfinite(x) else None


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank on the sorted values; pct in 0..100)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def interleave_many(programs: dict[str, Callable[[], Any]], runs: int) -> dict[str, list[Any]]:
    """Run every program once per run, rotating which goes first, `runs` times; results by program name.

    All programs then see the same machine noise (other agents, thermal state), so their ratios hold even when
    the absolute figures drift.
    """
    names = list(programs)
    out: dict[str, list[Any]] = {name: [] for name in names}
    for i in range(max(1, runs)):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            out[name].append(programs[name]())
    return out


def interleave(game: Callable[[], Any], reference: Callable[[], Any], runs: int) -> tuple[list[Any], list[Any]]:
    """Run game and reference alternately `runs` times each, swapping who goes first every run."""
    out = interleave_many({"game": game, "reference": reference}, runs)
    return out["game"], out["reference"]


def _fmt(x: float | None, unit: str = "") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if abs(x) >= 100:
        text = f"{x:,.0f}"
    elif abs(x) >= 10:
        text = f"{x:.1f}"
    else:
        text = f"{x:.2f}"
    return f"{text} {unit}".rstrip()


def table(figures: list[Figure]) -> str:
    """A plain-text table, one figure a line."""
    rows = [("figure", "game", "reference", "ratio", "target", "met")]
    for f in figures:
        ratio = f.ratio
        met = "skipped" if f.skipped else {True: "yes", False: "NO", None: "-"}[f.met]
        rows.append((f.label, _fmt(f.value, f.unit), _fmt(f.reference, f.unit),
                     "-" if ratio is None else f"{ratio:.2f}x",
                     f.target.describe(f.unit) if f.target else "-", met))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:5], widths[1:5], strict=True)] + [row[5]]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
