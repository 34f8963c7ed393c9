"""Apply a change of settings everywhere it matters: the context, the sound, the layout, the window, the file."""

from __future__ import annotations

import contextlib
from dataclasses import fields

import pygame

from ...userdata.settings import Settings, peek_settings, save_settings
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
    saved = peek_settings(ctx.settings_path)
    return save_settings(settings_to_save(old if saved is None else saved, old, new), ctx.settings_path)


def settings_to_save(saved: Settings, old: Settings, new: Settings) -> Settings:
    """What goes into the file: the saved settings with only the values the player changed just now.

    One-run choices from the command line (`--no-sound`, `--theme`, `--fullscreen`) live in the session's
    settings but are never written, unless the player changes that same setting in the game.
    """
    changed = {f.name: getattr(new, f.name) for f in fields(Settings) if getattr(new, f.name) != getattr(old, f.name)}
    return saved.with_changes(**changed)


def _post(event_type: int, **attrs: object) -> None:
    with contextlib.suppress(pygame.error):  # no event queue (display closed): nothing to tell
        pygame.event.post(pygame.event.Event(event_type, **attrs))
