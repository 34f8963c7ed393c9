"""What the game holds on to for learning records: the LRS settings, the background sender, and new attempts.

The play screen asks it for a PlayRecorder per attempt (a fresh one, or one continuing a saved play); the
settings screen asks it for the LRS state in words. No pygame here.
"""

from __future__ import annotations

from pathlib import Path

from ..engine import EngineError, Playthrough, Scenario
from ..userdata.db import DEFAULT_LEARNER
from ..userdata.learners import Learner
from ..userdata.progress import ProgressStore
from ..userdata.saves import SavedPlay, read_save, remove_save
from .config import LrsConfig, load_config
from .outbox import Outbox
from .recorder import PlayRecorder
from .sender import Sender


class RecordsService:
    def __init__(self, store: ProgressStore, config: LrsConfig | None = None, saves: Path | None = None,
                 send: bool = True) -> None:
        self.store = store
        problem = None
        if config is None:
            config, problem = load_config()
        self.config = config
        self.problem = problem
        self.saves = saves
        self.asked_name = False  # the first-start question is asked once per session
        self.sender: Sender | None = None
        if send and config.enabled and not store.in_memory:
            self.sender = Sender(Outbox(store.path), config)
            self.sender.start()

    def learner(self) -> Learner:
        """The current learner; before anyone has given a name, the default (unnamed) learner."""
        current = self.store.current
        if current is not None:
            return current
        return self.store.save_learner("", learner_id=DEFAULT_LEARNER)

    def _wake(self) -> None:
        if self.sender is not None:
            self.sender.notify()

    def begin(self, scenario: Scenario, facilitator: bool = False, play: Playthrough | None = None) -> PlayRecorder:
        """A new attempt (any saved play of this scenario by this learner is replaced); `play` is the fresh
        play to record (e.g. one with a shuffle seed), by default a new one in file order."""
        return PlayRecorder.start(self.store, self.learner(), scenario, self.config, saves=self.saves,
                                  facilitator=facilitator, on_record=self._wake, play=play)

    def saved(self, scenario: Scenario) -> SavedPlay | None:
        """The current learner's saved play of this scenario, if one can be continued."""
        current = self.store.current
        saved = read_save(current.id, scenario.id, self.saves) if current is not None else None
        if saved is None:
            return None
        try:
            finished = Playthrough.restore(scenario, saved.play).play.ended
        except EngineError:
            return None
        if finished:  # the game stopped between recording the ending and removing the save: nothing to continue
            remove_save(saved.learner_id, scenario.id, self.saves)
            return None
        return saved

    def resume(self, scenario: Scenario, saved: SavedPlay) -> tuple[PlayRecorder, str | None]:
        return PlayRecorder.resume(self.store, self.learner(), scenario, self.config, saved, saves=self.saves,
                                   on_record=self._wake)

    def forget(self, scenario: Scenario) -> None:
        """Drop the current learner's saved play of this scenario (they chose to start again)."""
        current = self.store.current
        if current is not None:
            remove_save(current.id, scenario.id, self.saves)

    def status_words(self) -> str:
        """The LRS state for the settings screen, e.g. '12 records waiting to be sent. Last problem: ...'."""
        if self.store.in_memory or self.store.problem:
            return "Learning records are kept in memory for now: " + (self.store.problem or "no progress file.")
        try:
            status = Outbox(self.store.path).status()
        except Exception as exc:  # a locked or damaged file: say so rather than fail the settings screen
            return f"The learning records could not be read just now ({type(exc).__name__})."
        return status.words(self.config.shown_endpoint)

    def stop(self) -> None:
        if self.sender is not None:
            self.sender.stop()
