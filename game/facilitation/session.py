"""A class session: one scenario played by a whole room, revealed step by step by a facilitator.

The session wraps the engine's Playthrough and adds what a classroom needs:

* a reveal stage per decision: intro -> text -> choices -> chosen -> consequences -> (next node) ... ending -> debrief
* the room's votes per option at each decision (the chosen option stays the facilitator's call)
* a timer that starts paused and runs only when the facilitator says so
* the class's main path, and "what if" detours that rewind to an earlier decision and play another
  branch without ever touching the record of the main path

Previous (Page Up) never erases what the class decided once its consequences were shown: it rewinds into
a detour, with the next option highlighted, so "what if we had chosen B?" is two clicks away. Going back
past the start of a detour (or pressing Next at a detour's ending) returns to the main path exactly where
it was left. `adopt()` makes the detour the class's path (to correct a slip).

Options are shown in the order of the session's `seed`, as solo play shows them (None: the file's order), so
no option is findable by its place; every play the session makes (the path, a what-if, the debrief, the
records) uses that order, so the numbers the room voted on always name the same options.

State is plain data that round-trips through JSON. No pygame here.
"""

from __future__ import annotations

from ..engine import TIMEOUT, ChoiceView, EngineError, Playthrough, Scenario, Step
from .decision import MAX_VOTES, Decision, votes_from_json
from .stages import CHOICES, CHOSEN, CONSEQUENCES, DEBRIEF, ENDING, INTRO, STAGES, TEXT
from .whatif import Detour, Place, WhatIf


