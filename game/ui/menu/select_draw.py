"""Drawing the select screen's fixed header, its section headings and its scrollbar."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..context import Context
from ..widgets import Button, blit_paragraph, blit_text, panel
from . import icons
from .cards import Section
from .scroll import Scroller
from .select_layout import MARGIN, Placed


def draw_header(surface: pygame.Surface, ctx: Context, title: str, title_px: int, hint: str, hint_top: float,
                header_h: float, buttons: Sequence[Button], hovered: int | None) -> None:
    """The title, the key hint and the Settings and Back buttons over a bar the list scrolls under."""
    th = ctx.theme
    vp = ctx.viewport
    bar = pygame.Rect(0, 0, surface.get_width(), vp.rect(0, 0, vp.width, header_h).height)
    pygame.draw.rect(surface, th.background, bar)
    pygame.draw.line(surface, th.border, bar.bottomleft, (bar.right, bar.bottom), max(1, vp.px(2)))
    image = ctx.text.render(title, title_px, th.text, True)
    surface.blit(image, vp.point(MARGIN, 16))
    blit_paragraph(surface, ctx, hint, vp.rect(MARGIN, hint_top, vp.width - 2 * MARGIN, 300), "small",
                   th.text_muted)
    for i, b in enumerate(buttons):
        b.draw(surface, ctx, hovered=i == hovered)


def draw_section_head(surface: pygame.Surface, ctx: Context, section: Section, p: Placed, offset: float) -> None:
    """A section's badge, title with its count, and its one-line description."""
    th = ctx.theme
    vp = ctx.viewport
    top = vp.point(p.x, p.y + offset)
    size = vp.px(40)
    centre = (top[0] + size // 2, top[1] + size // 2 + vp.px(2))
    disc = pygame.Rect(0, 0, size, size)
    disc.center = centre
    colour = {"external": th.accent, "internal": th.text_muted, "own": th.good, "broken": th.bad}[section.kind]
    pygame.draw.ellipse(surface, th.surface, disc)
    pygame.draw.ellipse(surface, colour, disc, width=max(1, vp.px(2)))
    glyph = int(size * 0.62)
    if section.kind == "external":
        icons.customer(surface, centre, glyph, colour)
    elif section.kind == "internal":
        icons.coworkers(surface, centre, glyph, colour, th.surface)
    elif section.kind == "own":
        icons.person(surface, centre, glyph, colour)
    else:
        icons.warning(surface, centre, glyph, colour, th.surface)
    left = top[0] + size + vp.px(14)
    heading = f"{section.title}  ({len(section.cards)})"
    shown = blit_text(surface, ctx, heading, (left, top[1]), "large", th.text, bold=True)
    area = pygame.Rect(left, shown.bottom + vp.px(2), vp.px(p.w) - size - vp.px(14), vp.px(p.h))
    blit_paragraph(surface, ctx, section.blurb, area, "small", th.text_muted)


def draw_scrollbar(surface: pygame.Surface, ctx: Context, s: Scroller, header_h: float) -> None:
    if s.limit <= 0:
        return
    th = ctx.theme
    vp = ctx.viewport
    track = vp.rect(vp.width - 14, header_h + 8, 6, s.view - 16)
    pygame.draw.rect(surface, th.surface_alt, track, border_radius=vp.px(3))
    share = s.view / s.content
    thumb_h = max(vp.px(30), round(track.height * share))
    thumb_top = track.top + round((track.height - thumb_h) * (s.offset / s.limit))
    panel(surface, pygame.Rect(track.left, thumb_top, track.width, thumb_h), ctx, colour=th.text_muted, radius=3)
