"""Keep the C heap from holding on to freed picture memory (glibc only; elsewhere nothing is changed).

glibc serves a large allocation with its own memory map and returns it to the system when it is freed, but
after such a free it raises that size limit to the freed block's size (up to 32 MB). After the first
full-window picture (8 MB at 1080p) is freed, every text line, portrait and panel comes from the ordinary
heap instead; their holes stay resident when they are freed. A measured play to an ending at 1920x1080 peaked
at 105 MB that way and at 91 MB with the limit fixed at glibc's own starting value, which mallopt(3) does.

The App fixes it after its first frame. A screen that makes and frees its large pictures before any frame
(the stage warming its first node, when the game opens straight onto a scenario) fixes it first: once the
limit has risen, the pictures made meanwhile and the holes they leave stay in the heap for good.
"""

from __future__ import annotations

import os
import sys

M_MMAP_THRESHOLD = -3  # from glibc's malloc.h
THRESHOLD_BYTES = 128 * 1024  # glibc's default before it starts to adjust it


def _glibc() -> bool:
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
    except (ValueError, OSError, AttributeError):
        return False  # musl and others have no such name


_done: list[bool] = []  # the answer, once the limit has been set (or could not be)


def fix_large_allocation_limit() -> bool:
    """Fix glibc's size limit for separately mapped allocations (once; later calls cost nothing); True when
    it was set."""
    if not sys.platform.startswith("linux") or not _glibc():
        return False
    if _done:
        return _done[0]
    import ctypes  # imported here: the first frame does not need it

    try:
        libc = ctypes.CDLL(None)
        fixed = bool(libc.mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES))
    except (OSError, AttributeError):
        fixed = False
    _done[:] = [fixed]
    return fixed
