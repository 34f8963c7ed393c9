"""Shrink a heading's font size until it fits its space (computed at layout time, never per frame)."""

from __future__ import annotations

from ..context import Context


def fit_px(ctx: Context, text: str, token: str, max_width: int, bold: bool = True, floor: float = 0.5) -> int:
    """The largest pixel size, at most the token's, at which text fits max_width window pixels."""
    px = ctx.px(token)
    lowest = max(8, round(px * floor))
    while px > lowest and ctx.text.font(px, bold).size(text)[0] > max_width:
        px -= max(1, px // 20)
    return max(px, lowest)
