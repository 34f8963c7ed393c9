"""The blank screen (B or .) and the help overlay (F1 or ?) of facilitator mode."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...facilitation import BINDINGS, action_for
from ...facilitation import keys as k
from ..context import Context
from ..menu.fit import line_at
from ..scene import Pop, Scene, Transition
from ..widgets import panel
from .draw import Recorder

FITS = (1.0, 0.92, 0.84, 0.76, 0.7)  # the keys' text shrinks in these steps when the window cannot hold it


@dataclass(frozen=True)
class _HelpLayout:
    """Sizes in window pixels for one window size and theme."""

    key: tuple
    px: int
    title_px: int
    keys_w: int
    meaning_w: int
    title_h: int
    wrapped: list[list[str]]
    height: int


def _shorten(font: pygame.font.Font, text: str, width: int) -> str:
    """The text cut with an ellipsis to fit width pixels."""
    cut = len(text)
    while cut > 1 and font.size(text if cut == len(text) else text[:cut].rstrip() + "…")[0] > width:
        cut -= 1
    return text if cut == len(text) else text[:cut].rstrip() + "…"


class BlankScene(Scene):
    """A black screen so the room looks at the facilitator; B, '.', F5 or Esc brings the picture back."""

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            action = action_for(pygame.key.name(event.key), event.unicode)
            if action is not None and action.name in (k.BLANK, k.RESUME, k.BACK):
                return Pop()
        elif event.type == pygame.MOUSEBUTTONDOWN:
            return Pop()
        return None

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        surface.fill((0, 0, 0))


class HelpOverlay(Scene):
    """Every key binding over the dimmed classroom; F1, ?, F5, Esc or Enter closes it."""

    opaque = False

    def __init__(self) -> None:
        super().__init__()
        self.rec = Recorder()
        self._veil: pygame.Surface | None = None
        self._lay: _HelpLayout | None = None

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            action = action_for(pygame.key.name(event.key), event.unicode)
            if action is not None and action.name in (k.HELP, k.RESUME, k.BACK, k.NEXT, k.BLANK):
                return Pop()
        elif event.type == pygame.MOUSEBUTTONDOWN:
            return Pop()
        return None

    def _layout(self, ctx: Context) -> _HelpLayout:
        """The largest text (at most the theme's small size) at which every binding fits the window,
        a meaning wrapping onto a second line where its column is narrow."""
        vp = ctx.viewport
        key = (vp.window, ctx.theme.name, ctx.theme.font_scale)
        if self._lay is not None and self._lay.key == key:
            return self._lay
        pad = vp.px(24)
        box_w = vp.px(vp.width - 32)
        room_h = vp.px(vp.height - 16)
        lay = None
        for fit in FITS:
            px = max(8, round(ctx.px("small") * fit))
            title_px = max(px, round(ctx.px("large") * fit))
            keys_w = max(ctx.text.font(px, True).size(b.keys)[0] for b in BINDINGS)
            meaning_w = box_w - 2 * pad - keys_w - pad
            step = ctx.text.line_height(px)
            title_h = ctx.text.line_height(title_px, True) + vp.px(12)
            wrapped = [ctx.text.wrap(b.meaning, px, max(1, meaning_w)) for b in BINDINGS]
            height = 2 * vp.px(16) + title_h + step * sum(len(lines) for lines in wrapped)
            lay = _HelpLayout(key, px, title_px, keys_w, meaning_w, title_h, wrapped, height)
            if height <= room_h and all(len(lines) <= 2 for lines in wrapped):
                break
        else:  # still too tall at the smallest size: one line per binding, shortened
            assert lay is not None
            font = ctx.text.font(lay.px)
            short = [[_shorten(font, b.meaning, lay.meaning_w)] for b in BINDINGS]
            height = 2 * vp.px(16) + lay.title_h + ctx.text.line_height(lay.px) * len(short)
            lay = _HelpLayout(key, lay.px, lay.title_px, lay.keys_w, lay.meaning_w, lay.title_h, short, height)
        self._lay = lay
        return lay

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        self.rec.clear()
        if self._veil is None or self._veil.get_size() != surface.get_size():
            self._veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._veil.fill((0, 0, 0, 200))
        surface.blit(self._veil, (0, 0))
        lay = self._layout(ctx)
        screen = surface.get_rect()
        height = min(lay.height, screen.height - vp.px(16))
        box = pygame.Rect(vp.px(16), (screen.height - height) // 2, screen.width - 2 * vp.px(16), height)
        panel(surface, box, ctx, colour=th.surface, border=th.accent, width=3)
        pad = vp.px(24)
        left = box.left + pad
        y = box.top + vp.px(16)
        title = line_at(surface, ctx, "Facilitator keys", (left, y), lay.title_px, th.accent, bold=True)
        self.rec.add("Facilitator keys", title, box)
        close = "F1 or Esc closes"
        shown = line_at(surface, ctx, close, (box.right - pad, title.centery), lay.px, th.text_muted,
                        anchor="midright")
        self.rec.add(close, shown, box)
        y += lay.title_h
        meaning_x = left + lay.keys_w + pad
        step = ctx.text.line_height(lay.px)
        for b, lines in zip(BINDINGS, lay.wrapped, strict=True):
            keys = line_at(surface, ctx, b.keys, (left, y), lay.px, th.accent, bold=True)
            self.rec.add(b.keys, keys, box)
            used = pygame.Rect(meaning_x, y, 0, len(lines) * step)
            for i, text in enumerate(lines):
                used.width = max(used.width, line_at(surface, ctx, text, (meaning_x, y + i * step), lay.px,
                                                     th.text).width)
            self.rec.add(" ".join(lines), used, box)
            y += len(lines) * step
