"""The lifetime-value chart: this outcome beside the best reachable one, kept / won / lost over the horizon.

Uses the art module's `draw_value_chart` when it is there; otherwise draws plain labelled bars itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...engine import LifetimeValue, Scenario, fmt_amount
from ..context import Context
from ..widgets import blit_text
from . import art


@dataclass(frozen=True)
class Bar:
    """One bar of the chart (mirrors art.chart.ChartBar)."""

    label: str
    kept: float
    won: float
    lost: float
    unit: str


def best_outcome(scenario: Scenario) -> tuple[LifetimeValue, str] | None:
    """The most valuable ending reachable (the same best as `all_paths(scenario).best` when the exploration is
    complete) and its title. Bounded, but it blocks: screens use `outcomes_for` on a worker thread instead."""
    from ..outcomes import explore_outcomes

    best = explore_outcomes(scenario).best
    if best is None:
        return None
    return best.value, scenario.endings[best.ending].title


def bar_for(label: str, value: LifetimeValue) -> Bar:
    return Bar(label, value.kept, value.won, value.lost, value.unit)


def draw_chart(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, bars: list[Bar], progress: float) -> None:
    """Draw the chart in a window-pixel rect, grown to `progress` (0..1)."""
    mod = art.chart_module()
    if mod is not None and hasattr(mod, "draw_value_chart") and hasattr(mod, "ChartBar"):
        try:
            theirs = [mod.ChartBar(b.label, b.kept, b.won, b.lost, b.unit) for b in bars]
            mod.draw_value_chart(surface, rect, theirs, progress, ctx.theme, ctx.px("small"))
            return
        except Exception:  # fall back to the plain chart below
            pass
    _plain_chart(surface, ctx, rect, bars, progress)


def _plain_chart(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, bars: list[Bar], progress: float) -> None:
    th = ctx.theme
    vp = ctx.viewport
    top = max((b.kept + b.won + b.lost for b in bars), default=0) or 1.0
    line = ctx.text.line_height(ctx.px("small"), True)
    row_h = rect.height // max(1, len(bars))
    bar_h = max(vp.px(18), row_h - 2 * line - vp.px(16))
    for i, b in enumerate(bars):
        y = rect.top + i * row_h
        blit_text(surface, ctx, b.label, (rect.left, y), "small", th.text, bold=True)
        x = rect.left
        by = y + line + vp.px(4)
        for amount, colour in ((b.kept, th.good), (b.won, th.accent), (b.lost, th.bad)):
            w = round(rect.width * amount / top * max(0.0, min(1.0, progress)))
            if w > 0:
                pygame.draw.rect(surface, colour, (x, by, w, bar_h))
                x += w
        pygame.draw.rect(surface, th.border, (rect.left, by, rect.width, bar_h), width=1)
        words = [f"{name} {fmt_amount(a, b.unit)}" for name, a in (("kept", b.kept), ("won", b.won),
                                                                   ("lost", b.lost)) if a]
        blit_text(surface, ctx, " · ".join(words) or "nothing", (rect.left, by + bar_h + vp.px(4)), "small",
                  th.text_muted)
