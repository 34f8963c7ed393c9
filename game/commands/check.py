"""`check`: validate scenario files, all problems of every file, with located messages."""

from __future__ import annotations

import argparse
import json
import os

from .. import sources
from ..engine import Diagnostic
from .common import UsageError, display_path, user_analysis_cache


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="validate scenario files (default: every scenario folder)")
    p.add_argument("paths", nargs="*",
                   help="files or folders to check (default: the bundled library, your own folder and any "
                        "folders named by CUSTOMER_CHAIN_SCENARIOS or --scenarios)")
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    p.add_argument("--json", action="store_true", help="print diagnostics as JSON (same as --format json)")
    p.add_argument("--format", choices=("text", "json", "github"), default="text",
                   help="text (default), json, or github: GitHub Actions workflow annotations")
    p.add_argument("--quiet", "-q", action="store_true", help="print only problems")
    p.add_argument("--no-cache", action="store_true",
                   help="explore every file again (by default unchanged files reuse earlier results)")
    p.set_defaults(func=run)


def _escape(text: str, prop: bool = False) -> str:
    """Escape text for a workflow command (GitHub's rules: % CR LF always; : and , in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def github_annotation(d: Diagnostic) -> str:
    """One diagnostic as a GitHub Actions annotation: ::error file=...,line=...,col=...,title=CODE::message"""
    kind = "error" if d.is_error else "warning"
    props = f"file={_escape(d.path, True)},line={d.line},col={d.col},title={_escape(d.code, True)}"
    return f"::{kind} {props}::{_escape(d.message)}"


def run(args: argparse.Namespace) -> int:
    cache = None if args.no_cache else user_analysis_cache()
    if args.paths:
        missing = [p for p in args.paths if not os.path.exists(p)]
        if missing:
            raise UsageError(f"no such file or folder: {missing[0]}")
        found = sources.expand(args.paths)
    else:
        found = [e for f in sources.folders() for e in sources.entries(f)]
    if not found:
        raise UsageError(f"no scenario files in {', '.join(args.paths) or 'the scenario folders'}")
    results = sources.load_entries(found, cache)
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    failed = errors > 0 or (args.strict and warnings > 0)
    if args.format == "github":
        for r in results:
            for d in r.diagnostics:
                print(github_annotation(d))
        return 1 if failed else 0
    if args.json or args.format == "json":
        print(json.dumps({
            "ok": not failed,
            "files": [{"path": r.path, "id": r.scenario.id if r.scenario else None,
                       "title": r.scenario.title if r.scenario else None,
                       "diagnostics": [d.to_json() for d in r.diagnostics]} for r in results],
        }, indent=2))
        return 1 if failed else 0
    for r in results:
        for d in r.diagnostics:
            print(d.format())
    if not args.quiet:
        for r in results:
            if r.scenario is not None:
                s = r.scenario
                print(f"ok  {s.id:<24} {len(s.nodes):>3} nodes {len(s.endings):>2} endings  {s.title}")
            else:
                print(f"ERR {display_path(r.path)}")
        print(f"{len(results)} file(s): {errors} error(s), {warnings} warning(s)"
              + (" (strict: warnings fail)" if args.strict and warnings else ""))
    return 1 if failed else 0
