"""The stage: the setting's backdrop with the speaker's portrait standing in front of it."""

from __future__ import annotations

import zlib
from collections.abc import Mapping

import pygame

from ...engine.vocabulary import HAIR_COLOURS, HAIR_STYLES, OUTFITS, SKIN_TONES
from ..context import Context
from ..widgets import blit_text
from . import art
from .chrome import fit_text, text_width

NARRATOR = "narrator"
PORTRAIT_ASPECT = 0.85  # width / height of a head-and-shoulders portrait


def colleague_appearance(name: str) -> dict[str, object]:
    """A steady, varied look for a named speaker who is not the customer (a colleague, a manager)."""
    h = zlib.crc32(name.encode("utf-8"))
    return {
        "skin": SKIN_TONES[h % len(SKIN_TONES)],
        "hair": HAIR_STYLES[(h >> 4) % len(HAIR_STYLES)],
        "hair_colour": HAIR_COLOURS[(h >> 8) % 4],
        "outfit": OUTFITS[(h >> 12) % len(OUTFITS)],
        "glasses": bool((h >> 16) & 1),
        "age": "adult",
    }


def draw_stage(surface: pygame.Surface, ctx: Context, logical: pygame.Rect, setting: str,
               appearance: Mapping[str, object] | None, mood: str, talking: bool = False,
               caption: str = "", caption_detail: str = "", keep_clear: float = 0.0) -> pygame.Rect:
    """Draw the backdrop filling `logical`, the portrait (if any) standing at the bottom centre, and an
    optional name caption; `keep_clear` logical pixels at the top stay free of the portrait (for a countdown).
    Returns the portrait's window rect (empty when there is none)."""
    th = ctx.theme
    rect = ctx.viewport.rect(*logical)
    radius = ctx.viewport.px(th.radius)
    pic = art.backdrop(setting, rect.size, radius)
    if pic is not None:
        surface.blit(pic, rect)
    else:
        pygame.draw.rect(surface, th.surface_alt, rect, border_radius=radius)
    caption_h = 0
    room = rect.width - ctx.viewport.px(20)
    name_token = "body"
    if caption:
        if text_width(ctx, caption, "body", True) > room:
            name_token = "small"
            caption = fit_text(ctx, caption, "small", room, True)
        if caption_detail and text_width(ctx, caption_detail, "small") > room:
            caption_detail = ""  # a role that does not fit is left out rather than cut
        caption_h = ctx.text.line_height(ctx.px(name_token), True) + (
            ctx.text.line_height(ctx.px("small")) if caption_detail else 0) + ctx.viewport.px(16)
    placed = pygame.Rect(rect.centerx, rect.bottom, 0, 0)
    if appearance is not None:
        h = round(min((rect.height - caption_h) * 0.86, rect.height - caption_h - ctx.viewport.px(keep_clear)))
        w = min(rect.width - ctx.viewport.px(24), round(h * PORTRAIT_ASPECT))
        h = min(h, round(w / PORTRAIT_ASPECT))
        face = art.portrait(appearance, mood, (w, h), talking)
        if face is not None:
            placed = face.get_rect(midbottom=(rect.centerx, rect.bottom - caption_h))
            surface.blit(face, placed)
    if caption:
        strip = pygame.Rect(rect.left, rect.bottom - caption_h, rect.width, caption_h)
        pygame.draw.rect(surface, th.surface, strip, border_bottom_left_radius=radius,
                         border_bottom_right_radius=radius)
        pad = ctx.viewport.px(8)
        y = strip.top + pad
        r = blit_text(surface, ctx, caption, (strip.centerx, y), name_token, th.text, bold=True, anchor="midtop")
        if caption_detail:
            blit_text(surface, ctx, caption_detail, (strip.centerx, r.bottom), "small", th.text_muted,
                      anchor="midtop")
    pygame.draw.rect(surface, th.border, rect, width=max(1, ctx.viewport.px(2)), border_radius=radius)
    return placed
