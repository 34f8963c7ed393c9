"""Where each node and ending is written in a scenario file, for editors and the preview."""

from __future__ import annotations

from .diagnostics import Reporter
from .yamltree import YMap, parse


def id_lines(text: str) -> dict[str, int]:
    """Node and ending id -> the 1-based line of its key; empty when the file does not parse."""
    root = parse(text, Reporter("<lines>"))
    out: dict[str, int] = {}
    if not isinstance(root, YMap):
        return out
    for section in ("endings", "nodes"):  # a node wins if an id is both (the loader reports that)
        block = root.get(section)
        if isinstance(block, YMap):
            out.update({key.value: key.pos[0] for key, _ in block.items})
    return out
