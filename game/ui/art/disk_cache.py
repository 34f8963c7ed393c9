"""Rendered art kept as PNG files in the user's cache folder, so a new start does not paint again.

Keys include a hash of the art code: a changed painter never reuses old pictures. Any problem reading or
writing the cache just means painting as usual.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path

import pygame

from ...safe_json import Damaged, read_bytes, remove_stale_temp_files, set_aside
from ...userdata.paths import data_dir

_code_hash: str | None = None


def _art_hash() -> str:
    global _code_hash
    if _code_hash is None:
        h = hashlib.sha256()
        here = Path(__file__).resolve().parent
        for path in sorted(here.glob("*.py")):  # every painter module, so a new one is covered too
            h.update(path.read_bytes())
        _code_hash = h.hexdigest()[:12]
    return _code_hash


def folder() -> Path:
    return data_dir() / "cache" / "art"


MAX_BYTES = 64 << 20  # the largest picture (a 4K backdrop as BMP) is well under this
_TEMP_PREFIX = ".art-"
_tidied: set[Path] = set()
#: Plain sentences about cache files that were set aside this run, for the screens' notices.
problems: list[str] = []

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
    picture = _load(path)
    if picture is not None:
        return picture
    picture = paint()
    _store(picture, path)
    return picture


def _load(path: Path) -> pygame.Surface | None:
    """The cached picture, or None to paint it; a FIFO, device, link out of the folder or huge file is set aside."""
    _tidy(path.parent)
    try:
        data = read_bytes(path, MAX_BYTES)
    except Damaged as exc:
        moved = set_aside(path)
        where = f"it has been kept as {moved.name}" if moved is not None else "it has been left as it is"
        note = (f"A saved picture {path.name} in {path.parent} was damaged ({exc}); {where} and the picture is "
                "drawn afresh.")
        if note not in problems:
            problems.append(note)
        return None
    except OSError:
        return None
    if data is None:
        return None
    try:
        return pygame.image.load(io.BytesIO(data), path.name)
    except (pygame.error, OSError, ValueError):
        return None  # unreadable cache file: paint again and overwrite it


def _tidy(where: Path) -> None:
    """Once per folder and run: remove temporary files an interrupted save left behind."""
    if where not in _tidied:
        _tidied.add(where)
        remove_stale_temp_files(where, (_TEMP_PREFIX,))


def _store(picture: pygame.Surface, path: Path) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TEMP_PREFIX, suffix=path.suffix)
        os.close(fd)
        pygame.image.save(picture, tmp)
        os.replace(tmp, path)
        tmp = None
    except (pygame.error, OSError):
        return  # a read-only or full disk only costs the next start a repaint
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
