"""One door to the art modules (portraits, scenes, phone, chart), imported lazily.

The art is drawn by `game.ui.art`; if a piece is missing or fails, a plain themed stand-in is drawn so that
content problems never crash the game.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from collections.abc import Mapping
from types import ModuleType

import pygame

from ...engine.vocabulary import MOODS

_modules: dict[str, ModuleType | None] = {}
_surfaces: OrderedDict[tuple, pygame.Surface | None] = OrderedDict()  # least recently used first
_MAX_SURFACES = 16
_MAX_BYTES = 12 << 20  # pixel memory held here at most (the newest picture is always kept)
_held = [0]  # bytes of the pictures in _surfaces
# A stage portrait or a full-window backdrop (about 2 and 8 MB at 1080p) is held by the art module's own
# bounded cache; holding it here as well let the two caches keep different pictures, twice the memory.
# Portraits of any size are held there only: this cache kept the small ones (a caller's faces) long after
# the portrait cache had let them go, 2.6 MB of them by the bench's ending.
_THEIRS_FROM = 1 << 20


def _bytes(surf: pygame.Surface | None) -> int:
    return 0 if surf is None else surf.get_width() * surf.get_height() * surf.get_bytesize()


def _remember(key: tuple, surf: pygame.Surface | None) -> pygame.Surface | None:
    _held[0] += _bytes(surf) - _bytes(_surfaces.pop(key, None))
    _surfaces[key] = surf
    while len(_surfaces) > 1 and (len(_surfaces) > _MAX_SURFACES or _held[0] > _MAX_BYTES):
        _held[0] -= _bytes(_surfaces.popitem(last=False)[1])
    return surf


def _recall(key: tuple) -> tuple[bool, pygame.Surface | None]:
    """(found, picture); a found picture becomes the most recently used."""
    if key not in _surfaces:
        return False, None
    _surfaces.move_to_end(key)
    return True, _surfaces[key]


def _art(name: str) -> ModuleType | None:
    if name not in _modules:
        try:
            _modules[name] = importlib.import_module(f"game.ui.art.{name}")
        except ImportError:
            _modules[name] = None
    return _modules[name]


def mood_for(node_mood: str, satisfaction_percent: int) -> str:
    """The portrait's expression for a node's mood and the satisfaction meter."""
    mod = _art("portrait")
    if mod is not None and hasattr(mod, "mood_for"):
        return mod.mood_for(node_mood, satisfaction_percent)
    return node_mood if node_mood in MOODS else "neutral"


def portrait(appearance: Mapping[str, object], mood: str, size: tuple[int, int],
             talking: bool = False, blinking: bool = False) -> pygame.Surface | None:
    """The speaker's transparent portrait at a window-pixel size (eyes shut mid-blink when `blinking`), or None
    when the art is unavailable."""
    key = ("portrait", tuple(sorted((str(k), str(v)) for k, v in appearance.items())), mood, size, talking,
           blinking)
    found, pic = _recall(key)
    if found:
        return pic
    mod = _art("portrait")
    if mod is None or min(size) < 8:
        return None
    try:
        return mod.render_portrait(appearance, mood, size, talking=talking, blinking=blinking)
    except Exception:  # art must never stop the game
        return _remember(key, None)


def portrait_pieces(appearance: Mapping[str, object], mood: str, size: tuple[int, int], talking: bool = False,
                    blinking: bool = False) -> list[tuple[pygame.Surface, pygame.Rect, pygame.Rect]] | None:
    """The portrait as pieces to draw once each (picture, where on the face, area of the picture): the whole
    face, or for a large face talking or mid-blink the still face around its moving part and that part (see
    art.portrait_parts); None when the art is unavailable."""
    still = portrait(appearance, mood, size)
    if still is None:
        return None
    whole = [(still, still.get_rect(), still.get_rect())]
    if not (talking or blinking):
        return whole
    mod = _art("portrait_parts")
    if mod is None or _bytes(still) < mod.PARTS_FROM:
        face = portrait(appearance, mood, size, talking, blinking=blinking)
        return [(face, face.get_rect(), face.get_rect())] if face is not None else whole
    try:
        part, at = mod.render_part(appearance, mood, size, talking, blinking)
    except Exception:  # art must never stop the game
        return whole
    return mod.pieces(still, part, at)


def blit_pieces(surface: pygame.Surface, face: list[tuple[pygame.Surface, pygame.Rect, pygame.Rect]],
                origin: tuple[int, int], region: pygame.Rect | None = None) -> None:
    """Draw a face's pieces (see portrait_pieces) with its top left at `origin`; only its `region` (face pixels)
    when given."""
    ox, oy = origin
    for picture, where, area in face:
        shown = where if region is None else where.clip(region)
        if shown.width <= 0 or shown.height <= 0:
            continue
        surface.blit(picture, (ox + shown.x, oy + shown.y), shown.move(area.x - where.x, area.y - where.y))


def portrait_room(size: tuple[int, int]) -> int:
    """How many portraits of this size the portrait cache holds at once (0 when the art is unavailable)."""
    mod = _art("portrait")
    cache = getattr(mod, "_cache", None)
    per = max(1, size[0] * size[1] * 4)
    return max(1, int(cache.max_bytes // per)) if cache is not None else 0


def neck_line(size: tuple[int, int]) -> int | None:
    """The row of a portrait of this size where the head bends in a nod, or None when the art is unavailable."""
    mod = _art("portrait")
    if mod is None or not hasattr(mod, "neck_line"):
        return None
    return int(mod.neck_line(size))


def backdrop(setting: str, size: tuple[int, int], radius: int = 0) -> pygame.Surface | None:
    """The scene picture for a setting at a window-pixel size (corners rounded by `radius`), or None."""
    key = ("scene", setting, size, radius)
    found, pic = _recall(key)
    if found:
        return pic
    mod = _art("scenes")
    if mod is None or min(size) < 8:
        return None
    try:
        pic = mod.render_scene(setting, size)
    except Exception:
        return _remember(key, None)
    if radius > 0:
        return _remember(key, _rounded(pic, radius))
    return pic if _bytes(pic) >= _THEIRS_FROM else _remember(key, pic)


def _rounded(pic: pygame.Surface, radius: int) -> pygame.Surface:
    """A copy of the picture with transparent rounded corners."""
    out = pygame.Surface(pic.get_size(), pygame.SRCALPHA)
    out.blit(pic, (0, 0))
    mask = pygame.Surface(pic.get_size(), pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=radius)
    out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return out


def phone(surface: pygame.Surface, center: tuple[int, int], size: int, ring_phase: float, ringing: bool) -> bool:
    """Draw the desk phone; False when the art is unavailable."""
    mod = _art("phone")
    if mod is None:
        return False
    try:
        mod.draw_phone(surface, center, size, ring_phase, ringing)
    except Exception:
        return False
    return True


def chart_module() -> ModuleType | None:
    return _art("chart")
