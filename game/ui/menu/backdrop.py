"""A cached full-window picture behind the menus: the illustrated scene when the art is there, else a gradient."""

from __future__ import annotations

import pygame

from ..context import Context
from ..theme import RGB

VERSION = 1  # raise when the way the picture is put together changes


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> pygame.Surface:
    """A vertical gradient, built small and scaled up smoothly."""
    strip = pygame.Surface((2, 64))
    for y in range(64):
        pygame.draw.line(strip, _mix(top, bottom, y / 63), (0, y), (1, y))
    return pygame.transform.smoothscale(strip, size)


def veiled(picture: pygame.Surface, colour: RGB, strength: int) -> pygame.Surface:
    """The picture softened towards `colour` (strength 0..255), in place: two fills instead of a window-sized
    translucent layer (8 MB at 1080p) blended over it."""
    keep = 255 - max(0, min(255, strength))
    picture.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
    picture.fill(tuple(c * strength // 255 for c in colour), special_flags=pygame.BLEND_RGB_ADD)
    return picture


def _illustration(setting: str, size: tuple[int, int]) -> pygame.Surface | None:
    try:
        from ..art.scenes import render_scene
    except ImportError:
        return None
    try:
        return render_scene(setting, size)
    except (pygame.error, ValueError, KeyError):
        return None


class Backdrop:
    """The picture is rebuilt only when the window size or theme changes, never per frame."""

    def __init__(self, setting: str = "shop_counter", veil: int = 150) -> None:
        self.setting = setting
        self.veil = veil  # 0..255: how strongly the theme background softens the picture
        self._key: tuple | None = None
        self._surface: pygame.Surface | None = None

    def surface(self, ctx: Context) -> pygame.Surface:
        th = ctx.theme
        size = ctx.viewport.window
        key = (size, th.name, th.background, self.setting, self.veil)
        if key != self._key or self._surface is None:
            self._key = key
            self._surface = self._build(ctx, size)
        return self._surface

    def _build(self, ctx: Context, size: tuple[int, int]) -> pygame.Surface:
        """The veiled picture, kept on disk like the art: a menu's first frame loads one image instead of
        decoding the scene's and veiling it."""
        from ..art.disk_cache import cached_picture

        th = ctx.theme
        key = (VERSION, size, th.name, th.background, th.surface_alt, self.setting, self.veil)
        picture = cached_picture("menu", key, lambda: self._paint(ctx, size), size)
        return picture.convert() if pygame.display.get_surface() is not None else picture

    def _paint(self, ctx: Context, size: tuple[int, int]) -> pygame.Surface:
        th = ctx.theme
        art = None if th.name == "high_contrast" else _illustration(self.setting, size)  # plain: strongest contrast
        if art is None:
            return gradient(size, th.background, _mix(th.background, th.surface_alt, 0.9))
        # The art comes converted to the display's format (and is shared): a copy to veil is enough.
        picture = art.copy() if art.get_bitsize() == 32 or not pygame.display.get_surface() else art.convert()
        return veiled(picture, th.background, self.veil)

    def release(self) -> None:
        """Forget the window-sized picture (about 8 MB at 1080p); the next draw builds it again."""
        self._key, self._surface = None, None

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        surface.blit(self.surface(ctx), (0, 0))
