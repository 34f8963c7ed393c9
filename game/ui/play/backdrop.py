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
               caption: str = "", caption_detail: str = "", keep_clear: float = 0.0,
               on_call: bool = False) -> pygame.Rect:
    """Draw the backdrop filling `logical`, the portrait (if any) standing at the bottom centre, and an
    optional name caption; `keep_clear` logical pixels at the top stay free of the portrait (for a countdown).
    A person `on_call` is drawn inside a call card with a handset, never standing at the desk.
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
    if appearance is not None and on_call:
        placed = _call_card(surface, ctx, rect, appearance, mood, talking, caption_h, keep_clear)
    elif appearance is not None:
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


def _call_card(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, appearance: Mapping[str, object],
               mood: str, talking: bool, caption_h: int, keep_clear: float, blinking: bool = False) -> pygame.Rect:
    """The caller in a framed call card above the desk, with a lifted handset: on the line, not in the room."""
    vp = ctx.viewport
    top = rect.top + vp.px(max(12.0, keep_clear))
    room_h = rect.bottom - caption_h - top - vp.px(16)
    h = max(vp.px(40), round(room_h * 0.82))
    w = min(rect.width - vp.px(60), round(h * PORTRAIT_ASPECT * 1.15))
    card = pygame.Rect(0, 0, w, h)
    card.midtop = (rect.centerx, top)
    return call_card(surface, ctx, card, appearance, mood, talking, blinking)


def call_card(surface: pygame.Surface, ctx: Context, card: pygame.Rect, appearance: Mapping[str, object],
              mood: str, talking: bool = False, blinking: bool = False) -> pygame.Rect:
    """A call card filling `card` (window pixels): the caller's portrait in a frame with a handset badge.
    Returns the portrait's window rect."""
    from ..art.phone import draw_phone

    th = ctx.theme
    vp = ctx.viewport
    pygame.draw.rect(surface, th.surface, card, border_radius=vp.px(14))
    inner = card.inflate(-vp.px(12), -vp.px(12))
    fh = min(inner.height, round(inner.width / PORTRAIT_ASPECT))
    face = art.portrait(appearance, mood, (round(fh * PORTRAIT_ASPECT), fh), talking, blinking=blinking)
    placed = pygame.Rect(inner.centerx, inner.bottom, 0, 0)
    if face is not None:
        placed = face.get_rect(midbottom=inner.midbottom)
        clip = surface.get_clip()
        surface.set_clip(inner.clip(clip))
        surface.blit(face, placed)
        surface.set_clip(clip)
    pygame.draw.rect(surface, th.accent, card, width=max(2, vp.px(3)), border_radius=vp.px(14))
    size = max(16, vp.px(46))
    badge = _badge(ctx, card)
    pygame.draw.ellipse(surface, th.accent, badge)
    draw_phone(surface, badge.center, size, 0.0, False, body=th.surface)
    return placed


def _badge(ctx: Context, card: pygame.Rect) -> pygame.Rect:
    """The handset badge on a call card's top-right corner."""
    vp = ctx.viewport
    side = max(16, vp.px(46)) + vp.px(10)
    badge = pygame.Rect(0, 0, side, side)
    badge.center = (card.right - vp.px(8), card.top + vp.px(8))
    return badge


def call_reach(ctx: Context, area: pygame.Rect) -> pygame.Rect:
    """All a call card drawn within `area` may touch: the area and its badge, which sits half outside."""
    half = _badge(ctx, area).width // 2 + 1
    return area.inflate(2 * half, 2 * half)
