"""Build the Context and App: one place used by `play`, `storyboard`, `bench` and the tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from ..userdata.progress import ProgressStore
from ..userdata.settings import Settings, load_settings
from .app import App
from .audio import Audio
from .context import Context
from .scene import Scene
from .text import TextCache
from .viewport import Viewport

if TYPE_CHECKING:
    from ..engine import LoadResult


@dataclass
class Options:
    """How to start: window, theme, facilitator mode and where scenarios, settings and records come from."""

    size: tuple[int, int] = (1280, 720)
    fullscreen: bool | None = None  # None: from settings
    display: int = 0
    theme: str | None = None  # None: from settings
    facilitator: bool = False
    scenario_dir: str | None = None  # given: only this folder (tests, bench); None: every scenario folder
    settings: Settings | None = None  # given: use these and never write the settings file
    sound: bool | None = None
    records: bool | None = None  # record plays (learning records, saves); None: when settings are not given


def init_pygame() -> None:
    pygame.display.init()
    pygame.font.init()


def load_library(scenario_dir: str | None, notices: list[str] | None = None,
                 on_result: Callable[[LoadResult], None] | None = None) -> list[LoadResult]:
    """Every scenario file, broken ones included (they show as cards with their error): those of every
    scenario folder (see game.sources), or of `scenario_dir` alone when it is given.

    A damaged analysis cache is set aside; its notice is added to `notices`. Each file's result is handed
    to `on_result` as it is loaded. Files whose paths the analysis cache has no answer for are not explored
    here (see library_check)."""
    from .. import sources
    from .library_check import check_later

    cache = sources.analysis_cache()
    if scenario_dir is None:
        results = sources.load_library(cache, on_result, explore_uncached=False)
    else:
        folder = sources.Folder(sources.BUNDLED, Path(scenario_dir), "the folder given")
        results = sources.load_entries(sources.entries(folder), cache, on_result, explore_uncached=False)
    if cache.problem and notices is not None:
        notices.append(cache.problem)
    check_later(results, cache)  # files the cache had no answer for: explored in another process, one by one
    return results


def make_context(opts: Options) -> Context:
    init_pygame()
    notices: list[str] = []
    settings_path = None
    if opts.settings is not None:
        settings = opts.settings
    else:
        settings, problem = load_settings()
        from ..userdata.paths import settings_path as default_settings_path

        settings_path = default_settings_path()
        if problem:
            notices.append(problem)
    if opts.theme:
        settings = settings.with_changes(theme=opts.theme)
    if opts.fullscreen is not None:
        settings = settings.with_changes(fullscreen=opts.fullscreen)
    if opts.sound is not None:
        settings = settings.with_changes(sound=opts.sound)
    progress = ProgressStore()
    if progress.problem:
        notices.append(progress.problem)
    scenario_dir = opts.scenario_dir
    from .. import sources  # after the window's imports; most of it is needed only once the library loads

    if scenario_dir is None:
        sources.user_dir(create=True)  # first start: the trainer's own folder, ready to fill
    records = None
    if opts.records or (opts.records is None and opts.settings is None):
        from ..records.service import RecordsService

        records = RecordsService(progress, defer_sending=True)  # the App starts sending after its first frame
        if records.problem:
            notices.append(records.problem)
    return Context(
        settings=settings,
        viewport=Viewport.fit(opts.size),
        text=TextCache(),
        audio=Audio(enabled=settings.sound, volume=settings.volume, defer=True),  # opened after the first frame
        progress=progress,
        library_loader=lambda on_result: load_library(scenario_dir, notices, on_result),
        scenario_dir=Path(scenario_dir) if scenario_dir else sources.user_dir(),
        facilitator=opts.facilitator or settings.facilitator,
        notices=notices,
        settings_path=settings_path,
        records=records,
    )


def make_app(opts: Options | None = None, first: Scene | None = None) -> App:
    """A ready App showing `first` (the title screen by default)."""
    opts = opts or Options()
    ctx = make_context(opts)
    if first is None:
        from .scenes.title import TitleScene

        first = TitleScene()
    return App(ctx, first, size=opts.size, fullscreen=ctx.settings.fullscreen, display=opts.display)
