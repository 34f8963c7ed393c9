"""The immutable scenario model the engine plays."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from functools import cached_property

from .conditions import Condition

#: Conditional variants of a text, tried in order before the text's default: ((condition, text), ...).
Variants = tuple[tuple[Condition, str], ...]


def pick(default: str, variants: Variants, meters: Mapping[str, int], flags: Set[str]) -> str:
    """The first variant whose condition holds, else the default."""
    for condition, text in variants:
        if condition.evaluate(meters, flags):
            return text
    return default


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
    word_of_mouth_delighted: int = 5
    joins_share: float = 0.12


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
class Reply:
    """The other person's immediate reaction to a choice or a timeout, shown before the coach's note."""

    text: str
    mood: str | None = None  # None: from the choice's effect on satisfaction
    speaker: str = ""  # "": the node's speaker, or the customer when the node is narration
    text_if: Variants = ()


@dataclass(frozen=True)
class Line:
    """One beat of a node: narration or one person's speech."""

    speaker: str
    text: str
    mood: str = "neutral"
    text_if: Variants = ()


@dataclass(frozen=True)
class Choice:
    text: str
    next: str
    effects: Effects = Effects()
    feedback: str = ""
    principle: str = ""
    condition: Condition | None = None
    id: str = ""  # stable: the author's `id`, or derived from `next` and `text` (see choice_ids.py)
    reply: Reply | None = None
    fixed: bool = False
    text_if: Variants = ()
    feedback_if: Variants = ()


@dataclass(frozen=True)
class Timer:
    seconds: int
    next: str
    text: str = "Time ran out"
    effects: Effects = Effects()
    feedback: str = ""
    principle: str = ""
    reply: Reply | None = None
    feedback_if: Variants = ()


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
    lines: tuple[Line, ...] = ()  # beats; when given, `text` holds them joined (for tools that read one text)
    text_if: Variants = ()
    call: bool = False  # the customer is on the line in this moment, not at the desk

    @property
    def is_branch(self) -> bool:
        return bool(self.branches)

    def exits(self) -> list[str]:
        out = [c.next for c in self.choices] + [b.next for b in self.branches]
        if self.timer:
            out.append(self.timer.next)
        return out


@dataclass(frozen=True)
class Other:
    """Another person's outcome at an ending (a cast member whose value counts)."""

    who: str
    outcome: str
    satisfaction: str = ""  # a meter standing for their satisfaction ("": 50 %)
    loyalty: str = ""


@dataclass(frozen=True)
class Ending:
    id: str
    title: str
    outcome: str
    text: str
    summary: str
    mood: str = "neutral"
    scene: str = ""
    others: tuple[Other, ...] = ()
    text_if: Variants = ()


@dataclass(frozen=True)
class Person:
    """A cast member: how they look, whether they are on a call, and what they are worth when that counts."""

    name: str
    role: str = ""
    appearance: Mapping[str, object] = field(default_factory=dict)
    call: bool = False
    economics: Economics | None = None


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
    coach: str = "immediate"  # or "debrief": the coach's notes wait for the debrief
    shuffle: bool = True
    people: Mapping[str, Person] = field(default_factory=dict)
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
