"""Cached text rendering and word wrapping: no font or glyph work is repeated from frame to frame.

Text is drawn with the font chain (game/ui/fallback.py: DejaVu Sans, then CJK and symbol fonts), right-to-left
runs shaped right to left, and wrapped in time linear in its length (game/ui/wrap.py)."""

from __future__ import annotations

from collections import OrderedDict

import pygame

from .textline import LineFont
from .wrap import Line, wrap_paragraph

RGB = tuple[int, int, int]
_MAX_ENTRIES = 2048
MAX_TEXT_BYTES = 3 << 20  # text kept beyond what the frame being drawn uses (a 1080p screen, the next moment's lines)


def is_rtl(line: str) -> bool:
    """True for a wrapped line of a right-to-left paragraph (draw it against the right edge)."""
    return bool(getattr(line, "rtl", False))


def line_x(line: str, left: int, width: int, drawn_width: int) -> int:
    """Where a wrapped line starts: at left, or against the right edge for a right-to-left paragraph."""
    return left + width - drawn_width if is_rtl(line) else left


def _pixel_bytes(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


class TextCache:
    """Rendered text surfaces and wrapped lines, keyed by everything that affects them (LRU-bounded).

    Rendered lines are bounded in pixel bytes as well as in count: a line across a 1080p window is about
    0.3 MB, so a count alone let a long play hold tens of megabytes of lines no screen shows any more. What the
    frame being drawn has used is never dropped (`next_frame` starts a frame), so a screen with more text
    than the bound still renders each line once, not every frame.
    """

    def __init__(self, max_bytes: int = MAX_TEXT_BYTES) -> None:
        self._surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._used: dict[tuple, int] = {}  # key -> the frame that last drew it
        self._lines: OrderedDict[tuple, list[str]] = OrderedDict()
        self._fonts: dict[tuple[int, bool], LineFont] = {}
        self.max_bytes = max_bytes
        self.bytes = 0
        self.frame = 0
        self.hits = 0
        self.misses = 0

    def next_frame(self) -> None:
        """A new frame begins: lines drawn before it may now be dropped to keep the bound."""
        self.frame += 1

    def font(self, px: int, bold: bool = False) -> LineFont:
        """A font-like object for px pixels whose size() and render() use the whole font chain."""
        key = (max(4, int(px)), bool(bold))
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = LineFont(*key)
        return font

    def render(self, text: str, px: int, colour: RGB, bold: bool = False) -> pygame.Surface:
        rtl = getattr(text, "rtl", None)
        key = (str(text), px, colour, bold, rtl)
        surf = self._surfaces.get(key)
        self._used[key] = self.frame
        if surf is not None:
            self.hits += 1
            self._surfaces.move_to_end(key)
            return surf
        self.misses += 1
        surf = self.font(px, bold).render(text, True, colour, rtl=rtl)
        self._surfaces[key] = surf
        self.bytes += _pixel_bytes(surf)
        self._evict()
        return surf

    def _evict(self) -> None:
        """Drop the least recently used lines over the bounds, but none the current frame has drawn."""
        while len(self._surfaces) > _MAX_ENTRIES or self.bytes > self.max_bytes:
            oldest = next(iter(self._surfaces))
            if self._used.get(oldest) == self.frame:
                return
            self.bytes -= _pixel_bytes(self._surfaces.pop(oldest))
            self._used.pop(oldest, None)

    def width(self, text: str, px: int, bold: bool = False) -> int:
        """Width in pixels of text drawn as one line (as render() draws it)."""
        return self.font(px, bold).width(text, getattr(text, "rtl", None))

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
            lines.extend(wrap_paragraph(font, para, width))
        self._lines[key] = lines
        if len(self._lines) > _MAX_ENTRIES:
            self._lines.popitem(last=False)
        return lines

    def line_height(self, px: int, bold: bool = False) -> int:
        return self.font(px, bold).get_linesize()

    def clear(self) -> None:
        self._surfaces.clear()
        self._used.clear()
        self.bytes = 0
        self._lines.clear()
        self._fonts.clear()


__all__ = ["Line", "TextCache", "is_rtl", "line_x"]
