"""`graph`: the branch map as Graphviz DOT or Mermaid text."""

from __future__ import annotations

import argparse

from ..engine import TIMEOUT, Scenario
from .common import require_scenario


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("graph", help="print the branch map as Graphviz DOT or Mermaid")
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--format", choices=("dot", "mermaid"), default="dot")
    p.set_defaults(func=run)


def _short(text: str, n: int = 36) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def edges(scenario: Scenario) -> list[tuple[str, str, str]]:
    """(from, to, label) for every link: numbered choices, timers and branches."""
    out = []
    for node in scenario.nodes.values():
        for i, c in enumerate(node.choices, start=1):
            label = f"{i}. {_short(c.text)}" + (f" [if {c.condition}]" if c.condition else "")
            out.append((node.id, c.next, label))
        if node.timer:
            out.append((node.id, node.timer.next, f"{TIMEOUT} {node.timer.seconds}s"))
        for b in node.branches:
            out.append((node.id, b.next, f"if {b.condition}" if b.condition else "otherwise"))
    return out


def _dot_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(scenario: Scenario) -> str:
    lines = [f'digraph "{_dot_escape(scenario.id)}" {{', "  rankdir=LR;",
             '  node [shape=box, style="rounded", fontname="Helvetica"];']
    for node in scenario.nodes.values():
        label = f"{node.id}\\n{_dot_escape(_short(node.text or 'branch', 30))}"
        if node.timer:
            lines.append(f'  "{node.id}" [label="⏱ {label}\\n({node.timer.seconds}s)", color=orange, penwidth=2];')
        elif node.is_branch:
            lines.append(f'  "{node.id}" [label="{node.id}", shape=diamond];')
        else:
            lines.append(f'  "{node.id}" [label="{label}"];')
    colours = {"leaves": "#f4c7c3", "stays": "#fce8b2", "advocate": "#b7e1cd"}
    for e in scenario.endings.values():
        lines.append(f'  "{e.id}" [label="END: {_dot_escape(e.title)}\\n({e.outcome})", shape=doubleoctagon, '
                     f'style=filled, fillcolor="{colours[e.outcome]}"];')
    lines.append(f'  "__start" [shape=point]; "__start" -> "{scenario.start}";')
    for a, b, label in edges(scenario):
        lines.append(f'  "{a}" -> "{b}" [label="{_dot_escape(label)}"];')
    lines.append("}")
    return "\n".join(lines)


def _mm(s: str) -> str:
    return s.replace('"', "'").replace("|", "/")


def to_mermaid(scenario: Scenario) -> str:
    lines = ["flowchart LR", f"  start((start)) --> {scenario.start}"]
    for node in scenario.nodes.values():
        if node.timer:
            lines.append(f'  {node.id}["⏱ {node.id} ({node.timer.seconds}s)"]:::timed')
        elif node.is_branch:
            lines.append(f"  {node.id}{{{node.id}}}")
        else:
            lines.append(f'  {node.id}["{node.id}: {_mm(_short(node.text, 30))}"]')
    for e in scenario.endings.values():
        lines.append(f'  {e.id}(["END {_mm(e.title)} ({e.outcome})"]):::{e.outcome}')
    for a, b, label in edges(scenario):
        lines.append(f'  {a} -->|"{_mm(label)}"| {b}')
    lines += ["  classDef timed stroke:#e67e22,stroke-width:3px",
              "  classDef leaves fill:#f4c7c3", "  classDef stays fill:#fce8b2", "  classDef advocate fill:#b7e1cd"]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    scenario = require_scenario(args.scenario)
    print(to_dot(scenario) if args.format == "dot" else to_mermaid(scenario))
    return 0
