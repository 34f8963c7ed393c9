"""`graph`: the branch map as Graphviz DOT or Mermaid text (or SVG/PNG through Graphviz), top to bottom."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from ..engine import TIMEOUT, Scenario
from ..engine.analysis import explore_states
from ..engine.rules import visible_choices
from .common import UsageError, require_scenario

WRAP = 24  # characters per line of a box or an edge label
IMAGE_FORMATS = ("svg", "png")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("graph", help="the branch map as Graphviz DOT, Mermaid, SVG or PNG (top to bottom)")
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--format", choices=("dot", "mermaid", *IMAGE_FORMATS), default="dot",
                   help="dot (default), mermaid, or svg/png drawn by Graphviz 'dot' when it is installed")
    p.add_argument("--direction", choices=("TB", "LR"), default="TB", help="TB top to bottom (default), LR")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of printing (needed for png)")
    p.set_defaults(func=run)


def wrap(text: str, width: int = WRAP, lines: int = 3) -> list[str]:
    """Text folded into at most `lines` lines of about `width` characters, the last cut with an ellipsis."""
    out = textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


def player_numbers(scenario: Scenario) -> dict[tuple[str, int], set[int]]:
    """(node id, choice index in the file) -> the numbers the player sees it under, over the explored states.

    A conditional choice hides, so later choices move up: the number shown depends on the state."""
    exploration = explore_states(scenario)
    ids = scenario.meter_ids
    seen: dict[tuple[str, int], set[int]] = {}
    for location, values, flags in exploration.parents:
        node = scenario.nodes.get(location)
        if node is None:
            continue
        for number, (i, _) in enumerate(visible_choices(node, dict(zip(ids, values, strict=False)), flags), 1):
            seen.setdefault((node.id, i), set()).add(number)
    if not exploration.complete:  # some states were not explored: add every number a choice could have
        for node in scenario.nodes.values():
            for i in range(len(node.choices)):
                always = sum(1 for d in node.choices[:i] if d.condition is None)
                seen.setdefault((node.id, i), set()).update(range(always + 1, i + 2))
    return seen


def _number_label(numbers: set[int] | None) -> str:
    if not numbers:
        return "never shown"
    ordered = sorted(numbers)
    return str(ordered[0]) if len(ordered) == 1 else " or ".join(str(n) for n in ordered)


def edges(scenario: Scenario) -> list[tuple[str, str, list[str]]]:
    """(from, to, label lines) for every link: choices numbered as the player sees them, timers, branches."""
    numbers = player_numbers(scenario)
    out = []
    for node in scenario.nodes.values():
        for i, c in enumerate(node.choices):
            lines = wrap(f"{_number_label(numbers.get((node.id, i)))}. {c.text}")
            if c.condition:
                lines += wrap(f"[if {c.condition}]", lines=2)
            out.append((node.id, c.next, lines))
        if node.timer:
            out.append((node.id, node.timer.next, [f"{TIMEOUT} after {node.timer.seconds}s"]))
        for b in node.branches:
            out.append((node.id, b.next, wrap(f"if {b.condition}", lines=2) if b.condition else ["otherwise"]))
    return out


# ---- DOT -------------------------------------------------------------------------------------------
def _dot(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def _dot_lines(lines: list[str]) -> str:
    return "\\n".join(_dot(line) for line in lines)


OUTCOME_COLOURS = {"leaves": "#f4c7c3", "stays": "#fce8b2", "advocate": "#b7e1cd"}


def to_dot(scenario: Scenario, direction: str = "TB") -> str:
    lines = [f'digraph "{_dot(scenario.id)}" {{', f"  rankdir={direction}; nodesep=0.25; ranksep=0.45;",
             '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=11];',
             '  edge [fontname="Helvetica", fontsize=9];']
    for node in scenario.nodes.values():
        if node.is_branch:
            lines.append(f'  "{_dot(node.id)}" [label="{_dot(node.id)}", shape=diamond];')
            continue
        label = _dot_lines([node.id, *wrap(node.text or "", 28)])
        if node.timer:
            lines.append(f'  "{_dot(node.id)}" [label="{label}\\n(timer {node.timer.seconds}s)", color=orange, '
                         "penwidth=2];")
        else:
            lines.append(f'  "{_dot(node.id)}" [label="{label}"];')
    for e in scenario.endings.values():
        label = _dot_lines(["END", *wrap(e.title, 28), f"({e.outcome})"])
        lines.append(f'  "{_dot(e.id)}" [label="{label}", shape=doubleoctagon, style=filled, '
                     f'fillcolor="{OUTCOME_COLOURS[e.outcome]}"];')
    lines.append(f'  "__start" [shape=point]; "__start" -> "{_dot(scenario.start)}";')
    for a, b, label in edges(scenario):
        lines.append(f'  "{_dot(a)}" -> "{_dot(b)}" [label="{_dot_lines(label)}"];')
    lines.append("}")
    return "\n".join(lines)


# ---- Mermaid ---------------------------------------------------------------------------------------
_MM_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "|": "#124;", "`": "#96;"}
_MM_SAFE_ID = re.compile(r"[^A-Za-z0-9_]")


def mermaid_id(kind: str, ident: str) -> str:
    """A Mermaid node id that no Mermaid word can clash with: 'n_end', 'e_fan'; never the start circle's."""
    return f"{kind}_{_MM_SAFE_ID.sub('_', ident)}"


