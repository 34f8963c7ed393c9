"""One argparse entry point: `python run.py` plays; subcommands serve authors, facilitators and tests."""

from __future__ import annotations

import argparse
import importlib
import sys

from .commands.common import UsageError
from .engine import EngineError

# Subcommand modules, imported lazily so that author commands never load pygame.
COMMANDS = (
    "game.commands.check",
    "game.commands.transcript",
    "game.commands.paths",
    "game.commands.graph",
    "game.commands.schema",
    "game.commands.play",
    "game.commands.storyboard",
    "game.commands.bench",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="run.py", description="Customer Chain: practise service conversations. With no command, plays.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"{parser.prog} {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except EngineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
