"""The immutable scenario model the engine plays."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .conditions import Condition


@dataclass(frozen=True)
class Economics:
    spend_per_visit: float
    visits_per_year: float
    years: float
    word_of_mouth: int
    unit: str = "$"
    visit_label: str = "visit"
    note: str = ""
    whose: str = ""


@dataclass(frozen=True)
class Customer:
    name: str
    role: str
    economics: Economics
    appearance: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Meter:
    id: str
    label: str
    min: int = 0
    max: int = 100
    start: int = 50
    visible: bool = True
    unit: str = ""
    better: str = "higher"  # or "lower": which way the meter should move

    def clamp(self, value: int) -> int:
        return max(self.min, min(self.max, value))

    def judge(self, delta: int) -> int:
        """+1 when the change is good news, -1 when bad, 0 for no change."""
        sign = (delta > 0) - (delta < 0)
        return sign if self.better == "higher" else -sign

    def goodness(self, value: int) -> float:
        """Where the value stands from worst (0) to best (1)."""
        frac = (value - self.min) / max(1, self.max - self.min)
        return frac if self.better == "higher" else 1 - frac


@dataclass(frozen=True)
class Effects:
    deltas: tuple[tuple[str, int], ...] = ()
    set_flags: tuple[str, ...] = ()
    clear_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choice:
    text: str
    next: str
    effects: Effects = Effects()
    feedback: str = ""
    principle: str = ""
    condition: Condition | None = None
    id: str = ""  # stable: the author's `id`, or derived from `next` and `text` (see choice_ids.py)


@dataclass(frozen=True)
class Timer:
    seconds: int
    next: str
    text: str = "Time ran out"
    effects: Effects = Effects()
    feedback: str = ""
    principle: str = ""


@dataclass(frozen=True)
class Branch:
    next: str
    condition: Condition | None = None


@dataclass(frozen=True)
class Node:
    id: str
    speaker: str
    text: str
    mood: str = "neutral"
    scene: str = ""
    sound: str | None = None
    choices: tuple[Choice, ...] = ()
    timer: Timer | None = None
    branches: tuple[Branch, ...] = ()

    @property
    def is_branch(self) -> bool:
        return bool(self.branches)

    def exits(self) -> list[str]:
        out = [c.next for c in self.choices] + [b.next for b in self.branches]
        if self.timer:
            out.append(self.timer.next)
        return out


@dataclass(frozen=True)
class Ending:
    id: str
    title: str
    outcome: str
    text: str
    summary: str
    mood: str = "neutral"


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    summary: str
    setting: str
    audience: str
    skills: tuple[str, ...]
    minutes: int
    order: int
    customer: Customer
    meters: tuple[Meter, ...]
    start: str
    nodes: Mapping[str, Node]
    endings: Mapping[str, Ending]
    vars: Mapping[str, str] = field(default_factory=dict)
    cast: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    path: str = ""
    version: str = ""
    rollback: bool = True  # False for assessed runs: the player cannot take a decision back

    @property
    def value_holder(self) -> str:
        """Whose business the lifetime value measures: economics.whose, else the customer."""
        return self.customer.economics.whose or self.customer.name

    def appearance_for(self, speaker: str) -> Mapping[str, object] | None:
        """Portrait hints for a node's speaker (as written): the customer, a cast member, or None."""
        if speaker == self.customer.name:
            return self.customer.appearance
        return self.cast.get(speaker)

    @cached_property
    def _meter_map(self) -> dict[str, Meter]:
        return {m.id: m for m in self.meters}

    def meter(self, meter_id: str) -> Meter:
        return self._meter_map[meter_id]

    @cached_property
    def polarity(self) -> dict[str, int]:
        """+1 for meters where higher is better, -1 where lower is better (talk time)."""
        return {m.id: 1 if m.better == "higher" else -1 for m in self.meters}

    @cached_property
    def meter_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.meters)

    def start_meters(self) -> dict[str, int]:
        return {m.id: m.start for m in self.meters}
