"""`import-twine`: a Twine story (Twee 3 files, or Twine 2 published HTML / archive) as a scenario skeleton."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from ..engine import load_bytes
from .common import UsageError, display_path
from .twine_convert import convert
from .twine_read import Story, read_html, read_twee

TWEE_SUFFIXES = (".tw", ".twee", ".tw3", ".twee3")
MAX_INPUT = 20 * 1024 * 1024


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-twine", help="turn a Twine story (Twee 3 or Twine 2 HTML) into a scenario skeleton")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="Twee files or folders of them (one story, read in order), or one Twine 2 .html file")
    p.add_argument("--out", required=True, metavar="FILE", help="the scenario file to write")
    p.add_argument("--id", help="the scenario's id (default: from the --out file name)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(func=run)


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.suffix.lower() in TWEE_SUFFIXES and f.is_file())
        elif p.is_file():
            out.append(p)
        else:
            raise UsageError(f"no such file or folder: {p}")
    if not out:
        raise UsageError(f"no Twee files (.tw, .twee) in {', '.join(paths)}")
    return out


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_INPUT:
            raise UsageError(f"{path} is larger than {MAX_INPUT // (1024 * 1024)} MiB")
        return path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_story(paths: list[str]) -> Story:
    files = _files(paths)
    html = [f for f in files if f.suffix.lower() in (".html", ".htm")]
    if html:
        if len(files) > 1:
            raise UsageError("give one Twine 2 HTML file on its own (Twee files may be several)")
        return read_html(_read(html[0]), display_path(str(html[0])))
    return read_twee([(display_path(str(f)), _read(f)) for f in files])


def scenario_id(args: argparse.Namespace) -> str:
    raw = args.id or Path(args.out).stem
    ident = re.sub(r"[^a-z0-9_]+", "_", raw.lower()).strip("_")
    if not ident or not ident[0].isalpha():
        ident = f"imported_{ident}".strip("_")
    return ident[:64]


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not args.force:
        raise UsageError(f"{args.out} already exists; use --force to replace it")
    story = read_story(args.paths)
    if not story.passages:
        raise UsageError("no passages found: " + ("; ".join(story.notes) or "the files hold no ':: Name' headers"))
    text, report = convert(story, scenario_id(args), ", ".join(display_path(p) for p in args.paths))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.tmp")
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, out)
    except OSError as exc:
        raise UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    print(f"Wrote {display_path(str(out))} from {len(story.passages)} passage(s).")
    for line in report.text(story):
        print(f"  {line}")
    result = load_bytes(text.encode(), display_path(str(out)))
    errors, warnings = len(result.errors), len(result.warnings)
    print(f"check: {errors} error(s), {warnings} warning(s)"
          + (" (warnings are the to-do list: feedback, meters, unreached passages)" if warnings else ""))
    for d in result.errors:
        print(d.format())
    print(f"Next: python run.py check {display_path(str(out))}   then   python run.py preview {display_path(str(out))}")
    return 1 if errors else 0
