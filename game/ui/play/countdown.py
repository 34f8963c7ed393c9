"""A timed moment: a countdown that runs only when told to, drawn as a shrinking ring beside a ringing phone."""

from __future__ import annotations

import math

import pygame

from ..context import Context
from ..widgets import blit_text, panel
from . import art
from .chrome import text_width
from .layout import line_height

MAX_STEP = 0.25  # a long frame (after a stall) never eats more than this much of the player's time


class Countdown:
    """Seconds left on a timer. `tick(dt)` counts down only while `running`; True once it has expired."""

    def __init__(self, seconds: float, ringing_phone: bool = True) -> None:
        self.ringing_phone = ringing_phone  # a phone rings while it runs; otherwise an hourglass shows
        self.seconds = float(seconds)
        self.left = float(seconds)
        self.running = False
        self.expired = False

    @property
    def whole_seconds(self) -> int:
        """The number shown: seconds left, rounded up."""
        return max(0, math.ceil(self.left - 1e-9))

    @property
    def fraction(self) -> float:
        return max(0.0, self.left / self.seconds) if self.seconds > 0 else 0.0

    def tick(self, dt: float) -> bool:
        """Count down by dt (capped) if running; True exactly once, when the time runs out."""
        if not self.running or self.expired:
            return False
        self.left = max(0.0, self.left - min(dt, MAX_STEP))
        if self.left <= 0:
            self.expired = True
            self.running = False
            return True
        return False


def _ring(surface: pygame.Surface, colour, center: tuple[int, int], radius: int, width: int,
          fraction: float, origin: tuple[int, int] = (0, 0)) -> None:
    """A thick arc from 12 o'clock, clockwise, covering `fraction` of the circle; drawn on a `surface` whose
    top-left corner is at `origin` (each point is worked out where it lies on the screen, then moved: the
    pixels come out exactly as if drawn on the screen itself)."""
    if fraction <= 0:
        return
    steps = max(8, int(96 * fraction))
    outer, inner = [], []
    ox, oy = origin
    for i in range(steps + 1):
        a = -math.pi / 2 + 2 * math.pi * fraction * i / steps
        outer.append((center[0] + radius * math.cos(a) - ox, center[1] + radius * math.sin(a) - oy))
        inner.append((center[0] + (radius - width) * math.cos(a) - ox,
                      center[1] + (radius - width) * math.sin(a) - oy))
    pygame.draw.polygon(surface, colour, outer + inner[::-1])
    pygame.draw.aalines(surface, colour, fraction >= 1, outer)  # smooth the curved edges
    pygame.draw.aalines(surface, colour, fraction >= 1, inner)


_tile: list = []  # [key, surface]: the ring as last drawn, on its own small opaque square


def ring_tile(surface: pygame.Surface, ground, track, colour, center: tuple[int, int], radius: int, width: int,
              fraction: float) -> None:
    """The ring's track and its arc for `fraction`, over the box's `ground` colour: drawn on a small square
    kept for the next frame, which only copies it while the time left stays the same (a timer paused, or
    waiting for the choices); the same pixels as drawing them in place."""
    size = 2 * radius + 4
    at = (center[0] - size // 2, center[1] - size // 2)
    key = (tuple(ground), tuple(track), tuple(colour), center, radius, width, fraction)
    if not _tile or _tile[0] != key:
        tile = _tile[1] if _tile and _tile[1].get_size() == (size, size) else pygame.Surface((size, size))
        tile.fill(ground)
        _ring(tile, track, center, radius, width, 1.0, at)
        _ring(tile, colour, center, radius, width, fraction, at)
        _tile[:] = [key, tile]
    surface.blit(_tile[1], at)


LABEL = "seconds left"
PAUSED = "paused"
PHONE_COLUMN = 112  # logical width kept for the phone and its ring waves


def _ring_parts(ctx: Context) -> tuple[float, float, float]:
    """(ring diameter, ring column width, box height) in logical pixels for the current text size."""
    ring_d = max(72.0, line_height(ctx, "large", True) * 1.5)
    label_w = text_width(ctx, LABEL, "small") / ctx.viewport.scale
    column = max(ring_d, label_w) + 16
    return ring_d, column, 10 + ring_d + line_height(ctx, "small") + 8


def box_rect(ctx: Context, stage: pygame.Rect) -> pygame.Rect:
    """Where the countdown sits: the stage's top-right corner (logical), as wide as the stage allows."""
    _, column, h = _ring_parts(ctx)
    w = min(PHONE_COLUMN + column, stage.width - 24)
    return pygame.Rect(stage.right - 12 - round(w), stage.top + 12, round(w), round(h))


def draw_countdown(surface: pygame.Surface, ctx: Context, logical: pygame.Rect, countdown: Countdown,
                   paused: bool = False) -> None:
    """The phone (ringing while time runs) and the ring with the seconds left, with a word for the state.
    The ring keeps the right of the box; the phone takes the rest when there is room for it."""
    th = ctx.theme
    vp = ctx.viewport
    rect = vp.rect(*logical)
    panel(surface, rect, ctx, colour=th.surface, border=th.warn if countdown.fraction < 0.3 else th.border, width=2)
    ring_d, column, _ = _ring_parts(ctx)
    column = min(column, logical.width)
    ring_x = logical.right - column / 2
    ring_y = logical.top + 10 + ring_d / 2
    phone_room = logical.width - column
    if phone_room >= 64 and not countdown.ringing_phone:
        from ..art.phone import draw_hourglass

        centre = vp.point(logical.left + phone_room / 2 + 4, ring_y)
        draw_hourglass(surface, centre, vp.px(min(50.0, phone_room * 0.44)), th.text_muted, th.warn,
                       countdown.fraction)
    elif phone_room >= 64:
        ringing = countdown.running and not paused
        size = round(min(50.0, phone_room * 0.44))
        centre = vp.point(logical.left + phone_room / 2 + 4, ring_y)
        if not art.phone(surface, centre, vp.px(size), ctx.time % 1.0, ringing):
            wobble = round(math.sin(ctx.time * 40) * vp.px(3)) if ringing else 0
            blit_text(surface, ctx, "☎", (centre[0] + wobble, centre[1]), "title", th.text, anchor="center")
    ring_c = vp.point(ring_x, ring_y)
    radius = vp.px(ring_d / 2)
    width = vp.px(max(6.0, ring_d / 9))
    colour = th.bad if countdown.fraction < 0.3 else (th.warn if countdown.fraction < 0.6 else th.good)
    ring_tile(surface, th.surface, th.surface_alt, colour, ring_c, radius, width, countdown.fraction)
    blit_text(surface, ctx, str(countdown.whole_seconds), ring_c, "large", th.text, bold=True, anchor="center")
    words = (PAUSED,) if paused else (LABEL, "seconds", "")
    word = next((w for w in words if text_width(ctx, w, "small") <= vp.px(logical.width - 8)), "")
    if word:
        blit_text(surface, ctx, word, vp.point(ring_x, logical.bottom - 6), "small", th.text_muted,
                  anchor="midbottom")
