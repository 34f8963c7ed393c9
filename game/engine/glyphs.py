"""Which characters the bundled fonts can draw (from glyph_coverage.json, generated from the fonts), and the
`check` warning for text with characters none of them can draw."""

from __future__ import annotations

import bisect
import json
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the check's types load with the checker; the screens only need the coverage table
    from .diagnostics import Reporter
    from .typecheck import PosDict

COVERAGE_FILE = Path(__file__).with_name("glyph_coverage.json")
MAX_WARNINGS = 20  # per file: after that one line says how many more


class Coverage:
    """Sorted codepoint ranges; `in` is a binary search."""

    def __init__(self, spec: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for part in spec.split():
            a, _, b = part.partition("-")
            self.starts.append(int(a, 16))
            self.ends.append(int(b or a, 16))

    def __contains__(self, cp: int) -> bool:
        i = bisect.bisect_right(self.starts, cp) - 1
        return i >= 0 and cp <= self.ends[i]


@lru_cache(maxsize=1)
def font_coverage() -> dict[str, Coverage]:
    """Coverage of each bundled font file by name (empty when the table is missing or damaged)."""
    try:
        data = json.loads(COVERAGE_FILE.read_text(encoding="utf-8"))
        return {str(name): Coverage(str(spec)) for name, spec in dict(data["fonts"]).items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def needs_no_glyph(ch: str) -> bool:
    """Characters drawn as nothing: controls, format marks (joiners, direction marks), variation selectors."""
    cat = unicodedata.category(ch)
    cp = ord(ch)
    return cat in ("Cc", "Cf", "Zl", "Zp") or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


@lru_cache(maxsize=4096)
def drawable(ch: str) -> bool:
    """True when some bundled font has a glyph for ch, or ch needs none (True as well when the table is gone)."""
    fonts = font_coverage()
    if ch.isascii() or not fonts or needs_no_glyph(ch):
        return True
    cp = ord(ch)
    return any(cp in cov for cov in fonts.values())


def undrawable(text: str) -> list[tuple[int, str]]:
    """(offset, character) of the first occurrence of each character no bundled font can draw."""
    seen: set[str] = set()
    out = []
    for i, ch in enumerate(text):
        if ch not in seen and not drawable(ch):
            seen.add(ch)
            out.append((i, ch))
    return out


def describe(ch: str) -> str:
    """'U+1F9FE RECEIPT' (or 'U+E000 private-use character' when it has no name)."""
    name = unicodedata.name(ch, "")
    if not name:
        cat = unicodedata.category(ch)
        name = {"Co": "private-use character", "Cs": "surrogate", "Cn": "unassigned character"}.get(cat, "character")
    return f"U+{ord(ch):04X} {name}"


def _strings(node: object, pos: tuple[int, int]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Every text value in the checked tree, with where it stands in the file."""
    from .typecheck import PosDict, PosList

    if isinstance(node, str):
        yield node, pos
    elif isinstance(node, PosDict):
        for key, value in node.items():
            yield from _strings(value, node.at(key))
    elif isinstance(node, PosList):
        for i, value in enumerate(node):
            yield from _strings(value, node.item_pos[i] if i < len(node.item_pos) else node.pos)


def _locate(source_lines: list[str], pos: tuple[int, int], ch: str) -> tuple[int, int]:
    """Line and column of ch at or after pos in the source (pos itself when it is written as an escape)."""
    line, col = pos
    for n in range(line - 1, len(source_lines)):
        start = col - 1 if n == line - 1 else 0
        found = source_lines[n].find(ch, start)
        if found >= 0:
            return n + 1, found + 1
    return pos


def check_glyphs(raw: PosDict, source: str, rep: Reporter) -> None:
    """Warn (CC040) about each character in the scenario's text that no bundled font can draw."""
    lines = source.splitlines()
    found = 0
    for text, pos in _strings(raw, raw.pos):
        if text.isascii():
            continue
        for _, ch in undrawable(text):
            found += 1
            if found <= MAX_WARNINGS:
                rep.warning(_locate(lines, pos, ch), "CC040",
                            f"{describe(ch)} cannot be drawn by the game's fonts and would show as an empty box; "
                            "use another character or leave it out")
    if found > MAX_WARNINGS:
        rep.warning(raw.pos, "CC040", f"{found - MAX_WARNINGS} more characters cannot be drawn by the game's fonts")
