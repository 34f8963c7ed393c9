"""The art cache's file format: a small header, then the pixels as raw bytes in the display's usual order.

    magic (8 bytes) | "BGRA" | width, height (little-endian uint32) | flags (uint32: 1 = has transparency)
    | width * height * 4 bytes of pixels, rows top to bottom

Reading one is a check of the header and a copy, with no decoding: a stage portrait loads in about a third of
the time its PNG takes. Anything else (another file, a cut-off one, a size that does not add up) is refused.
"""

from __future__ import annotations

import struct

import pygame

MAGIC = b"CCPIX1\n\x00"
ORDER = b"BGRA"
_HEAD = struct.Struct("<8s4sIII")
HEADER_BYTES = _HEAD.size
MAX_SIDE = 16384
ALPHA = 1


class RawError(ValueError):
    """The bytes are not a picture in this format (with the reason in plain words)."""


def encode(picture: pygame.Surface) -> bytes:
    """The picture as a raw file's bytes."""
    w, h = picture.get_size()
    flags = ALPHA if picture.get_flags() & pygame.SRCALPHA else 0
    return _HEAD.pack(MAGIC, ORDER, w, h, flags) + pygame.image.tobytes(picture, "BGRA")


def decode(data: bytes) -> pygame.Surface:
    """The picture in `data` (sharing its memory: no copy is made); RawError when the bytes do not hold one."""
    if len(data) < HEADER_BYTES:
        raise RawError("it is too short to be a saved picture")
    magic, order, w, h, flags = _HEAD.unpack_from(data)
    if magic != MAGIC or order != ORDER:
        raise RawError("it is not a picture the game saved")
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE) or flags & ~ALPHA:
        raise RawError("its header does not make sense")
    if len(data) != HEADER_BYTES + w * h * 4:
        raise RawError(f"it holds {len(data) - HEADER_BYTES:,} bytes of pixels where {w * h * 4:,} were expected")
    return pygame.image.frombuffer(memoryview(data)[HEADER_BYTES:], (w, h), "BGRA")
