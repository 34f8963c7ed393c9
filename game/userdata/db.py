"""The progress database's schema and its migrations: attempts per learner, learners, and the records outbox.

Version 1 had one table of attempts with no learner. Version 2 adds learners (today's rows belong to the
default learner), the attempt's registration and start time, a small key/value table, and the outbox of
learning records waiting to be sent (game/records/outbox.py).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 2
DEFAULT_LEARNER = "default"
LOCK_TIMEOUT_S = 0.25

_V1 = """
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

_V2_TABLES = """
CREATE TABLE IF NOT EXISTS learners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    account TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    registration TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    tries INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS outbox_waiting ON outbox (sent_at, seq);
"""

_V2_COLUMNS = (
    ("learner_id", f"TEXT NOT NULL DEFAULT '{DEFAULT_LEARNER}'"),
    ("registration", "TEXT NOT NULL DEFAULT ''"),
    ("started_at", "TEXT NOT NULL DEFAULT ''"),
)


class NewerSchema(Exception):
    """The database was written by a newer version of the game."""


def connect(path: Path) -> sqlite3.Connection:
    """Open the database (creating its folder), bringing the schema up to date; raises sqlite3/OS errors."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=LOCK_TIMEOUT_S)
    try:
        ensure_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create or migrate the tables, in one transaction per step; leave a newer database alone."""
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
    version = 0
    if has_table:
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        version = row[0] if row and row[0] is not None else 0
        if version > SCHEMA_VERSION:
            raise NewerSchema("newer schema")
        if version == SCHEMA_VERSION:
            return
    with conn:
        conn.executescript("BEGIN;" + _V1 + _V2_TABLES)
        columns = {r[1] for r in conn.execute("PRAGMA table_info(attempts)")}
        for name, kind in _V2_COLUMNS:
            if name not in columns:
                conn.execute(f"ALTER TABLE attempts ADD COLUMN {name} {kind}")
        conn.execute("CREATE INDEX IF NOT EXISTS attempts_by_learner ON attempts (learner_id, scenario_id)")
        if conn.execute("SELECT 1 FROM attempts LIMIT 1").fetchone():
            # Rows from before learners existed belong to the default learner, who is asked for a name later.
            conn.execute("INSERT OR IGNORE INTO learners (id, name, created_at) VALUES (?, '', datetime('now'))",
                         (DEFAULT_LEARNER,))
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
