"""The player's choices as large numbered buttons: keys 1-9, arrows with Enter, or the mouse."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..context import Context
from ..widgets import Button, FocusGroup


class ChoiceList:
    """Numbered buttons over the given logical rects. `handle()` returns the 0-based index activated."""

    def __init__(self, texts: Sequence[str], rects: Sequence[pygame.Rect], token: str = "body",
                 numbers: Sequence[int] | None = None) -> None:
        nums = list(numbers) if numbers is not None else list(range(1, len(texts) + 1))
        self.buttons = [Button(t, (r.x, r.y, r.width, r.height), number=n, token=token)
                        for t, r, n in zip(texts, rects, nums, strict=False)]
        self.group = FocusGroup(self.buttons)
        self.enabled = True
        self.show_focus = True  # hidden while the mouse points at a choice, back when the keyboard is used

    def relayout(self, rects: Sequence[pygame.Rect], token: str) -> None:
        for b, r in zip(self.buttons, rects, strict=False):
            b.logical = (r.x, r.y, r.width, r.height)
            b.token = token

    def select(self, index: int | None) -> None:
        """Highlight the chosen button (None clears)."""
        for i, b in enumerate(self.buttons):
            b.selected = i == index

    def handle(self, event: pygame.event.Event, ctx: Context) -> int | None:
        if not self.enabled:
            return None
        arrows = (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB)
        if event.type == pygame.KEYDOWN and event.key in arrows and not self.show_focus:
            self.show_focus = True  # the first arrow after using the mouse shows where the focus is
            return None
        picked = self.group.handle(event, ctx)
        if event.type == pygame.KEYDOWN:
            self.show_focus = True
        elif event.type == pygame.MOUSEMOTION and self.group.hover is not None:
            self.show_focus = False
        return picked

    @property
    def hover(self) -> int | None:
        return self.group.hover

    @property
    def focus(self) -> int:
        return self.group.focus

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        for i, b in enumerate(self.buttons):
            b.enabled = self.enabled or b.selected
            b.draw(surface, ctx, hovered=self.enabled and i == self.group.hover,
                   focused=self.enabled and self.show_focus and i == self.group.focus)
