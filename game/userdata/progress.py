"""Finished attempts, kept in a SQLite file so the select screen can show each scenario's progress.

The store never raises: a locked, damaged or unwritable database sets `.problem` to a plain sentence and
the store carries on in memory, trying again to save what is pending at the next `record`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .paths import progress_path

SCHEMA_VERSION = 1
OUTCOME_RANK = {"leaves": 0, "stays": 1, "advocate": 2}
_LOCK_TIMEOUT_S = 0.25
_PREFIX = "Your progress could not be saved: "

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scenario_id TEXT NOT NULL,
    scenario_version TEXT NOT NULL,
    path TEXT NOT NULL,
    meters TEXT NOT NULL,
    ending_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    lifetime_value REAL NOT NULL,
    finished_at TEXT NOT NULL,
    facilitator INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS attempts_by_scenario ON attempts (scenario_id);
"""


def now_iso() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
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

    def to_json(self) -> dict:
        return {
            "scenario_id": self.scenario_id, "scenario_version": self.scenario_version, "path": list(self.path),
            "meters": dict(self.meters), "ending_id": self.ending_id, "outcome": self.outcome,
            "lifetime_value": self.lifetime_value, "finished_at": self.finished_at, "facilitator": self.facilitator,
        }


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
    try:
        sid, version, path, meters, ending, outcome, value, finished, facilitator = row
        steps = json.loads(path)
        gauges = json.loads(meters)
        if not isinstance(steps, list) or not isinstance(gauges, dict):
            return None
        return Attempt(str(sid), str(version), [str(s) for s in steps],
                       {str(k): int(v) for k, v in gauges.items()}, str(ending), str(outcome), float(value),
                       str(finished), bool(facilitator))
    except (TypeError, ValueError):
        return None


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


class _NewerSchema(Exception):
    pass


class ProgressStore:
    """Attempts on disk in SQLite, mirrored in memory; problems are reported in `.problem`, never raised."""

    def __init__(self, path: Path | None = None, *, in_memory: bool = False) -> None:
        """Open the store at path (default: the data folder); in_memory=True never touches the disk."""
        self.problem: str | None = None
        self._attempts: list[Attempt] = []
        self._pending: list[Attempt] = []
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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=_LOCK_TIMEOUT_S)
        try:
            self._ensure_schema(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _ensure_schema(conn: sqlite3.Connection) -> None:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
        if has_table:
            row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
            version = row[0] if row and row[0] is not None else 0
            if version > SCHEMA_VERSION:
                raise _NewerSchema("newer schema")
            if version == SCHEMA_VERSION:
                return
        with conn:
            conn.executescript(_SCHEMA)
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))

    def _load(self) -> None:
        try:
            with closing(self._connect()) as conn:
                rows = conn.execute(
                    "SELECT scenario_id, scenario_version, path, meters, ending_id, outcome, lifetime_value, "
                    "finished_at, facilitator FROM attempts ORDER BY id").fetchall()
            stored = [a for a in (_row_to_attempt(r) for r in rows) if a is not None]
            self._attempts = stored + self._pending
            self._loaded = True
        except (sqlite3.Error, OSError, _NewerSchema) as exc:
            self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        self.problem = _describe(exc, self.path)
        text = str(exc).lower()
        if isinstance(exc, _NewerSchema) or "not a database" in text or "malformed" in text:
            self._damaged = True

    def reload(self) -> None:
        """Read the file again (keeps unsaved attempts)."""
        if self.in_memory:
            return
        self.problem = None
        self._damaged = False
        self._load()

    # ---- writing ----------------------------------------------------------------------------------
    def record(self, attempt: Attempt) -> bool:
        """Remember a finished attempt; True when it (and anything pending) reached the disk."""
        self._attempts.append(attempt)
        if self.in_memory:
            return True
        self._pending.append(attempt)
        if self._damaged:
            return False
        try:
            with closing(self._connect()) as conn, conn:
                conn.executemany(
                    "INSERT INTO attempts (scenario_id, scenario_version, path, meters, ending_id, outcome, "
                    "lifetime_value, finished_at, facilitator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(a.scenario_id, a.scenario_version, json.dumps(list(a.path)), json.dumps(dict(a.meters)),
                      a.ending_id, a.outcome, float(a.lifetime_value), a.finished_at, int(a.facilitator))
                     for a in self._pending])
        except (sqlite3.Error, OSError, _NewerSchema) as exc:
            self._fail(exc)
            return False
        self._pending.clear()
        self.problem = None
        if not self._loaded:
            self._load()
        return True

    # ---- queries ----------------------------------------------------------------------------------
    def attempts(self, scenario_id: str) -> list[Attempt]:
        """Every attempt at a scenario, oldest first."""
        return [a for a in self._attempts if a.scenario_id == scenario_id]

    def summary(self, scenario_id: str, include_facilitator: bool = True) -> ScenarioProgress:
        """Attempts, best outcome and value, and endings found for one scenario."""
        chosen = (a for a in self._attempts if include_facilitator or not a.facilitator)
        return summarise(scenario_id, chosen)

    def summaries(self, include_facilitator: bool = True) -> dict[str, ScenarioProgress]:
        """summary() for every scenario that has attempts."""
        ids = dict.fromkeys(a.scenario_id for a in self._attempts)
        return {sid: self.summary(sid, include_facilitator) for sid in ids}

    @property
    def unsaved(self) -> int:
        """How many attempts are only in memory."""
        return len(self._pending)
