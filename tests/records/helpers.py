"""Shared helpers for the records tests: scenarios, a recorded play, the statements in the outbox."""

from __future__ import annotations

import json
from pathlib import Path

from game.engine import load_file
from game.records.config import LrsConfig
from game.records.outbox import Outbox
from game.records.recorder import PlayRecorder
from game.userdata.progress import ProgressStore
from tests.conftest import SCENARIOS

_GOLDEN = Path(__file__).resolve().parent.parent / "scenarios" / "golden"


def golden(kind: str, name: str = "expired_return") -> dict:
    """The pinned `run --json` of a scenario's best or worst path (tests/scenarios/golden checks it is current)."""
    return json.loads((_GOLDEN / f"{name}_{kind}.json").read_text(encoding="utf-8"))


EXPIRED_BEST_RUN = golden("best")
EXPIRED_BEST_CHOICES: list[str] = EXPIRED_BEST_RUN["choices"]
EXPIRED_BEST = ",".join(EXPIRED_BEST_CHOICES)
EXPIRED_WORST_RUN = golden("worst")
EXPIRED_WORST = ",".join(EXPIRED_WORST_RUN["choices"])


def statement_count(run: dict) -> int:
    """initialized, attempted, one answered per decision, completed."""
    return 2 + len(run["choices"]) + 1


EXPIRED_BEST_STATEMENTS = statement_count(EXPIRED_BEST_RUN)


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
