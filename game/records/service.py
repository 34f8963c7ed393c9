"""What the game holds on to for learning records: the LRS settings, the background sender, and new attempts.

The play screen asks it for a PlayRecorder per attempt (a fresh one, or one continuing a saved play); the
settings screen asks it for the LRS state in words. No pygame here.

The engine, the recorder and the sender (with its network modules) are imported when first used: the game
builds this service before its first frame, which needs none of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..userdata.db import DEFAULT_LEARNER
from .config import LrsConfig, load_config

if TYPE_CHECKING:
    from ..engine import Playthrough, Scenario
    from ..userdata.learners import Learner
    from ..userdata.progress import ProgressStore
    from ..userdata.saves import SavedPlay
    from .recorder import PlayRecorder
    from .sender import Sender


class RecordsService:
    def __init__(self, store: ProgressStore, config: LrsConfig | None = None, saves: Path | None = None,
                 send: bool = True, defer_sending: bool = False) -> None:
        """`defer_sending`: the background sender starts when start_sending() is called (the game calls it
        once its first frame is on screen), not here."""
        self.store = store
        problem = None
        if config is None:
            config, problem = load_config()
        self.config = config
        self.problem = problem
        self.saves = saves
        self.asked_name = False  # the first-start question is asked once per session
        self.sender: Sender | None = None
        self._send = send
        if not defer_sending:
            self.start_sending()

    def start_sending(self) -> None:
        """Start the background sender (once) when an LRS is set up and the store is on disk."""
        if self.sender is not None or not (self._send and self.config.enabled and not self.store.in_memory):
            return
        from .outbox import Outbox
        from .sender import Sender

        self.sender = Sender(Outbox(self.store.path), self.config)
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
        from .recorder import PlayRecorder

        return PlayRecorder.start(self.store, self.learner(), scenario, self.config, saves=self.saves,
                                  facilitator=facilitator, on_record=self._wake, play=play)

    def saved(self, scenario: Scenario) -> SavedPlay | None:
        """The current learner's saved play of this scenario, if one can be continued."""
        from ..engine import EngineError, Playthrough
        from ..userdata.saves import read_save, remove_save

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
        from .recorder import PlayRecorder

        return PlayRecorder.resume(self.store, self.learner(), scenario, self.config, saved, saves=self.saves,
                                   on_record=self._wake)

    def forget(self, scenario: Scenario) -> None:
        """Drop the current learner's saved play of this scenario (they chose to start again)."""
        from ..userdata.saves import remove_save

        current = self.store.current
        if current is not None:
            remove_save(current.id, scenario.id, self.saves)

    def status_words(self) -> str:
        """The LRS state for the settings screen, e.g. '12 records waiting to be sent. Last problem: ...'."""
        if self.store.in_memory or self.store.problem:
            return "Learning records are kept in memory for now: " + (self.store.problem or "no progress file.")
        from .outbox import Outbox

        try:
            status = Outbox(self.store.path).status()
        except Exception as exc:  # a locked or damaged file: say so rather than fail the settings screen
            return f"The learning records could not be read just now ({type(exc).__name__})."
        return status.words(self.config.shown_endpoint)

    def stop(self) -> None:
        if self.sender is not None:
            self.sender.stop()
