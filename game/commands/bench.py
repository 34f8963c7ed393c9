"""`bench`: measure start-up, frame time, idle CPU, loading, path analysis and memory against bare pygame."""

from __future__ import annotations

import argparse
import json
import os
import sys

from .common import UsageError

SECTIONS = ("start-up", "frame time and memory", "stage frame time", "preview reload", "CJK text layout",
            "xAPI outbox", "idle CPU", "scenario loading", "path analysis")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="measure speed and memory against a bare pygame baseline (takes minutes)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--runs", type=int, default=None, help="runs per figure; each figure is their median")
    p.add_argument("--quick", action="store_true", help="cheap figures with the same shape (for tests)")
    p.add_argument("--only", action="append", default=[], metavar="SECTION",
                   help="measure this section only (repeatable): " + ", ".join(f"'{s}'" for s in SECTIONS))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.runs is not None and args.runs < 1:
        raise UsageError("--runs must be at least 1")
    unknown = [name for name in args.only if name not in SECTIONS]
    if unknown:
        raise UsageError(f"--only: no section {unknown[0]!r}; the sections are " + ", ".join(SECTIONS))
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout one JSON object
    from ..bench.harness import table
    from ..bench.suite import Config, run_suite

    config = Config.make(args.runs, args.quick, tuple(args.only))
    report = run_suite(config, log=lambda msg: print(msg, file=sys.stderr, flush=True))
    figures = report.pop("figures")
    if args.json:
        print(json.dumps({**report, "figures": [f.to_json() for f in figures]}, indent=2))
    else:
        print(table(figures))
        for f in figures:
            if f.note:
                print(f"  {f.id}: {f.note}")
        load = report["load_average"]
        print(f"\nmachine load average {load['start']} at the start, {load['end']} at the end "
              f"({report['machine']['cpus']} CPUs); ratios hold better than absolute figures on a busy machine")
        missed = [f.id for f in figures if f.met is False]
        print(f"\n{len(figures)} figures, {len(missed)} target(s) missed"
              + (f": {', '.join(missed)}" if missed else ""))
    return 0
