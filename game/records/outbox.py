"""The outbox: statements in the progress database until an LRS has acknowledged them.

Rows are written by the ProgressStore (with the attempt they belong to); this module reads the waiting ones
in order, marks them sent or refused, and keeps the sender's last error in words for the settings screen
and `records status`. Every call opens its own short connection, so the sender thread never shares one.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ..userdata.db import connect
from ..userdata.progress import now_iso
from ..userdata.rows import bounded_json

REFUSED = "refused:"  # sent_at prefix of statements the LRS rejected for good (kept, never resent)
_BUSY_S = 5.0


@dataclass(frozen=True)
class OutboxStatus:
    waiting: int
    sent: int
    refused: int
    last_error: str
    last_sent_at: str

    def words(self, endpoint: str) -> str:
        """One plain line for the settings screen."""
        if not endpoint:
            where = "No learning record store is set up, so records stay on this computer"
            return f"{where} ({self.waiting} kept)." if self.waiting else where + "."
        if self.waiting == 0:
            head = "All records sent" + (f" (last at {self.last_sent_at[11:16]} UTC)" if self.last_sent_at else "")
        else:
            head = f"{self.waiting} record{'s' if self.waiting != 1 else ''} waiting to be sent"
        tail = f". Last problem: {self.last_error}" if self.last_error and self.waiting else ""
        refused = f". {self.refused} refused by the LRS" if self.refused else ""
        return head + refused + tail + "."


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        conn = connect(self.path)
        conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_S * 1000)}")
        return conn

    def waiting(self, limit: int = 50) -> list[tuple[str, str]]:
        """(id, JSON) of the oldest statements not yet acknowledged."""
        with closing(self._connect()) as conn:
            rows = conn.execute("SELECT id, body FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?",
                                (limit,)).fetchall()
        return [(str(i), str(b)) for i, b in rows]

    def mark_sent(self, ids: list[str], refused: str = "") -> None:
        stamp = REFUSED + refused[:200] if refused else now_iso()
        with closing(self._connect()) as conn, conn:
            conn.executemany("UPDATE outbox SET sent_at = ?, tries = tries + 1 WHERE id = ? AND sent_at IS NULL",
                             [(stamp, i) for i in ids])
            if not refused:
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('lrs_last_sent', ?)", (stamp,))
                conn.execute("DELETE FROM meta WHERE key = 'lrs_last_error'")

    def note_error(self, ids: list[str], words: str) -> None:
        with closing(self._connect()) as conn, conn:
            conn.executemany("UPDATE outbox SET tries = tries + 1 WHERE id = ?", [(i,) for i in ids])
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('lrs_last_error', ?)", (words[:300],))

    def status(self) -> OutboxStatus:
        with closing(self._connect()) as conn:
            waiting, sent, refused = conn.execute(
                "SELECT COALESCE(SUM(sent_at IS NULL), 0), COALESCE(SUM(sent_at NOT LIKE 'refused:%'), 0), "
                "COALESCE(SUM(sent_at LIKE 'refused:%'), 0) FROM outbox").fetchone()
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key LIKE 'lrs_%'").fetchall())
        return OutboxStatus(int(waiting), int(sent), int(refused), str(meta.get("lrs_last_error", "")),
                            str(meta.get("lrs_last_sent", "")))

    def statements(self) -> list[dict]:
        """Every statement recorded here, sent or not, oldest first."""
        with closing(self._connect()) as conn:
            rows = conn.execute("SELECT body FROM outbox ORDER BY seq").fetchall()
        out = []
        for (body,) in rows:
            value = bounded_json(body)
            if isinstance(value, dict):
                out.append(value)
        return out
