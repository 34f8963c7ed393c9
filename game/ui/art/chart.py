"""An animated bar chart of lifetime value: kept, won by word of mouth and lost, for each outcome compared.

Colour is never the only cue: each part has its own pattern (solid, stripes, cross-hatch) and a written label.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from ...engine import fmt_amount
from ..fonts import get_font
from .draw import LRU, RGB, mix

_text_cache = LRU(256)
_tile_cache = LRU(32)
_DEFAULTS = {
    "background": (244, 240, 232), "surface": (255, 253, 249), "surface_alt": (232, 226, 214),
    "text": (33, 37, 41), "text_muted": (84, 90, 98), "accent": (28, 100, 130), "good": (32, 120, 72),
    "bad": (178, 46, 46), "warn": (168, 98, 0), "focus": (230, 140, 20),
}


@dataclass(frozen=True)
class ChartBar:
    """One row of the chart: e.g. 'Your outcome' or 'Best reachable'."""

    label: str
    kept: float
    won: float
    lost: float
    unit: str


def _colour(theme: object, name: str) -> RGB:
    value = getattr(theme, name, None)
    try:
        r, g, b = (int(c) for c in value[:3])  # type: ignore[index]
        return (r, g, b)
    except (TypeError, ValueError):
        return _DEFAULTS[name]


def _text(text: str, px: int, colour: RGB, bold: bool = False) -> pygame.Surface:
    key = (text, px, colour, bold)
    surf = _text_cache.get(key)
    if surf is None:
        surf = _text_cache.put(key, get_font(px, bold).render(text, True, colour))
    return surf


def _tile(kind: str, fill: RGB, ink: RGB, px: int) -> pygame.Surface:
    """A repeating pattern tile: 'solid', 'stripes' (won) or 'hatch' (lost)."""
    step = max(6, px // 2)
    key = (kind, fill, ink, step)
    tile = _tile_cache.get(key)
    if tile is not None:
        return tile
    tile = pygame.Surface((step, step))
    tile.fill(fill)
    width = max(1, step // 5)
    if kind in ("stripes", "hatch"):
        for off in (-step, 0, step):
            pygame.draw.line(tile, ink, (off, step), (off + step, 0), width)
    if kind == "hatch":
        for off in (-step, 0, step):
            pygame.draw.line(tile, ink, (off, 0), (off + step, step), width)
    return _tile_cache.put(key, tile)


def _fill(surface: pygame.Surface, area: pygame.Rect, tile: pygame.Surface) -> None:
    if area.width <= 0 or area.height <= 0:
        return
    old = surface.get_clip()
    surface.set_clip(area.clip(old) if old else area)
    tw, th = tile.get_size()
    for y in range(area.top, area.bottom, th):
        for x in range(area.left, area.right, tw):
            surface.blit(tile, (x, y))
    surface.set_clip(old)


def _finite(value: object) -> float:
    """A plain number for drawing: anything missing, infinite or not a number counts as 0."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _ease(progress: float) -> float:
    p = max(0.0, min(1.0, _finite(progress)))
    return 1 - (1 - p) ** 3


def _parts(theme: object) -> list[tuple[str, str, str, RGB, RGB]]:
    """(field, legend word, pattern, fill, ink) for kept, won and lost."""
    good, bad = _colour(theme, "good"), _colour(theme, "bad")
    surface, text = _colour(theme, "surface"), _colour(theme, "text")
    return [
        ("kept", "Kept", "solid", good, good),
        ("won", "Won by word of mouth", "stripes", mix(good, surface, 0.55), good),
        ("lost", "Lost", "hatch", mix(bad, surface, 0.25), mix(bad, text, 0.55)),
    ]


def _wrap(widths: Sequence[int], room: int, spacing: int) -> list[list[int]]:
    """Indexes of items laid out left to right, wrapped into lines no wider than room."""
    lines: list[list[int]] = [[]]
    used = 0
    for i, w in enumerate(widths):
        if lines[-1] and used + spacing + w > room:
            lines.append([])
            used = 0
        used += (spacing if lines[-1] else 0) + w
        lines[-1].append(i)
    return lines


@dataclass
class _Row:
    bar: ChartBar
    values: dict[str, float]
    label: pygame.Surface
    net: pygame.Surface | None
    pieces: list[pygame.Surface]
    lines: list[list[int]]


