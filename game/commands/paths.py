"""`paths`: what the paths of a scenario add up to: per ending, lengths, meters and timers, on one screen."""

from __future__ import annotations

import argparse
import json

from ..engine import Scenario, all_paths, fmt_amount
from ..engine.analysis import PATH_LIMIT, STATE_LIMIT, Budget, PathResult
from ..engine.budget import SECONDS
from ..engine.path_summary import MAX_WALK, PathSummary, sample_paths, summarise
from ..engine.teaching import summary as teaching_summary
from .common import UsageError, require_scenario

MOST_PLACES = 3  # places listed where a meter hits its limit


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("paths", help="explore every path: per ending, lengths, meters, timers (a summary)")
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--json", action="store_true", help="print everything as one JSON object")
    p.add_argument("--list", type=int, default=0, metavar="N", help="also list the first N paths")
    p.add_argument("--limit", type=int, default=PATH_LIMIT, help="most paths to explore (default %(default)s)")
    p.add_argument("--state-limit", type=int, default=STATE_LIMIT, help="most distinct states to explore")
    p.add_argument("--sample", type=int, metavar="N", help="instead, play N random play-throughs (for scenarios "
                   "too large to explore)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed for --sample (default 1)")
    p.add_argument("--seconds", type=float, default=SECONDS,
                   help="most seconds of computing to explore (default %(default)s)")
    p.set_defaults(func=run)


def _line(r: PathResult) -> str:
    meters = " ".join(f"{k}={v}" for k, v in r.meters.items())
    value = fmt_amount(r.value.net, r.value.unit, signed=True)
    return f"{','.join(r.choices) or '(none)':<40} -> {r.ending:<22} {meters}  value {value}"


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def _choices(choices: tuple[str, ...] | None) -> str:
    return ",".join(choices) if choices else "(none)"


def headline(s: PathSummary, args: argparse.Namespace, states: int | None) -> str:
    if s.mode == "sampled":
        cut = f"; {s.cut:,} cut after {MAX_WALK} decisions without an ending" if s.cut else ""
        return (f"{s.paths:,} random play-through(s) reached an ending (--sample {args.sample} --seed {s.seed}){cut}. "
                "Counts are from the sample, not every path.")
    seen = f", {states:,} distinct states" if states is not None else ""
    if s.complete:
        return f"{s.paths:,} path(s) in all: every path was explored{seen}."
    return (f"{s.paths:,} path(s) explored, then stopped at the limit (--limit {args.limit}, --state-limit "
            f"{args.state_limit}){seen}: there are more paths, and the counts below cover only those explored.")


