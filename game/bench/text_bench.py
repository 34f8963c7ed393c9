"""Laying out 10,000 characters of CJK text (wrapping into lines and rendering them) with the game's text cache,
against bare pygame: one font, one metrics call, a greedy break on the advances, one render per line."""

from __future__ import annotations

import time

import pygame

from ..ui.fallback import CJK_FONT
from ..ui.fonts import FONT_DIR
from ..ui.text import TextCache
from .harness import BenchError, Figure, Target, interleave

CHARS = 10_000
PX, WIDTH = 28, 1200  # body text at 1080p, in a wide dialogue box
REFERENCE_LABEL = "one pygame Font of the CJK file: a metrics() call, a greedy break on the advances, a render per line"
SENTENCE = "您好，欢迎光临。这件衬衫我上周买的，尺码不合适，可以换一件吗？当然可以，请问您带了收据吗？"


def cjk_text(chars: int = CHARS) -> str:
    """chars characters of plain Chinese sentences (no spaces: every break falls between characters)."""
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def game_layout_ms(text: str) -> tuple[float, int]:
    """A fresh text cache wraps and renders the paragraph; milliseconds and the lines made."""
    cache = TextCache()
    start = time.perf_counter()
    lines = cache.wrap(text, PX, WIDTH)
    for line in lines:
        cache.render(line, PX, (33, 37, 41))
    return (time.perf_counter() - start) * 1000, len(lines)


def bare_layout_ms(font: pygame.font.Font, text: str) -> tuple[float, int]:
    start = time.perf_counter()
    advances = [m[4] if m else 0 for m in font.metrics(text)]
    lines, begin, x = [], 0, 0
    for i, adv in enumerate(advances):
        if x + adv > WIDTH and i > begin:
            lines.append(text[begin:i])
            begin, x = i, 0
        x += adv
    lines.append(text[begin:])
    for line in lines:
        font.render(line, True, (33, 37, 41))
    return (time.perf_counter() - start) * 1000, len(lines)


def cjk_figure(runs: int, chars: int = CHARS) -> Figure:
    if not pygame.font.get_init():
        pygame.font.init()
    path = FONT_DIR / CJK_FONT
    if not path.is_file():
        raise BenchError(f"the CJK font {CJK_FONT} is missing")
    font = pygame.font.Font(str(path), PX)
    text = cjk_text(chars)
    game_layout_ms(text[:200])  # the font chain opens its fonts once per process
    game, ref = interleave(lambda: game_layout_ms(text), lambda: bare_layout_ms(font, text), runs)
    return Figure("text.cjk_layout", f"Lay out {chars:,} characters of CJK text", "ms", [g[0] for g in game],
                  [r[0] for r in ref], REFERENCE_LABEL, Target(max_ratio=2.0),
                  note=f"{PX} px, {WIDTH} px wide, a fresh text cache each run: wrap and render every line",
                  details={"lines": game[-1][1], "reference_lines": ref[-1][1]})
