"""The classroom's countdown on a timed decision: one compact row (the phone or an hourglass, the seconds
left, and whether the clock runs: it waits for T) over a bar that empties, legible from the back of a room."""

from __future__ import annotations

import math

import pygame

from ..context import Context
from ..play import art
from ..play.chrome import text_width
from ..play.layout import line_height
from ..stage.dialogue import glass
from ..stage.textlog import TextLog, line

PAD = 12
ICON = 44
BAR = 8
WORDS = ("paused · T", "running", "time's up")


def timer_size(ctx: Context) -> tuple[float, float]:
    """(width, height) of the countdown in logical pixels, for the widest of its numbers and words."""
    scale = ctx.viewport.scale
    number = text_width(ctx, "88", "large", True) / scale
    word = max(text_width(ctx, w, "small") for w in WORDS) / scale
    row = max(ICON, line_height(ctx, "large", True))
    return 4 * PAD + ICON + number + word, 2 * PAD + row + 6 + BAR


def draw_class_timer(surface: pygame.Surface, ctx: Context, log: TextLog, logical: pygame.Rect, seconds: int,
                     left: float, running: bool, phone: bool = True, ran_out: bool = False) -> None:
    """The countdown in `logical`; once the time ran out it stays at 0 and says so."""
    th = ctx.theme
    vp = ctx.viewport
    box = vp.rect(*logical)
    fraction = max(0.0, min(1.0, left / seconds)) if seconds else 0.0
    colour = th.bad if fraction < 0.3 else th.warn if fraction < 0.6 else th.good
    glass(surface, box, th.surface, 245, vp.px(th.radius), colour if running else th.border, max(1, vp.px(2)))
    row_h = logical.height - 2 * PAD - 6 - BAR
    mid = logical.top + PAD + row_h / 2
    icon = vp.point(logical.left + PAD + ICON / 2, mid)
    if not phone:
        from ..art.phone import draw_hourglass

        draw_hourglass(surface, icon, vp.px(ICON), th.text_muted, th.warn, fraction)
    elif not art.phone(surface, icon, vp.px(ICON), ctx.time % 1.0, running):
        line(surface, ctx, log, "☎", icon, "large", th.text, box, anchor="center")
    number = line(surface, ctx, log, str(max(0, math.ceil(left - 1e-9))),
                  vp.point(logical.left + 2 * PAD + ICON, mid), "large", colour, box, bold=True, anchor="midleft")
    word = "time's up" if ran_out else "running" if running else "paused · T"
    line(surface, ctx, log, word, (vp.point(logical.right - PAD, mid)[0], number.centery), "small", th.text,
         box, anchor="midright")
    track = vp.rect(logical.left + PAD, logical.bottom - PAD - BAR, logical.width - 2 * PAD, BAR)
    pygame.draw.rect(surface, th.surface_alt, track, border_radius=track.height // 2)
    if fraction > 0:
        fill = pygame.Rect(track.left, track.top, max(track.height, round(track.width * fraction)), track.height)
        pygame.draw.rect(surface, colour, fill, border_radius=track.height // 2)
