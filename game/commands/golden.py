"""`golden`: write or check a scenario's best and worst transcripts (the `run --json` of each path).

The best path is the one with the highest net lifetime value (the shorter on a tie), the worst the lowest
(the shorter on a tie): the same pair the analysis reports. A check that fails says what changed in words.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from ..engine import Scenario, outcome_range
from ..resources import source_tree
from ..userdata.paths import data_dir
from .common import UsageError, display_path, require_scenario
from .transcript import play_path, to_json

KINDS = ("best", "worst")
MAX_DIFF_LINES = 12  # per transcript: the first differences say enough


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("golden", help="write (--update) or check the best and worst transcripts of a scenario")
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--update", action="store_true", help="write the transcripts instead of checking them")
    p.add_argument("--dir", metavar="DIR", help="folder of the transcripts (default: tests/scenarios/golden "
                                                "in a checkout, else <data folder>/golden)")
    p.set_defaults(func=run)


def default_dir() -> Path:
    tree = source_tree()
    return tree / "tests" / "scenarios" / "golden" if tree is not None else data_dir() / "golden"


def transcripts(scenario: Scenario) -> dict[str, dict]:
    """The best and worst transcripts as `run --json` prints them."""
    extremes = outcome_range(scenario)
    out = {}
    for kind in KINDS:
        path = getattr(extremes, kind)
        if path is None:
            raise UsageError(f"'{scenario.id}' has no path that reaches an ending, so no {kind} transcript")
        out[kind] = to_json(play_path(scenario, list(path.choices)))
    return out


def _quote(text: object) -> str:
    s = str(text)
    return f'"{s if len(s) <= 70 else s[:69] + "…"}"'


def _deltas(d: dict) -> str:
    return ", ".join(f"{k} {v:+d}" for k, v in d.items()) or "no change"


def differences(old: dict, new: dict) -> list[str]:
    """What changed between two transcripts, in plain words, most important first ('version' ignored)."""
    lines = []
    if old.get("choices") != new.get("choices"):
        lines.append(f"the path is now {','.join(new.get('choices') or []) or '(none)'} "
                     f"(was {','.join(old.get('choices') or []) or '(none)'})")
    oe, ne = old.get("ending") or {}, new.get("ending") or {}
    if oe != ne:
        lines.append(f"it now ends at '{ne.get('id')}' ({ne.get('outcome')}), was '{oe.get('id')}' "
                     f"({oe.get('outcome')})")
    ov, nv = (old.get("lifetime_value") or {}).get("net"), (new.get("lifetime_value") or {}).get("net")
    if ov != nv:
        lines.append(f"net lifetime value is now {nv} (was {ov})")
    for mid in sorted(set(old.get("meters") or {}) | set(new.get("meters") or {})):
        a, b = (old.get("meters") or {}).get(mid), (new.get("meters") or {}).get(mid)
        if a != b:
            lines.append(f"{mid} ends at {b} (was {a})")
    if old.get("flags") != new.get("flags"):
        lines.append(f"flags at the end: {', '.join(new.get('flags') or []) or 'none'} "
                     f"(were {', '.join(old.get('flags') or []) or 'none'})")
    old_steps, new_steps = old.get("path") or [], new.get("path") or []
    for n, (a, b) in enumerate(zip(old_steps, new_steps, strict=False), start=1):
        where = f"step {n} (node '{b.get('node')}')"
        for key, word in (("node", "node"), ("text", "the choice's text"), ("feedback", "the coach's feedback"),
                          ("principle", "the principle"), ("next", "where it leads")):
            if a.get(key) != b.get(key):
                lines.append(f"{where}: {word} is now {_quote(b.get(key))}, was {_quote(a.get(key))}")
        if a.get("deltas") != b.get("deltas"):
            lines.append(f"{where}: meters move {_deltas(b.get('deltas') or {})} "
                         f"(was {_deltas(a.get('deltas') or {})})")
    if len(old_steps) != len(new_steps):
        lines.append(f"the path has {len(new_steps)} step(s) now (was {len(old_steps)})")
    rest = {k for k in set(old) | set(new) if k not in ("version", "choices", "ending", "lifetime_value",
                                                            "meters", "flags", "path")}
    lines += [f"'{k}' changed" for k in sorted(rest) if old.get(k) != new.get(k)]
    return lines


def _write_json(path: Path, data: dict) -> None:
    """Write JSON atomically: a temp file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def check_golden(scenario: Scenario, folder: Path) -> list[str]:
    """Problems, in words, for each transcript that is missing or differs; empty when all match."""
    problems = []
    for kind, data in transcripts(scenario).items():
        path = folder / f"{scenario.id}_{kind}.json"
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(f"{kind}: {display_path(str(path))} is missing; write it with --update")
            continue
        except (OSError, ValueError) as exc:
            problems.append(f"{kind}: {display_path(str(path))} cannot be read ({exc}); rewrite it with --update")
            continue
        found = differences(stored, data) if isinstance(stored, dict) else ["the file is not a transcript"]
        if found:
            more = len(found) - MAX_DIFF_LINES
            problems.append(f"{kind}: {display_path(str(path))} differs from the scenario now:")
            problems += [f"  - {line}" for line in found[:MAX_DIFF_LINES]]
            if more > 0:
                problems.append(f"  ... and {more} more difference(s)")
    return problems


def run(args: argparse.Namespace) -> int:
    scenario = require_scenario(args.scenario)
    folder = Path(args.dir) if args.dir else default_dir()
    if args.update:
        for kind, data in transcripts(scenario).items():
            path = folder / f"{scenario.id}_{kind}.json"
            try:
                _write_json(path, data)
            except OSError as exc:
                raise UsageError(f"cannot write {display_path(str(path))}: {exc.strerror or exc}") from None
            print(f"wrote {display_path(str(path))}: {kind} path {','.join(data['choices'])} -> "
                  f"{data['ending']['id']}")
        return 0
    problems = check_golden(scenario, folder)
    for line in problems:
        print(line)
    if problems:
        print(f"If the change is intended: python run.py golden {args.scenario} --update"
              + (f" --dir {args.dir}" if args.dir else ""))
        return 1
    print(f"ok  {scenario.id}: best and worst transcripts match")
    return 0
