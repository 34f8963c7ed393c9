"""Record a class's finished path once, when the facilitator opens the class debrief (no pygame needed here)."""

from __future__ import annotations

import weakref

from ...facilitation.session import ClassSession
from ...userdata.progress import now_iso
from ..context import Context

_started: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # session -> (ctx.time, ISO time)
_recorded: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # session -> main path recorded


def note_start(ctx: Context, session: ClassSession) -> None:
    _started.setdefault(session, (ctx.time, now_iso()))


def record_class(ctx: Context, session: ClassSession) -> str | None:
    """Record the class's main path for the current learner (the facilitator), once per path; a sentence on trouble."""
    if ctx.records is None or session.in_detour or not session.play.ended:
        return None
    path = tuple((d.kind, d.source_index) for d in session.main)
    if _recorded.get(session) == path:
        return None
    from ...records.classroom import record_class_session

    _recorded[session] = path
    began, started_at = _started.get(session, (ctx.time, now_iso()))
    return record_class_session(ctx.progress, ctx.records.learner(), session, ctx.records.config,
                                max(0.0, ctx.time - began), started_at)
