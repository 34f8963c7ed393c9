"""Text that must fit its space: a heading shrunk until it fits, and lines drawn at an exact pixel size."""

from __future__ import annotations

import pygame

from ..context import Context
from ..text import line_x
from ..theme import RGB


def fit_px(ctx: Context, text: str, token: str, max_width: int, bold: bool = True, floor: float = 0.5) -> int:
    """The largest pixel size, at most the token's, at which text fits max_width window pixels."""
    px = ctx.px(token)
    lowest = max(8, round(px * floor))
    while px > lowest and ctx.text.font(px, bold).size(text)[0] > max_width:
        px -= max(1, px // 20)
    return max(px, lowest)


def line_at(surface: pygame.Surface, ctx: Context, text: str, pos: tuple[int, int], px: int, colour: RGB,
            bold: bool = False, anchor: str = "topleft") -> pygame.Rect:
    """One line of cached text at an exact pixel size (blit_text for a size no token names)."""
    img = ctx.text.render(text, px, colour, bold)
    rect = img.get_rect(**{anchor: pos})
    surface.blit(img, rect)
    return rect


def paragraph_at(surface: pygame.Surface, ctx: Context, text: str, rect: pygame.Rect, px: int, colour: RGB) -> int:
    """Wrapped text at an exact pixel size inside rect (window pixels); returns the height used."""
    step = ctx.text.line_height(px)
    lines = ctx.text.wrap(text, px, rect.width)
    for i, line in enumerate(lines):
        if line:
            img = ctx.text.render(line, px, colour)
            surface.blit(img, (line_x(line, rect.left, rect.width, img.get_width()), rect.top + i * step))
    return len(lines) * step
