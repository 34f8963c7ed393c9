"""One attempt, recorded: statements to the outbox, the play saved after each decision, the attempt at the end.

The game's play screen and the headless `run --record` both play through a PlayRecorder, so a scripted
demo records exactly what a learner at the keyboard would.

    rec = PlayRecorder.start(store, learner, scenario, config)
    rec.choose(0); rec.timeout(); rec.rollback(); ...   # each writes its statement and the save
    rec.finish()                                         # at the ending: attempt + `completed`, one transaction
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..engine import EngineError, Playthrough, Scenario, Step
from ..userdata.learners import Learner
from ..userdata.progress import Attempt, ProgressStore, now_iso
from ..userdata.saves import SavedPlay, read_save, remove_save, write_save
from .config import LrsConfig
from .statements import StatementBuilder, agent, new_registration


@dataclass
class PlayRecorder:
    store: ProgressStore
    learner: Learner
    play: Playthrough
    builder: StatementBuilder
    started_at: str
    saves: Path | None = None  # folder of saves (None: the data folder's)
    facilitator: bool = False
    elapsed: float = 0.0
    journal: list[dict] = field(default_factory=list)
    open_steps: list[str] = field(default_factory=list)  # statement id of each decision in play.history
    on_record: Callable[[], None] | None = None  # e.g. wake the sender
    clock: Callable[[], float] = time.monotonic
    problem: str | None = None
    _since: float = 0.0

    # ---- beginning ---------------------------------------------------------------------------
    @classmethod
    def _make(cls, store: ProgressStore, learner: Learner, scenario: Scenario, config: LrsConfig,
              registration: str, **kw) -> PlayRecorder:
        builder = StatementBuilder(scenario, agent(learner, config.base_iri, config.account_home or None),
                                   registration, config.base_iri)
        rec = cls(store, learner, kw.pop("play", None) or Playthrough(scenario), builder,
                  kw.pop("started_at", None) or now_iso(), **kw)
        rec._since = rec.clock()
        return rec

    @classmethod
    def start(cls, store: ProgressStore, learner: Learner, scenario: Scenario, config: LrsConfig,
              **kw) -> PlayRecorder:
        """A new attempt: `initialized` and `attempted`, and a save to continue from."""
        rec = cls._make(store, learner, scenario, config, new_registration(), **kw)
        rec._record(rec.builder.started())
        rec._save()
        return rec

    @classmethod
    def resume(cls, store: ProgressStore, learner: Learner, scenario: Scenario, config: LrsConfig,
               saved: SavedPlay, **kw) -> tuple[PlayRecorder, str | None]:
        """Continue a saved attempt as far as it still applies: `resumed`; returns a sentence if it stopped early."""
        restored = Playthrough.restore(scenario, saved.play)
        rec = cls._make(store, learner, scenario, config, saved.registration, play=restored.play,
                        started_at=saved.started_at, elapsed=saved.elapsed, journal=list(saved.journal), **kw)
        answered = [j.get("statement", "") for j in saved.journal if j.get("event") in ("answered", "timed_out")
                    and not j.get("taken_back")]
        rec.open_steps = [str(a) for a in answered[: restored.replayed]]
        note = None
        if restored.stopped:
            note = (f"This scenario has changed since you saved: your play continues after decision "
                    f"{restored.replayed} of {restored.saved}.")
        st = rec.builder.resumed(restored.replayed, restored.stopped)
        rec.journal.append({"event": "resumed", "at": st["timestamp"], "statement": st["id"],
                            "replayed": restored.replayed})
        rec._record([st])
        rec._save()
        return rec, note

    # ---- decisions ---------------------------------------------------------------------------
    def choose(self, index: int, votes: Mapping[str, int] | None = None) -> Step:
        """Take the index-th visible choice (0-based), recording `answered`."""
        activity = self.builder.node_activity(self.play) if self.play.node else None
        step = self.play.choose(index)
        return self._decided(activity, step, votes)

    def choose_id(self, choice_id: str) -> Step:
        activity = self.builder.node_activity(self.play) if self.play.node else None
        step = self.play.choose_id(choice_id)
        return self._decided(activity, step, None)

    def timeout(self) -> Step:
        """Let the timer run out, recording `timed out`."""
        activity = self.builder.node_activity(self.play) if self.play.node else None
        step = self.play.timeout()
        return self._decided(activity, step, None)

    def _decided(self, activity: dict | None, step: Step, votes: Mapping[str, int] | None) -> Step:
        assert activity is not None
        st = self.builder.decided(activity, step, votes=votes)
        self.open_steps.append(st["id"])
        self.journal.append({"event": "answered" if step.kind == "choice" else "timed_out", "node": step.node,
                             "choice": step.choice_id, "at": st["timestamp"], "statement": st["id"]})
        self._record([st])
        self._save()
        return step

    @property
    def can_roll_back(self) -> bool:
        return self.play.scenario.rollback and not self.facilitator and self.play.can_undo

    def rollback(self) -> Step:
        """Take back the last decision (refused with EngineError when the scenario or mode forbids it)."""
        if not self.play.scenario.rollback:
            raise EngineError("this scenario is assessed: decisions cannot be taken back")
        if self.facilitator:
            raise EngineError("a class's decisions are taken back with the facilitator's keys")
        if not self.play.can_undo:
            raise EngineError("there is no decision to take back")
        step = self.play.history[-1]
        self.play.undo()
        answered = self.open_steps.pop() if self.open_steps else None
        st = self.builder.rolled_back(self.builder.node_activity(self.play), step, self.play.meters, answered)
        for entry in reversed(self.journal):
            if entry.get("statement") == answered:
                entry["taken_back"] = True
                break
        self.journal.append({"event": "rolled_back", "node": step.node, "choice": step.choice_id,
                             "at": st["timestamp"], "statement": st["id"], "undoes": answered})
        self._record([st])
        self._save()
        return step

    # ---- the end -----------------------------------------------------------------------------
    def seconds(self) -> float:
        return self.elapsed + max(0.0, self.clock() - self._since)

    def finish(self) -> str | None:
        """At the ending: the attempt and `completed` in one transaction; the save is removed. A sentence on trouble."""
        ending = self.play.ending
        if ending is None:
            return None
        value = self.play.lifetime_value()
        st = self.builder.completed(self.play, self.seconds(), datetime.now(timezone.utc))
        attempt = Attempt(self.play.scenario.id, self.play.scenario.version, self.play.choice_ids,
                          dict(self.play.meters), ending.id, ending.outcome, value.net if value else 0.0,
                          facilitator=self.facilitator, learner_id=self.learner.id,
                          registration=self.builder.registration, started_at=self.started_at)
        self.journal.append({"event": "completed", "at": st["timestamp"], "statement": st["id"]})
        self.store.record(attempt, [st])
        remove_save(self.learner.id, self.play.scenario.id, self.saves)
        self._woke()
        return self.store.problem

    # ---- plumbing ----------------------------------------------------------------------------
    def _record(self, statements: list[dict]) -> None:
        self.store.enqueue(statements)
        self._woke()

    def _woke(self) -> None:
        if self.on_record is not None:
            self.on_record()

    def _save(self) -> None:
        s = self.play.scenario
        save = SavedPlay(s.id, s.version, self.learner.id, self.builder.registration, self.started_at,
                         self.play.to_json(), self.seconds(), self.journal)
        self.problem = write_save(save, self.saves)


def saved_play(learner: Learner, scenario: Scenario, folder: Path | None = None) -> SavedPlay | None:
    """The learner's play of this scenario in progress, if there is one."""
    return read_save(learner.id, scenario.id, folder)
