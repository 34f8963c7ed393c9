"""Reading JSON that came back from the user's own files and database, with bounds: a damaged value is None.

A progress row or a saved play may have been edited or damaged: deeply nested JSON, a number like 1e999,
NaN, a string of megabytes. `bounded_json` refuses all of those before or while parsing, so reading one never
raises RecursionError or OverflowError and never takes more than a small, fixed amount of memory.
"""

from __future__ import annotations

import json
import math

MAX_CHARS = 200_000
MAX_DEPTH = 12
MAX_NUMBER = 10**15


class _Refused(ValueError):
    pass


def _depth_ok(text: str, limit: int) -> bool:
    """True when no array or object nests deeper than limit (brackets inside strings are not counted)."""
    depth, in_string, escaped = 0, False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def _number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise _Refused(text)
    return value


def _integer(text: str) -> int:
    if len(text) > 18:
        raise _Refused(text)
    return int(text)


def _constant(text: str) -> float:
    raise _Refused(text)  # NaN, Infinity, -Infinity


def bounded_json(text: object, max_chars: int = MAX_CHARS, max_depth: int = MAX_DEPTH) -> object | None:
    """The parsed value, or None when the text is not a string, too long, too deep, or holds a bad number."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if not isinstance(text, str) or len(text) > max_chars or not _depth_ok(text, max_depth):
        return None
    try:
        return json.loads(text, parse_float=_number, parse_int=_integer, parse_constant=_constant)
    except (ValueError, RecursionError):
        return None


def plain_int(value: object, limit: int = MAX_NUMBER) -> int | None:
    """An int (not a bool) within ±limit, else None."""
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > limit:
        return None
    return value


def plain_number(value: object, limit: float = MAX_NUMBER) -> float | None:
    """A finite int or float (not a bool) within ±limit, as float, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and abs(number) <= limit else None
