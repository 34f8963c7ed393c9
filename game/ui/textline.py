"""One line of text drawn with the font chain: split into runs by the font that has each glyph and by direction,
right-to-left runs shaped right to left, runs placed in visual order. Measuring and drawing agree exactly."""

from __future__ import annotations

import unicodedata

import pygame

from ..engine.glyphs import font_coverage, needs_no_glyph
from . import fallback
from .bidi import base_rtl, has_rtl, levels, visual_order
from .breaks import graphemes

RGB = tuple[int, int, int]
Run = tuple[str, int, str]  # text, index of its font in the chain, script when shaped right to left ("" if not)
_MAX_SIZES = 4096


def _keep(ch: str, index: int, bold: bool) -> bool:
    """False for characters drawn as nothing that the run's font has no glyph for (they would be boxes)."""
    if not needs_no_glyph(ch):
        return True
    if ch in "\u200c\u200d":  # joiners shape the letters around them
        return True
    cov = font_coverage().get(fallback.chain(bold)[index])
    return cov is not None and ord(ch) in cov and unicodedata.category(ch) != "Cc"


def clean(text: str) -> str:
    """Text safe to hand to SDL_ttf: tabs as spaces, lone surrogates as U+FFFD, no NUL or other controls."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cs":
            out.append("\ufffd")
        elif ch == "\t":
            out.append(" ")
        elif cat != "Cc":
            out.append(ch)
    return "".join(out)


class LineFont:
    """A font-like object over the chain: size(), render() and metrics() for any text; everything else
    (get_linesize, get_height, …) is the main font's."""

    def __init__(self, px: int, bold: bool = False) -> None:
        self.px, self.bold = max(4, int(px)), bool(bold)
        self._sizes: dict[tuple[str, bool | None], int] = {}

    @property
    def primary(self) -> pygame.font.Font:
        """The main font (looked up each time, so a font reloaded after pygame.font.quit is the one used)."""
        return fallback.chain_font(0, self.px, self.bold)

    def __getattr__(self, name: str):
        if name in ("px", "bold", "_sizes"):
            raise AttributeError(name)
        return getattr(self.primary, name)

    def runs(self, text: str, rtl: bool | None = None) -> list[Run]:
        """The line's runs, left to right as drawn; rtl is the paragraph's direction (None: from the text)."""
        text = clean(text)
        if not text:
            return []
        bold = self.bold
        index = fallback.indices(text, bold)
        mixed = has_rtl(text)
        if rtl is None:
            rtl = mixed and base_rtl(text)
        if not mixed and not rtl and min(index) == max(index) and text.isprintable():
            return [(text, index[0], "")]
        lv = levels(text, rtl) if (mixed or rtl) else None
        bounds = graphemes(text)
        segs: list[list] = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            idx = index[a]
            level = lv[a] if lv else 0
            piece = "".join(ch for ch in text[a:b] if _keep(ch, idx, bold))
            if not piece:
                continue
            if segs and segs[-1][1] == idx and segs[-1][2] == level:
                segs[-1][0] += piece
            else:
                segs.append([piece, idx, level])
        ordered = visual_order(segs, [s[2] for s in segs])
        return [(s[0], s[1], fallback.script_of(s[0]) if s[2] % 2 else "") for s in ordered]

    def _run_font(self, run: Run) -> tuple[pygame.font.Font, str]:
        """The font to draw a run with, and the run's text in the order that font wants it."""
        text, idx, script = run
        font = fallback.chain_font(idx, self.px, self.bold, script) if script else None
        if script and font is None:  # no shaping here: lay the clusters out right to left ourselves
            bounds = graphemes(text)
            text = "".join(text[a:b] for a, b in reversed(list(zip(bounds, bounds[1:], strict=False))))
        if font is None:
            font = fallback.chain_font(idx, self.px, self.bold) or self.primary
        return font, text

    def width(self, text: str, rtl: bool | None = None) -> int:
        """Width in pixels of the line as render() draws it."""
        if text.isascii() and text.isprintable():
            return self.primary.size(text)[0]
        key = (text, rtl)
        w = self._sizes.get(key)
        if w is None:
            w = 0
            for run in self.runs(text, rtl):
                font, shaped = self._run_font(run)
                w += font.size(shaped)[0]
            if len(self._sizes) >= _MAX_SIZES:
                self._sizes.clear()
            self._sizes[key] = w
        return w

    def size(self, text: str) -> tuple[int, int]:
        return self.width(text), self.primary.get_height()

    def advances(self, text: str) -> list[int]:
        """Each character's advance in pixels (0 for characters drawn as nothing); a quick estimate of widths
        (no kerning or shaping), one font call per font used."""
        index = fallback.indices(text, self.bold)
        hidden = {ch for ch in set(text) if needs_no_glyph(ch) or unicodedata.category(ch) == "Cs"}
        first = index[0] if index else 0
        if not hidden and index.count(first) == len(index):
            font = fallback.chain_font(first, self.px, self.bold) or self.primary
            return [m[4] if m else 0 for m in font.metrics(text)] if text else []
        out = [0] * len(text)
        groups: dict[int, list[int]] = {}
        for i, (ch, idx) in enumerate(zip(text, index, strict=True)):
            if ch not in hidden:
                groups.setdefault(idx, []).append(i)
        for idx, where in groups.items():
            font = fallback.chain_font(idx, self.px, self.bold) or self.primary
            for i, m in zip(where, font.metrics("".join(text[i] for i in where)), strict=False):
                out[i] = m[4] if m else 0
        return out

    def render(self, text: str, antialias: bool = True, colour: RGB = (0, 0, 0), background=None,
               rtl: bool | None = None) -> pygame.Surface:
        """The line drawn in colour (transparent background unless one is given); never raises for odd text."""
        height = self.primary.get_height()
        runs = self.runs(text, rtl)
        drawn: list[pygame.Surface] = []
        for run in runs:
            font, shaped = self._run_font(run)
            if font.size(shaped)[0] > 0:
                drawn.append(_baseline(font.render(shaped, antialias, colour), font, self.primary))
        if len(drawn) == 1 and len(runs) == 1 and runs[0][1] == 0 and not runs[0][2] and background is None:
            return drawn[0]
        width = sum(s.get_width() for s in drawn)
        out = pygame.Surface((width, height), pygame.SRCALPHA)
        out.fill((*colour[:3], 0))
        x = 0
        for surf in drawn:
            out.blit(surf, (x, 0), special_flags=pygame.BLEND_RGBA_MAX)
            x += surf.get_width()
        if background is not None:
            solid = pygame.Surface((width, height))
            solid.fill(background)
            solid.blit(out, (0, 0))
            return solid
        return out


def _baseline(surf: pygame.Surface, font: pygame.font.Font, primary: pygame.font.Font) -> pygame.Surface:
    """A run drawn by another font, moved so its baseline sits on the main font's (clipped to its height)."""
    if font is primary or font.get_ascent() == primary.get_ascent() and surf.get_height() == primary.get_height():
        return surf
    out = pygame.Surface((surf.get_width(), primary.get_height()), pygame.SRCALPHA)
    out.fill((0, 0, 0, 0))
    out.blit(surf, (0, primary.get_ascent() - font.get_ascent()), special_flags=pygame.BLEND_RGBA_MAX)
    return out
