"""Background threads of the game's own process give way while the UI thread works on a frame.

Python runs one thread at a time. A thread loading the scenario library while the player presses Start used
to make that frame take two or three times as long: every file the frame read and every module it imported
handed the interpreter to the loader, which kept it for its whole turn (5 ms by default). Now the App marks
each frame's work, and the loader calls `give_way()` between its steps (before it starts, and after each
file); that returns at once between frames, and otherwise when the frame is on screen, or after a bounded
wait, so a UI that never rests cannot stall the load for good.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

LONGEST_WAIT_S = 0.1  # at most this long per step of background work: far longer than a frame should take


class Foreground:
    """The UI thread's frames, as background work sees them."""

    def __init__(self) -> None:
        self._free = threading.Event()  # set while no frame is being worked on
        self._free.set()
        self._ui_thread: int | None = None

    @contextmanager
    def frame(self) -> Iterator[None]:
        """Around one frame's work (events, update, draw) on the UI thread."""
        self._ui_thread = threading.get_ident()
        self._free.clear()
        try:
            yield
        finally:
            self._free.set()

    @contextmanager
    def waiting(self) -> Iterator[None]:
        """While the UI thread waits for background work to finish: that work must not give way to it."""
        was_free = self._free.is_set()
        self._free.set()
        try:
            yield
        finally:
            if not was_free:
                self._free.clear()

    @property
    def busy(self) -> bool:
        """True while a frame is being worked on."""
        return not self._free.is_set()

    def give_way(self, longest: float = LONGEST_WAIT_S) -> bool:
        """Called by background threads between steps: wait while a frame is being worked on, at most `longest`
        seconds. True when no frame was in the way at the end; on the UI thread itself it never waits."""
        if threading.get_ident() == self._ui_thread:
            return True
        deadline = time.monotonic() + longest
        while not self._free.is_set():  # checked again after each wake-up: the next frame may have begun
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self._free.wait(left)
        return True
