"""What a frame of the stage changes, so a still stage redraws only what moves.

Between two frames with no event between them, most of the stage stays as it was: the setting, the panels,
the options. What moves by itself is known: the line typing and the continue mark in the dialogue box, the
meters easing, the countdown ticking, and the people's faces (a mouth while she talks, her eyes blinking, her
mood following the meters). `Damage` remembers the moment a frame showed and those parts' states; the next
frame, if the moment is the same, redraws only the parts whose state changed (the App clips the drawing to
them). Anything else (a new moment, a dissolve, a slide, a new layout, a scroll) draws the whole frame."""

from __future__ import annotations

from typing import Any

import pygame

from .dialogue import mark_showing
from .solo import TALK_RATE

PEOPLE = ("person", "caller", "side")


def moment_key(scene: Any, ctx: Any) -> tuple:
    """Everything a frame of `scene` shows that does not move by itself: while it is the same, only the live
    parts can differ from the frame before. It holds the objects themselves (the layout, the coach's card),
    not their ids, which a new object may reuse once the old one is gone."""
    choices = scene.choices
    buttons = tuple((b.logical, b.selected, b.enabled) for b in choices.buttons) if choices is not None else ()
    pose = scene.motion.pose()
    return (scene.view, scene.phase, scene.beat, scene.step, scene._layout, scene._layout_key,
            round(scene.scroll), scene.card, getattr(scene, "problem", None), getattr(scene, "focused", True),
            ctx.settings, ctx.viewport.window, scene.motion.who, (pose.dx, pose.dy, pose.alpha, pose.nod),
            scene.dissolving, scene.countdown is None, buttons,
            (choices.hover, choices.focus, choices.show_focus, choices.enabled) if choices is not None else None,
            scene.card.hover if scene.card is not None else None)


def live_states(scene: Any, ctx: Any) -> dict[str, object]:
    """The state of each part that moves by itself, as a frame drawn now shows it."""
    typing = scene.phase in ("reading", "reply") and not scene.typewriter.done
    speech = (scene.typewriter.chars, scene.typewriter.done, scene.waiting, mark_showing(scene.waited, ctx.time))
    gauges = tuple((g.shown, g.delta, g.moving) for g in scene.meters.gauges)
    faces = (scene.customer_mood(), scene.satisfaction_percent(), scene.motion.blinking,
             int(ctx.time * TALK_RATE) % 2 if typing else None)
    clock = scene.countdown
    ticking = (clock.left, clock.running, ctx.time if clock.running else None) if clock is not None else None
    states: dict[str, object] = {"speech": speech, "hud": gauges, "countdown": ticking}
    states.update((name, faces) for name in PEOPLE)
    return states


class Damage:
    """The moment and live parts' states of the last frame a scene drew, on which surface."""

    def __init__(self) -> None:
        self._shown: tuple[int, tuple, dict[str, object]] | None = None

    def forget(self) -> None:
        self._shown = None

    def drawn(self, surface: pygame.Surface, scene: Any, ctx: Any) -> None:
        """A frame of `scene` was just drawn on `surface`, whole or in its changed parts."""
        self._shown = (id(surface), moment_key(scene, ctx), live_states(scene, ctx))

    def rects(self, surface: pygame.Surface, scene: Any, ctx: Any) -> list[pygame.Rect] | None:
        """Where the frame about to be drawn on `surface` differs from the last one, or None for all of it."""
        shown = self._shown
        if shown is None or shown[0] != id(surface) or scene.fading or shown[1] != moment_key(scene, ctx):
            return None
        parts = scene.rec.parts
        before = shown[2]
        out = []
        for name, state in live_states(scene, ctx).items():
            rect = parts.get(name)  # a part not drawn then is not drawn now: the moment says what is drawn
            if rect is not None and state != before.get(name):
                out.append(pygame.Rect(rect))
        return out
