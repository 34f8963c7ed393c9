"""Everything a scene may use, passed in rather than held in globals."""

from __future__ import annotations

import _thread
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..userdata.progress import ProgressStore
from ..userdata.settings import Settings
from .audio import Audio
from .foreground import Foreground
from .text import TextCache
from .theme import PROJECTOR, Theme, get_theme
from .viewport import Viewport

PRELOAD_WAIT_S = 30.0  # the longest the UI waits for the background load before loading the library itself

if TYPE_CHECKING:
    from ..engine import LoadResult
    from ..records.service import RecordsService


@dataclass
class Context:
    """The settings, window, caches, sound, progress and scenario library shared by the scenes."""

    settings: Settings
    viewport: Viewport
    text: TextCache
    audio: Audio
    progress: ProgressStore
    #: Loads every scenario file, handing each result to its argument as it arrives.
    library_loader: Callable[[Callable[[LoadResult], None]], list[LoadResult]] | None = None
    scenario_dir: Path | None = None
    facilitator: bool = False
    time: float = 0.0  # seconds since start, advanced by the App
    notices: list[str] = field(default_factory=list)  # plain messages for the player (e.g. progress unsaved)
    settings_path: Path | None = None
    records: RecordsService | None = None  # learning records; None: plays are not recorded (storyboards, benches)
    library_partial: list[LoadResult] = field(default_factory=list)  # filled file by file by the loader
    foreground: Foreground = field(default_factory=Foreground)  # the App's frames, which background work yields to
    _library: list[LoadResult] | None = field(default=None, repr=False)
    _preload: threading.Event | None = field(default=None, repr=False)  # set when the background load ends
    _theme_key: tuple | None = field(default=None, repr=False)
    _theme: Theme | None = field(default=None, repr=False)

    def preload_library(self) -> None:
        """Start loading the scenarios in the background (called once the first frame is on screen).

        A bare thread, not threading.Thread: Thread.start() waits, without a time limit, for the new thread
        to say it has begun, and a process short of memory (a test run whose address space had been capped)
        hung there for good. Here nothing waits on the start; the one who needs the library waits a bounded
        time and otherwise loads it itself."""
        if self._library is None and self._preload is None and self.library_loader is not None:
            self._preload = threading.Event()  # set when the background load has finished
            _thread.start_new_thread(self._load_in_background, (self._preload,))

    @property
    def library_loading(self) -> bool:
        """True while the background load started by preload_library is still running."""
        return self._preload is not None and not self._preload.is_set() and self._library is None

    def _load_in_background(self, done: threading.Event) -> None:
        try:
            self.foreground.give_way()  # begun from the first frame's end: the next frame goes first
            self._load_library()
        finally:  # even when it failed: the UI thread then loads the library itself, and sees what failed
            done.set()

    def _arrived(self, result: LoadResult) -> None:
        self.library_partial.append(result)
        self.foreground.give_way()  # a frame being drawn goes before the next file

    def _load_library(self) -> None:
        results = self.library_loader(self._arrived) if self.library_loader else []
        if self._library is None:
            self._library = results

    @property
    def library(self) -> list[LoadResult]:
        """The scenario files, loaded on first use (so the title screen appears before any parsing)."""
        if self._library is None and self._preload is not None:
            with self.foreground.waiting():
                self._preload.wait(PRELOAD_WAIT_S)
        if self._library is None:
            self._load_library()
        return self._library

    @property
    def library_so_far(self) -> list[LoadResult]:
        """Without waiting: the whole library once loaded, else a copy of the files loaded so far."""
        if self._library is not None:
            return self._library
        return list(self.library_partial) if self.library_loading else self.library

    @library.setter
    def library(self, results: list[LoadResult]) -> None:
        self._library = results

    @property
    def theme(self) -> Theme:
        """The active theme, rebuilt only when the settings that shape it change."""
        key = (self.settings.theme, self.facilitator, self.settings.font_scale)
        if key != self._theme_key or self._theme is None:
            base = get_theme("projector" if self.facilitator and self.settings.theme == "normal"
                             else self.settings.theme)
            scale = self.settings.font_scale
            if self.facilitator:
                # A room needs projector-sized type whatever the colours: keep the theme, take its sizes.
                base = replace(base, sizes=PROJECTOR.sizes, focus_width=max(base.focus_width, PROJECTOR.focus_width))
                scale = min(1.25, max(1.0, scale))  # the projector's size rules hold at every text size
            self._theme, self._theme_key = base.scaled(scale), key
        return self._theme

    def px(self, token: str) -> int:
        """Window pixel size for a text size token in the current theme and viewport."""
        return self.viewport.px(self.theme.px(token))
