"""Text made of coloured runs (e.g. 'Satisfaction ▲ +6' in the good colour, then 'Loyalty ▼ −2' in the bad
one), wrapped as a whole. Each run is kept on one line when it fits."""

from __future__ import annotations

from functools import lru_cache

import pygame

from ..context import Context
from ..textline import LineFont

RGB = tuple[int, int, int]
Run = tuple[str, RGB]


def _place(ctx: Context, runs: list[Run], width: int, token: str, bold: bool,
           sep: str) -> tuple[tuple[int, int, str, RGB], ...]:
    return _placed(tuple(runs), int(width), ctx.px(token), bold, sep)


@lru_cache(maxsize=512)
def _placed(runs: tuple[Run, ...], width: int, px: int, bold: bool, sep: str) -> tuple[tuple[int, int, str, RGB], ...]:
    """(x, line, text, colour) for each piece, in window pixels relative to the origin (remembered)."""
    font = LineFont(px, bold)  # measures as ctx.text.render draws (the font chain)
    gap = font.size(sep)[0]
    x, line = 0, 0
    out = []
    for text, colour in runs:
        w = font.size(text)[0]
        if x and x + gap + w > width:
            x, line = 0, line + 1
        elif x:
            x += gap
        if w <= width:
            out.append((x, line, text, colour))
            x += w
            continue
        for word in text.split():  # a run longer than the line: wrap it word by word
            ww = font.size(word)[0]
            if x and x + font.size(" ")[0] + ww > width:
                x, line = 0, line + 1
            elif x:
                x += font.size(" ")[0]
            out.append((x, line, word, colour))
            x += ww
    return tuple(out)


def runs_height(ctx: Context, runs: list[Run], width: int, token: str = "small", bold: bool = False,
                sep: str = "   ") -> int:
    """Height in window pixels of the runs wrapped to `width` window pixels."""
    if not runs:
        return 0
    lines = max(line for _, line, _, _ in _place(ctx, runs, width, token, bold, sep)) + 1
    return lines * ctx.text.line_height(ctx.px(token), bold)


def draw_runs(surface: pygame.Surface, ctx: Context, runs: list[Run], pos: tuple[int, int], width: int,
              token: str = "small", bold: bool = False, sep: str = "   ") -> int:
    """Draw the runs from `pos` (window pixels), wrapped to `width`; returns the height used."""
    step = ctx.text.line_height(ctx.px(token), bold)
    px = ctx.px(token)
    placed = _place(ctx, runs, width, token, bold, sep)
    for x, line, text, colour in placed:
        surface.blit(ctx.text.render(text, px, colour, bold), (pos[0] + x, pos[1] + line * step))
    return (max((line for _, line, _, _ in placed), default=-1) + 1) * step
