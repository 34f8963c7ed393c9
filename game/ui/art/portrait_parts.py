"""A large portrait talking or mid-blink, kept as the small part that moves: her mouth or her eyes.

A talking (or blinking) face differs from the still one only around the mouth (or the eyes), so for a stage
portrait (1 MB and more) only that part is painted into the art cache and kept; it is drawn over the still
face, which is drawn around it (see `pieces`), so every pixel is drawn once, from the picture it would have come
from whole: the same pixels, faded or nodding too. At 1080p a face takes 2 MB and its moving part 60 to 90 kB.
When a part is painted it is checked: a face that differs anywhere else is kept whole instead.
"""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from .disk_cache import cached_picture
from .draw import LRU, for_display
from .portrait import EXPRESSIONS, look_from, paint_whole, render_portrait

PARTS_FROM = 1 << 20  # portraits of this many bytes or more keep only their moving parts
# Where a face can move, as shares of the picture (left, top, right, bottom), with a margin around what the
# painter moves: the mouth as she talks, the eyes (and glasses) as she blinks (tests/art/test_portrait_parts.py).
MOUTH = (0.40, 0.45, 0.60, 0.59)
EYES = (0.35, 0.31, 0.65, 0.46)
_parts = LRU(48, 1 << 20)

Piece = tuple[pygame.Surface, pygame.Rect, pygame.Rect]  # picture, where it goes on the face, its area to draw


def moving_part(size: tuple[int, int], blinking: bool) -> pygame.Rect:
    """Where on a face of `size` the eyes (`blinking`) or the mouth can differ from the still face."""
    w, h = size
    left, top, right, bottom = EYES if blinking else MOUTH
    x0, y0 = int(left * w), int(top * h)
    return pygame.Rect(x0, y0, int(right * w + 0.999) - x0, int(bottom * h + 0.999) - y0).clip((0, 0, w, h))


def render_part(appearance: Mapping[str, object], mood: str, size: tuple[int, int], talking: bool,
                blinking: bool) -> tuple[pygame.Surface, pygame.Rect]:
    """The moving part of a talking or blinking portrait and where it goes on the still face; the whole face
    at (0, 0) when it differs from the still one outside the part."""
    w, h = max(8, int(size[0])), max(8, int(size[1]))
    key = (look_from(appearance), mood if mood in EXPRESSIONS else "neutral", w, h, bool(talking), bool(blinking))
    at = moving_part((w, h), key[5])
    part = _parts.get(key)
    if part is None:

        def make() -> pygame.Surface:
            whole = for_display(paint_whole(key), alpha=True)
            still = render_portrait(appearance, mood, (w, h))
            if _differs_outside(whole, still, at):
                return whole
            return whole.subsurface(at).copy()

        part = cached_picture("portrait_part", key, make)
        if part.get_size() not in ((w, h), at.size):
            part = for_display(paint_whole(key), alpha=True)  # a stored part of another shape: whole, to be safe
        _parts.make_room(part.get_size())
        part = _parts.put(key, for_display(part, alpha=True))
    return part, (at if part.get_size() == at.size and at.size != (w, h) else pygame.Rect(0, 0, w, h))


def _differs_outside(whole: pygame.Surface, still: pygame.Surface, at: pygame.Rect) -> bool:
    if whole.get_size() != still.get_size():
        return True
    same = pygame.mask.from_threshold(whole, (0, 0, 0, 0), (1, 1, 1, 1), still)
    same.invert()  # the pixels that differ
    outside = same.count() - same.overlap_area(pygame.mask.Mask(at.size, fill=True), at.topleft)
    return outside > 0


def pieces(still: pygame.Surface, part: pygame.Surface, at: pygame.Rect) -> list[Piece]:
    """The face as pieces drawn once each: the still face around `at`, and the part in it."""
    w, h = still.get_size()
    if at.size == (w, h):
        return [(part, pygame.Rect(0, 0, w, h), pygame.Rect(0, 0, w, h))]
    around = [pygame.Rect(0, 0, w, at.top), pygame.Rect(0, at.bottom, w, h - at.bottom),
              pygame.Rect(0, at.top, at.left, at.height), pygame.Rect(at.right, at.top, w - at.right, at.height)]
    out: list[Piece] = [(still, r, r) for r in around if r.width > 0 and r.height > 0]
    out.append((part, pygame.Rect(at), pygame.Rect(0, 0, at.width, at.height)))
    return out


def clear_parts() -> None:
    _parts.clear()
