"""`storyboard`: render each step of a path to numbered PNG files, without a display."""

from __future__ import annotations

import argparse
import os
import sys

from .common import UsageError, display_path, require_scenario, theme_arg
from .transcript import parse_choices


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("storyboard", help="render each step of a path to numbered PNG files (no display needed)")
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--choices", default="", help="comma-separated choice numbers as shown, or 'timeout'")
    p.add_argument("--out", default="storyboard",
                   help="folder for the PNG files (default %(default)s). A new run there replaces only the pictures "
                        "an earlier storyboard wrote (listed in its .storyboard.json); other files are never "
                        "touched, and one in the way of a picture stops the run with an error")
    p.add_argument("--size", default="1280x720", help="picture size WxH (default %(default)s)")
    p.add_argument("--theme", type=theme_arg, default=None, metavar="NAME",
                   help="normal, high-contrast or projector (default normal; projector with --facilitator)")
    p.add_argument("--facilitator", action="store_true",
                   help="the classroom's screens (facilitator mode): intro, text, choices with the room's votes, "
                        "the pick, consequences, ending and the class debrief")
    p.set_defaults(func=run)



def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise UsageError(f"'{text}' is not a size: use WIDTHxHEIGHT, e.g. 1280x720") from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise UsageError(f"'{text}' is out of range: width 320-7680, height 240-4320")
    return w, h


def run(args: argparse.Namespace) -> int:
    scenario = require_scenario(args.scenario)
    choices = parse_choices(args.choices)
    size = parse_size(args.size)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from ..ui.storyboard import render_storyboard

    try:  # an impossible choice (EngineError) is reported by the CLI entry point like every command's
        files = render_storyboard(scenario, choices, args.out, size, args.theme, args.facilitator)
    except OSError as exc:
        print(f"error: could not write the pictures to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for path in files:
        print(display_path(str(path)))
    return 0
