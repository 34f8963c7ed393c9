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
    sizes = [px]  # the sizes tried, largest first: each about 5% below the last
    while sizes[-1] > lowest:
        sizes.append(sizes[-1] - max(1, sizes[-1] // 20))

    def fits(i: int) -> bool:
        return sizes[i] <= lowest or ctx.text.font(sizes[i], bold).size(text)[0] <= max_width

    if fits(0):
        return px
    # Text widths grow about linearly with the size: start at the estimate, then walk to the first size that
    # fits (each look opens a font, so this takes two or three instead of one per size).
    estimate = px * max_width / max(1, ctx.text.font(px, bold).size(text)[0])
    i = next((n for n, size in enumerate(sizes) if size <= estimate), len(sizes) - 1)
    while i > 1 and fits(i - 1):
        i -= 1
    while not fits(i):
        i += 1
    return max(sizes[i], lowest)


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
