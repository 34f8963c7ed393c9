"""Rendered art kept as files in the user's cache folder, so a new start does not paint again.

Pictures are kept as raw pixels in the display's byte order behind a small header (see raw_format): loading
one is a read and a copy, a few times faster than decoding a PNG, so a new node's art costs no slow frame.
The folder is kept under FOLDER_BYTES by removing the pictures used longest ago. Keys include a hash of the
art code: a changed painter never reuses old pictures. Any problem reading or writing the cache just means
painting as usual; a file that is not what the game wrote is set aside, with a notice.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path

import pygame

from ...safe_json import Damaged, read_bytes, remove_stale_temp_files, set_aside
from ...sha256 import sha256
from ...userdata.paths import data_dir
from .raw_format import RawError, decode, encode

_code_hash: str | None = None


def _art_hash() -> str:
    global _code_hash
    if _code_hash is None:
        h = sha256()
        here = Path(__file__).resolve().parent
        for path in sorted(here.glob("*.py")):  # every painter module, so a new one is covered too
            h.update(path.read_bytes())
        _code_hash = h.hexdigest()[:12]
    return _code_hash


def folder() -> Path:
    return data_dir() / "cache" / "art"


MAX_BYTES = 64 << 20  # the largest picture (a 4K backdrop, raw) is well under this
FOLDER_BYTES = 256 << 20  # the cache folder at most: about thirty 1080p backdrops, or ten times more portraits
_OURS = re.compile(r"^[a-z_]+-[0-9a-f]{24}\.(raw|png|bmp)$")  # our pictures (older versions kept PNG and BMP)
_TEMP_PREFIX = ".art-"
_tidied: set[Path] = set()
#: Plain sentences about cache files that were set aside this run, for the screens' notices.
problems: list[str] = []


def cached_picture(kind: str, key: Hashable, paint: Callable[[], pygame.Surface],
                   size: tuple[int, int] | None = None) -> pygame.Surface:
    """The picture for key from disk if present and readable, else paint() it and store it (`size`, the
    picture's size when known, is only a hint and may be left out)."""
    path = picture_path(kind, key)
    picture = _load(path)
    if picture is not None:
        return picture
    picture = paint()
    _store(picture, path)
    return picture


def picture_path(kind: str, key: Hashable) -> Path:
    """Where the picture for (kind, key) is kept."""
    name = sha256(repr((kind, key, _art_hash())).encode()).hexdigest()[:24]
    return folder() / f"{kind}-{name}.raw"


def _load(path: Path) -> pygame.Surface | None:
    """The cached picture, or None to paint it; a FIFO, device, link out of the folder or huge file is set aside."""
    _tidy(path.parent)
    try:
        data = read_bytes(path, MAX_BYTES)
    except Damaged as exc:
        _set_aside(path, str(exc))
        return None
    except OSError:
        return None
    if data is None:
        return None
    try:
        picture = decode(data)
    except RawError as exc:
        _set_aside(path, str(exc))
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used just now: the folder's trimming keeps it longest
    return picture


def _set_aside(path: Path, why: str) -> None:
    """Keep a damaged file under another name and say so once; the picture is painted afresh."""
    moved = set_aside(path)
    where = f"it has been kept as {moved.name}" if moved is not None else "it has been left as it is"
    note = f"A saved picture {path.name} in {path.parent} was damaged ({why}); {where} and the picture is drawn afresh."
    if note not in problems:
        problems.append(note)


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
        with os.fdopen(fd, "wb") as out:
            out.write(encode(picture))
        os.replace(tmp, path)
        tmp = None
    except (pygame.error, OSError, ValueError):
        return  # a read-only or full disk only costs the next start a repaint
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    trim(path.parent, FOLDER_BYTES, keep=path)


def trim(where: Path, most: int, keep: Path | None = None) -> int:
    """Remove the pictures used longest ago until the folder's pictures take at most `most` bytes (never
    `keep`, nor anything that is not one of our pictures: set-aside files, links, temporary files). Returns
    how many were removed."""
    try:
        entries = [e for e in os.scandir(where) if _OURS.match(e.name) and e.is_file(follow_symlinks=False)]
        sized = [(e.stat(follow_symlinks=False), e) for e in entries]
    except OSError:
        return 0
    total = sum(st.st_size for st, _ in sized)
    removed = 0
    for st, entry in sorted(sized, key=lambda pair: pair[0].st_mtime):
        if total <= most:
            break
        if keep is not None and entry.path == str(keep):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            total -= st.st_size
            removed += 1
    return removed
