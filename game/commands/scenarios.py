"""`scenarios`: the scenario folders the game reads, and what is in them."""

from __future__ import annotations

import argparse
import json

from .. import sources
from .common import user_analysis_cache


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scenarios", help="list the scenarios of every folder (--where: just the folders)")
    p.add_argument("--where", action="store_true",
                   help="print the folders read, in order, creating your own folder if it is missing")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sources.user_dir(create=True)
    folders = sources.folders()
    if args.where:
        if args.json:
            print(json.dumps([{"kind": f.kind, "path": str(f.path), "origin": f.origin, "exists": f.exists}
                              for f in folders], indent=2))
        else:
            for f in folders:
                missing = "" if f.exists else "  (missing)"
                print(f"{f.kind:<8} {f.path}{missing}    ({f.origin})")
        return 0
    results = sources.load_library(user_analysis_cache())
    if args.json:
        print(json.dumps([{"id": r.scenario.id if r.scenario else None, "path": r.path, "source": r.source,
                           "title": r.scenario.title if r.scenario else None, "ok": r.ok,
                           "error": r.errors[0].format() if r.errors else None} for r in results], indent=2))
        return 0
    for r in results:
        if r.scenario is not None:
            print(f"{r.source:<8} {r.scenario.id:<24} {r.scenario.title}")
        else:
            first = r.errors[0].format() if r.errors else r.path
            print(f"{r.source:<8} {'(needs fixing)':<24} {first}")
    broken = sum(1 for r in results if not r.ok)
    print(f"{len(results)} scenario file(s) in {len(folders)} folder(s)"
          + (f"; {broken} need fixing (customer-chain check shows every problem)" if broken else ""))
    return 0
