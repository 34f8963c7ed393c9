"""A large generated scenario (1,000 nodes by default) with conditions over two meters, for the benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

_HEADER = """\
format: 1
id: generated_{nodes}
title: Generated benchmark scenario ({nodes} nodes)
summary: A long branching conversation generated for the benchmark; its words are filler.
setting: service_desk
audience: external
skills: [Benchmark]
minutes: 60
order: 9999
customer:
  name: Sam
  role: Benchmark customer
  economics: {{spend_per_visit: 22, visits_per_year: 52, years: 10, word_of_mouth: 16}}
meters:
  satisfaction: {{start: 50}}
  loyalty: {{start: 50}}
start: n0
nodes:
"""

_ENDINGS = """\
endings:
  advocate:
    title: An advocate
    outcome: advocate
    text: Sam tells friends about you.
    summary: Generated ending for the benchmark.
  stays:
    title: Stays
    outcome: stays
    text: Sam comes back next week.
    summary: Generated ending for the benchmark.
  leaves:
    title: Leaves
    outcome: leaves
    text: Sam does not come back.
    summary: Generated ending for the benchmark.
"""

# Two-meter conditions used on choices and branches.
_CHOICE_CONDITIONS = ("satisfaction >= 40 and loyalty >= 30", "loyalty < 60 or satisfaction > 70",
                      "not (satisfaction < 30 and loyalty < 30)")
_DELTAS = (-8, -5, -3, 2, 4, 6)


def scenario_text(nodes: int = 1000, seed: int = 6) -> str:
    """YAML text of a valid scenario: a forward-linked maze of choice nodes with every tenth node a branch."""
    rng = random.Random(seed)
    out = [_HEADER.format(nodes=nodes)]
    for i in range(nodes):
        last = i == nodes - 1
        if i % 10 == 9 or last:
            out.append(_branch_node(i, nodes, last))
        else:
            out.append(_choice_node(i, nodes, rng))
    out.append(_ENDINGS)
    return "".join(out)


def _target(i: int, step: int, nodes: int) -> str:
    j = i + step
    return f"n{j}" if j < nodes else "stays"


def _choice_node(i: int, nodes: int, rng: random.Random) -> str:
    lines = [f"  n{i}:", f"    text: Moment {i}. Sam explains the next part of the problem.", "    choices:"]
    for c in range(3):
        sat, loy = rng.choice(_DELTAS), rng.choice(_DELTAS)
        lines.append(f"      - text: Option {c + 1} at moment {i}.")
        lines.append(f"        effects: {{satisfaction: {sat}, loyalty: {loy}}}")
        lines.append(f"        feedback: Option {c + 1} moves satisfaction by {sat} and loyalty by {loy}.")
        if c == 2:
            lines.append(f"        if: {rng.choice(_CHOICE_CONDITIONS)}")
        lines.append(f"        next: {_target(i, 1 + c, nodes)}")
    if i % 7 == 3:
        lines.append("    timer:")
        lines.append("      seconds: 20")
        lines.append("      effects: {satisfaction: -4, loyalty: -2}")
        lines.append("      feedback: Waiting cost goodwill.")
        lines.append(f"      next: {_target(i, 1, nodes)}")
    return "\n".join(lines) + "\n"


def _branch_node(i: int, nodes: int, last: bool) -> str:
    good = "advocate" if last else _target(i, 1, nodes)
    rest = "stays" if last else _target(i, 2, nodes)
    return (f"  n{i}:\n    branch:\n"
            f"      - if: satisfaction < 15 and loyalty < 20\n        next: leaves\n"
            f"      - if: satisfaction >= 70 and loyalty >= 60\n        next: {good}\n"
            f"      - next: {rest}\n")


def write_scenario(folder: str | Path, nodes: int = 1000) -> Path:
    """Write the generated scenario into folder and return its path."""
    path = Path(folder) / f"generated_{nodes}.yaml"
    path.write_text(scenario_text(nodes), encoding="utf-8")
    return path
