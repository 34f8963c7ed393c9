"""Finished attempts per learner, and the learning records waiting to be sent, in one SQLite file.

The store never raises: a locked, damaged or unwritable database sets `.problem` to a plain sentence and
the store carries on in memory, trying again to save what is pending (attempts, learners, records) at the
next write. A finished attempt and its statements are written in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from .db import DEFAULT_LEARNER, SCHEMA_VERSION, NewerSchema, connect
from .learners import Learner, new_id
from .paths import progress_path
from .rows import bounded_json, plain_int, plain_number

OUTCOME_RANK = {"leaves": 0, "stays": 1, "advocate": 2}
_PREFIX = "Your progress could not be saved: "
_COLUMNS = ("scenario_id, scenario_version, path, meters, ending_id, outcome, lifetime_value, finished_at, "
            "facilitator, learner_id, registration, started_at")
__all__ = ["SCHEMA_VERSION", "Attempt", "ProgressStore", "ScenarioProgress", "summarise"]

def now_iso() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
    from datetime import datetime, timezone  # here: the first frame does not need the module

    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Attempt:
    """One finished play of a scenario."""

    scenario_id: str
    scenario_version: str
    path: list[str]
    meters: dict[str, int]
    ending_id: str
    outcome: str
    lifetime_value: float
    finished_at: str = field(default_factory=now_iso)
    facilitator: bool = False
    learner_id: str = DEFAULT_LEARNER
    registration: str = ""  # the xAPI registration of this attempt
    started_at: str = ""

    def to_json(self) -> dict:
        return {
            "scenario_id": self.scenario_id, "scenario_version": self.scenario_version, "path": list(self.path),
            "meters": dict(self.meters), "ending_id": self.ending_id, "outcome": self.outcome,
            "lifetime_value": self.lifetime_value, "finished_at": self.finished_at, "facilitator": self.facilitator,
            "learner_id": self.learner_id, "registration": self.registration, "started_at": self.started_at,
        }

    def row(self) -> tuple:
        return (self.scenario_id, self.scenario_version, json.dumps(list(self.path)), json.dumps(dict(self.meters)),
                self.ending_id, self.outcome, float(self.lifetime_value), self.finished_at, int(self.facilitator),
                self.learner_id, self.registration, self.started_at)


@dataclass
class ScenarioProgress:
    """What the select screen shows for one scenario."""

    scenario_id: str
    attempts: int = 0
    best_outcome: str | None = None
    best_value: float | None = None
    endings_found: set[str] = field(default_factory=set)
    last_played: str | None = None


def summarise(scenario_id: str, attempts: Iterable[Attempt]) -> ScenarioProgress:
    """Count attempts, best outcome (leaves < stays < advocate), best value and endings found."""
    result = ScenarioProgress(scenario_id)
    for a in attempts:
        if a.scenario_id != scenario_id:
            continue
        result.attempts += 1
        result.endings_found.add(a.ending_id)
        rank = OUTCOME_RANK.get(a.outcome, -1)
        if rank >= 0 and (result.best_outcome is None or rank > OUTCOME_RANK[result.best_outcome]):
            result.best_outcome = a.outcome
        if result.best_value is None or a.lifetime_value > result.best_value:
            result.best_value = a.lifetime_value
        if result.last_played is None or a.finished_at > result.last_played:
            result.last_played = a.finished_at
    return result


def _row_to_attempt(row: tuple) -> Attempt | None:
    """One stored attempt, or None when any value is damaged (bounded JSON, finite numbers, right types)."""
    try:
        sid, version, path, meters, ending, outcome, value, finished, facilitator, learner, reg, started = row
    except (TypeError, ValueError):
        return None
    steps, gauges, net = bounded_json(path), bounded_json(meters), plain_number(value)
    if not isinstance(steps, list) or not isinstance(gauges, dict) or net is None or len(steps) > 10_000:
        return None
    if not all(isinstance(s, str) and len(s) <= 100 for s in steps):
        return None
    clean = {str(k): plain_int(v, 1_000_000) for k, v in gauges.items()}
    texts = (sid, version, ending, outcome, finished, learner, reg, started)
    if None in clean.values() or not all(isinstance(t, str) and len(t) <= 200 for t in texts):
        return None
    if plain_int(facilitator) is None:
        return None
    return Attempt(sid, version, steps, clean, ending, outcome, net, finished, bool(facilitator), learner, reg,
                   started)


def _describe(exc: BaseException, where: Path) -> str:
    """A plain sentence for a database or file-system failure."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return _PREFIX + "the progress file is in use by another program. This session's results are kept until " \
                         "you close the game."
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return _PREFIX + f"the progress file {where} is damaged. It has been left as it is; this session's " \
                         "results are kept until you close the game."
    if "newer" in text:
        return _PREFIX + "the progress file was made by a newer version of the game. This session's results are " \
                         "kept until you close the game."
    return _PREFIX + f"the folder {where.parent} cannot be written to ({exc}). This session's results are kept " \
                     "until you close the game."


