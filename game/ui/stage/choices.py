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
              focused: bool = False, shift: int = 0) -> None:
    """One choice (or a banner in the same shape), `shift` window pixels up when the column scrolls."""
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
    inner = pygame.Rect(text_left, rect.top, rect.right - pad - text_left, rect.height)
    h = paragraph_px(ctx, b.label, inner.width, b.token)
    inner.top = rect.centery - h // 2
    paragraph(surface, ctx, log, b.label, inner, b.token, fg, box=rect)
    if focused:
        focus_ring(surface, rect, ctx)


def draw_choices(surface: pygame.Surface, ctx: Context, log: TextLog | None, choices: ChoiceList) -> None:
    """Every choice in its state (hovered, focused, picked, disabled)."""
    for i, b in enumerate(choices.buttons):
        b.enabled = choices.enabled or b.selected
        draw_card(surface, ctx, log, b, hovered=choices.enabled and i == choices.hover,
                  focused=choices.enabled and choices.show_focus and i == choices.focus)
