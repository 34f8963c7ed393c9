"""Exports of the learning records: one CSV row per attempt (numbers as numbers), or the statements as JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..userdata.atomic import write_atomic
from ..userdata.progress import Attempt, ProgressStore
from .outbox import Outbox
from .vocabulary import ext

FIRST_METERS = ("satisfaction", "loyalty")
HEAD = ("learner", "learner_email", "learner_account", "scenario", "scenario_version", "started_at", "finished_at",
        "ending", "outcome", "facilitator")
TAIL = ("lifetime_value", "lifetime_value_unit", "registration")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Numbers stay numbers; text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _units(outbox: Outbox) -> dict[str, str]:
    """The lifetime value's unit of each attempt, from its `completed` statement (by registration)."""
    out = {}
    for st in outbox.statements():
        result = st.get("result") if isinstance(st.get("result"), dict) else {}
        unit = (result.get("extensions") or {}).get(ext("lifetime-value-unit"))
        registration = (st.get("context") or {}).get("registration")
        if isinstance(unit, str) and isinstance(registration, str):
            out[registration] = unit
    return out


def csv_rows(store: ProgressStore, outbox: Outbox | None = None) -> list[list[object]]:
    """The header and one row per attempt, every learner's, oldest first."""
    attempts: list[Attempt] = store.all_attempts()
    extra = sorted({m for a in attempts for m in a.meters} - set(FIRST_METERS))
    meters = [*FIRST_METERS, *extra]
    units = _units(outbox) if outbox is not None else {}
    rows: list[list[object]] = [[*HEAD, *meters, *TAIL]]
    for a in attempts:
        person = store.learner(a.learner_id)
        name, email, account = (person.shown, person.email, person.account) if person else (a.learner_id, "", "")
        row: list[object] = [name, email, account, a.scenario_id, a.scenario_version, a.started_at, a.finished_at,
                             a.ending_id, a.outcome, int(a.facilitator)]
        row += [a.meters.get(m, "") for m in meters]
        row += [a.lifetime_value, units.get(a.registration, ""), a.registration]
        rows.append([neutralise(c) for c in row])
    return rows


def write_csv(path: Path, store: ProgressStore, outbox: Outbox | None = None) -> int:
    """Write the CSV atomically (UTF-8 with BOM, for spreadsheets); returns the number of attempts."""
    rows = csv_rows(store, outbox)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    write_atomic(Path(path), out.getvalue().encode("utf-8-sig"))
    return len(rows) - 1


def write_statements(path: Path, outbox: Outbox) -> int:
    """Every statement recorded here, sent or not, as one JSON array; returns how many."""
    statements = outbox.statements()
    write_atomic(Path(path), (json.dumps(statements, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return len(statements)