class ProgressStore:
    """Attempts and learners on disk in SQLite, mirrored in memory; problems go to `.problem`, never raised.

    Statements (learning records) handed to `record` or `enqueue` go to the outbox table in the same
    transaction; while the file cannot be written they wait in memory with the attempts.
    """

    def __init__(self, path: Path | None = None, *, in_memory: bool = False) -> None:
        """Open the store at path (default: the data folder); in_memory=True never touches the disk."""
        self.problem: str | None = None
        self._attempts: list[Attempt] = []
        self._pending: list[Attempt] = []
        self._statements: list[tuple[str, str, str]] = []  # (id, registration, JSON) not yet on disk
        self._learners: dict[str, Learner] = {}
        self._learners_pending: dict[str, Learner] = {}
        self._last: str | None = None
        self._damaged = False
        self._loaded = False
        self.in_memory = in_memory
        if in_memory:
            self.path = Path(":memory:")
            return
        try:
            self.path = Path(path) if path is not None else progress_path()
        except Exception as exc:  # a bad data-folder setting must not stop the game
            self.path = Path("progress.sqlite3")
            self._damaged = True
            self.problem = _PREFIX + f"no folder for it could be found ({exc})."
            return
        self._load()

    # ---- reading ----------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        return connect(self.path)

    def _load(self) -> None:
        try:
            with closing(self._connect()) as conn:
                rows = conn.execute(f"SELECT {_COLUMNS} FROM attempts ORDER BY id").fetchall()
                people = conn.execute("SELECT id, name, email, account FROM learners ORDER BY created_at, id")
                learners = [Learner(*(str(v)[:200] for v in r)) for r in people.fetchall()]
                last = conn.execute("SELECT value FROM meta WHERE key = 'last_learner'").fetchone()
            stored = [a for a in (_row_to_attempt(r) for r in rows) if a is not None]
            self._attempts = stored + self._pending
            self._learners = {p.id: p for p in learners} | self._learners_pending
            if self._last is None and last is not None:
                self._last = str(last[0])
            self._loaded = True
        except (sqlite3.Error, OSError, NewerSchema) as exc:
            self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        self.problem = _describe(exc, self.path)
        text = str(exc).lower()
        if isinstance(exc, NewerSchema) or "not a database" in text or "malformed" in text:
            self._damaged = True

    def reload(self) -> None:
        """Read the file again (keeps unsaved attempts)."""
        if self.in_memory:
            return
        self.problem = None
        self._damaged = False
        self._load()

    # ---- writing ----------------------------------------------------------------------------------
    def _flush(self) -> bool:
        """Write everything pending in one transaction; True when it reached the disk."""
        if self.in_memory:
            self._pending.clear()
            self._statements.clear()
            self._learners_pending.clear()
            return True
        if self._damaged:
            return False
        try:
            with closing(self._connect()) as conn, conn:
                conn.executemany("INSERT OR REPLACE INTO learners (id, name, email, account, created_at) "
                                 "VALUES (?, ?, ?, ?, COALESCE((SELECT created_at FROM learners WHERE id = ?), ?))",
                                 [(p.id, p.name, p.email, p.account, p.id, now_iso())
                                  for p in self._learners_pending.values()])
                if self._last is not None:
                    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_learner', ?)", (self._last,))
                conn.executemany(f"INSERT INTO attempts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 [a.row() for a in self._pending])
                conn.executemany("INSERT OR IGNORE INTO outbox (id, registration, body, created_at) "
                                 "VALUES (?, ?, ?, ?)", [(*s, now_iso()) for s in self._statements])
        except (sqlite3.Error, OSError, NewerSchema) as exc:
            self._fail(exc)
            return False
        self._pending.clear()
        self._statements.clear()
        self._learners_pending.clear()
        self.problem = None
        if not self._loaded:
            self._load()
        return True

    def record(self, attempt: Attempt, statements: Iterable[dict] = ()) -> bool:
        """Remember a finished attempt and its statements; True when they (and anything pending) reached the disk."""
        self._attempts.append(attempt)
        self._pending.append(attempt)
        self._queue(statements)
        return self._flush()

    def enqueue(self, statements: Iterable[dict]) -> bool:
        """Put statements in the outbox; True when they (and anything pending) reached the disk."""
        self._queue(statements)
        return self._flush()

    def _queue(self, statements: Iterable[dict]) -> None:
        for st in statements:
            registration = str(st.get("context", {}).get("registration", ""))
            self._statements.append((str(st["id"]), registration, json.dumps(st, sort_keys=True)))

    @property
    def waiting_statements(self) -> int:
        """Statements this session made that are not on disk yet."""
        return len(self._statements)

    # ---- learners ---------------------------------------------------------------------------------
    def learners(self) -> list[Learner]:
        return list(self._learners.values())

    def learner(self, learner_id: str) -> Learner | None:
        return self._learners.get(learner_id)

    @property
    def current(self) -> Learner | None:
        """The learner last chosen (or the only one), None before anyone has been named."""
        if self._last in self._learners:
            return self._learners[self._last]
        return next(iter(self._learners.values()), None)

    @property
    def learner_id(self) -> str:
        current = self.current
        return current.id if current else DEFAULT_LEARNER

    def save_learner(self, name: str, email: str = "", account: str = "", learner_id: str | None = None) -> Learner:
        """Add a learner (or change one, by id), make them the current learner, and save."""
        person = Learner(learner_id or new_id(), name, email, account)
        self._learners[person.id] = person
        self._learners_pending[person.id] = person
        self._last = person.id
        self._flush()
        return person

    def choose_learner(self, learner_id: str) -> None:
        """Make an existing learner the current one (remembered for next time)."""
        if learner_id in self._learners:
            self._last = learner_id
            self._flush()

    def find_learner(self, name: str, email: str = "", account: str = "") -> Learner | None:
        """The learner with this e-mail or account (or, without either, this name), if there is one."""
        for p in self._learners.values():
            if (email and p.email.lower() == email.lower()) or (account and p.account == account):
                return p
        if not email and not account:
            return next((p for p in self._learners.values() if p.name == name and not p.email and not p.account),
                        None)
        return None

    # ---- queries ----------------------------------------------------------------------------------
    def attempts(self, scenario_id: str, learner_id: str | None = None) -> list[Attempt]:
        """Every attempt at a scenario by one learner (default: the current one), oldest first."""
        who = self.learner_id if learner_id is None else learner_id
        return [a for a in self._attempts if a.scenario_id == scenario_id and a.learner_id == who]

    def all_attempts(self) -> list[Attempt]:
        """Every attempt by every learner, oldest first."""
        return list(self._attempts)

    def summary(self, scenario_id: str, include_facilitator: bool = True) -> ScenarioProgress:
        """The current learner's attempts, best outcome and value, and endings found for one scenario."""
        chosen = (a for a in self.attempts(scenario_id) if include_facilitator or not a.facilitator)
        return summarise(scenario_id, chosen)

    def summaries(self, include_facilitator: bool = True) -> dict[str, ScenarioProgress]:
        """summary() for every scenario the current learner has attempted."""
        who = self.learner_id
        ids = dict.fromkeys(a.scenario_id for a in self._attempts if a.learner_id == who)
        return {sid: self.summary(sid, include_facilitator) for sid in ids}

    @property
    def unsaved(self) -> int:
        """How many attempts are only in memory."""
        return len(self._pending)
