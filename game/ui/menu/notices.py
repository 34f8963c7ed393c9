"""A calm panel for messages to the player (progress not saved, settings reset, and the like)."""

from __future__ import annotations

import pygame

from ..context import Context
from ..widgets import blit_paragraph, panel, paragraph_height
from .icons import warning


def notices_height(ctx: Context, notices: list[str], width: float, token: str = "small") -> float:
    """Logical height the panel needs for these notices at this width."""
    if not notices:
        return 0
    vp = ctx.viewport
    pad = 14
    icon = ctx.theme.px(token) + 8
    inner = vp.px(width - pad * 3 - icon)
    text_h = sum(paragraph_height(ctx, n, inner, token) for n in notices) + vp.px(6) * (len(notices) - 1)
    return text_h / vp.scale + pad * 2


def draw_notices(surface: pygame.Surface, ctx: Context, notices: list[str], logical: tuple[float, float, float],
                 token: str = "small") -> float:
    """Draw the notices in a panel whose top-left and width are logical; returns the logical height used."""
    if not notices:
        return 0
    x, y, width = logical
    th = ctx.theme
    vp = ctx.viewport
    height = notices_height(ctx, notices, width, token)
    rect = vp.rect(x, y, width, height)
    panel(surface, rect, ctx, colour=th.surface, border=th.warn, width=2)
    pad = vp.px(14)
    icon = vp.px(th.px(token) + 8)
    warning(surface, (rect.left + pad + icon // 2, rect.top + pad + icon // 2), icon, th.warn, th.surface)
    left = rect.left + pad * 2 + icon
    top = rect.top + pad
    for note in notices:
        area = pygame.Rect(left, top, rect.right - pad - left, rect.bottom - top)
        top += blit_paragraph(surface, ctx, note, area, token, th.text) + vp.px(6)
    return height
