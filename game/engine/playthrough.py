"""One play of a scenario, pulled by the view in the style of ink's runtime.

    play = Playthrough(scenario)
    play.node, play.choices, play.choose(0), play.choose_id("calm_a1b2c3"), play.timeout(), play.undo(), play.ending

State is the list of decisions: plain data that round-trips through JSON and replays exactly. Saves carry the
stable choice ids, so a save survives an author reordering options; `restore` replays an older save as far as it
still applies and says where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lifetime import LifetimeValue, lifetime_value
from .model import Choice, Ending, Node, Scenario
from .rules import EngineError, resolve, take, visible_choices
from .text import interpolate

TIMEOUT = "timeout"


@dataclass(frozen=True)
class ChoiceView:
    """A choice as the player sees it: number (1-based), text, and its place in the node."""

    number: int
    source_index: int
    text: str
    choice: Choice

    @property
    def id(self) -> str:
        """The choice's stable id."""
        return self.choice.id


@dataclass(frozen=True)
class Step:
    """One decision taken, with what it did."""

    node: str
    kind: str  # "choice" or "timeout"
    source_index: int | None
    number: int | None
    text: str
    feedback: str
    principle: str
    deltas: dict[str, int]
    meters_after: dict[str, int]
    location: str
    choice_id: str = TIMEOUT  # the choice's stable id, or "timeout"

    def to_json(self) -> dict:
        return {
            "node": self.node, "kind": self.kind, "choice_id": self.choice_id, "source_index": self.source_index,
            "number": self.number,
            "text": self.text, "feedback": self.feedback, "principle": self.principle,
            "deltas": dict(self.deltas), "meters_after": dict(self.meters_after), "next": self.location,
        }


@dataclass(frozen=True)
class Outcome:
    """What an option would do from the current state (the counterfactual)."""

    label: str
    number: int | None
    deltas: dict[str, int]
    location: str
    ending: Ending | None
    feedback: str
    principle: str


@dataclass(frozen=True)
class Restored:
    """A saved play replayed as far as it still applies to the scenario as it is now."""

    play: Playthrough
    replayed: int  # decisions replayed
    saved: int  # decisions in the save
    stopped: str | None  # why the replay stopped early, in words; None when all of it applied

    @property
    def complete(self) -> bool:
        return self.stopped is None


