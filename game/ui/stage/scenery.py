"""The stage's back layers: the setting filling the window, the person standing large in it (or a caller in
a call card), and the scenario's title with the key hints in a chip at the top left."""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from ..context import Context
from ..play import art
from ..play.backdrop import _call_card
from ..play.chrome import text_width
from ..play.layout import line_height
from .dialogue import glass
from .motion import STILL, Pose
from .textlog import TextLog, line


def draw_setting(surface: pygame.Surface, ctx: Context, setting: str) -> None:
    """The setting's picture at the window's full size (painted once per size, then remembered)."""
    pic = art.backdrop(setting, surface.get_size())
    if pic is not None:
        surface.blit(pic, (0, 0))
    else:
        surface.fill(ctx.theme.surface_alt)


def draw_person(surface: pygame.Surface, ctx: Context, logical: pygame.Rect, appearance: Mapping[str, object],
                mood: str, talking: bool = False, *, pose: Pose = STILL) -> pygame.Rect:
    """The portrait filling `logical` (it may run off the bottom, behind the box), placed and faded by `pose`
    (a nod lowers the head alone); returns its window rect where it stands at rest."""
    rect = ctx.viewport.rect(*logical)
    face = art.portrait_pieces(appearance, mood, rect.size, talking, blinking=pose.blinking)
    if face is None:
        return pygame.Rect(rect.midbottom, (0, 0))
    if pose.alpha <= 0:
        return rect
    vp = ctx.viewport
    at = rect.move(vp.px(pose.dx), vp.px(pose.dy))
    pictures = list({id(p): p for p, _, _ in face}.values())
    if pose.alpha < 255:
        for picture in pictures:
            picture.set_alpha(pose.alpha)  # the cached pictures: their alpha is put back straight after
    cut = art.neck_line(rect.size) if pose.nod else None
    if cut is not None and 0 < cut < rect.height:
        art.blit_pieces(surface, face, at.topleft, pygame.Rect(0, cut, rect.width, rect.height - cut))
        art.blit_pieces(surface, face, (at.left, at.top + vp.px(pose.nod)), pygame.Rect(0, 0, rect.width, cut))
    else:
        art.blit_pieces(surface, face, at.topleft)
    if pose.alpha < 255:
        for picture in pictures:
            picture.set_alpha(255)
    return rect


def draw_caller(surface: pygame.Surface, ctx: Context, logical: pygame.Rect, appearance: Mapping[str, object],
                mood: str, talking: bool = False, *, pose: Pose = STILL) -> pygame.Rect:
    """A caller on the line: the call card with its handset badge, as large as `logical` allows. The card
    fades in and out with `pose` but does not slide or nod (a call appears and hangs up); her eyes blink."""
    rect = ctx.viewport.rect(*logical)
    if pose.alpha >= 255:
        return _call_card(surface, ctx, rect, appearance, mood, talking, 0, 0, blinking=pose.blinking)
    if pose.alpha <= 0:
        return rect
    area = rect.inflate(2 * ctx.viewport.px(CARD_MARGIN), 2 * ctx.viewport.px(CARD_MARGIN)).clip(surface.get_rect())
    layer = _card_layer(area.size)
    placed = _call_card(layer, ctx, rect.move(-area.left, -area.top), appearance, mood, talking, 0, 0,
                        blinking=pose.blinking)
    layer.set_alpha(pose.alpha)
    surface.blit(layer, area)
    return placed.move(area.left, area.top)


CARD_MARGIN = 40  # logical pixels around a call card's place that its handset badge may reach into
_layer: list[pygame.Surface] = []  # the one layer a fading call card is drawn on, kept for the next frame


def _card_layer(size: tuple[int, int]) -> pygame.Surface:
    """A clear transparent layer of `size`: the one kept from the last frame when it is that size."""
    if not _layer or _layer[0].get_size() != size:
        _layer[:] = [pygame.Surface(size, pygame.SRCALPHA)]
    layer = _layer[0]
    layer.set_alpha(None)
    layer.fill((0, 0, 0, 0))
    return layer


def title_width(ctx: Context, title: str) -> float:
    """The least logical width the title chip needs (its title in small type)."""
    return text_width(ctx, title, "small", True) / ctx.viewport.scale + 28


def draw_title(surface: pygame.Surface, ctx: Context, log: TextLog | None, logical: pygame.Rect, title: str,
               hint: str, hint_colour=None) -> None:
    """The title (and the hint beside it when there is room, muted or in `hint_colour`) on a chip no wider
    than `logical`."""
    th = ctx.theme
    vp = ctx.viewport
    room = vp.px(logical.width) - vp.px(28)
    token = "body" if text_width(ctx, title, "body", True) <= room else "small"
    title_w = text_width(ctx, title, token, True)
    if title_w > room:
        return  # no room even in small type: the title waits for a wider screen rather than be cut
    hint_w = text_width(ctx, hint, "small") + vp.px(20) if hint else 0
    if title_w + hint_w > room:
        hint_w = 0
    chip = vp.rect(logical.left, logical.top, 0, line_height(ctx, "body", True) + 12)
    chip.width = title_w + hint_w + vp.px(28)
    glass(surface, chip, th.surface, 228, vp.px(th.radius), th.border, max(1, vp.px(1)))
    x = chip.left + vp.px(14)
    line(surface, ctx, log, title, (x, chip.centery), token, th.text, chip, bold=True, anchor="midleft")
    if hint_w:
        line(surface, ctx, log, hint, (x + title_w + vp.px(20), chip.centery), "small",
             hint_colour or th.text_muted, chip, anchor="midleft")
