"""A timed moment: a countdown that runs only when told to, drawn as a shrinking ring beside a ringing phone."""

from __future__ import annotations

import math

import pygame

from ..context import Context
from ..widgets import blit_text, panel
from . import art

MAX_STEP = 0.25  # a long frame (after a stall) never eats more than this much of the player's time
BOX = (236, 104)  # logical size of the countdown box


class Countdown:
    """Seconds left on a timer. `tick(dt)` counts down only while `running`; True once it has expired."""

    def __init__(self, seconds: float) -> None:
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
          fraction: float) -> None:
    """A thick arc from 12 o'clock, clockwise, covering `fraction` of the circle."""
    if fraction <= 0:
        return
    steps = max(8, int(96 * fraction))
    outer, inner = [], []
    for i in range(steps + 1):
        a = -math.pi / 2 + 2 * math.pi * fraction * i / steps
        outer.append((center[0] + radius * math.cos(a), center[1] + radius * math.sin(a)))
        inner.append((center[0] + (radius - width) * math.cos(a), center[1] + (radius - width) * math.sin(a)))
    pygame.draw.polygon(surface, colour, outer + inner[::-1])


def box_rect(stage: pygame.Rect) -> pygame.Rect:
    """Where the countdown sits: the stage's top-right corner (logical)."""
    w, h = BOX
    return pygame.Rect(stage.right - w - 12, stage.top + 12, w, h)


def draw_countdown(surface: pygame.Surface, ctx: Context, logical: pygame.Rect, countdown: Countdown,
                   paused: bool = False) -> None:
    """The phone (ringing while time runs) and the ring with the seconds left, with a word for the state."""
    th = ctx.theme
    vp = ctx.viewport
    rect = vp.rect(*logical)
    panel(surface, rect, ctx, colour=th.surface, border=th.warn if countdown.fraction < 0.3 else th.border, width=2)
    ringing = countdown.running and not paused
    phone_c = vp.point(logical.left + 64, logical.top + 46)
    phone_size = vp.px(50)
    if not art.phone(surface, phone_c, phone_size, ctx.time % 1.0, ringing):
        wobble = round(math.sin(ctx.time * 40) * vp.px(3)) if ringing else 0
        blit_text(surface, ctx, "☎", (phone_c[0] + wobble, phone_c[1]), "title", th.text, anchor="center")
    ring_c = vp.point(logical.right - 64, logical.top + 44)
    radius = vp.px(36)
    width = vp.px(8)
    _ring(surface, th.surface_alt, ring_c, radius, width, 1.0)
    colour = th.bad if countdown.fraction < 0.3 else (th.warn if countdown.fraction < 0.6 else th.good)
    _ring(surface, colour, ring_c, radius, width, countdown.fraction)
    blit_text(surface, ctx, str(countdown.whole_seconds), ring_c, "large", th.text, bold=True, anchor="center")
    word = "paused" if paused else "seconds left"
    blit_text(surface, ctx, word, vp.point(logical.right - 64, logical.bottom - 6), "small", th.text_muted,
              anchor="midbottom")