def mermaid_text(text: str) -> str:
    """Text for inside a quoted Mermaid label: quote marks, '#', '<', '>', '|' and '`' as entity codes."""
    return "".join(_MM_ENTITIES.get(ch, ch) for ch in text)


def _mm_lines(lines: list[str]) -> str:
    return "<br/>".join(mermaid_text(line) for line in lines)


def to_mermaid(scenario: Scenario, direction: str = "TB") -> str:
    ids = {nid: mermaid_id("n", nid) for nid in scenario.nodes}
    ids.update({eid: mermaid_id("e", eid) for eid in scenario.endings})
    lines = [f"flowchart {'TD' if direction == 'TB' else 'LR'}", f"  begin_((start)) --> {ids[scenario.start]}"]
    for node in scenario.nodes.values():
        nid = ids[node.id]
        if node.is_branch:
            lines.append(f'  {nid}{{"{mermaid_text(node.id)}"}}')
        elif node.timer:
            text = _mm_lines([f"{node.id} (timer {node.timer.seconds}s)", *wrap(node.text, 28)])
            lines.append(f'  {nid}["{text}"]:::timed')
        else:
            lines.append(f'  {nid}["{_mm_lines([node.id, *wrap(node.text, 28)])}"]')
    for e in scenario.endings.values():
        text = _mm_lines(["END", *wrap(e.title, 28), f"({e.outcome})"])
        lines.append(f'  {ids[e.id]}(["{text}"]):::{e.outcome}')
    for a, b, label in edges(scenario):
        lines.append(f'  {ids[a]} -->|"{_mm_lines(label)}"| {ids[b]}')
    lines += ["  classDef timed stroke:#e67e22,stroke-width:3px",
              "  classDef leaves fill:#f4c7c3", "  classDef stays fill:#fce8b2", "  classDef advocate fill:#b7e1cd"]
    return "\n".join(lines)


# ---- output ----------------------------------------------------------------------------------------
def render_image(dot_text: str, fmt: str) -> bytes:
    """SVG or PNG bytes drawn by Graphviz; RuntimeError with a one-line reason when it cannot."""
    exe = shutil.which("dot")
    if exe is None:
        raise RuntimeError(f"--format {fmt} needs Graphviz's 'dot' program, which is not installed "
                           "(e.g. apt install graphviz, brew install graphviz); --format dot or mermaid "
                           "work without it")
    try:
        done = subprocess.run([exe, f"-T{fmt}"], input=dot_text.encode(), capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        raise RuntimeError("Graphviz took longer than two minutes; try --format mermaid") from None
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().splitlines()
        raise RuntimeError(f"Graphviz could not draw the graph: {reason[0] if reason else 'no reason given'}")
    return done.stdout


def run(args: argparse.Namespace) -> int:
    if args.format == "png" and not args.out:
        raise UsageError("--format png writes a binary image: give --out FILE")
    scenario = require_scenario(args.scenario)
    if args.format == "mermaid":
        data: bytes = to_mermaid(scenario, args.direction).encode()
    else:
        dot_text = to_dot(scenario, args.direction)
        data = dot_text.encode()
        if args.format in IMAGE_FORMATS:
            try:
                data = render_image(dot_text, args.format)
            except RuntimeError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
    if args.out:
        try:
            Path(args.out).write_bytes(data)
        except OSError as exc:
            raise UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None
        print(f"wrote {args.out}")
        return 0
    print(data.decode())
    return 0
