"""Apply a change of settings everywhere it matters: the context, the sound, the layout, the window, the file."""

from __future__ import annotations

import contextlib

import pygame

from ...userdata.settings import Settings, save_settings
from ..context import Context

_LAYOUT_FIELDS = ("theme", "text_size", "facilitator")


def apply_settings(ctx: Context, new: Settings) -> str | None:
    """Make `new` the current settings and save them when the game has a settings file.

    Returns a plain message when saving failed (the settings still apply for this session), else None.
    The App is told through ordinary events: F11 toggles full screen, and a resize to the current window
    size makes every scene on the stack lay itself out again for a new theme or text size.
    """
    old = ctx.settings
    ctx.settings = new
    ctx.facilitator = new.facilitator
    if new.sound != old.sound:
        ctx.audio.set_enabled(new.sound)
    if new.volume != old.volume:
        ctx.audio.set_volume(new.volume)
    if new.fullscreen != old.fullscreen:
        ctx.settings = new.with_changes(fullscreen=old.fullscreen)  # the App flips it when it handles F11
        _post(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0)
    elif any(getattr(new, f) != getattr(old, f) for f in _LAYOUT_FIELDS):
        size = ctx.viewport.window
        _post(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])
    if ctx.settings_path is None:
        return None
    return save_settings(new, ctx.settings_path)


def _post(event_type: int, **attrs: object) -> None:
    with contextlib.suppress(pygame.error):  # no event queue (display closed): nothing to tell
        pygame.event.post(pygame.event.Event(event_type, **attrs))
