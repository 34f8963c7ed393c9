"""Reading a scenario file from a stranger: regular files only, never more than the size cap, never a hang."""

from __future__ import annotations

import os
import stat

from .yamltree import MAX_BYTES


class Unreadable(Exception):
    """A file that is not a readable scenario file: the code and message of its one diagnostic."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_capped(path: str | os.PathLike, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; raises Unreadable (CC026, CC005) otherwise.

    Checked before opening and again on the open file (it may change in between); opened non-blocking so
    a pipe can never hang the reader; read no further than limit + 1 bytes whatever the file claims.
    """
    try:
        kind = _kind_of(os.stat(path).st_mode)
        if kind is not None:
            raise Unreadable("CC026", f"cannot read the file: it is {kind}, not a scenario file")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise Unreadable("CC026", f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        kind = _kind_of(info.st_mode)
        if kind is not None:
            raise Unreadable("CC026", f"cannot read the file: it is {kind}, not a scenario file")
        if info.st_size > limit:
            raise Unreadable("CC005", f"file is {info.st_size:,} bytes; the limit is {limit:,}")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise Unreadable("CC026", f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if got > limit:
        raise Unreadable("CC005", f"file is more than {limit:,} bytes; the limit is {limit:,}")
    return b"".join(chunks)
