"""`paths`: explore every path of a scenario, state-aware, with best and worst outcomes."""

from __future__ import annotations

import argparse
import json

from ..engine import Scenario, all_paths, fmt_amount
from ..engine.analysis import PATH_LIMIT, STATE_LIMIT, Budget, PathResult
from ..engine.budget import SECONDS
from .common import require_scenario


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("paths", help="explore every path: endings reached, dead ends, best and worst")
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--limit", type=int, default=PATH_LIMIT, help="most paths to list (default %(default)s)")
    p.add_argument("--state-limit", type=int, default=STATE_LIMIT, help="most distinct states to explore")
    p.add_argument("--seconds", type=float, default=SECONDS,
                   help="most seconds of computing to explore (default %(default)s)")
    p.set_defaults(func=run)


def _line(scenario: Scenario, r: PathResult) -> str:
    meters = " ".join(f"{k}={v}" for k, v in r.meters.items())
    value = fmt_amount(r.value.net, r.value.unit, signed=True)
    return f"{','.join(r.choices) or '(none)':<40} -> {r.ending:<22} {meters}  value {value}"


def run(args: argparse.Namespace) -> int:
    scenario = require_scenario(args.scenario)
    seconds = getattr(args, "seconds", SECONDS)  # callers building their own Namespace (bench) may omit it
    budget = Budget(max(1, args.state_limit), max(0.01, seconds), paths=max(1, args.limit))
    report = all_paths(scenario, budget=budget)
    ex = report.exploration
    if args.json:
        print(json.dumps({
            "scenario": scenario.id,
            "paths": [p.to_json(scenario) for p in report.paths],
            "path_count": len(report.paths),
            "complete": report.complete,
            "stopped": report.stop_reason or None,
            "states": ex.states,
            "endings_reachable": report.endings_reachable,
            "endings_unreachable": report.endings_unreachable,
            "dead_ends": sorted(ex.dead_ends),
            "errors": ex.errors,
            "best": report.best.to_json(scenario) if report.best else None,
            "worst": report.worst.to_json(scenario) if report.worst else None,
        }, indent=2, ensure_ascii=False))
        return 0
    print(f"{scenario.title}: {len(report.paths)} path(s), {ex.states:,} distinct state(s)")
    for r in report.paths:
        print("  " + _line(scenario, r))
    if not report.complete:
        print(f"stopped at a limit: listed {len(report.paths):,} paths and explored {ex.states:,} states before "
              f"reaching {report.stop_reason}; shown is what was found so far (raise --limit, --state-limit "
              "or --seconds to see more)")
    print(f"endings reached: {', '.join(report.endings_reachable) or 'none'}")
    never = "endings not reached before the limit" if not ex.complete else "endings never reached"
    print(f"{never}: {', '.join(report.endings_unreachable) or 'none'}")
    print(f"dead ends: {', '.join(sorted(ex.dead_ends)) or 'none'}")
    for err in ex.errors:
        print(f"error: {err}")
    if report.best:
        print("best:  " + _line(scenario, report.best))
        print("worst: " + _line(scenario, report.worst))
    return 0
