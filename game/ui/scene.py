"""The scene contract: handle events, update, draw, and say what should happen next.

A scene never reaches into a global: it returns a Transition and the App applies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    from .context import Context


# Transitions are made fresh each time and told apart by isinstance: plain dataclasses (quicker to define at
# start-up than frozen ones, which matters for the first frame).
@dataclass(eq=False)
class Push:
    """Put this scene on top of the stack."""

    scene: Scene


@dataclass(eq=False)
class Pop:
    """Leave this scene, handing `result` to the one below (its resume)."""

    result: Any = None


@dataclass(eq=False)
class Replace:
    """Put this scene in place of the current one."""

    scene: Scene


@dataclass(eq=False)
class Quit:
    """End the game."""


Transition = Push | Pop | Replace | Quit


class Scene:
    """Base scene: override what you need. `opaque = False` draws the scene below first (overlays)."""

    opaque: bool = True
    covers_window: bool = False  # True: draw() paints every pixel, so the App need not clear the window first

    def __init__(self) -> None:
        self.dirty = True

    def enter(self, ctx: Context) -> None:
        """Called when the scene becomes the top of the stack for the first time."""

    def resume(self, ctx: Context, result: Any = None) -> None:
        """Called when a scene pushed on top of this one pops, with its result."""
        self.dirty = True

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        return None

    def update(self, dt: float, ctx: Context) -> Transition | None:
        return None

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        raise NotImplementedError

    def animating(self) -> bool:
        """True while something moves (typewriter, meters, timers): the loop then runs at full rate."""
        return False

    def damage(self, surface: pygame.Surface, ctx: Context) -> list[pygame.Rect] | None:
        """The rects of `surface` the next frame changes, when only they change since this scene last drew
        on it whole (no event came between: the App checks that); None to draw the whole frame."""
        return None

    def wake_in(self) -> float | None:
        """Seconds until a still scene next changes by itself (a blink), or None: the idle loop sleeps till then."""
        return None

    def layout_changed(self, ctx: Context) -> None:
        """Called after a resize, fullscreen toggle or theme change."""
        self.dirty = True

    def covered(self) -> None:
        """An opaque scene was pushed over this one: let go of pictures it can rebuild when it shows again."""
