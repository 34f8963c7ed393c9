"""The player's choices as large numbered buttons: keys 1-9, arrows with Enter, or the mouse.

Nothing is taken unless the player chose it: there is no keyboard focus until the first arrow or Tab press, and
Enter or Space with no focus does nothing (number keys and clicks choose directly)."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..context import Context
from ..widgets import Button, FocusGroup

_MOVES = (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB)
_ACTIVATE = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class ChoiceList:
    """Numbered buttons over the given logical rects. `handle()` returns the 0-based index activated."""

    def __init__(self, texts: Sequence[str], rects: Sequence[pygame.Rect], token: str = "body",
                 numbers: Sequence[int] | None = None) -> None:
        nums = list(numbers) if numbers is not None else list(range(1, len(texts) + 1))
        self.buttons = [Button(t, (r.x, r.y, r.width, r.height), number=n, token=token)
                        for t, r, n in zip(texts, rects, nums, strict=False)]
        self.group = FocusGroup(self.buttons)
        self.enabled = True
        self.show_focus = False  # shown from the first arrow or Tab press; hidden while the mouse points at one

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
        if event.type == pygame.KEYDOWN and event.key in _MOVES and not self.show_focus:
            self.show_focus = True  # the first arrow or Tab shows the focus where it is (choice 1 at first)
            return None
        if event.type == pygame.KEYDOWN and event.key in _ACTIVATE and not self.show_focus:
            return None  # no focus, no choice: a stray Enter or Space never picks an option
        picked = self.group.handle(event, ctx)
        if event.type == pygame.MOUSEMOTION and self.group.hover is not None:
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