class ClassSession(WhatIf):
    """A scenario played by a room. All methods are safe to call at any stage; they do nothing when moot."""

    def __init__(self, scenario: Scenario, seed: int | None = None) -> None:
        self.scenario = scenario
        self.seed = seed
        self.main: list[Decision] = []
        self.detour: Detour | None = None
        self.stage = INTRO
        self.votes: dict[int, int] = {}  # the decision in progress
        self.selected = 0  # 0-based index into the visible choices
        self.timer_left: float | None = None
        self.timer_running = False
        self._saved_main: Place | None = None
        self.play = self.replay([])
        self._enter_decision()

    # ---- the path on screen ------------------------------------------------------------------
    @property
    def path(self) -> list[Decision]:
        """The decisions on screen: the main path, or its first `base` decisions and the detour's."""
        if self.detour is None:
            return self.main
        return self.main[: self.detour.base] + self.detour.decisions

    @property
    def in_detour(self) -> bool:
        return self.detour is not None

    def replay(self, decisions: list[Decision]) -> Playthrough:
        """A play of these decisions from the start, showing options in the session's order."""
        return Playthrough(self.scenario, self._engine(decisions), seed=self.seed)

    def _rebuild(self) -> None:
        self.play = self.replay(self.path)

    def _own_list(self) -> list[Decision]:
        """The list new decisions are appended to."""
        return self.main if self.detour is None else self.detour.decisions

    def _enter_decision(self) -> None:
        """Reset the per-decision state for the node now in play (timer paused at the time allowed)."""
        self.votes = {}
        self.selected = 0
        self.timer_running = False
        seconds = self.play.timer_seconds
        self.timer_left = float(seconds) if seconds is not None else None

    # ---- what the view shows -----------------------------------------------------------------
    @property
    def choices(self) -> list[ChoiceView]:
        return self.play.choices

    @property
    def choices_visible(self) -> bool:
        return self.stage in (CHOICES, CHOSEN, CONSEQUENCES)

    @property
    def consequences_visible(self) -> bool:
        """Meters changes and the coach's feedback are shown only once the facilitator reveals them."""
        return self.stage in (CONSEQUENCES, ENDING, DEBRIEF)

    @property
    def last_step(self) -> Step | None:
        """The decision whose consequences are being shown (stages chosen and consequences)."""
        if self.stage in (CHOSEN, CONSEQUENCES) and self.play.history:
            return self.play.history[-1]
        return None

    @property
    def decision_node(self):
        """The node whose choices are on screen: the current node, or the one just decided at."""
        step = self.last_step
        return self.scenario.nodes.get(step.node) if step else self.play.node

    @property
    def meters_before_step(self) -> dict[str, int]:
        """Meters just before the last decision on screen was taken (the start, before the first)."""
        history = self.play.history
        return dict(history[-2].meters_after) if len(history) > 1 else self.scenario.start_meters()

    @property
    def shown_meters(self) -> dict[str, int]:
        """Meters as the room may see them: before the last decision until its consequences are revealed."""
        if self.stage == CHOSEN:
            return self.meters_before_step
        return dict(self.play.meters)

    @property
    def timer_seconds(self) -> int | None:
        return self.play.timer_seconds

    @property
    def decision_number(self) -> int:
        """1-based number of the decision on screen."""
        return len(self.path) + (0 if self.stage not in (CHOSEN, CONSEQUENCES) else -1) + 1

    def vote_total(self, votes: dict[int, int] | None = None) -> int:
        return sum((self.votes if votes is None else votes).values())

    @property
    def shown_votes(self) -> dict[int, int]:
        """The votes for the decision on screen (kept with the decision once it is taken)."""
        if self.stage in (CHOSEN, CONSEQUENCES) and self.path:
            return dict(self.path[-1].votes)
        return dict(self.votes)

    # ---- votes -------------------------------------------------------------------------------
    def add_vote(self, number: int) -> bool:
        """One more hand for visible option `number`; only while the choices are up for discussion."""
        if self.stage != CHOICES or not 1 <= number <= len(self.choices):
            return False
        self.votes[number] = min(MAX_VOTES, self.votes.get(number, 0) + 1)
        self.selected = self.leader() - 1
        return True

    def clear_votes(self) -> bool:
        if self.stage != CHOICES or not self.votes:
            return False
        self.votes = {}
        return True

    def leader(self) -> int:
        """The option with most hands (the first of a tie); 1 when nobody has voted."""
        if not self.votes:
            return 1
        best = max(self.votes.values())
        return min(n for n, v in self.votes.items() if v == best)

    def select(self, step: int) -> bool:
        """Move the highlighted option (the facilitator's pick) by step, wrapping."""
        if self.stage != CHOICES or not self.choices:
            return False
        self.selected = (self.selected + step) % len(self.choices)
        return True

    # ---- timer -------------------------------------------------------------------------------
    def toggle_timer(self) -> bool:
        if self.stage != CHOICES or self.timer_left is None:
            return False
        self.timer_running = not self.timer_running
        return True

    def tick(self, dt: float) -> bool:
        """Let time pass. Returns True when the timer ran out and the timer's outcome was taken."""
        if not (self.timer_running and self.stage == CHOICES and self.timer_left is not None):
            return False
        self.timer_left = max(0.0, self.timer_left - dt)
        if self.timer_left > 0:
            return False
        self.timer_running = False
        self._take(Decision(TIMEOUT, None, dict(self.votes)))
        return True

    # ---- moving through the scenario ---------------------------------------------------------
    def next(self) -> str:
        """Advance one reveal. Returns the stage now shown, or 'returned' after leaving a detour's ending."""
        if self.stage == INTRO:
            self.stage = ENDING if self.play.ended else TEXT
        elif self.stage == TEXT:
            self.stage = CHOICES if (self.choices or self.timer_left is not None) else TEXT
        elif self.stage == CHOICES:
            if self.choices:
                self.choose(self.selected)
        elif self.stage == CHOSEN:
            self.stage = CONSEQUENCES
        elif self.stage == CONSEQUENCES:
            self.stage = ENDING if self.play.ended else TEXT
        elif self.stage == ENDING:
            if self.detour is not None:
                self.return_to_main()
                return "returned"
            self.stage = DEBRIEF
        return self.stage

    def choose(self, index: int) -> bool:
        """The facilitator's call: take visible choice `index` (0-based) at the decision in discussion."""
        if self.stage != CHOICES or not 0 <= index < len(self.choices):
            return False
        self.selected = index
        self._take(Decision("choice", self.choices[index].source_index, dict(self.votes)))
        return True

    def _take(self, decision: Decision) -> None:
        if decision.kind == TIMEOUT:
            self.play.timeout()
        else:
            numbers = [v.source_index for v in self.choices]
            self.play.choose(numbers.index(decision.source_index))
        self._own_list().append(decision)
        self._enter_decision()  # the next node's votes and timer start fresh
        self.stage = CHOSEN

    def previous(self) -> str:
        """Go back one step. Returns what happened: 'undone', 'rewound', 'returned', 'back' or 'none'."""
        if self.stage == DEBRIEF:
            self.stage = ENDING
            return "back"
        own = self._own_list()
        if self.stage == CHOSEN and own:
            # Not yet revealed: a plain undo, as if the choice had never been made.
            self._undo_last(keep_selection=True)
            return "undone"
        if self.detour is not None:
            if self.detour.decisions:
                self._undo_last(keep_selection=False)
                return "undone"
            self.return_to_main()
            return "returned"
        if self.main:
            self.jump_back(len(self.main) - 1)
            return "rewound"
        if self.stage in (TEXT, CHOICES):
            self.stage = INTRO
            return "back"
        return "none"

    def _undo_last(self, keep_selection: bool) -> None:
        decision = self._own_list().pop()
        self._rebuild()
        self._enter_decision()
        self.votes = dict(decision.votes)
        self.stage = CHOICES
        chosen = next((i for i, v in enumerate(self.choices) if decision.kind == "choice"
                       and v.source_index == decision.source_index), None)
        if chosen is None:
            self.selected = 0
        elif keep_selection:
            self.selected = chosen
        else:
            self.selected = (chosen + 1) % max(1, len(self.choices))

    # ---- persistence -------------------------------------------------------------------------
    def to_json(self) -> dict:
        saved = self._saved_main
        return {
            "scenario": self.scenario.id,
            "version": self.scenario.version,
            "seed": self.seed,
            "main": [d.to_json() for d in self.main],
            "detour": self.detour.to_json() if self.detour else None,
            "stage": self.stage,
            "votes": {str(k): v for k, v in sorted(self.votes.items())},
            "selected": self.selected,
            "timer_left": self.timer_left,
            "saved_main": None if saved is None else {
                "stage": saved.stage, "votes": {str(k): v for k, v in sorted(saved.votes.items())},
                "selected": saved.selected, "timer_left": saved.timer_left},
        }

    @classmethod
    def from_json(cls, scenario: Scenario, data: object) -> ClassSession:
        """Rebuild a session; raises EngineError with a plain message if the data does not fit the scenario."""
        if not isinstance(data, dict) or data.get("scenario") != scenario.id:
            raise EngineError("this saved class session belongs to another scenario")
        raw_main = data.get("main")
        if not isinstance(raw_main, list):
            raise EngineError("saved class session has no main path")
        seed = data.get("seed")
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or abs(seed) > 2**63):
            raise EngineError("saved class session has a seed that is not a whole number")
        session = cls(scenario, seed)
        session.main = [Decision.from_json(d) for d in raw_main]
        raw_detour = data.get("detour")
        if raw_detour is not None:
            if not isinstance(raw_detour, dict) or not isinstance(raw_detour.get("decisions"), list):
                raise EngineError("saved what-if detour is not understood")
            base = raw_detour.get("base")
            if not isinstance(base, int) or isinstance(base, bool) or not 0 <= base <= len(session.main):
                raise EngineError("saved what-if detour starts outside the main path")
            session.detour = Detour(base, [Decision.from_json(d) for d in raw_detour["decisions"]])
            session.replay(session.main)  # the main path must replay too
        session._rebuild()
        session._enter_decision()
        stage = data.get("stage")
        if stage not in STAGES:
            raise EngineError(f"saved stage {stage!r} is not understood")
        session.stage = stage
        session.votes = votes_from_json(data.get("votes"))
        session.selected = _int_in(data.get("selected"), len(session.choices))
        session.timer_left = _timer(data.get("timer_left"), session.timer_left)
        saved = data.get("saved_main")
        if session.detour is not None and isinstance(saved, dict) and saved.get("stage") in STAGES:
            session._saved_main = Place(saved["stage"], votes_from_json(saved.get("votes")),
                                         _int_in(saved.get("selected"), 99), _timer(saved.get("timer_left"), None))
        return session


def _int_in(value: object, limit: int) -> int:
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value < max(1, limit)
    return value if ok else 0  # type: ignore[return-value]


def _timer(value: object, allowed: float | None) -> float | None:
    if allowed is None or not isinstance(value, (int, float)) or isinstance(value, bool):
        return allowed
    return max(0.0, min(float(allowed), float(value)))
