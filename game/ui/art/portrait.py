"""The customer's portrait: a flat, friendly head-and-shoulders illustration drawn in code.

The look comes from the scenario's appearance words (skin, hair, hair_colour, outfit, outfit_style, build,
facial_hair, glasses, age) and the expression from the mood (pleased, neutral, impatient, upset, angry, surprised,
thinking). Unknown words fall back to defaults. The body and hair are in portrait_body, the face in portrait_face.
"""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from ...engine import vocabulary as vocab
from .disk_cache import cached_picture
from .draw import LRU, for_display, supersampled
from .portrait_body import BodyParts
from .portrait_face import EXPRESSIONS, Expression, FaceParts
from .portrait_kit import Frame
from .portrait_look import DEFAULTS, HAIR, OUTFIT, SKIN, Look, look_from

__all__ = ["DEFAULTS", "EXPRESSIONS", "HAIR", "OUTFIT", "SKIN", "Expression", "Look", "clear_cache", "look_from",
           "mood_for", "neck_line", "paint_whole", "render_portrait", "warm_portraits"]
# 4.5 MB: two 1080p stage portraits (2 MB each) and a caller or two; a large portrait talking or mid-blink keeps
# only its moving part (see portrait_parts)
_cache = LRU(24, 9 << 19)


def mood_for(node_mood: str, satisfaction_percent: int) -> str:
    """The face to show: the node's mood, nudged by how satisfied the customer is overall."""
    mood = node_mood if node_mood in vocab.MOODS else "neutral"
    try:
        sat = float(satisfaction_percent)
    except (TypeError, ValueError):
        return mood
    if sat != sat:  # NaN
        return mood
    if sat > 80:
        return {"neutral": "pleased", "impatient": "neutral"}.get(mood, mood)
    if sat < 10:
        return {"pleased": "neutral", "neutral": "upset", "impatient": "angry", "upset": "angry"}.get(mood, mood)
    if sat < 25:
        return {"pleased": "neutral", "neutral": "upset"}.get(mood, mood)
    return mood


class _Painter(BodyParts, FaceParts):
    """Draws one portrait on a canvas; each part is a method, called back to front."""

    def __init__(self, surface: pygame.Surface, look: Look, mood: str, talking: bool, blinking: bool = False) -> None:
        super().__init__(surface, look)
        self.ex = EXPRESSIONS.get(mood, EXPRESSIONS["neutral"])
        self.talking = talking
        self.blinking = blinking

    def paint(self) -> None:
        covered = self.look.hair == "covered"
        self.hair_back()
        if not covered:
            self.neck()  # behind the clothes, so the collar sits over it
        self.body()
        if covered:
            self.scarf_back()
        else:
            self.ears()
        self.head()
        self.facial_hair()
        if covered:
            self.scarf_front()
        else:
            self.hair_front()
        self.face()


def render_portrait(appearance: Mapping[str, object], mood: str, size: tuple[int, int],
                    talking: bool = False, blinking: bool = False) -> pygame.Surface:
    """A transparent head-and-shoulders portrait (eyes shut when `blinking`); cached by its arguments (safe to
    call every frame)."""
    look = look_from(appearance)
    w, h = max(8, int(size[0])), max(8, int(size[1]))
    key = (look, mood if mood in EXPRESSIONS else "neutral", w, h, bool(talking), bool(blinking))
    cached = _cache.get(key)
    if cached is not None:
        return cached
    _cache.make_room((w, h))
    picture = cached_picture("portrait", key, lambda: paint_whole(key), (w, h))
    return _cache.put(key, for_display(picture, alpha=True))


def paint_whole(key: tuple) -> pygame.Surface:
    """Paint the portrait for a cache key (look, mood, w, h, talking, blinking), not yet in the display's format."""
    look, mood, w, h, talking, blinking = key

    def paint(canvas: pygame.Surface, _factor: float) -> None:
        _Painter(canvas, look, mood, talking, blinking).paint()
        # Translucent layers can leave the figure a shade short of opaque; make every drawn pixel solid
        # (edges are softened afterwards by the downscale).
        solid = pygame.mask.from_surface(canvas, 0).to_surface(setcolor=(0, 0, 0, 255), unsetcolor=(0, 0, 0, 0))
        canvas.blit(solid, (0, 0), special_flags=pygame.BLEND_RGBA_MAX)

    return supersampled((w, h), 3 if w * h <= 160_000 else 2, paint)


def neck_line(size: tuple[int, int]) -> int:
    """The pixel row just under the chin of a portrait of this size: where the head bends in a nod."""
    return round(Frame((max(8, int(size[0])), max(8, int(size[1])))).p(0.0, 0.648)[1])


def warm_portraits(appearance: Mapping[str, object], size: tuple[int, int]) -> None:
    """Draw every mood, talking and not, ahead of time (e.g. when a scenario starts) so no frame waits."""
    for mood in vocab.MOODS:
        for talking in (False, True):
            render_portrait(appearance, mood, size, talking)


def clear_cache() -> None:
    _cache.clear()
    from .portrait_parts import clear_parts

    clear_parts()
