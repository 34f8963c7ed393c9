"""`run`: play a path of choices headless and print the transcript (or JSON)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from ..engine import TIMEOUT, EngineError, Playthrough, fmt_amount
from ..engine.scripted import play_path
from .common import UsageError, require_scenario


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="play a path of choices headless and print the transcript")
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--choices", default="", help="comma-separated choice numbers as shown, or 'timeout'")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--seed", type=int, default=None, metavar="N",
                   help="shuffle the options as the game would with this seed (default: the file's order)")
    p.set_defaults(func=run)


def parse_choices(text: str) -> list[str]:
    items = [c.strip().lower() for c in text.split(",") if c.strip()]
    for c in items:
        if c != TIMEOUT and not (c.isdigit() and 1 <= int(c) <= 9):
            raise UsageError(f"'{c}' is not a choice: use numbers 1-9 as shown, or 'timeout'")
    return items


def to_json(play: Playthrough) -> dict:
    s = play.scenario
    ending = play.ending
    value = play.lifetime_value()
    return {
        "scenario": s.id,
        "title": s.title,
        "version": s.version,
        "seed": play.seed,
        "path": [step.to_json() for step in play.history],
        "choices": [TIMEOUT if st.kind == TIMEOUT else str(st.number) for st in play.history],
        "ending": {"id": ending.id, "title": ending.title, "outcome": ending.outcome} if ending else None,
        "meters": dict(play.meters),
        "flags": sorted(play.flags),
        "lifetime_value": value.to_json() if value else None,
        "complete": play.ended,
        "at": None if play.ended else {"node": play.location,
                                       "choices": [v.text for v in play.choices],
                                       "timer": play.timer_seconds},
    }


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, 96, initial_indent=indent, subsequent_indent=indent)


def deltas_text(deltas: dict[str, int]) -> str:
    return ", ".join(f"{k} {v:+d}" for k, v in deltas.items() if v) or "no meter change"


def transcript(play: Playthrough) -> str:
    s = play.scenario
    replay = Playthrough(s, seed=play.seed)
    lines = [f"{s.title} — {s.customer.name}, {s.customer.role}", ""]
    for n, step in enumerate(play.history, start=1):
        beats = replay.beats
        lines.append(f"[{n}] {_who(beats[0].speaker, beats[0].mood)}")
        lines.append(_wrap(beats[0].text, "    "))
        for beat in beats[1:]:
            lines.append(f"    {_who(beat.speaker, beat.mood)}")
            lines.append(_wrap(beat.text, "    "))
        mark = "timeout" if step.kind == TIMEOUT else f"{step.number}"
        lines.append(_wrap(f"> {mark}. {step.text}", "  "))
        if step.reply is not None:
            lines.append(f"    {_who(step.reply.speaker, step.reply.mood)}")
            lines.append(_wrap(step.reply.text, "      "))
        lines.append(f"    {deltas_text(step.deltas)}")
        if step.feedback:
            coach = f"Coach: {step.feedback}" + (f" ({step.principle})" if step.principle else "")
            lines.append(_wrap(coach, "    "))
        lines.append("")
        if step.kind == TIMEOUT:
            replay.timeout()
        else:
            replay.choose(step.number - 1)
    meters = ", ".join(f"{m.label} {play.meters[m.id]}{m.unit}" for m in s.meters)
    if play.ending:
        e = play.ending
        lines += [f"Ending: {e.title} ({e.outcome})", _wrap(play.text, "    "), f"Meters: {meters}"]
        value = play.lifetime_value()
        lines.append("Lifetime value:")
        for st in value.steps:
            lines.append(f"    {st.label}: {st.working} = {fmt_amount(st.amount, value.unit)}")
        lines.append(f"    Net: {fmt_amount(value.net, value.unit, signed=True)}")
        if value.why:
            lines.append(_wrap(value.why, "    "))
        lines.append(_wrap(f"Coach's summary: {e.summary}", ""))
    else:
        lines.append(f"Not finished: at '{play.location}'. {replay.speaker}:")
        lines.append(_wrap(play.text, "    "))
        for v in play.choices:
            lines.append(f"  {v.number}. {v.text}")
        if play.timer_seconds:
            lines.append(f"  (timer: {play.timer_seconds}s, then 'timeout')")
        lines.append(f"Meters: {meters}")
    return "\n".join(lines)


def _who(speaker: str, mood: str) -> str:
    return "(narration)" if speaker.strip().lower() == "narrator" else f"{speaker} ({mood}):"


def run(args: argparse.Namespace) -> int:
    scenario = require_scenario(args.scenario)
    choices = parse_choices(args.choices)
    try:
        play = play_path(scenario, choices, args.seed)
    except EngineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(to_json(play), indent=2, ensure_ascii=False) if args.json else transcript(play))
    return 0
