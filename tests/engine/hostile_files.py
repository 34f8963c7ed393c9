"""Hostile scenario files too large to keep in the repository, generated the same way every time."""

from __future__ import annotations

from pathlib import Path

HEADER = """format: 1
id: {id}
title: Broken links
summary: Thousands of links to nodes that do not exist.
setting: shop_counter
audience: external
skills: [Listening]
minutes: 1
customer:
  name: Sam
  role: Shopper
  economics: {{spend_per_visit: 10, visits_per_year: 12, years: 5, word_of_mouth: 4}}
start: node_0000
"""


def broken_links(count: int = 5000, scenario_id: str = "broken_links_5000") -> str:
    """A scenario whose nodes hold `count` choices leading to ids that do not exist (each one typo away)."""
    lines = [HEADER.format(id=scenario_id), "nodes:\n"]
    nodes = (count + 8) // 9
    made = 0
    for n in range(nodes):
        lines.append(f"  node_{n:04d}:\n    text: Node {n}.\n    choices:\n")
        for _ in range(min(9, count - made)):
            lines.append(f"      - {{text: Go on, next: nxde_{made % nodes:04d}, feedback: Typo.}}\n")
            made += 1
    lines.append("endings:\n  done: {title: Done, outcome: stays, text: The end., summary: Fine.}\n")
    return "".join(lines)


def write_broken_links(folder: Path, count: int = 5000) -> Path:
    path = folder / f"broken_links_{count}.yaml"
    path.write_text(broken_links(count), encoding="utf-8")
    return path
