"""Small shared drawing helpers for the play, ending, value and debrief screens."""

from __future__ import annotations

from functools import lru_cache

import pygame

from ..context import Context
from ..textline import LineFont
from ..widgets import blit_text
from ..wrap import shorten


@lru_cache(maxsize=64)
def _font(px: int, bold: bool) -> LineFont:
    return LineFont(px, bold)


@lru_cache(maxsize=4096)
def _width(text: str, px: int, bold: bool) -> int:
    return _font(px, bold).width(text)


@lru_cache(maxsize=1024)
def _fit(text: str, px: int, width: int, bold: bool) -> str:
    return shorten(_font(px, bold), text, width)


def text_width(ctx: Context, text: str, token: str, bold: bool = False) -> int:
    """Width in window pixels of one line of text (remembered, so it costs nothing from frame to frame)."""
    return _width(text, ctx.px(token), bold)


def fit_text(ctx: Context, text: str, token: str, width: int, bold: bool = False) -> str:
    """The text, shortened with an ellipsis if needed to fit `width` window pixels on one line."""
    return _fit(text, ctx.px(token), int(width), bold)


def draw_top_bar(surface: pygame.Surface, ctx: Context, title: str, hint: str = "", margin: int = 24) -> None:
    """The screen's title on the left and a keyboard hint on the right, on one line at the top."""
    th = ctx.theme
    vp = ctx.viewport
    y = 26
    width = vp.px(vp.width - 2 * margin)
    title_w = text_width(ctx, title, "large", True)
    hint_w = text_width(ctx, hint, "small") + vp.px(24) if hint else 0
    if hint and title_w + hint_w <= width:  # the hint gives way to the title when space is short
        blit_text(surface, ctx, hint, vp.point(vp.width - margin, y), "small", th.text_muted, anchor="midright")
    blit_text(surface, ctx, fit_text(ctx, title, "large", width, True), vp.point(margin, y), "large", th.text,
              bold=True, anchor="midleft")


OUTCOME_WORDS = {
    "leaves": "{name} leaves",
    "stays": "{name} stays",
    "advocate": "{name} stays and recommends you",
}


def outcome_line(outcome: str, name: str) -> str:
    return OUTCOME_WORDS.get(outcome, "{name}: " + outcome).format(name=name)


def outcome_colour(ctx: Context, outcome: str) -> tuple[int, int, int]:
    th = ctx.theme
    return {"leaves": th.bad, "stays": th.warn, "advocate": th.good}.get(outcome, th.accent)


def chip(surface: pygame.Surface, ctx: Context, text: str, pos: tuple[int, int], colour, token: str = "small",
         anchor: str = "topleft") -> pygame.Rect:
    """A rounded label with text in the theme's accent-text colour on `colour`."""
    th = ctx.theme
    img = ctx.text.render(text, ctx.px(token), th.accent_text, True)
    rect = img.get_rect().inflate(ctx.viewport.px(22), ctx.viewport.px(10))
    setattr(rect, anchor, pos)
    pygame.draw.rect(surface, colour, rect, border_radius=rect.height // 2)
    surface.blit(img, img.get_rect(center=rect.center))
    return rect


def button_width(ctx: Context, label: str, token: str = "body", minimum: float = 160) -> float:
    """Logical width of a button that fits its label on one line."""
    text_w = text_width(ctx, label, token) / ctx.viewport.scale
    return max(minimum, text_w + 2 * 16 + 12)


def quoted(title: str) -> str:
    """A title in curly quotes, unless it already starts with a quotation mark."""
    return title if title[:1] in "\"\u201c'\u2018" else f"\u201c{title}\u201d"
