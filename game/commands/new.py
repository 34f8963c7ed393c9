"""`new`: write a small, commented starter scenario that passes `check --strict`."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..engine import vocabulary as v
from .common import UsageError, display_path
from .starter import starter_text


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="write a starter scenario to edit (passes check --strict)")
    p.add_argument("id", help="the new scenario's id: lower-case letters, digits and underscores, e.g. late_order")
    p.add_argument("--out", metavar="DIR", help="folder to write ID.yaml in (default: your scenario folder)")
    p.set_defaults(func=run)


def default_out_dir() -> Path:
    """Where `new` writes when no --out is given: the user's own scenario folder, which the game lists."""
    from ..sources import user_dir

    return user_dir(create=True)


def write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet ('x' mode: never overwrite an author's work)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as f:
        f.write(text)


def run(args: argparse.Namespace) -> int:
    if not re.match(v.ID_PATTERN, args.id):
        raise UsageError(f"'{args.id}' is not a valid id: use lower-case letters, digits and underscores, "
                         "starting with a letter (e.g. late_order)")
    folder = Path(args.out) if args.out else default_out_dir()
    path = folder / f"{args.id}.yaml"
    if path.exists():
        raise UsageError(f"{display_path(str(path))} already exists; choose another id or --out folder")
    try:
        write_new(path, starter_text(args.id))
    except FileExistsError:
        raise UsageError(f"{display_path(str(path))} already exists; choose another id or --out folder") from None
    except OSError as exc:
        raise UsageError(f"cannot write {display_path(str(path))}: {exc.strerror or exc}") from None
    shown = display_path(str(path))
    print(f"Wrote {shown}: a starter scenario with a timer, a branch and three endings.")
    print("Next:")
    print(f"  python run.py check {shown} --strict    # check it (it passes as written)")
    print(f"  python run.py preview {shown}           # play it; it reloads each time you save")
    print(f"  python run.py paths {shown}             # every path, per ending")
    return 0
