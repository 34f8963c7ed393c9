"""One door to the art modules (portraits, scenes, phone, chart), imported lazily.

The art is drawn by `game.ui.art`; if a piece is missing or fails, a plain themed stand-in is drawn so that
content problems never crash the game.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType

import pygame

from ...engine.vocabulary import MOODS

_modules: dict[str, ModuleType | None] = {}
_surfaces: dict[tuple, pygame.Surface | None] = {}
_MAX_SURFACES = 16


def _remember(key: tuple, surf: pygame.Surface | None) -> pygame.Surface | None:
    if len(_surfaces) >= _MAX_SURFACES:
        _surfaces.pop(next(iter(_surfaces)))
    _surfaces[key] = surf
    return surf


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
    if key in _surfaces:
        return _surfaces[key]
    mod = _art("portrait")
    if mod is None or min(size) < 8:
        return None
    try:
        return _remember(key, mod.render_portrait(appearance, mood, size, talking=talking, blinking=blinking))
    except Exception:  # art must never stop the game
        return _remember(key, None)


def neck_line(size: tuple[int, int]) -> int | None:
    """The row of a portrait of this size where the head bends in a nod, or None when the art is unavailable."""
    mod = _art("portrait")
    if mod is None or not hasattr(mod, "neck_line"):
        return None
    return int(mod.neck_line(size))


def backdrop(setting: str, size: tuple[int, int], radius: int = 0) -> pygame.Surface | None:
    """The scene picture for a setting at a window-pixel size (corners rounded by `radius`), or None."""
    key = ("scene", setting, size, radius)
    if key in _surfaces:
        return _surfaces[key]
    mod = _art("scenes")
    if mod is None or min(size) < 8:
        return None
    try:
        pic = mod.render_scene(setting, size)
    except Exception:
        return _remember(key, None)
    return _remember(key, _rounded(pic, radius) if radius > 0 else pic)


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
