"""A second person on the stage: standing a little back beside the one speaking, dimmed so the speaker leads."""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from ..art.draw import LRU
from ..context import Context
from ..play import art

DIM = (178, 178, 186)  # the colour a listener's picture is multiplied by: darker, a touch cooler
# Bounded in bytes too: a dimmed 1080p listener is 2 MB, and sixteen of them were kept by count alone.
_dimmed = LRU(16, 9 << 19)


def dimmed(picture: pygame.Surface, key: tuple) -> pygame.Surface:
    """A darker copy of a portrait (its transparency kept), remembered by `key`."""
    pic = _dimmed.get(key)
    if pic is None:
        _dimmed.make_room(picture.get_size())
        pic = picture.copy()
        pic.fill((*DIM, 255), special_flags=pygame.BLEND_RGBA_MULT)
        _dimmed.put(key, pic)
    return pic


def draw_back(surface: pygame.Surface, ctx: Context, logical: pygame.Rect, appearance: Mapping[str, object],
              mood: str) -> pygame.Rect:
    """The listener's portrait filling `logical`, dimmed; returns its window rect (empty without art)."""
    rect = ctx.viewport.rect(*logical)
    return _dimmed_at(surface, rect, appearance, mood)


def _dimmed_at(surface: pygame.Surface, rect: pygame.Rect, appearance: Mapping[str, object],
               mood: str) -> pygame.Rect:
    """The portrait, dimmed, in the window rect `rect`; returns it (empty without art)."""
    picture = art.portrait(appearance, mood, rect.size)
    if picture is None:
        return pygame.Rect(rect.midbottom, (0, 0))
    key = (tuple(sorted((str(k), str(v)) for k, v in appearance.items())), mood, rect.size)
    surface.blit(dimmed(picture, key), rect)
    return rect


LEAVING_STEP = 0.2  # a customer who has turned to go has stepped this share of her width towards the edge


def draw_leaving(surface: pygame.Surface, ctx: Context, logical: pygame.Rect, appearance: Mapping[str, object],
                 mood: str, room: float) -> pygame.Rect:
    """A customer on her way out: her portrait for `logical`, dimmed, stepped towards the left edge by at most
    `room` logical pixels (so her face stays in view); returns where it was drawn."""
    step = min(LEAVING_STEP * logical.width, max(0.0, room))
    rect = ctx.viewport.rect(logical.left - step, logical.top, logical.width, logical.height)
    return _dimmed_at(surface, rect, appearance, mood)
