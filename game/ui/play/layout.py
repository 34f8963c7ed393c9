"""Measures shared by the screens that show a scenario, in logical coordinates (720 high, 960 to 1280 wide):
margins, text heights, meter rows, speech and choice heights. The play screen's own layout is the stage's
(game/ui/stage/layout.py)."""

from __future__ import annotations

from ..context import Context
from ..widgets import paragraph_height

MARGIN = 24
GAP = 16
TOP_BAR = 52
CHOICE_GAP = 10
CHOICE_PAD_Y = 14
METER_BAR = 12
METER_PAD = 12


def logical_height(ctx: Context, text: str, width: float, token: str, bold: bool = False) -> float:
    """Height in logical pixels of text wrapped to a logical width.

    Measured one window pixel narrower than the width: a rectangle drawn from rounded corners can come out
    a pixel narrower than the rounded length, and then a line that just fitted would wrap when drawn."""
    if not text:
        return 0.0
    return paragraph_height(ctx, text, max(1, ctx.viewport.px(width) - 1), token, bold) / ctx.viewport.scale


def line_height(ctx: Context, token: str, bold: bool = False) -> float:
    return ctx.text.line_height(ctx.px(token), bold) / ctx.viewport.scale


def meter_row(ctx: Context) -> float:
    """Logical height of one meter row: a line of text above a bar."""
    return line_height(ctx, "body", True) + max(METER_BAR + 4, line_height(ctx, "small", True)) + 10


def meters_height(ctx: Context, count: int) -> int:
    return round(2 * METER_PAD + max(1, count) * meter_row(ctx))


def badge_space(ctx: Context, token: str) -> float:
    """Logical width taken by a choice button's number badge and paddings, measured in window pixels the way
    widgets.Button draws them (three paddings, the badge), plus a pixel for rounding."""
    vp = ctx.viewport
    return (3 * vp.px(16) + ctx.px(token) + vp.px(12) + 1) / vp.scale


def choice_height(ctx: Context, width: float, text: str, token: str) -> float:
    inner = width - badge_space(ctx, token)
    return max(54.0, logical_height(ctx, text, inner, token) + 2 * CHOICE_PAD_Y)