@dataclass
class Playthrough:
    scenario: Scenario
    _decisions: list[tuple[str, int | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._replay(list(self._decisions))

    # ---- state -------------------------------------------------------------------------------
    def _reset(self) -> None:
        self.meters: dict[str, int] = self.scenario.start_meters()
        self.flags: frozenset[str] = frozenset()
        self.history: list[Step] = []
        self.location: str = resolve(self.scenario, self.scenario.start, self.meters, self.flags)

    def _replay(self, decisions: list[tuple[str, int | None]]) -> None:
        self._decisions = []
        self._reset()
        for move in decisions:
            self._replay_one(move)

    @property
    def node(self) -> Node | None:
        return self.scenario.nodes.get(self.location)

    @property
    def ending(self) -> Ending | None:
        return self.scenario.endings.get(self.location)

    @property
    def ended(self) -> bool:
        return self.ending is not None

    @property
    def values(self) -> dict[str, object]:
        c = self.scenario.customer
        return {"customer": c.name, "role": c.role, **self.scenario.vars, **self.meters}

    def say(self, template: str) -> str:
        return interpolate(template, self.values)

    @property
    def text(self) -> str:
        if self.ending:
            return self.say(self.ending.text)
        return self.say(self.node.text) if self.node else ""

    @property
    def speaker(self) -> str:
        return self.say(self.node.speaker) if self.node else self.scenario.customer.name

    @property
    def choices(self) -> list[ChoiceView]:
        if self.node is None:
            return []
        shown = visible_choices(self.node, self.meters, self.flags)
        return [ChoiceView(n + 1, i, self.say(c.text), c) for n, (i, c) in enumerate(shown)]

    @property
    def timer_seconds(self) -> int | None:
        node = self.node
        return node.timer.seconds if node and node.timer else None

    # ---- actions -----------------------------------------------------------------------------
    def choose(self, index: int) -> Step:
        """Take the index-th visible choice (0-based)."""
        views = self.choices
        if not 0 <= index < len(views):
            raise EngineError(f"there is no choice {index + 1} here; choose 1 to {len(views)}")
        view = views[index]
        return self._take(view.source_index, view.number, view.text, view.choice.feedback, view.choice.principle,
                          view.id)

    def choose_id(self, choice_id: str) -> Step:
        """Take the visible choice with this stable id, or let the timer run out for "timeout"."""
        if choice_id == TIMEOUT:
            return self.timeout()
        ids = [v.id for v in self.choices]
        if choice_id not in ids:
            raise EngineError(f"there is no choice '{choice_id}' at '{self.location}'")
        return self.choose(ids.index(choice_id))

    def timeout(self) -> Step:
        """Let the current node's timer run out."""
        node = self.node
        if node is None or node.timer is None:
            raise EngineError("there is no timer running here")
        t = node.timer
        return self._take(None, None, self.say(t.text), t.feedback, t.principle)

    def _take(self, source_index: int | None, number: int | None, text: str, feedback: str,
              principle: str, choice_id: str = TIMEOUT) -> Step:
        node = self.node
        if node is None:
            raise EngineError("the scenario has ended")
        move = take(self.scenario, node, self.meters, self.flags, source_index)
        self.meters, self.flags, self.location = move.meters, move.flags, move.location
        step = Step(node.id, TIMEOUT if source_index is None else "choice", source_index, number, text,
                    self.say(feedback), principle, move.deltas, dict(move.meters), move.location, choice_id)
        self.history.append(step)
        self._decisions.append((step.kind, source_index))
        return step

    def undo(self, to_step: int | None = None) -> None:
        """Undo the last decision, or go back to just before decision to_step (0-based)."""
        keep = len(self._decisions) - 1 if to_step is None else to_step
        if not 0 <= keep <= len(self._decisions):
            raise EngineError(f"cannot go back to step {to_step}")
        self._replay(self._decisions[:keep])

    @property
    def can_undo(self) -> bool:
        return bool(self._decisions)

    @property
    def choice_ids(self) -> list[str]:
        """The decisions so far by stable id ("timeout" for a timer)."""
        return [step.choice_id for step in self.history]

    # ---- what if -----------------------------------------------------------------------------
    def options(self) -> list[Outcome]:
        """Every option at the current node (timer included) and what it would lead to."""
        node = self.node
        if node is None:
            return []
        out = []
        for view in self.choices:
            move = take(self.scenario, node, self.meters, self.flags, view.source_index)
            out.append(Outcome(view.text, view.number, move.deltas, move.location,
                               self.scenario.endings.get(move.location), self.say(view.choice.feedback),
                               view.choice.principle))
        if node.timer:
            move = take(self.scenario, node, self.meters, self.flags, None)
            out.append(Outcome(self.say(node.timer.text), None, move.deltas, move.location,
                               self.scenario.endings.get(move.location), self.say(node.timer.feedback),
                               node.timer.principle))
        return out

    def fork(self) -> Playthrough:
        return Playthrough(self.scenario, list(self._decisions))

    # ---- value -------------------------------------------------------------------------------
    def percent(self, meter_id: str) -> int:
        m = self.scenario.meter(meter_id)
        return round(100 * (self.meters[meter_id] - m.min) / (m.max - m.min))

    def lifetime_value(self) -> LifetimeValue | None:
        if not self.ending:
            return None
        return value_for(self.scenario, self.ending, self.meters)

    # ---- persistence -------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "scenario": self.scenario.id,
            "version": self.scenario.version,
            "decisions": [[k, i] for k, i in self._decisions],
            "choices": self.choice_ids,
            "location": self.location,
            "meters": dict(self.meters),
            "flags": sorted(self.flags),
        }

    @classmethod
    def from_json(cls, scenario: Scenario, data: dict) -> Playthrough:
        """The saved play exactly, or EngineError (replays by choice id when the save has them)."""
        restored = cls.restore(scenario, data)
        if restored.stopped is not None:
            raise EngineError(restored.stopped)
        return restored.play

    @classmethod
    def restore(cls, scenario: Scenario, data: object) -> Restored:
        """Replay a save as far as it still applies (by choice id when it has them, else by position)."""
        if not isinstance(data, dict) or data.get("scenario") != scenario.id:
            raise EngineError("this saved play belongs to another scenario")
        ids = data.get("choices")
        if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
            moves: list = ids
        else:
            moves = _positional(data.get("decisions"))
        play = cls(scenario)
        for n, move in enumerate(moves):
            try:
                if play.ended:
                    raise EngineError(f"the scenario already ends at '{play.location}'")
                if isinstance(move, str):
                    play.choose_id(move)
                else:
                    play._replay_one(move)
            except EngineError as exc:
                return Restored(play, n, len(moves), f"saved decision {n + 1} no longer applies: {exc}")
        return Restored(play, len(moves), len(moves), None)

    def _replay_one(self, move: tuple[str, int | None]) -> None:
        kind, index = move
        if kind == TIMEOUT:
            self.timeout()
            return
        numbers = [v.source_index for v in self.choices]
        if index not in numbers:
            raise EngineError(f"saved decision {index} is not available at '{self.location}'")
        self.choose(numbers.index(index))


def _positional(raw: object) -> list[tuple[str, int | None]]:
    """Decisions saved by position (saves made before choices had ids)."""
    if not isinstance(raw, list):
        raise EngineError("saved play has no decisions list")
    decisions: list[tuple[str, int | None]] = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 2 and item[0] in ("choice", TIMEOUT)):
            raise EngineError(f"saved decision {item!r} is not understood")
        if item[0] == "choice" and (not isinstance(item[1], int) or isinstance(item[1], bool)):
            raise EngineError(f"saved decision {item!r} is not understood")
        decisions.append((item[0], item[1] if item[0] == "choice" else None))
    return decisions


def value_for(scenario: Scenario, ending: Ending, meters: dict[str, int]) -> LifetimeValue:
    def pct(mid: str) -> int:
        m = scenario.meter(mid)
        return round(100 * (meters[mid] - m.min) / (m.max - m.min))

    return lifetime_value(scenario.customer.economics, ending.outcome, pct("satisfaction"), pct("loyalty"),
                          scenario.value_holder)
