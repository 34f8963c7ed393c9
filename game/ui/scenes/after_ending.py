"""Esc on the screens after an ending (ending, value, debrief) opens the pause menu, as everywhere else."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import Scenario
from ..context import Context
from ..scene import Pop, Push, Replace, Scene, Transition
from ..widgets import FocusGroup


class PausableAfterEnding(Scene):
    """A base for the after-ending screens: Esc pauses; "restart" plays again, "menu" goes back to the list.

    Subclasses keep a FocusGroup in `self.group` and implement `on_event` (and `on_update` if they move).
    """

    scenario: Scenario
    group: FocusGroup
    _pause_next: Transition | None = None

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from .pause import PauseScene

            return Push(PauseScene())
        if event.type == pygame.MOUSEMOTION:
            self.dirty = self.group.track_hover(event, ctx) or self.dirty
            return None
        return self.on_event(event, ctx)

    def on_event(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        return None

    def update(self, dt: float, ctx: Context) -> Transition | None:
        nxt, self._pause_next = self._pause_next, None
        return nxt if nxt is not None else self.on_update(dt, ctx)

    def on_update(self, dt: float, ctx: Context) -> Transition | None:
        return None

    def resume(self, ctx, result: Any = None) -> None:
        super().resume(ctx, result)
        if result == "restart":
            from .play import PlayScene

            self._pause_next = Replace(PlayScene(self.scenario, shuffle=True))
        elif result == "menu":
            self._pause_next = Pop()
