"""The dissolve between two moments of the stage, kept to the parts of the window that change.

Two nodes in the same setting share every pixel the setting shows: only what was drawn over it (the person,
the panels, the cards) differs. So the old picture is kept as pieces covering what was drawn over the setting
then, and each frame of the dissolve blends those pieces (and, where the new moment draws over bare setting,
the setting itself) over the new frame. Elsewhere the new frame is already the old one. In a new setting the
pieces are the whole window.

The pieces hold premultiplied colour: each frame scales them in place to the dissolve's alpha and blends
them with BLEND_PREMULTIPLIED, about half the work of a surface-alpha blit of the same area. They are freed
when the dissolve ends, so no full-window picture is kept between dissolves."""

from __future__ import annotations

from collections.abc import Iterable

import pygame

MARGIN = 2  # window pixels kept around what was drawn, for the antialiased edges of rounded panels


def subtract(rect: pygame.Rect, hole: pygame.Rect) -> list[pygame.Rect]:
    """`rect` less `hole`, as at most four rectangles that do not overlap."""
    cut = rect.clip(hole)
    if cut.width <= 0 or cut.height <= 0:
        return [rect]
    out = []
    if cut.top > rect.top:
        out.append(pygame.Rect(rect.left, rect.top, rect.width, cut.top - rect.top))
    if cut.bottom < rect.bottom:
        out.append(pygame.Rect(rect.left, cut.bottom, rect.width, rect.bottom - cut.bottom))
    if cut.left > rect.left:
        out.append(pygame.Rect(rect.left, cut.top, cut.left - rect.left, cut.height))
    if cut.right < rect.right:
        out.append(pygame.Rect(cut.right, cut.top, rect.right - cut.right, cut.height))
    return out


def disjoint(rects: Iterable[pygame.Rect], bounds: pygame.Rect,
             taken: Iterable[pygame.Rect] = ()) -> list[pygame.Rect]:
    """Rectangles that do not overlap, covering what `rects` cover within `bounds` and outside `taken`
    (which must not overlap each other)."""
    out: list[pygame.Rect] = []
    holes = list(taken)
    for rect in sorted((r.clip(bounds) for r in rects), key=lambda r: -r.width * r.height):
        pieces = [rect] if rect.width > 0 and rect.height > 0 else []
        for hole in holes + out:
            pieces = [p for piece in pieces for p in subtract(piece, hole)]
        out += pieces
    return out


def grown(rects: Iterable[pygame.Rect]) -> list[pygame.Rect]:
    return [r.inflate(2 * MARGIN, 2 * MARGIN) for r in rects]


def _area(rects: Iterable[pygame.Rect]) -> int:
    return sum(r.width * r.height for r in rects)


class Dissolve:
    """The old picture's pieces, fading out over whatever is drawn under them."""

    def __init__(self, shown: pygame.Surface, drawn_over: list[pygame.Rect], setting: pygame.Surface | None) -> None:
        """Keep `shown` where `drawn_over` lies (all of it without a `setting`, the picture both moments share
        behind what they draw)."""
        self.setting = setting
        self.pieces: list[tuple[pygame.Rect, pygame.Surface]] = []
        for rect in self._rects(shown, drawn_over):
            piece = pygame.Surface(rect.size, pygame.SRCALPHA)
            piece.blit(shown, (0, 0), rect)  # opaque pixels: alpha 255, colour already "premultiplied"
            self.pieces.append((rect, piece))
        self.alpha = 255  # the pieces' alpha now
        self._bare: tuple[list[pygame.Rect], list[pygame.Rect]] = ([], [])  # (drawn over, bare setting there)

    def _rects(self, shown: pygame.Surface, drawn_over: list[pygame.Rect]) -> list[pygame.Rect]:
        window = shown.get_rect()
        return disjoint(grown(drawn_over), window) if self.setting is not None else [window]

    def retake(self, shown: pygame.Surface, drawn_over: list[pygame.Rect]) -> bool:
        """Keep `shown` again in the same pieces, when what was drawn over the setting covers the same
        rectangles (a blink since: the same panels, another face); False when it does not."""
        if self._rects(shown, drawn_over) != [rect for rect, _ in self.pieces]:
            return False
        for rect, piece in self.pieces:
            piece.blit(shown, (0, 0), rect)
        self.alpha = 255
        return True

    @property
    def bytes(self) -> int:
        return 4 * _area(r for r, _ in self.pieces)

    def _fade_to(self, alpha: int) -> None:
        """Scale the pieces (colour and alpha) to `alpha` out of 255; they only ever fade further."""
        if alpha >= self.alpha:
            return
        factor = max(0, min(255, -(-(256 * alpha - 255) // self.alpha)))  # BLEND_RGBA_MULT: (v * f + 255) >> 8
        for _, piece in self.pieces:
            piece.fill((factor, factor, factor, factor), special_flags=pygame.BLEND_RGBA_MULT)
        self.alpha = (self.alpha * factor + 255) >> 8 if factor else 0

    def draw(self, surface: pygame.Surface, alpha: int, drawn_over: list[pygame.Rect]) -> None:
        """Blend the old picture at `alpha` over the frame just drawn, whose own drawing over the setting lies
        in `drawn_over`: there, outside the pieces, the old picture is the setting."""
        self._fade_to(alpha)
        if self.alpha <= 0:
            return
        for rect, piece in self.pieces:
            surface.blit(piece, rect.topleft, special_flags=pygame.BLEND_PREMULTIPLIED)
        if self.setting is None:
            return
        if self._bare[0] != drawn_over:  # the same parts from frame to frame: worked out once
            kept = [r for r, _ in self.pieces]
            self._bare = (list(drawn_over), disjoint(grown(drawn_over), surface.get_rect(), kept))
        bare = self._bare[1]
        if not bare:
            return
        self.setting.set_alpha(self.alpha)
        try:
            for rect in bare:
                surface.blit(self.setting, rect.topleft, rect)
        finally:
            self.setting.set_alpha(None)
