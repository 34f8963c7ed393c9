"""Rendered art kept as PNG files in the user's cache folder, so a new start does not paint again.

Keys include a hash of the art code: a changed painter never reuses old pictures. Any problem reading or
writing the cache just means painting as usual.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path

import pygame

from ...userdata.paths import data_dir

_ART_FILES = ("draw.py", "scene_kit.py", "scenes.py", "settings_shops.py", "settings_rooms.py",
               "portrait.py")
_code_hash: str | None = None


def _art_hash() -> str:
    global _code_hash
    if _code_hash is None:
        h = hashlib.sha256()
        here = Path(__file__).resolve().parent
        for name in _ART_FILES:
            h.update((here / name).read_bytes())
        _code_hash = h.hexdigest()[:12]
    return _code_hash


def folder() -> Path:
    return data_dir() / "cache" / "art"


SMALL_PIXELS = 250_000  # up to ~1 MB raw: kept as BMP, which loads several times faster than PNG


def cached_picture(kind: str, key: Hashable, paint: Callable[[], pygame.Surface],
                   size: tuple[int, int] | None = None) -> pygame.Surface:
    """The picture for key from disk if present and readable, else paint() it and store it.

    Small pictures (card portraits) are stored uncompressed so a list of them appears at once; large ones
    (backdrops, stage portraits) as PNG to keep the cache folder small.
    """
    name = hashlib.sha256(repr((kind, key, _art_hash())).encode()).hexdigest()[:24]
    small = size is not None and size[0] * size[1] <= SMALL_PIXELS
    path = folder() / f"{kind}-{name}.{'bmp' if small else 'png'}"
    if path.is_file():
        try:
            return pygame.image.load(str(path))
        except (pygame.error, OSError, ValueError):
            pass  # unreadable cache file: paint again and overwrite it below
    picture = paint()
    _store(picture, path)
    return picture


def _store(picture: pygame.Surface, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".art-", suffix=path.suffix)
        os.close(fd)
        pygame.image.save(picture, tmp)
        os.replace(tmp, path)
    except (pygame.error, OSError):
        return  # a read-only or full disk only costs the next start a repaint
