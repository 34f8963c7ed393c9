"""The choices as numbered cards rising over the stage. Input stays with play.choices.ChoiceList; this draws
its buttons where they are laid out, logging every line of text against its card."""

from __future__ import annotations

import pygame

from ..context import Context
from ..play.choices import ChoiceList
from ..widgets import Button, focus_ring
from .dialogue import glass
from .textlog import TextLog, line, paragraph, paragraph_px


def draw_card(surface: pygame.Surface, ctx: Context, log: TextLog | None, b: Button, hovered: bool = False,
              focused: bool = False, shift: int = 0, votes: tuple[int, int, bool] | None = None,
              room: float = 0.0) -> None:
    """One choice (or a banner in the same shape), `shift` window pixels up when the column scrolls. With
    `votes` (hands for it, hands in all, whether it leads) its show of hands is a bar and a count in the
    `room` logical pixels kept at its right (the classroom's)."""
    th = ctx.theme
    vp = ctx.viewport
    rect = b.rect(ctx).move(0, -shift)
    if b.selected:
        fill, fg = th.accent, th.accent_text
    elif hovered and b.enabled:
        fill, fg = th.surface_alt, th.text
    else:
        fill, fg = th.surface, th.text if b.enabled else th.text_muted
    glass(surface, rect, fill, 246, vp.px(th.radius), th.accent if (hovered or focused) else th.border,
          max(1, vp.px(2)))
    pad = vp.px(16)
    text_left = rect.left + pad
    if b.number is not None:
        d = ctx.px(b.token) + vp.px(12)
        badge = pygame.Rect(0, 0, d, d)
        badge.midleft = (rect.left + pad, rect.centery)
        pygame.draw.ellipse(surface, th.accent if not b.selected else th.accent_text, badge)
        line(surface, ctx, log, str(b.number), badge.center, b.token,
             th.accent_text if not b.selected else th.accent, badge.inflate(vp.px(8), vp.px(8)), bold=True,
             anchor="center")
        text_left = badge.right + pad
    side = vp.px(room)
    inner = pygame.Rect(text_left, rect.top, rect.right - pad - side - text_left, rect.height)
    h = paragraph_px(ctx, b.label, inner.width, b.token)
    inner.top = rect.centery - h // 2
    paragraph(surface, ctx, log, b.label, inner, b.token, fg, box=rect)
    if votes is not None and side:
        _votes(surface, ctx, log, pygame.Rect(inner.right + vp.px(10), rect.top, side - vp.px(10), rect.height),
               rect, votes, fg if b.selected else None)
    if focused:
        focus_ring(surface, rect, ctx)
        if log is not None:  # the ring reaches outside the card: a dissolve keeps it too
            ring = 2 * vp.px(th.focus_width)
            log.parts["focus"] = rect.inflate(ring, ring)


def _votes(surface: pygame.Surface, ctx: Context, log: TextLog | None, area: pygame.Rect, card: pygame.Rect,
           votes: tuple[int, int, bool], colour=None) -> None:
    """A show of hands in a narrow column: the count, and under it a bar for its share of the room."""
    th = ctx.theme
    vp = ctx.viewport
    count, total, leading = votes
    colour = colour or (th.accent if leading else th.text)
    bar_h = vp.px(10)
    text_h = ctx.text.line_height(ctx.px("body"), True)
    top = area.centery - (text_h + vp.px(6) + bar_h) // 2
    line(surface, ctx, log, str(count), (area.centerx, top), "body", colour, card, bold=True, anchor="midtop")
    track = pygame.Rect(area.left, top + text_h + vp.px(6), area.width, bar_h)
    radius = track.height // 2
    pygame.draw.rect(surface, th.surface_alt, track, border_radius=radius)
    if total and count:
        fill = pygame.Rect(track.left, track.top, max(track.height, round(track.width * count / total)),
                           track.height)
        pygame.draw.rect(surface, colour if leading else th.text_muted, fill, border_radius=radius)
    pygame.draw.rect(surface, th.border, track, width=1, border_radius=radius)


def draw_choices(surface: pygame.Surface, ctx: Context, log: TextLog | None, choices: ChoiceList) -> None:
    """Every choice in its state (hovered, focused, picked, disabled)."""
    for i, b in enumerate(choices.buttons):
        b.enabled = choices.enabled or b.selected
        draw_card(surface, ctx, log, b, hovered=choices.enabled and i == choices.hover,
                  focused=choices.enabled and choices.show_focus and i == choices.focus)
