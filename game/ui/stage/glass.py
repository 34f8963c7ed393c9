"""Translucent rounded panels (the dialogue box, the coach's card, the options, the HUD), kept short.

A panel's rows between its rounded ends are all the same, so only its ends and a strip of its middle are
kept: the strip is drawn as often as the panel's height needs, and panels of one width and look share it
whatever their height. A 1080p dialogue box is kept in 0.4 MB instead of 1.3, the coach's card in 0.26 instead
of 2; the pixels drawn are the same (tests/ui/test_glass.py).
"""

from __future__ import annotations

from collections import OrderedDict

import pygame

STRIP = 8  # rows of the middle kept, drawn as often as needed
MOST = 32  # panels kept (the least recently drawn goes first)
_kept: OrderedDict[tuple, tuple[pygame.Surface, int]] = OrderedDict()  # key -> (picture, end rows; 0: whole)


def end_rows(radius: int, border_w: int) -> int:
    """Rows at each end of a panel that its rounded corners (and border) may touch, with a margin."""
    return max(0, radius) + max(0, border_w) + 2


def paint(size: tuple[int, int], colour, alpha: int, radius: int, border=None, border_w: int = 0) -> pygame.Surface:
    """The whole panel of `size`."""
    pic = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(pic, (*colour, alpha), pic.get_rect(), border_radius=radius)
    if border is not None and border_w:
        pygame.draw.rect(pic, (*border, 255), pic.get_rect(), width=border_w, border_radius=radius)
    return pic


def _short(size: tuple[int, int], colour, alpha: int, radius: int, border, border_w: int) -> tuple[pygame.Surface, int]:
    """The panel's ends and a strip of its middle, or the whole of a panel too low to be worth cutting."""
    w, h = size
    ends = end_rows(radius, border_w)
    if h <= 2 * ends + 2 * STRIP:
        return paint(size, colour, alpha, radius, border, border_w), 0
    # Drawn at the short height with the same corners: the corner radius is kept as long as it fits the
    # short panel, which it does (ends > radius), so its ends and middle rows are the whole panel's.
    return paint((w, 2 * ends + STRIP), colour, alpha, radius, border, border_w), ends


def glass(surface: pygame.Surface, rect: pygame.Rect, colour, alpha: int, radius: int, border=None,
          border_w: int = 0) -> None:
    """A rounded panel that lets the setting show through a little (remembered by size and colour)."""
    w, h = rect.size
    cut = h > 2 * end_rows(radius, border_w) + 2 * STRIP  # kept short: every such height shares one picture
    key = (w, 0 if cut else h, tuple(colour), alpha, radius, tuple(border) if border else None, border_w)
    found = _kept.get(key)
    if found is None:
        found = _kept[key] = _short(rect.size, colour, alpha, radius, border, border_w)
        if len(_kept) > MOST:
            _kept.popitem(last=False)
    else:
        _kept.move_to_end(key)
    pic, ends = found
    if not ends:
        surface.blit(pic, rect)
        return
    x, top = rect.topleft
    short = pic.get_height()
    pieces = [(pic, (x, top), (0, 0, w, ends))]
    y = ends
    while y < h - ends:
        rows = min(STRIP, h - ends - y)
        pieces.append((pic, (x, top + y), (0, ends, w, rows)))
        y += rows
    pieces.append((pic, (x, top + h - ends), (0, short - ends, w, ends)))
    surface.blits(pieces, doreturn=False)
