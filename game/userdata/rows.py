"""Reading JSON that came back from the user's own files and database, with bounds: a damaged value is None.

A progress row or a saved play may have been edited or damaged: deeply nested JSON, a number like 1e999,
NaN, a string of megabytes. `bounded_json` refuses all of those before or while parsing, so reading one never
raises RecursionError or OverflowError and never takes more than a small, fixed amount of memory.
"""

from __future__ import annotations

import math

from ..safe_json import Damaged, loads

MAX_CHARS = 200_000
MAX_DEPTH = 12
MAX_NUMBER = 10**15


def bounded_json(text: object, max_chars: int = MAX_CHARS, max_depth: int = MAX_DEPTH) -> object | None:
    """The parsed value, or None when the text is not a string, too long, too deep, or holds a bad number."""
    if not isinstance(text, (str, bytes)) or len(text) > max_chars:
        return None
    try:
        return loads(text, max_depth, MAX_NUMBER)
    except Damaged:
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
