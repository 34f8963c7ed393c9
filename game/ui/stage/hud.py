"""The meters as a compact HUD in the stage's top-right corner: a small bar per meter with its number and the
change just made (eased by play.meters.MeterPanel, which keeps the logic)."""

from __future__ import annotations

import pygame

from ...engine.model import Meter
from ..context import Context
from ..play.chrome import text_width
from ..play.layout import line_height
from ..play.meters import MeterPanel, delta_text
from .dialogue import glass
from .textlog import TextLog, line, paragraph, wrap

BAR = 7
PAD = 14


SPACE = 10  # logical pixels between a label, its number and its change


def _chip_w(ctx: Context) -> float:
    return text_width(ctx, delta_text(-88), "small", True) / ctx.viewport.scale


def _number_w(ctx: Context, m: Meter) -> float:
    return max(text_width(ctx, f"{v}{m.unit}", "small", True) for v in (m.min, m.max, 88)) / ctx.viewport.scale


def _rows(ctx: Context, meters: MeterPanel, width: float) -> list[tuple[bool, bool, int]]:
    """For each meter in a HUD `width` wide: (whether the number and change share the label's line,
    whether the number at least does, how many lines the label takes). Otherwise they go after the bar, on a
    line of their own; a label wider than the HUD wraps (very large type)."""
    inner = width - 2 * PAD
    out = []
    for g in meters.gauges:
        label = text_width(ctx, g.meter.label, "small", True) / ctx.viewport.scale + SPACE
        number = _number_w(ctx, g.meter)
        lines = 1
        if label - SPACE > inner:
            lines = len(wrap(ctx, g.meter.label, ctx.viewport.px(inner) - 1, "small", True))
        out.append((lines == 1 and label + number + SPACE + _chip_w(ctx) <= inner,
                    lines == 1 and label + number <= inner, lines))
    return out


def _row_h(ctx: Context, row: tuple[bool, bool, int]) -> float:
    """The label's lines, then the bar alone (BAR high) or a line holding the bar beside the number/change."""
    text_h = line_height(ctx, "small", True)
    return text_h * row[2] + (BAR + 2 if row[0] else text_h) + 12


def size(ctx: Context, meters: MeterPanel, max_width: float) -> tuple[float, float]:
    """(width, height) of the HUD in logical pixels, at most `max_width` wide (nothing when no meter shows)."""
    if not meters.gauges:
        return 0.0, 0.0
    need = max(text_width(ctx, g.meter.label, "small", True) / ctx.viewport.scale + 2 * SPACE
               + _number_w(ctx, g.meter) + _chip_w(ctx) for g in meters.gauges)
    width = min(max(220.0, need + 2 * PAD), max_width)
    return width, 8 + sum(_row_h(ctx, r) for r in _rows(ctx, meters, width))


def draw_hud(surface: pygame.Surface, ctx: Context, log: TextLog | None, logical: pygame.Rect,
             meters: MeterPanel) -> None:
    """Each meter: its label, number and latest change on a line above its bar; in a narrow HUD the change
    (and the number, if the label leaves no room) goes on the bar's line, after the bar."""
    if not meters.gauges:
        return
    th = ctx.theme
    vp = ctx.viewport
    rect = vp.rect(*logical)
    glass(surface, rect, th.surface, 236, vp.px(th.radius), th.border, max(1, vp.px(1)))
    text_h = line_height(ctx, "small", True)
    right = logical.right - PAD
    y = logical.top + 6
    for g, row in zip(meters.gauges, _rows(ctx, meters, logical.width), strict=True):
        m = g.meter
        together, number_up, lines = row
        label_y = y + text_h / 2
        low_y = y + text_h * (lines + 0.5) + 2
        if lines == 1:
            line(surface, ctx, log, m.label, vp.point(logical.left + PAD, label_y), "small", th.text, rect,
                 bold=True, anchor="midleft")
        else:
            paragraph(surface, ctx, log, m.label, vp.rect(logical.left + PAD, y, logical.width - 2 * PAD,
                                                           text_h * lines), "small", th.text, bold=True, box=rect)
        number_at = (right, label_y) if number_up else (right - _chip_w(ctx) - SPACE, low_y)
        number = line(surface, ctx, log, f"{round(g.shown)}{m.unit}", vp.point(*number_at), "small", th.text, rect,
                      bold=True, anchor="midright")
        chip_at = ((min(vp.to_logical(number.topleft)[0], right - _number_w(ctx, m)) - SPACE, label_y) if together
                   else (right, low_y))
        if g.delta:
            colour = th.good if m.judge(g.delta) > 0 else th.bad
            line(surface, ctx, log, delta_text(g.delta), vp.point(*chip_at), "small", colour, rect, bold=True,
                 anchor="midright")
        if together:
            track = vp.rect(logical.left + PAD, y + text_h + 1, logical.width - 2 * PAD, BAR)
        else:
            end = right - _chip_w(ctx) - SPACE - (0 if number_up else _number_w(ctx, m) + SPACE)
            track = vp.rect(logical.left + PAD, low_y - BAR / 2, end - logical.left - PAD, BAR)
        _bar(surface, ctx, track, g.shown, m)
        y += _row_h(ctx, row)


def _bar(surface: pygame.Surface, ctx: Context, track: pygame.Rect, shown: float, m: Meter) -> None:
    th = ctx.theme
    radius = track.height // 2
    pygame.draw.rect(surface, th.surface_alt, track, border_radius=radius)
    frac = max(0.0, min(1.0, (shown - m.min) / max(1, m.max - m.min)))
    if frac > 0:
        clip = surface.get_clip()
        surface.set_clip(track.clip(clip))  # a low value's rounded end never pokes out of its track
        fill = pygame.Rect(track.left, track.top, max(1, round(track.width * frac)), track.height)
        pygame.draw.rect(surface, _colour(ctx, m.goodness(round(shown))), fill, border_radius=radius)
        surface.set_clip(clip)
    pygame.draw.rect(surface, th.border, track, width=1, border_radius=radius)


def _colour(ctx: Context, goodness: float) -> tuple[int, int, int]:
    th = ctx.theme
    return th.bad if goodness < 0.34 else th.warn if goodness < 0.6 else th.good
