"""The debrief's value chart: the class's net lifetime value against the best and worst reachable."""

from __future__ import annotations

import math

import pygame

from ...engine import fmt_amount
from ...facilitation import Debrief
from ..context import Context
from ..widgets import panel
from .draw import Recorder, line, logical_line, logical_text_height, paragraph

PAD = 14
CHART_HEADING = "Lifetime value, word of mouth included"


def draw_value_chart(surface: pygame.Surface, ctx: Context, rec: Recorder, logical: pygame.Rect, data: Debrief,
                     found: bool, status: str) -> float:
    """Net lifetime value: the class against the best and worst reachable, as bars from a zero line.
    The panel is as tall as what it holds (at most `logical`); returns that logical height."""
    th = ctx.theme
    vp = ctx.viewport
    unit = data.unit
    worth = data.value
    inner = logical.width - 2 * PAD
    amounts = (f"Kept {fmt_amount(worth.kept, unit)} · won {fmt_amount(worth.won, unit)} · lost "
               f"{fmt_amount(worth.lost, unit)}") if worth is not None else ""
    bars = []
    if data.best is not None:
        bars.append((f"{'Best' if found else 'Best found'}: {data.best.title}", data.best.net, th.good))
    bars.append(("The class", worth.net if worth else 0.0, th.accent))
    if data.worst is not None:
        bars.append((f"{'Worst' if found else 'Worst found'}: {data.worst.title}", data.worst.net, th.bad))
    bold = ctx.text.font(ctx.px("small"), True)
    step = logical_line(ctx, "small", True)

    def label_lines(label: str, value: float) -> list[str]:  # a long ending's title wraps beside its amount
        room = vp.px(inner) - bold.size(fmt_amount(value, unit, signed=True))[0] - vp.px(16)
        return ctx.text.wrap(label, ctx.px("small"), max(1, room), True)

    rows = [len(label_lines(label, value)) * step + 4 + 14 + 16 for label, value, _ in bars]
    heading_h = logical_text_height(ctx, CHART_HEADING, "small", inner, True)
    amounts_h = logical_text_height(ctx, amounts, "small", inner) if amounts else 0
    status_h = logical_text_height(ctx, status, "small", inner) + 8 if status else 0
    need = PAD + heading_h + 8 + sum(rows) + status_h + amounts_h + PAD
    logical = pygame.Rect(logical.left, logical.top, logical.width, math.ceil(min(logical.height, need)))
    box = vp.rect(*logical)
    panel(surface, box, ctx, colour=th.surface, border=th.border, width=2)
    y = logical.top + PAD
    y += paragraph(surface, ctx, rec, CHART_HEADING, vp.rect(logical.left + PAD, y, inner, 1), "small",
                   th.text_muted, bold=True, box=box) / vp.scale + 8
    span = max(1.0, max(abs(v) for _, v, _ in bars))
    has_negative = any(v < 0 for _, v, _ in bars)
    track_l, track_r = logical.left + PAD, logical.right - PAD
    zero = (track_l + track_r) / 2 if has_negative else track_l
    half = track_r - zero
    for (label, value, colour), row in zip(bars, rows, strict=True):
        amount = fmt_amount(value, unit, signed=True)
        line(surface, ctx, rec, amount, vp.point(track_r, y), "small", colour, bold=True,
             anchor="topright", box=box)
        texts = label_lines(label, value)
        for i, text in enumerate(texts):
            line(surface, ctx, rec, text, vp.point(track_l, y + i * step), "small", th.text, bold=True,
                 box=box)
        by = y + len(texts) * step + 4
        length = half * abs(value) / span
        bar = pygame.Rect(round(zero if value >= 0 else zero - length), round(by), max(2, round(length)), 14)
        pygame.draw.line(surface, th.border, vp.point(zero, by - 4), vp.point(zero, by + 18), max(1, vp.px(2)))
        pygame.draw.rect(surface, colour, vp.rect(*bar), border_radius=vp.px(4))
        y += row
    if status and y + status_h <= logical.bottom - PAD + 1:
        y += paragraph(surface, ctx, rec, status, vp.rect(track_l, y, inner, 1), "small", th.text_muted,
                       box=box) / vp.scale + 8
    if amounts and y + amounts_h <= logical.bottom - PAD + 1:
        paragraph(surface, ctx, rec, amounts, vp.rect(track_l, y, inner, 1), "small", th.text_muted,
                  box=box)
    return logical.height
