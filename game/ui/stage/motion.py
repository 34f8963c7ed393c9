"""Small motion for the person on the stage: blinking, a nod or a shake of the head on her reply, walking in
when she takes the stage and out when she leaves.

Everything here is plain timing: `StageMotion` is told the time that passes and who stands on the stage, and
answers where to draw the figure (`Pose`). Blinks come at irregular but reproducible moments, seeded by the
person's name. Between blinks nothing moves, so the screen can sleep until `wake_in()` says the next one is due.
"""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass

BLINK_CLOSED = 0.12  # seconds the eyes stay shut
BLINK_GAP = (3.0, 6.0)  # seconds from one blink to the next, drawn at random (seeded) in this range
GESTURE_SECONDS = 0.4  # a nod or a shake on her reply
ENTER_SECONDS = 0.4
EXIT_SECONDS = 0.5
ENTER_SLIDE = 70.0  # logical pixels she walks in from (from the right, where the door would be)
EXIT_SLIDE = 140.0
NOD_DEPTH = 7.0  # logical pixels the head dips
SHAKE_WIDTH = 6.0  # logical pixels the figure turns aside
NOD_MOODS = ("pleased", "neutral", "surprised", "thinking")  # other moods shake the head or turn away


class Blinks:
    """The moments one person blinks, counted from when they took the stage: the same for the same name."""

    def __init__(self, name: str) -> None:
        self._rng = random.Random(zlib.crc32(name.encode("utf-8")))
        self._starts: list[float] = []

    def start(self, n: int) -> float:
        """When the n-th blink (from 0) begins."""
        while len(self._starts) <= n:
            last = self._starts[-1] if self._starts else 0.0
            self._starts.append(last + self._rng.uniform(*BLINK_GAP))
        return self._starts[n]

    def _index(self, t: float) -> int:
        """The first blink that has not ended by `t`."""
        n = 0
        while self.start(n) + BLINK_CLOSED <= t:
            n += 1
        return n

    def closed(self, t: float) -> bool:
        n = self._index(t)
        return self.start(n) <= t

    def next_change(self, t: float) -> float:
        """The next moment after `t` at which the eyes shut or open."""
        n = self._index(t)
        begin = self.start(n)
        return begin if begin > t else begin + BLINK_CLOSED


def schedule(name: str, until: float) -> list[tuple[float, float]]:
    """(start, end) of every blink of `name` that begins before `until` seconds on the stage."""
    blinks = Blinks(name)
    out = []
    n = 0
    while blinks.start(n) < until:
        out.append((blinks.start(n), blinks.start(n) + BLINK_CLOSED))
        n += 1
    return out


@dataclass(frozen=True)
class Pose:
    """Where to draw the figure now: an offset in logical pixels, a head dip, opacity and shut eyes."""

    dx: float = 0.0
    dy: float = 0.0
    nod: float = 0.0  # logical pixels the head (not the shoulders) is lowered
    alpha: int = 255
    blinking: bool = False

    @property
    def still(self) -> bool:
        return self.dx == 0 and self.dy == 0 and self.nod == 0 and self.alpha == 255


STILL = Pose()


def _ease_out(p: float) -> float:
    return 1 - (1 - p) ** 3


class StageMotion:
    """The motion of whoever stands on the stage. `moving` turns off slides, nods and fades (blinks stay)."""

    def __init__(self) -> None:
        self.who: str | None = None
        self.on_stage = 0.0  # seconds the person has stood on the stage
        self.blinks: Blinks | None = None
        self.entering = 0.0  # seconds of the entrance left
        self.leaving: float | None = None  # seconds of the exit left; None when she is not leaving
        self.gesture = ""  # "nod" or "shake" while one plays
        self.gesture_left = 0.0
        self.moving = True

    # ---- what happens ------------------------------------------------------------------------
    def allow(self, moving: bool) -> None:
        """Follow the Motion setting; turned off, a slide or nod under way stops where she stands."""
        self.moving = moving
        if not moving:
            self.entering, self.gesture, self.gesture_left = 0.0, "", 0.0
            if self.leaving is not None:
                self.leaving = 0.0

    def present(self, who: str | None) -> bool:
        """Who stands on the stage now (None: nobody). A different person walks in; True when that began."""
        if who == self.who:
            return False
        self.who = who
        self.on_stage = 0.0
        self.blinks = Blinks(who) if who else None
        self.gesture, self.gesture_left = "", 0.0
        self.leaving = None
        self.entering = ENTER_SECONDS if who and self.moving else 0.0
        return self.entering > 0

    def react(self, mood: str) -> None:
        """Her reply appears: a nod for a warm or even mood, a shake of the head otherwise."""
        if self.moving and self.who and self.leaving is None:
            self.gesture = "nod" if mood in NOD_MOODS else "shake"
            self.gesture_left = GESTURE_SECONDS

    def leave(self) -> bool:
        """She walks out; False (nothing to wait for) when motion is off or nobody is on the stage."""
        if not (self.moving and self.who):
            return False
        if self.leaving is None:
            self.leaving = EXIT_SECONDS
            self.gesture, self.gesture_left, self.entering = "", 0.0, 0.0
        return True

    def stay(self) -> None:
        """She is not leaving after all (the play was taken back or restarted): back where she stood."""
        self.leaving = None

    # ---- time --------------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        """Let `dt` seconds pass; True when the picture changed (a slide, a nod, or the eyes shut or open)."""
        if self.who is None:
            return False
        was = self.blinking
        moved = self.animating()
        self.on_stage += dt
        self.entering = max(0.0, self.entering - dt)
        self.gesture_left = max(0.0, self.gesture_left - dt)
        if self.gesture_left == 0:
            self.gesture = ""
        if self.leaving is not None:
            self.leaving = max(0.0, self.leaving - dt)
        return moved or was != self.blinking

    def animating(self) -> bool:
        """Whether a slide, fade or nod is playing (blinks are not animation: they are two still pictures)."""
        return self.entering > 0 or self.gesture_left > 0 or (self.leaving is not None and self.leaving > 0)

    def wake_in(self) -> float | None:
        """Seconds until the eyes next shut or open, or None when nobody is on the stage."""
        if self.blinks is None:
            return None
        return max(0.0, self.blinks.next_change(self.on_stage) - self.on_stage)

    @property
    def blinking(self) -> bool:
        return self.blinks is not None and self.blinks.closed(self.on_stage)

    def pose(self) -> Pose:
        """Where and how to draw the figure now."""
        blink = self.blinking
        if self.leaving is not None:
            p = 1 - self.leaving / EXIT_SECONDS
            return Pose(dx=EXIT_SLIDE * p * p, alpha=round(255 * (1 - p)), blinking=blink)
        if self.entering > 0:
            e = _ease_out(1 - self.entering / ENTER_SECONDS)
            return Pose(dx=ENTER_SLIDE * (1 - e), alpha=round(255 * e), blinking=blink)
        if self.gesture_left > 0:
            p = 1 - self.gesture_left / GESTURE_SECONDS
            if self.gesture == "nod":
                return Pose(nod=NOD_DEPTH * math.sin(math.pi * p), blinking=blink)
            return Pose(dx=SHAKE_WIDTH * math.sin(2 * math.pi * p * 2) * (1 - p), blinking=blink)
        return Pose(blinking=blink)
