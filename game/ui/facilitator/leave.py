"""Leaving a class session asks once: Q or Enter (or a click on "End the session") leaves; anything else,
a presenter clicker's Page Down, Page Up, B or Esc included, stays."""

from __future__ import annotations

import pygame

from ..context import Context
from ..widgets import Button, panel
from .draw import Recorder, logical_text_height, paragraph

QUESTION = "End the class session? The class's path is kept in the records."
LEAVE, STAY = "leave", "stay"
_LEAVE_KEYS = (pygame.K_q, pygame.K_RETURN, pygame.K_KP_ENTER)
_W = 640


class LeaveDialog:
    """A question over the dimmed classroom with two buttons, Stay on the left (the safe one)."""

    def __init__(self) -> None:
        self.stay = Button("Stay", (0, 0, 1, 1))
        self.leave = Button("End the session", (0, 0, 1, 1))

    def _layout(self, ctx: Context) -> pygame.Rect:
        vp = ctx.viewport
        w = min(_W, vp.width - 48)
        text_h = logical_text_height(ctx, QUESTION, "body", w - 48, True)
        button_h = ctx.text.line_height(ctx.px("body")) / vp.scale + 24
        h = 24 + text_h + 20 + button_h + 24
        box = pygame.Rect(round((vp.width - w) / 2), round((vp.height - h) / 2), w, round(h))
        half = (w - 48 - 16) / 2
        y = box.bottom - 24 - button_h
        self.stay.logical = (box.left + 24, y, half, button_h)
        self.leave.logical = (box.left + 24 + half + 16, y, half, button_h)
        return box

    def key(self, event: pygame.event.Event) -> str:
        return LEAVE if event.key in _LEAVE_KEYS else STAY

    def click(self, ctx: Context, pos: tuple[int, int]) -> str | None:
        self._layout(ctx)
        if self.leave.hit(ctx, pos):
            return LEAVE
        return STAY if self.stay.hit(ctx, pos) else None

    def draw(self, surface: pygame.Surface, ctx: Context, rec: Recorder) -> None:
        th = ctx.theme
        vp = ctx.viewport
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        surface.blit(shade, (0, 0))
        box = self._layout(ctx)
        rect = vp.rect(*box)
        panel(surface, rect, ctx, colour=th.surface, border=th.warn, width=3)
        paragraph(surface, ctx, rec, QUESTION, vp.rect(box.left + 24, box.top + 24, box.width - 48, 1), "body",
                  th.text, bold=True, box=rect)
        self.stay.draw(surface, ctx, focused=True)
        self.leave.draw(surface, ctx)
        for b in (self.stay, self.leave):
            r = b.rect(ctx)
            w = ctx.text.font(ctx.px(b.token)).size(b.label)[0]
            rec.add(b.label, pygame.Rect(r.centerx - w // 2, r.top, w, r.height // 2), r)
