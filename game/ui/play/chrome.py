"""Small shared drawing helpers for the play, ending, value and debrief screens."""

from __future__ import annotations

import pygame

from ..context import Context
from ..widgets import blit_text


def fit_text(ctx: Context, text: str, token: str, width: int, bold: bool = False) -> str:
    """The text, shortened with an ellipsis if needed to fit `width` window pixels on one line."""
    font = ctx.text.font(ctx.px(token), bold)
    if font.size(text)[0] <= width:
        return text
    cut = len(text)
    while cut > 1 and font.size(text[:cut].rstrip() + "…")[0] > width:
        cut -= 1
    return text[:cut].rstrip() + "…"


def draw_top_bar(surface: pygame.Surface, ctx: Context, title: str, hint: str = "", margin: int = 24) -> None:
    """The screen's title on the left and a keyboard hint on the right, on one line at the top."""
    th = ctx.theme
    vp = ctx.viewport
    y = 26
    width = vp.px(vp.width - 2 * margin)
    title_w = ctx.text.font(ctx.px("large"), True).size(title)[0]
    hint_w = ctx.text.font(ctx.px("small")).size(hint)[0] + vp.px(24) if hint else 0
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
    text_w = ctx.text.font(ctx.px(token)).size(label)[0] / ctx.viewport.scale
    return max(minimum, text_w + 2 * 16 + 12)
