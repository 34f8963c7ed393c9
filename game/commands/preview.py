"""`preview`: play one scenario file in the game's window, reloading it each time it is saved."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..engine import EngineError
from .common import UsageError, display_path, find_scenario, theme_arg
from .play import _size


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("preview", help="play a scenario file that reloads each time you save it")
    p.add_argument("file", help="the scenario file (or a scenario id)")
    p.add_argument("--at", metavar="NODE", help="start at this node instead of the start")
    p.add_argument("--set", action="append", default=[], metavar="METER=V",
                   help="start with a meter at this value (repeatable), e.g. --set satisfaction=30")
    p.add_argument("--flag", action="append", default=[], metavar="F", help="start with this flag set (repeatable)")
    p.add_argument("--theme", type=theme_arg, metavar="NAME", help="normal, high-contrast or projector")
    p.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH", help="window size, e.g. 1024x768")
    p.add_argument("--no-sound", action="store_true", help="preview without sound")
    p.set_defaults(func=run)


def parse_sets(items: list[str]) -> dict[str, int]:
    out = {}
    for item in items:
        name, eq, value = item.partition("=")
        value = value.strip()
        if not eq or not name.strip() or not value.lstrip("+-").isdigit():
            raise UsageError(f"--set '{item}': write METER=NUMBER, e.g. --set satisfaction=30")
        out[name.strip()] = int(value)
    return out


def start_for(scenario, args: argparse.Namespace) -> dict | None:
    """The starting point the options ask for (None: the scenario's own start)."""
    from ..engine.playthrough import start_point

    if not (args.at or args.set or args.flag):
        return None
    try:
        return start_point(scenario, args.at, parse_sets(args.set), args.flag)
    except EngineError as exc:
        raise UsageError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    result = find_scenario(args.file, explore_uncached=False)  # a first look explores in the window's background
    if result.scenario is None:
        for d in result.errors:
            print(d.format(), file=sys.stderr)
        return 1
    start = start_for(result.scenario, args)
    data = Path(result.path).read_bytes()
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame
    except ImportError as exc:
        print(f"error: the preview needs pygame-ce, which could not be loaded ({exc})", file=sys.stderr)
        return 1
    from ..ui.bootstrap import Options, make_app
    from ..ui.scenes.preview import PreviewScene

    opts = Options(size=args.size, fullscreen=False, theme=args.theme, sound=False if args.no_sound else None)
    scene = PreviewScene(display_path(result.path), result.scenario, data, start,
                         check=result.diagnostics if result.unexplored else None)
    try:
        app = make_app(opts, first=scene)
    except pygame.error as exc:
        print(f"error: the preview window could not be opened ({exc})", file=sys.stderr)
        return 1
    print(f"Previewing {display_path(result.path)}: save the file to see changes; Esc for the menu.")
    try:
        app.run()
    finally:
        scene.close()  # the window closed: no check of the paths goes on after it
        app.ctx.audio.ambience.wait(5)  # no sound file still decoding on another thread while pygame shuts down
        pygame.quit()
    return 0
