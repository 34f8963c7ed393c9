"""One argparse entry point: `python run.py` plays; subcommands serve authors, facilitators and tests."""

from __future__ import annotations

import argparse
import importlib
import sys

from .commands.common import UsageError
from .engine.errors import EngineError

# Subcommand modules by command name. Only the module of the command being run is imported (all of them
# for --help), so author commands never load pygame and the game starts without loading the author tools.
COMMANDS = {
    "check": "game.commands.check",
    "run": "game.commands.transcript",
    "paths": "game.commands.paths",
    "graph": "game.commands.graph",
    "schema": "game.commands.schema",
    "play": "game.commands.play",
    "storyboard": "game.commands.storyboard",
    "bench": "game.commands.bench",
    "records": "game.commands.records",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="run.py", description="Customer Chain: practise service conversations. With no command, plays.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = [COMMANDS[only]] if only in COMMANDS else list(COMMANDS.values())
    for name in names:
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
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]
    parser = build_parser(argv[0])
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
