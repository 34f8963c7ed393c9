"""The blank screen (B or .) and the help overlay (F1 or ?) of facilitator mode."""

from __future__ import annotations

import pygame

from ...facilitation import BINDINGS, action_for
from ...facilitation import keys as k
from ..context import Context
from ..scene import Pop, Scene, Transition
from ..widgets import panel
from .draw import Recorder, line, logical_line

ROW_GAP = 0


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

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            action = action_for(pygame.key.name(event.key), event.unicode)
            if action is not None and action.name in (k.HELP, k.RESUME, k.BACK, k.NEXT, k.BLANK):
                return Pop()
        elif event.type == pygame.MOUSEBUTTONDOWN:
            return Pop()
        return None

    def _columns(self, ctx: Context) -> tuple[float, float]:
        """Logical widths of the keys column and the meanings column."""
        font = ctx.text.font(ctx.px("small"), True)
        keys_w = max(font.size(b.keys)[0] for b in BINDINGS) / ctx.viewport.scale
        return keys_w, 0.0

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        self.rec.clear()
        if self._veil is None or self._veil.get_size() != surface.get_size():
            self._veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._veil.fill((0, 0, 0, 200))
        surface.blit(self._veil, (0, 0))
        row = logical_line(ctx, "small") + ROW_GAP
        title_h = logical_line(ctx, "large", True) + 12
        height = min(vp.height - 16, 2 * 16 + title_h + row * len(BINDINGS))
        logical = pygame.Rect(16, round((vp.height - height) / 2), vp.width - 32, round(height))
        box = vp.rect(*logical)
        panel(surface, box, ctx, colour=th.surface, border=th.accent, width=3)
        left = logical.left + 24
        y = logical.top + 16
        line(surface, ctx, self.rec, "Facilitator keys", vp.point(left, y), "large", th.accent, bold=True, box=box)
        close = "F1 or Esc closes"
        line(surface, ctx, self.rec, close, vp.point(logical.right - 24, y + 4), "small", th.text_muted,
             anchor="topright", box=box)
        y += title_h
        keys_w, _ = self._columns(ctx)
        meaning_x = left + keys_w + 24
        meaning_w = vp.px(logical.right - 24 - meaning_x)
        for b in BINDINGS:
            line(surface, ctx, self.rec, b.keys, vp.point(left, y), "small", th.accent, bold=True, box=box)
            line(surface, ctx, self.rec, b.meaning, vp.point(meaning_x, y), "small", th.text, box=box,
                 max_width=meaning_w)
            y += row
