"""Meters as labelled bars with numbers, easing to new values and showing the change (+6 / −8)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pygame

from ...engine.model import Meter
from ..context import Context
from ..widgets import blit_text, panel
from .chrome import fit_text, text_width
from .layout import METER_BAR, METER_PAD, line_height, meter_row

EASE_SECONDS = 0.7  # time for a bar to reach its new value
CUSTOMER_METERS = ("satisfaction", "loyalty")  # how the person served feels; the engine's teaching score too


def delta_text(delta: int) -> str:
    """'▲ +6' or '▼ −8': the direction is in the shape and the sign, not only the colour."""
    return f"▲ +{delta}" if delta > 0 else f"▼ −{abs(delta)}"


def judge_change(meter_id: str, deltas: Mapping[str, int], polarity: Mapping[str, int]) -> int:
    """+1 when a meter's change is good news for the person served, -1 when bad, 0 for no change.

    A higher-is-better meter is judged by its own direction. A lower-is-better one (talk time) is a cost, judged
    by what the choice did for the customer: minutes spent on a choice that pleased her were well spent (good
    news), minutes spent on one that upset her were not; only when she is unmoved does its own direction count.
    """
    delta = deltas.get(meter_id, 0)
    if not delta:
        return 0
    own = (1 if delta > 0 else -1) * polarity.get(meter_id, 1)
    if polarity.get(meter_id, 1) > 0 or meter_id in CUSTOMER_METERS:
        return own
    served = sum(polarity.get(m, 1) * deltas.get(m, 0) for m in CUSTOMER_METERS)
    return own if served == 0 else (1 if served > 0 else -1)


@dataclass
class _Gauge:
    meter: Meter
    target: int
    shown: float
    start: float
    elapsed: float = EASE_SECONDS
    delta: int = 0
    judged: int = 0  # +1 good news, -1 bad (see judge_change)

    @property
    def moving(self) -> bool:
        return self.elapsed < EASE_SECONDS


class MeterPanel:
    """The visible meters of a scenario. `set()` new values, `update(dt)` each frame, `draw()` in a rect."""

    def __init__(self, meters: Iterable[Meter], values: Mapping[str, int]) -> None:
        self.gauges = [_Gauge(m, values.get(m.id, m.start), float(values.get(m.id, m.start)),
                              float(values.get(m.id, m.start))) for m in meters if m.visible]

    def set(self, values: Mapping[str, int], animate: bool = True, show_delta: bool = True) -> None:
        """Move to new values; each change is shown beside its number until the next set() or clear_deltas()."""
        deltas = {g.meter.id: values.get(g.meter.id, g.target) - g.target for g in self.gauges}
        polarity = {g.meter.id: 1 if g.meter.better == "higher" else -1 for g in self.gauges}
        for g in self.gauges:
            new = values.get(g.meter.id, g.target)
            g.delta = new - g.target if show_delta else 0
            g.judged = judge_change(g.meter.id, deltas, polarity)
            if new == g.target:
                continue
            g.start = g.shown
            g.target = new
            g.elapsed = 0.0 if animate else EASE_SECONDS
            if not animate:
                g.shown = float(new)

    def clear_deltas(self) -> None:
        for g in self.gauges:
            g.delta = 0

    def update(self, dt: float) -> bool:
        """Advance the animation; True when the picture changed."""
        changed = False
        for g in self.gauges:
            if g.moving:
                g.elapsed = min(EASE_SECONDS, g.elapsed + dt)
                t = g.elapsed / EASE_SECONDS
                ease = 1 - (1 - t) ** 3
                g.shown = g.start + (g.target - g.start) * ease
                changed = True
        return changed

    def animating(self) -> bool:
        return any(g.moving for g in self.gauges)

    def showing_delta(self, meter_id: str) -> int | None:
        """The change beside a meter right now, if any (for tests and screen readers)."""
        for g in self.gauges:
            if g.meter.id == meter_id and g.delta:
                return g.delta
        return None

    def displayed(self, meter_id: str) -> int:
        """The number shown for a meter at this moment of the animation."""
        for g in self.gauges:
            if g.meter.id == meter_id:
                return round(g.shown)
        raise KeyError(meter_id)

    def _numbers_below(self, ctx: Context, width: float) -> bool:
        """Whether the numbers move down beside the bars, because some label would be cut beside its number."""
        vp = ctx.viewport
        for g in self.gauges:
            number = f"{round(g.shown)}{g.meter.unit}"
            room = width - 32 - text_width(ctx, number, "body", True) / vp.scale - 10
            if text_width(ctx, g.meter.label, "small", True) / vp.scale > room:
                return True
        return False

    def draw(self, surface: pygame.Surface, ctx: Context, logical: pygame.Rect, framed: bool = True) -> None:
        th = ctx.theme
        vp = ctx.viewport
        if framed:
            panel(surface, vp.rect(*logical), ctx, colour=th.surface, border=th.border, width=2)
        row = meter_row(ctx)
        y = logical.top + METER_PAD
        name_h = line_height(ctx, "body", True)
        chip_w = text_width(ctx, delta_text(-88), "small", True) / vp.scale + 8
        below = self._numbers_below(ctx, logical.width)
        for g in self.gauges:
            m = g.meter
            left, right = logical.left + 16, logical.right - 16
            number = f"{round(g.shown)}{m.unit}"
            lane_h = row - name_h - 10
            mid = y + name_h + lane_h / 2
            bar_right = right - chip_w
            if below:  # the label takes the whole line; the number sits after the bar, before the change
                num_rect = blit_text(surface, ctx, number, vp.point(bar_right - 6, mid), "small", th.text,
                                     bold=True, anchor="midright")
                bar_right = vp.to_logical(num_rect.topleft)[0] - 8
                room = vp.px(right - left)
                label_y = vp.point(left, y + name_h / 2)[1]
            else:
                num_rect = blit_text(surface, ctx, number, vp.point(right, y), "body", th.text, bold=True,
                                     anchor="topright")
                room = num_rect.left - vp.point(left, y)[0] - vp.px(10)
                label_y = num_rect.centery
            x0 = vp.point(left, y)[0]
            token = "body" if text_width(ctx, m.label, "body", True) <= room else "small"
            blit_text(surface, ctx, fit_text(ctx, m.label, token, room, True), (x0, label_y), token, th.text,
                      bold=True, anchor="midleft")
            if g.delta:
                colour = th.good if g.judged > 0 else th.bad
                blit_text(surface, ctx, delta_text(g.delta), vp.point(right, mid), "small", colour, bold=True,
                          anchor="midright")
            track = vp.rect(left, mid - METER_BAR / 2, bar_right - left, METER_BAR)
            pygame.draw.rect(surface, th.surface_alt, track, border_radius=track.height // 2)
            span = max(1, m.max - m.min)
            frac = max(0.0, min(1.0, (g.shown - m.min) / span))
            if frac > 0:
                _draw_fill(surface, track, frac, _fill_colour(ctx, m.goodness(round(g.shown))))
            pygame.draw.rect(surface, th.border, track, width=1, border_radius=track.height // 2)
            y += row


def _draw_fill(surface: pygame.Surface, track: pygame.Rect, frac: float, colour: tuple[int, int, int]) -> None:
    """The track's own rounded shape in the fill colour, cut at the value: a low value is a sliver inside the
    track, never a pill wider or taller than it."""
    width = max(1, round(track.width * frac))
    layer = pygame.Surface(track.size, pygame.SRCALPHA)
    pygame.draw.rect(layer, colour, layer.get_rect(), border_radius=track.height // 2)
    if width < track.width:
        layer.fill((0, 0, 0, 0), pygame.Rect(width, 0, track.width - width, track.height))
    surface.blit(layer, track)


def _fill_colour(ctx: Context, frac: float) -> tuple[int, int, int]:
    th = ctx.theme
    if frac < 0.34:
        return th.bad
    if frac < 0.6:
        return th.warn
    return th.good
