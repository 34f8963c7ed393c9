"""Cached text rendering and word wrapping: no font or glyph work is repeated from frame to frame."""

from __future__ import annotations

from collections import OrderedDict

import pygame

from .fonts import get_font

RGB = tuple[int, int, int]
_MAX_ENTRIES = 2048


class TextCache:
    """Rendered text surfaces and wrapped lines, keyed by everything that affects them (LRU-bounded)."""

    def __init__(self) -> None:
        self._surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._lines: OrderedDict[tuple, list[str]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        return get_font(px, bold)

    def render(self, text: str, px: int, colour: RGB, bold: bool = False) -> pygame.Surface:
        key = (text, px, colour, bold)
        surf = self._surfaces.get(key)
        if surf is not None:
            self.hits += 1
            self._surfaces.move_to_end(key)
            return surf
        self.misses += 1
        surf = self.font(px, bold).render(text, True, colour)
        self._surfaces[key] = surf
        if len(self._surfaces) > _MAX_ENTRIES:
            self._surfaces.popitem(last=False)
        return surf

    def wrap(self, text: str, px: int, width: int, bold: bool = False) -> list[str]:
        """Split text into lines no wider than width pixels (paragraphs kept; long words broken)."""
        key = (text, px, width, bold)
        lines = self._lines.get(key)
        if lines is not None:
            self._lines.move_to_end(key)
            return lines
        font = self.font(px, bold)
        lines = []
        for para in text.split("\n"):
            lines.extend(_wrap_paragraph(font, para, width))
        self._lines[key] = lines
        if len(self._lines) > _MAX_ENTRIES:
            self._lines.popitem(last=False)
        return lines

    def line_height(self, px: int, bold: bool = False) -> int:
        return self.font(px, bold).get_linesize()

    def clear(self) -> None:
        self._surfaces.clear()
        self._lines.clear()


def _wrap_paragraph(font: pygame.font.Font, para: str, width: int) -> list[str]:
    words = para.split()
    if not words:
        return [""]
    lines: list[str] = []
    current = ""
    for word in words:
        while font.size(word)[0] > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and font.size(word[:cut])[0] > width:
                cut -= 1
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        trial = f"{current} {word}" if current else word
        if font.size(trial)[0] <= width:
            current = trial
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines
