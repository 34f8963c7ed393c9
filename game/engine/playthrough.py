"""One play of a scenario, pulled by the view in the style of ink's runtime.

    play = Playthrough(scenario)
    play.node, play.choices, play.choose(0), play.choose_id("calm_a1b2c3"), play.timeout(), play.undo(), play.ending

State is the list of decisions: plain data that round-trips through JSON and replays exactly. Saves carry the
stable choice ids, so a save survives an author reordering options; `restore` replays an older save as far as it
still applies and says where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..sha256 import sha256
from . import vocabulary as vocab
from .lifetime import LifetimeValue, lifetime_value
from .model import Choice, Ending, Node, Reply, Scenario, pick
from .rules import EngineError, resolve, take, visible_choices
from .text import interpolate

if TYPE_CHECKING:
    from .saves import Restored

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
class Beat:
    """One line of a node as shown: who speaks (or 'narrator'), what, with which face."""

    speaker: str
    text: str
    mood: str

    @property
    def narration(self) -> bool:
        return self.speaker.strip().lower() == vocab.NARRATOR


REACTION = 5  # a satisfaction change at least this big shows on the face of a reply without its own mood


def reply_mood(reply: Reply, deltas: dict[str, int]) -> str:
    if reply.mood:
        return reply.mood
    sat = deltas.get("satisfaction", 0)
    return "pleased" if sat >= REACTION else "upset" if sat <= -REACTION else "neutral"


def shuffle_key(seed: int, node_id: str, index: int, choice: Choice) -> str:
    """A stable sort key: the same seed shows a node's options in the same order every time."""
    return sha256(f"{seed}|{node_id}|{choice.id or index}|{choice.text}".encode()).hexdigest()


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
    reply: Beat | None = None
    choice_id: str = TIMEOUT  # the choice's stable id, or "timeout"

    def to_json(self) -> dict:
        out = {
            "node": self.node, "kind": self.kind, "choice_id": self.choice_id, "source_index": self.source_index,
            "number": self.number,
            "text": self.text, "feedback": self.feedback, "principle": self.principle,
            "deltas": dict(self.deltas), "meters_after": dict(self.meters_after), "next": self.location,
        }
        if self.reply is not None:
            out["reply"] = {"speaker": self.reply.speaker, "text": self.reply.text, "mood": self.reply.mood}
        return out


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


def start_point(scenario: Scenario, node: str | None = None, meters: dict[str, int] | None = None,
                flags: list[str] | tuple[str, ...] = ()) -> dict:
    """A checked starting state (plain JSON data) for a play that begins at `node` with meters and flags set."""
    node = node or scenario.start
    if node not in scenario.nodes and node not in scenario.endings:
        raise EngineError(f"there is no node '{node}'")
    values = {}
    for mid, value in (meters or {}).items():
        if mid not in scenario.meter_ids:
            raise EngineError(f"there is no meter '{mid}' (meters: {', '.join(scenario.meter_ids)})")
        if not isinstance(value, int) or isinstance(value, bool):
            raise EngineError(f"meter '{mid}' needs a whole number, not {value!r}")
        values[mid] = scenario.meter(mid).clamp(value)
    if not all(isinstance(f, str) and f for f in flags):
        raise EngineError("flags are names")
    return {"node": node, "meters": values, "flags": sorted(set(flags))}


