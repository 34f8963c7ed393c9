"""Stable choice ids: what saves, learning records and transcripts call a choice, whatever its position.

A choice's id is its `id` when the author gives one. Otherwise it is derived from where the choice leads and
what it says: `<next>_<6 hex digits>`, the digits being the start of the SHA-256 of the text (its default,
when it has variants) with its whitespace collapsed, followed, for a choice with an `if`, by a newline and
the condition as written (so two variants of one option shown under different conditions get different
ids). Reordering options keeps every id; editing a choice's text or target changes a derived id (an
explicit `id` keeps it through such edits).
"""

from __future__ import annotations

from ..sha256 import sha256

RESERVED = frozenset({"timeout"})  # a timer's decision is recorded as "timeout"


def derived_id(next_id: str, text: str, condition: str | None = None) -> str:
    """The id of a choice without an explicit `id`: `<next>_<hash of the text>`, at most 64 characters."""
    words = " ".join(text.split())
    if condition is not None:
        words += "\n" + " ".join(condition.split())
    digest = sha256(words.encode("utf-8")).hexdigest()[:6]
    return f"{next_id[:57]}_{digest}"
