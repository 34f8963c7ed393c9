"""The what-if detours of a class session: rewind to an earlier decision, play another branch, come back.

A detour keeps the first `base` decisions of the main path and adds decisions of its own; the record of the
main path is never touched until the facilitator adopts the detour. ClassSession takes these methods from
WhatIf; they work on its state (path, stage, votes, the play) and its moves (_take, _rebuild, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import TIMEOUT, Outcome, Playthrough, Scenario
from .decision import Decision
from .stages import CHOICES, CHOSEN, CONSEQUENCES, TEXT


@dataclass
class Detour:
    """A what-if branch: the first `base` decisions of the main path, then decisions of its own."""

    base: int
    decisions: list[Decision] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"base": self.base, "decisions": [d.to_json() for d in self.decisions]}


@dataclass
class Place:
    """Where the view stands on the main path, kept while a detour is explored."""

    stage: str
    votes: dict[int, int]
    selected: int
    timer_left: float | None


class WhatIf:
    """The what-if part of a ClassSession: it uses the session's path, choices, plays (replay) and moves
    (_take, choose, _rebuild, _enter_decision, _undo_last)."""

    scenario: Scenario
    main: list[Decision]
    detour: Detour | None
    stage: str
    votes: dict[int, int]
    selected: int
    timer_left: float | None
    _saved_main: Place | None
    play: Playthrough

    @property
    def main_choice_here(self) -> int | None:
        """In a detour, the visible number the class chose at this decision on the main path, if it did."""
        at = len(self.path) - (1 if self.stage in (CHOSEN, CONSEQUENCES) else 0)
        if self.detour is None or at != self.detour.base or at >= len(self.main):
            return None
        return self._number_for(self.main[at], self.replay(self.main[:at]))

    @staticmethod
    def _engine(decisions: list[Decision]) -> list[tuple[str, int | None]]:
        return [(d.kind, d.source_index) for d in decisions]

    @staticmethod
    def _number_for(decision: Decision, before: Playthrough) -> int | None:
        for view in before.choices:
            if decision.kind == "choice" and view.source_index == decision.source_index:
                return view.number
        return None

    def jump_back(self, step: int) -> bool:
        """Rewind to just before decision `step` (0-based) of the path on screen, as a what-if detour.

        The main path's record is kept whole; the option after the one taken there is highlighted.
        """
        path = self.path
        if not 0 <= step < len(path):
            return False
        if self.detour is None:
            self._saved_main = Place(self.stage, dict(self.votes), self.selected, self.timer_left)
            self.detour = Detour(step)
        elif step < self.detour.base:
            self.detour = Detour(step)
        else:
            del self.detour.decisions[step - self.detour.base + 1:]
            self._undo_last(keep_selection=False)
            return True
        taken = path[step]
        self._rebuild()
        self._enter_decision()
        self.votes = dict(taken.votes)
        self.stage = CHOICES
        index = next((i for i, v in enumerate(self.choices)
                      if taken.kind == "choice" and v.source_index == taken.source_index), None)
        self.selected = 0 if index is None else (index + 1) % max(1, len(self.choices))
        return True

    def explore(self, index: int, step: int | None = None) -> bool:
        """Play option `index` as a what-if, at decision `step` of the path on screen (default: here).

        `index` counts the visible choices; one past the last is the timer's outcome on a timed node.
        """
        if step is not None and step < len(self.path):
            if not self.jump_back(step):
                return False
        elif self.stage not in (TEXT, CHOICES):
            return False
        else:
            if self.detour is None:
                self._saved_main = Place(self.stage, dict(self.votes), self.selected, self.timer_left)
                self.detour = Detour(len(self.main))
            self.stage = CHOICES
        if index == len(self.choices) and self.play.timer_seconds is not None:
            self._take(Decision(TIMEOUT, None, dict(self.votes)))  # the timer's outcome, as a what-if
            return True
        return self.choose(index)

    def return_to_main(self) -> bool:
        """Leave the detour and stand on the main path exactly where the class left it."""
        if self.detour is None:
            return False
        self.detour = None
        self._rebuild()
        self._enter_decision()
        place = self._saved_main
        self._saved_main = None
        if place is not None:
            self.stage, self.votes, self.selected, self.timer_left = (
                place.stage, place.votes, place.selected, place.timer_left)
        return True

    def adopt(self) -> bool:
        """Make the detour the class's path (the main path's later decisions are replaced)."""
        if self.detour is None:
            return False
        self.main = self.path
        self.detour = None
        self._saved_main = None
        return True

    # ---- what if -----------------------------------------------------------------------------
    def options_at(self, step: int | None = None) -> list[Outcome]:
        """Every option (timer included) at decision `step` of the path on screen, or the one in discussion."""
        if step is None:
            if self.stage in (CHOSEN, CONSEQUENCES):
                step = len(self.path) - 1
            else:
                return self.play.options()
        if not 0 <= step < len(self.path):
            return []
        return self.replay(self.path[:step]).options()

    def taken_at(self, step: int) -> int | None:
        """Index into options_at(step) of the option the path on screen took there."""
        if not 0 <= step < len(self.path):
            return None
        decision = self.path[step]
        before = self.replay(self.path[:step])
        if decision.kind == TIMEOUT:
            return len(before.choices)
        number = self._number_for(decision, before)
        return None if number is None else number - 1
