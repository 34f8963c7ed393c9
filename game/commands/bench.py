"""`bench`: measure start-up, frame time, idle CPU, loading, path analysis and memory against bare pygame."""

from __future__ import annotations

import argparse
import json
import os
import sys

from .common import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="measure speed and memory against a bare pygame baseline (takes minutes)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--runs", type=int, default=None, help="runs per figure; each figure is their median")
    p.add_argument("--quick", action="store_true", help="cheap figures with the same shape (for tests)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.runs is not None and args.runs < 1:
        raise UsageError("--runs must be at least 1")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout one JSON object
    from ..bench.harness import table
    from ..bench.suite import Config, run_suite

    report = run_suite(Config.make(args.runs, args.quick), log=lambda msg: print(msg, file=sys.stderr, flush=True))
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
