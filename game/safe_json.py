"""Read the game's own files back without trusting them: bounded size and depth, regular files only.

Every JSON file the game reads from the user's data folder goes through `read_json`; other small files
(cached pictures) through `read_bytes`. Anything odd raises `Damaged` with a plain reason, and
`set_aside` renames the file out of the way (never deletes it) so the game can go on in memory.
No pygame here: the engine's analysis cache uses it too.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import stat
import time
from datetime import datetime
from pathlib import Path

MAX_BYTES = 1 << 20  # 1 MiB: far more than settings ever need
MAX_DEPTH = 32  # the game writes at most 4 levels
MAX_INT_DIGITS = 24
STALE_TEMP_SECONDS = 600  # a temporary file this old is not being written by a running game


class Damaged(Exception):
    """The file is there but cannot be trusted; str() is a plain reason, e.g. 'it is nested too deeply'."""


def read_bytes(path: Path, max_bytes: int = MAX_BYTES, root: Path | None = None) -> bytes | None:
    """The bytes of a regular file inside root (default: its own folder); None when there is no file.

    Never blocks on a FIFO or a device and never reads more than max_bytes + 1 bytes.
    """
    path = Path(path)
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(link.st_mode):
        folder = Path(root if root is not None else path.parent)
        target = os.path.realpath(path)
        if not _inside(target, os.path.realpath(folder)):
            raise Damaged("it is a link to somewhere outside the game's folder")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise Damaged("it is a link to a file that is not there") from None
    if not stat.S_ISREG(info.st_mode):
        raise Damaged("it is not an ordinary file")
    if info.st_size > max_bytes:
        raise Damaged(f"it is too large ({info.st_size:,} bytes)")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between the check and the open
            raise Damaged("it is not an ordinary file")
        chunks: list[bytes] = []
        left = max_bytes + 1
        step = max(1 << 16, min(left, info.st_size + 1))  # the whole file in one read when it is what it was
        while left > 0:
            chunk = os.read(fd, min(left, step))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if len(data) > max_bytes:
        raise Damaged("it is too large")
    return data


def _inside(target: str, folder: str) -> bool:
    return target == folder or target.startswith(folder.rstrip(os.sep) + os.sep)


def nesting_depth(text: str) -> int:
    """The deepest bracket nesting of a JSON text (brackets inside strings do not count); linear time."""
    depth = deepest = 0
    in_string = escaped = False
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
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number the game writes")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError("a number too large")
    return number


def _small_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError("a number too large")
    return int(text)


def loads(data: bytes | str, max_depth: int = MAX_DEPTH, max_number: float | None = None) -> object:
    """Parse JSON: UTF-8 only, bounded depth, no NaN/Infinity, no huge numbers (none beyond ±max_number when
    given); raises Damaged."""
    try:
        text = data if isinstance(data, str) else data.decode("utf-8")
    except UnicodeDecodeError:
        raise Damaged("it is not readable text") from None
    if nesting_depth(text) > max_depth:
        raise Damaged("it is nested too deeply")

    def bounded(parse):
        def check(token: str):
            value = parse(token)
            if max_number is not None and abs(value) > max_number:
                raise ValueError("a number too large")
            return value
        return check

    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=bounded(_finite),
                          parse_int=bounded(_small_int))
    except RecursionError:
        raise Damaged("it is nested too deeply") from None
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise Damaged(f"it is not valid ({exc})") from None


def read_json(path: Path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
              root: Path | None = None) -> object | None:
    """The parsed contents of a JSON file, or None when there is no file; raises Damaged or OSError."""
    data = read_bytes(path, max_bytes, root)
    return None if data is None else loads(data, max_depth)


def set_aside(path: Path, when: datetime | None = None) -> Path | None:
    """Rename a damaged file (or link, FIFO, folder) to `<name>.damaged-<time>`; None if that failed."""
    path = Path(path)
    stamp = f"{when or datetime.now():%Y%m%d-%H%M%S}"
    target, n = path.with_name(f"{path.name}.damaged-{stamp}"), 2
    while os.path.lexists(target):
        target, n = path.with_name(f"{path.name}.damaged-{stamp}-{n}"), n + 1
    try:
        os.rename(path, target)
    except OSError:
        return None
    return target


def remove_stale_temp_files(folder: Path, prefixes: tuple[str, ...], older_than: float = STALE_TEMP_SECONDS) -> int:
    """Remove our own temporary files (names starting with a prefix) left by an interrupted write.

    Only regular files older than `older_than` seconds: a game running now may be writing a newer one.
    Returns how many were removed; problems are ignored (the files are only clutter).
    """
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(prefixes):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                os.unlink(entry.path)
                removed += 1
    return removed
