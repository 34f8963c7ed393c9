"""Esc on the screens after an ending (ending, value, debrief) opens the pause menu, as everywhere else."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import Scenario
from ..scene import Pop, Push, Replace, Scene, Transition


class PausableAfterEnding(Scene):
    """A base for the after-ending screens: Esc pauses; "restart" plays again, "menu" goes back to the list."""

    scenario: Scenario
    _pause_next: Transition | None = None

    def pause_on_escape(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from .pause import PauseScene

            return Push(PauseScene())
        return None

    def resume(self, ctx, result: Any = None) -> None:
        super().resume(ctx, result)
        if result == "restart":
            from .play import PlayScene

            self._pause_next = Replace(PlayScene(self.scenario))
        elif result == "menu":
            self._pause_next = Pop()

    def after_pause(self) -> Transition | None:
        """The transition the pause menu asked for, once (call it first in update)."""
        nxt, self._pause_next = self._pause_next, None
        return nxt
