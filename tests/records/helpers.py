"""Shared helpers for the records tests: scenarios, a recorded play, the statements in the outbox."""

from __future__ import annotations

from game.engine import load_file
from game.records.config import LrsConfig
from game.records.outbox import Outbox
from game.records.recorder import PlayRecorder
from game.userdata.progress import ProgressStore
from tests.conftest import SCENARIOS

EXPIRED_BEST = "1,1,1,1,1,1,1,1,1"


def scenario(name: str = "expired_return"):
    return load_file(SCENARIOS / f"{name}.yaml").scenario


def record_play(choices: list[str], name: str = "expired_return", learner=("Ana Silva", "ana@example.org", ""),
                config: LrsConfig | None = None, store: ProgressStore | None = None):
    """Play through a PlayRecorder ('timeout', 'back' or a number per step, until an ending); returns
    (recorder, statements)."""
    store = store or ProgressStore()
    person = store.find_learner(*learner) or store.save_learner(*learner)
    rec = PlayRecorder.start(store, person, scenario(name), config or LrsConfig())
    for c in choices:
        if rec.play.ended:
            break
        if c == "timeout":
            rec.timeout()
        elif c == "back":
            rec.rollback()
        else:
            rec.choose(int(c) - 1)
    if rec.play.ended:
        rec.finish()
    return rec, Outbox(store.path).statements()
