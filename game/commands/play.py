"""`play`: open the game window (the default command)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..userdata.settings import load_settings, save_settings
from .common import find_scenario, theme_arg

if TYPE_CHECKING:
    from ..engine import Scenario


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play the game (the default when no command is given)")
    p.add_argument("scenario", nargs="?", help="start this scenario (file or id) straight away")
    p.add_argument("--facilitator", action="store_true", help="facilitator mode, for leading a group")
    p.add_argument("--theme", type=theme_arg, metavar="NAME", help="normal, high-contrast or projector")
    p.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 switches)")
    p.add_argument("--display", type=_display, default=0, metavar="N", help="which monitor to use (0, 1, ...)")
    p.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH", help="window size, e.g. 1024x768")
    p.add_argument("--no-sound", action="store_true", help="play without sound")
    p.set_defaults(func=run)



def _display(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a display number: use 0, 1, ...")
    return int(text)


def _size(text: str) -> tuple[int, int]:
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise argparse.ArgumentTypeError(f"'{text}' is not a size: use WIDTHxHEIGHT, e.g. 1280x720")
    w, h = (int(p) for p in parts)
    if not (320 <= w <= 16384 and 240 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"'{text}' is too small or too large: use at least 320x240")
    return w, h


def _scenario(name: str) -> Scenario | None:
    """The named scenario, or None after printing its located errors."""
    result = find_scenario(name)
    if result.scenario is None:
        for d in result.errors:
            print(d.format(), file=sys.stderr)
        return None
    return result.scenario


def run(args: argparse.Namespace) -> int:
    scenario = None
    if args.scenario:
        scenario = _scenario(args.scenario)
        if scenario is None:
            return 1
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame
    except ImportError as exc:
        print(f"error: the game needs pygame-ce, which could not be loaded ({exc}). "
              "Install it with: python -m pip install pygame-ce", file=sys.stderr)
        return 1
    from ..ui.bootstrap import Options, make_app
    from ..ui.fonts import clear_cache as clear_font_cache
    from ..ui.scene import Push
    from ..ui.scenes.select import SelectScene, start_scene

    opts = Options(size=args.size, fullscreen=True if args.fullscreen else None, display=args.display,
                   theme=args.theme, facilitator=args.facilitator, sound=False if args.no_sound else None)
    try:
        if scenario is None:
            app = make_app(opts)
        else:
            select = SelectScene(root=True)
            app = make_app(opts, first=select)
            app.apply(Push(start_scene(scenario, app.ctx)))
    except pygame.error as exc:
        print(f"error: the game window could not be opened ({exc}). The game needs a graphical display; "
              "check that one is available.", file=sys.stderr)
        return 1
    if pygame.display.get_driver() == "offscreen" and not os.environ.get("SDL_VIDEODRIVER"):
        # SDL falls back to an invisible window when there is no display: a game nobody can see.
        pygame.quit()
        print("error: no graphical display was found, so the game window cannot be shown. Run it on a desktop, "
              "or use the author commands (check, run, paths, storyboard) which need no display.", file=sys.stderr)
        return 1
    try:
        app.run()
    finally:
        if not args.fullscreen:
            remember_fullscreen(app.ctx.settings_path, app.fullscreen)
        app.ctx.audio.ambience.wait(5)  # no sound file still decoding on another thread while pygame shuts down
        pygame.quit()
        clear_font_cache()  # fonts from this window die with it
    return 0


def remember_fullscreen(path: Path | None, fullscreen: bool) -> None:
    """Keep an F11 switch for next time, changing nothing else in the saved settings."""
    if path is None:
        return
    saved, problem = load_settings(path)
    if problem is None and saved.fullscreen != fullscreen:
        save_settings(saved.with_changes(fullscreen=fullscreen), path)