def draw_value_chart(surface: pygame.Surface, rect: pygame.Rect, bars: Sequence[ChartBar], progress: float,
                     theme: object, font_px: int) -> None:
    """Horizontal stacked bars that grow with progress (0..1), with value labels and a legend.

    font_px is the final pixel size of the row labels (already scaled by the caller).
    """
    rect = pygame.Rect(rect)
    if rect.width < 40 or rect.height < 30:
        return
    font_px = max(10, int(font_px))
    small = max(9, round(font_px * 0.85))
    text, muted = _colour(theme, "text"), _colour(theme, "text_muted")
    track, card = _colour(theme, "surface_alt"), _colour(theme, "surface")
    parts = _parts(theme)
    p = _ease(progress)
    line_h = round(font_px * 1.35)
    small_h = round(small * 1.4)

    clean = [ChartBar(str(b.label), _finite(b.kept), _finite(b.won), _finite(b.lost), str(b.unit)) for b in bars]
    net_words = [f"Net {fmt_amount(b.kept + b.won - b.lost, b.unit, signed=True)}" for b in clean]
    labels = [_text(b.label, font_px, text, bold=True) for b in clean]
    # The net sits beside every label, or (when one does not fit) under every bar, so the rows read alike.
    beside = all(lab.get_width() + _text(words, font_px, text, bold=True).get_width() + font_px <= rect.width
                 for lab, words in zip(labels, net_words, strict=True))
    rows: list[_Row] = []
    for bar, label, net_text in zip(clean, labels, net_words, strict=True):
        values = {"kept": abs(bar.kept), "won": abs(bar.won), "lost": abs(bar.lost)}
        words = [f"{word} {fmt_amount(values[name], bar.unit)}" for name, word, *_ in parts if values[name] > 0]
        pieces = [_text(w, small, muted) for w in (words or ["No value either way"])]
        net: pygame.Surface | None = _text(net_text, font_px, text, bold=True) if beside else None
        if net is None:
            pieces.append(_text(net_text, small, text, bold=True))
        lines = _wrap([pc.get_width() for pc in pieces], rect.width, small)
        rows.append(_Row(bar, values, label, net, pieces, lines))

    swatch_w = round(small * 1.4)
    legend = [(_text(word, small, text), kind, fill, ink) for _n, word, kind, fill, ink in parts]
    legend_lines = _wrap([swatch_w + 6 + lab.get_width() for lab, *_ in legend], rect.width, small * 2)
    legend_h = len(legend_lines) * small_h + small // 2

    fixed = legend_h + sum(line_h + 4 + len(r.lines) * small_h for r in rows)
    count = max(1, len(rows))
    room = rect.height - fixed
    bar_h = max(8, min(round(font_px * 1.6), room // count - 6))
    gap = max(4, (room - count * bar_h) // count)
    biggest = max((sum(r.values.values()) for r in rows), default=0.0) or 1.0

    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip))
    y = rect.top
    for row in rows:
        surface.blit(row.label, (rect.left, y))
        if row.net is not None:
            surface.blit(row.net, (rect.right - row.net.get_width(), y))
        y += line_h
        area = pygame.Rect(rect.left, y, rect.width, bar_h)
        pygame.draw.rect(surface, track, area, border_radius=max(2, bar_h // 4))
        remaining = area.width * sum(row.values.values()) / biggest * p
        x = float(area.left)
        for name, _word, kind, fill, ink in parts:
            length = min(remaining, area.width * row.values[name] / biggest)
            if length >= 1:
                seg = pygame.Rect(round(x), area.top, max(1, round(x + length) - round(x)), bar_h)
                _fill(surface, seg, _tile(kind, fill, ink, bar_h))
                pygame.draw.line(surface, card, (seg.right - 1, seg.top), (seg.right - 1, seg.bottom - 1), 2)
            x += length
            remaining -= length
        y += bar_h + 4
        # Value labels in words under the bar (never colour alone); they fade in as the bar grows.
        alpha = round(255 * min(1.0, p * 1.5))
        for line in row.lines:
            lx = rect.left
            for i in line:
                piece = row.pieces[i]
                piece.set_alpha(alpha)
                surface.blit(piece, (lx, y))
                piece.set_alpha(None)
                lx += piece.get_width() + small
            y += small_h
        y += gap

    # Legend: a swatch with the part's pattern beside its name.
    ly = rect.bottom - legend_h + small // 2
    for line in legend_lines:
        lx = rect.left
        for i in line:
            label, kind, fill, ink = legend[i]
            swatch = pygame.Rect(lx, ly + (small_h - small) // 2, swatch_w, small)
            _fill(surface, swatch, _tile(kind, fill, ink, small * 2))
            pygame.draw.rect(surface, muted, swatch, 1)
            surface.blit(label, (lx + swatch_w + 6, ly + (small_h - label.get_height()) // 2))
            lx += swatch_w + 6 + label.get_width() + small * 2
        ly += small_h
    surface.set_clip(old_clip)
