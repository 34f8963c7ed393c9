"""One argparse entry point: `customer-chain` plays; subcommands serve authors, facilitators and tests."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from typing import NoReturn

from . import __version__
from .commands.common import UsageError
from .engine.errors import EngineError
from .terminal import EscapingWriter

# Subcommand modules by command name. Only the module of the command being run is imported (all of them
# for --help), so author commands never load pygame and the game starts without loading the author tools.
COMMANDS = {
    "check": "game.commands.check",
    "run": "game.commands.transcript",
    "paths": "game.commands.paths",
    "graph": "game.commands.graph",
    "schema": "game.commands.schema",
    "scenarios": "game.commands.scenarios",
    "play": "game.commands.play",
    "storyboard": "game.commands.storyboard",
    "bench": "game.commands.bench",
    "new": "game.commands.new",
    "golden": "game.commands.golden",
    "preview": "game.commands.preview",
    "import-twine": "game.commands.import_twine",
}


def program_name(argv0: str | None = None) -> str:
    """How the user started us, for usage lines: customer-chain, python -m game or run.py."""
    base = os.path.basename(argv0 if argv0 is not None else (sys.argv[0] if sys.argv else ""))
    if base == "__main__.py":
        return "python -m game"
    if base.endswith(".py"):
        return base
    return base or "customer-chain"


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: the message and where to look, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


def build_parser(only: str | None = None, prog: str | None = None) -> argparse.ArgumentParser:
    parser = Parser(prog=prog or program_name(),
                    description="Customer Chain: practise service conversations. With no command, plays.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="print the version and stop")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    names = [COMMANDS[only]] if only in COMMANDS else list(COMMANDS.values())
    for name in names:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.add_parser(sub)
    for command in sub.choices.values():
        command.add_argument("--scenarios", action="append", default=[], metavar="DIR",
                             help="also read scenarios from DIR (repeatable; after the bundled library, "
                                  "your own folder and CUSTOMER_CHAIN_SCENARIOS)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--version"]:
        print(f"{program_name()} {__version__}")
        return 0
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingWriter(out), EscapingWriter(err)
    try:
        return _run(argv)
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError):  # a closed pipe (`| head`): nothing more reaches the reader
                stream.flush()
        sys.stdout, sys.stderr = out, err


def _run(argv: list[str]) -> int:
    from . import sources
    from .resources import MissingResource

    parser = build_parser(argv[0])
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    sources.set_cli_folders(getattr(args, "scenarios", []))
    where = f"{parser.prog} {args.command}"
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"{where}: error: {exc}", file=sys.stderr)
        return 2
    except EngineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except MissingResource as exc:
        print(f"{where}: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            return 0
        name = f": {exc.filename}" if exc.filename else ""
        print(f"{where}: error: {exc.strerror or exc}{name}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