def summary_text(scenario: Scenario, s: PathSummary, args: argparse.Namespace, states: int | None) -> list[str]:
    lines = [f"{scenario.title} ({scenario.id})", headline(s, args, states), "", "Endings (choices as numbered "
             "on screen; 'timeout' lets the timer run out):"]
    for e in sorted(s.endings, key=lambda e: -e.paths):
        if not e.paths:
            lines.append(f"  {e.id} ({e.outcome}): no path {'found' if not s.complete else 'reaches it'}")
            continue
        pct = 100 * e.paths / max(1, s.paths)
        share = f"{pct:.0f}%" if pct >= 1 or pct == 0 else "under 1%"
        lines.append(f"  {e.id} ({e.outcome}): {e.paths:,} path(s), {share} — {e.title}")
        lines.append(f"      shortest {len(e.shortest)} choice(s): {_choices(e.shortest)}")
        if e.longest is not None and len(e.longest) != len(e.shortest):
            lines.append(f"      longest {len(e.longest)} choice(s): {_choices(e.longest)}")
    longest = max((e.longest for e in s.endings if e.longest is not None), key=len, default=None)
    if longest is not None:
        lines.append(f"Longest path: {len(longest)} choice(s): {_choices(longest)}")
    lines += ["", "Meters (value at the ending):"]
    for m in s.meters:
        if m.lowest is None:
            continue
        limits = []
        if m.at_max:
            limits.append(f"ends at its max {m.max} on {m.at_max:,} path(s)")
        if m.at_min:
            limits.append(f"ends at its min {m.min} on {m.at_min:,} path(s)")
        lines.append(f"  {m.id}: {m.lowest} to {m.highest} (starts {m.start}, range {m.min}-{m.max})"
                     + (f"; {', '.join(limits)}" if limits else ""))
        if m.capped_at:
            top = sorted(m.capped_at.items(), key=lambda kv: -kv[1])[:MOST_PLACES]
            more = f" and {len(m.capped_at) - MOST_PLACES} more" if len(m.capped_at) > MOST_PLACES else ""
            lines.append("      hits a limit at " + ", ".join(f"'{n}' ({_n(c, 'path')})" for n, c in top) + more)
    lines.append("")
    if not s.timers:
        lines.append("Timers: none.")
    for t in s.timers:
        lines.append(f"Timer at '{t.node}' ({t.seconds}s): on {t.shown:,} path(s), runs out on {t.ran_out:,}.")
    lines.append("")
    lines.append(teaching_summary(scenario).line())
    if s.replayed is not None:
        lines.append(f"(Where meters hit their limits and timers ran out is counted on the first {s.replayed:,} "
                     f"of {s.paths:,} paths: they are long.)")
    return lines


def run(args: argparse.Namespace) -> int:
    for name, default in (("sample", None), ("seed", 1), ("list", 0)):  # callers may build args by hand
        if not hasattr(args, name):
            setattr(args, name, default)
    if args.sample is not None and not 1 <= args.sample <= 1_000_000:
        raise UsageError("--sample needs a number of play-throughs from 1 to 1,000,000")
    if args.list < 0:
        raise UsageError("--list needs a number of paths (0 or more)")
    scenario = require_scenario(args.scenario)
    report = None
    if args.sample is not None:
        paths, cut = sample_paths(scenario, args.sample, args.seed)
        summary = summarise(scenario, paths, False, None, "sampled", args.seed, cut)
        states = None
    else:
        seconds = getattr(args, "seconds", SECONDS)  # callers building their own Namespace (bench) may omit it
        budget = Budget(max(1, args.state_limit), max(0.01, seconds), paths=max(1, args.limit))
        report = all_paths(scenario, budget=budget)
        paths = report.paths
        summary = summarise(scenario, paths, report.complete, args.limit)
        states = report.exploration.states
    if args.json:
        out = {**summary.to_json(), "path_count": len(paths), "paths": [p.to_json(scenario) for p in paths],
               "teaching": teaching_summary(scenario).to_json()}
        if report is not None:
            ex = report.exploration
            out.update(stopped=report.stop_reason or None, states=ex.states, endings_reachable=report.endings_reachable,
                       endings_unreachable=report.endings_unreachable, dead_ends=sorted(ex.dead_ends),
                       errors=ex.errors, best=report.best.to_json(scenario) if report.best else None,
                       worst=report.worst.to_json(scenario) if report.worst else None)
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for line in summary_text(scenario, summary, args, states):
        print(line)
    if report is not None and not report.complete:
        print(f"stopped at a limit: explored {report.exploration.states:,} states before reaching "
              f"{report.stop_reason}; shown is what was found so far (raise --limit, --state-limit or --seconds "
              "to see more)")
    if report is not None:
        ex = report.exploration
        if ex.dead_ends:
            print(f"Dead ends: {', '.join(sorted(ex.dead_ends))}")
        for err in ex.errors:
            print(f"error: {err}")
        if report.best:
            print("Best:  " + _line(report.best))
            print("Worst: " + _line(report.worst))
    if args.list:
        print(f"\nFirst {min(args.list, len(paths)):,} of {len(paths):,} path(s):")
        for r in paths[: args.list]:
            print("  " + _line(r))
    return 0
