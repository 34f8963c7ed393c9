"""The meters as a compact panel at the top of the classroom's stage, above the person's head.

It reads the eased values and changes of a MeterPanel (so the reveal still animates) and lays each meter out
as its name and number on a line over a thin bar; a name too long for that line has its own lines and the
number sits beside the bar. Nothing is cut.
"""

from __future__ import annotations

import pygame

from ..context import Context
from ..play.meters import MeterPanel
from ..widgets import panel
from .draw import Recorder, line

PAD = 8
BAR = 6
ROW_GAP = 6


def _number(g) -> str:
    return f"{round(g.shown)}{g.meter.unit}"


def _rows(ctx: Context, g, inner: int) -> tuple[list[str], bool]:
    """The meter's name as lines, and whether the number (and change) shares the first line or has its own."""
    font = ctx.text.font(ctx.px("small"), True)
    if font.size(g.meter.label)[0] + font.size(_number(g))[0] + ctx.viewport.px(12) <= inner:
        return [g.meter.label], True
    return ctx.text.wrap(g.meter.label, ctx.px("small"), inner, True), False


def hud_height(ctx: Context, meters: MeterPanel, width: float) -> float:
    """Logical height of the panel for `width` logical pixels."""
    vp = ctx.viewport
    if not meters.gauges:
        return 0.0
    inner = vp.px(width - 2 * PAD)
    step = ctx.text.line_height(ctx.px("small"), True)
    h = 0
    for g in meters.gauges:
        lines, shared = _rows(ctx, g, inner)
        h += len(lines) * step + (vp.px(BAR) if shared else step) + vp.px(ROW_GAP)
    return (h - vp.px(ROW_GAP) + 2 * vp.px(PAD)) / vp.scale


def draw_hud(surface: pygame.Surface, ctx: Context, rec: Recorder, logical: pygame.Rect, meters: MeterPanel) -> None:
    th = ctx.theme
    vp = ctx.viewport
    box = vp.rect(*logical)
    panel(surface, box, ctx, colour=th.surface, border=th.border, width=2)
    inner = vp.px(logical.width - 2 * PAD)
    left, right = box.left + vp.px(PAD), box.left + vp.px(PAD) + inner
    step = ctx.text.line_height(ctx.px("small"), True)
    y = box.top + vp.px(PAD)
    for g in meters.gauges:
        m = g.meter
        lines, shared = _rows(ctx, g, inner)
        for i, text in enumerate(lines):
            line(surface, ctx, rec, text, (left, y + i * step), "small", th.text, bold=True, box=box)
        # The number is green or red while a change is fresh (the change itself is on the coach's card).
        colour = th.text if not g.delta else th.good if g.judged > 0 else th.bad
        if shared:  # the number on the name's line, a thin bar under it
            y += (len(lines) - 1) * step
            line(surface, ctx, rec, _number(g), (right, y), "small", colour, bold=True, anchor="topright", box=box)
            y += step
            track = pygame.Rect(left, y, inner, vp.px(BAR))
            y += vp.px(BAR) + vp.px(ROW_GAP)
        else:  # a long name on its own lines; the bar and the number share the next one
            y += len(lines) * step
            number = line(surface, ctx, rec, _number(g), (right, y), "small", colour, bold=True,
                          anchor="topright", box=box)
            bar_right = number.left - vp.px(12)
            track = pygame.Rect(left, y + (step - vp.px(BAR)) // 2, max(vp.px(BAR), bar_right - left), vp.px(BAR))
            y += step + vp.px(ROW_GAP)
        pygame.draw.rect(surface, th.surface_alt, track, border_radius=track.height // 2)
        frac = max(0.0, min(1.0, (g.shown - m.min) / max(1, m.max - m.min)))
        if frac > 0:
            fill = pygame.Rect(track.left, track.top, max(track.height, round(track.width * frac)), track.height)
            pygame.draw.rect(surface, _fill(ctx, m.goodness(round(g.shown))), fill, border_radius=track.height // 2)


def _fill(ctx: Context, frac: float) -> tuple[int, int, int]:
    th = ctx.theme
    return th.bad if frac < 0.34 else th.warn if frac < 0.6 else th.good