@dataclass
class Playthrough:
    """seed: None shows options in file order; a number shuffles them (when the scenario allows), the same
    way every time for that seed, and is part of the saved state."""

    scenario: Scenario
    _decisions: list[tuple[str, int | None]] = field(default_factory=list)
    start: dict | None = None  # from start_point(): begin at a node with meters and flags set (plain data)
    seed: int | None = None

    def __post_init__(self) -> None:
        if self.start is not None:
            s = self.start
            self.start = start_point(self.scenario, s.get("node"), s.get("meters"), s.get("flags") or ())
        self._replay(list(self._decisions))

    # ---- state -------------------------------------------------------------------------------
    def _reset(self) -> None:
        self.meters: dict[str, int] = self.scenario.start_meters()
        self.flags: frozenset[str] = frozenset()
        self.history: list[Step] = []
        where = self.scenario.start
        if self.start is not None:
            self.meters.update(self.start["meters"])
            self.flags = frozenset(self.start["flags"])
            where = self.start["node"]
        self.location: str = resolve(self.scenario, where, self.meters, self.flags)

    def _replay(self, decisions: list[tuple[str, int | None]]) -> None:
        self._decisions = []
        self._reset()
        for move in decisions:
            self._replay_one(move)

    @property
    def state(self) -> tuple[str, tuple[int, ...], frozenset[str]]:
        """Where the play stands, as the analysis explores it (for best_and_worst from here)."""
        return (self.location, tuple(self.meters[m] for m in self.scenario.meter_ids), self.flags)

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

    def _pick(self, default: str, variants: tuple) -> str:
        return self.say(pick(default, variants, self.meters, self.flags) if variants else default)

    @property
    def text(self) -> str:
        if self.ending:
            return self._pick(self.ending.text, self.ending.text_if)
        node = self.node
        if node is None:
            return ""
        if node.lines:
            return "\n\n".join(b.text if b.narration else f"{b.speaker}: {b.text}" for b in self.beats)
        return self._pick(node.text, node.text_if)

    @property
    def beats(self) -> list[Beat]:
        """The node's lines as shown, one voice each (a node with one text is one beat)."""
        node = self.node
        if node is None:
            return []
        if not node.lines:
            return [Beat(self.speaker, self._pick(node.text, node.text_if), node.mood)]
        return [Beat(self.say(line.speaker), self._pick(line.text, line.text_if), line.mood) for line in node.lines]

    @property
    def shuffled(self) -> bool:
        return self.seed is not None and self.scenario.shuffle

    @property
    def speaker(self) -> str:
        return self.say(self.node.speaker) if self.node else self.scenario.customer.name

    @property
    def choices(self) -> list[ChoiceView]:
        if self.node is None:
            return []
        node = self.node
        shown = visible_choices(node, self.meters, self.flags)
        if self.shuffled and len(shown) > 1:
            shown = self._shuffle(node, shown)
        return [ChoiceView(n + 1, i, self._pick(c.text, c.text_if), c) for n, (i, c) in enumerate(shown)]

    def _shuffle(self, node: Node, shown: list[tuple[int, Choice]]) -> list[tuple[int, Choice]]:
        """Options in a seeded order; a `fixed` option keeps its place among those shown."""
        seed = self.seed or 0
        movable = sorted((p for p in shown if not p[1].fixed), key=lambda p: shuffle_key(seed, node.id, *p))
        out, rest = [], iter(movable)
        for pair in shown:
            out.append(pair if pair[1].fixed else next(rest))
        return out

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
        c = view.choice
        return self._take(view.source_index, view.number, view.text, self._pick(c.feedback, c.feedback_if),
                          c.principle, c.reply, view.id)

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
        return self._take(None, None, self.say(t.text), self._pick(t.feedback, t.feedback_if), t.principle, t.reply)

    def _reply(self, node: Node, reply: Reply | None, deltas: dict[str, int]) -> Beat | None:
        """The reply as shown, read in the state before the decision (what she heard, not what follows)."""
        if reply is None:
            return None
        speaker = reply.speaker or node.speaker
        if not reply.speaker and speaker.strip().lower() == vocab.NARRATOR:
            speaker = self.scenario.customer.name  # a narrated node: the customer answers (unless it says otherwise)
        return Beat(self.say(speaker), self._pick(reply.text, reply.text_if), reply_mood(reply, deltas))

    def _take(self, source_index: int | None, number: int | None, text: str, feedback: str,
              principle: str, reply: Reply | None = None, choice_id: str = TIMEOUT) -> Step:
        node = self.node
        if node is None:
            raise EngineError("the scenario has ended")
        move = take(self.scenario, node, self.meters, self.flags, source_index)
        said = self._reply(node, reply, move.deltas)
        self.meters, self.flags, self.location = move.meters, move.flags, move.location
        step = Step(node.id, TIMEOUT if source_index is None else "choice", source_index, number, text,
                    feedback, principle, move.deltas, dict(move.meters), move.location, said, choice_id)
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
            c = view.choice
            out.append(Outcome(view.text, view.number, move.deltas, move.location,
                               self.scenario.endings.get(move.location), self._pick(c.feedback, c.feedback_if),
                               c.principle))
        if node.timer:
            move = take(self.scenario, node, self.meters, self.flags, None)
            t = node.timer
            out.append(Outcome(self.say(t.text), None, move.deltas, move.location,
                               self.scenario.endings.get(move.location), self._pick(t.feedback, t.feedback_if),
                               t.principle))
        return out

    def fork(self) -> Playthrough:
        return Playthrough(self.scenario, list(self._decisions), start=self.start, seed=self.seed)

    @property
    def decisions(self) -> list[tuple[str, int | None]]:
        """The decisions taken so far: ("choice", source index) or ("timeout", None)."""
        return list(self._decisions)

    # ---- value -------------------------------------------------------------------------------
    def percent(self, meter_id: str) -> int:
        m = self.scenario.meter(meter_id)
        return round(100 * (self.meters[meter_id] - m.min) / (m.max - m.min))

    def lifetime_value(self) -> LifetimeValue | None:
        if not self.ending:
            return None
        return value_for(self.scenario, self.ending, self.meters)

    # ---- persistence (game.engine.saves) --------------------------------------------------
    def to_json(self) -> dict:
        from .saves import save_data

        return save_data(self)

    @classmethod
    def from_json(cls, scenario: Scenario, data: dict) -> Playthrough:
        """The saved play exactly, or EngineError (replays by choice id when the save has them)."""
        from .saves import from_json

        return from_json(scenario, data)

    @classmethod
    def restore(cls, scenario: Scenario, data: object) -> Restored:
        """Replay a save as far as it still applies (by choice id when it has them, else by position)."""
        from .saves import restore

        return restore(scenario, data)

    def _replay_one(self, move: tuple[str, int | None]) -> None:
        kind, index = move
        if kind == TIMEOUT:
            self.timeout()
            return
        numbers = [v.source_index for v in self.choices]
        if index not in numbers:
            raise EngineError(f"saved decision {index} is not available at '{self.location}'")
        self.choose(numbers.index(index))


def value_for(scenario: Scenario, ending: Ending, meters: dict[str, int]) -> LifetimeValue:
    def pct(mid: str) -> int:
        m = scenario.meter(mid)
        return round(100 * (meters[mid] - m.min) / (m.max - m.min))

    own = lifetime_value(scenario.customer.economics, ending.outcome, pct("satisfaction"), pct("loyalty"),
                         scenario.value_holder)
    others = []
    for other in ending.others:
        person = scenario.people.get(other.who)
        if person is None or person.economics is None:
            continue
        sat = pct(other.satisfaction) if other.satisfaction in meters else 50
        loy = pct(other.loyalty) if other.loyalty in meters else sat
        others.append((other.who, lifetime_value(person.economics, other.outcome, sat, loy, other.who)))
    return own.with_others(others)


def __getattr__(name: str) -> object:
    """`Restored` lives in game.engine.saves; it stays importable from here."""
    if name == "Restored":
        from .saves import Restored

        return Restored
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
