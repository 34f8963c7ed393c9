"""The chain of bundled fonts: DejaVu Sans first, then Droid Sans Fallback (CJK) and a Symbola subset (emoji and
symbols). Each character is drawn by the first font in the chain that has it (from the coverage table)."""

from __future__ import annotations

import unicodedata

import pygame

from ..engine.glyphs import font_coverage
from .fonts import FONT_DIR, font_path, get_font

CJK_FONT = "DroidSansFallback.ttf"
SYMBOL_FONT = "SymbolaSubset.ttf"
REGULAR_CHAIN = ("DejaVuSans.ttf", CJK_FONT, SYMBOL_FONT)
BOLD_CHAIN = ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf", CJK_FONT, SYMBOL_FONT)
ALL_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", CJK_FONT, SYMBOL_FONT)
_SCRIPTS = {"HEBREW": "Hebr", "ARABIC": "Arab", "SYRIAC": "Syrc", "THAANA": "Thaa", "NKO": "Nkoo"}

_fonts: dict[tuple, pygame.font.Font | None] = {}
_index: dict[bool, dict[str, int]] = {False: {}, True: {}}
shaping = hasattr(pygame.font.Font, "set_direction") and hasattr(pygame.font.Font, "set_script")


def chain(bold: bool) -> tuple[str, ...]:
    return BOLD_CHAIN if bold else REGULAR_CHAIN


def _find(ch: str, bold: bool) -> int:
    if ch < "\u0250":
        return 0
    cov = font_coverage()
    cp = ord(ch)
    return next((i for i, name in enumerate(chain(bold)) if name in cov and cp in cov[name]), 0)


def font_index(ch: str, bold: bool) -> int:
    """Index in the chain of the font that draws ch (0, the main font, when none has it)."""
    table = _index[bool(bold)]
    found = table.get(ch)
    if found is None:
        found = table[ch] = _find(ch, bold)
    return found


def indices(text: str, bold: bool) -> list[int]:
    """font_index of each character of text (looked up once per distinct character)."""
    table = _index[bool(bold)]
    new = set(text).difference(table)
    if new:
        if len(table) > 20_000:
            table.clear()
            new = set(text)
        for ch in new:
            table[ch] = _find(ch, bold)
    return list(map(table.__getitem__, text))


def script_of(text: str) -> str:
    """ISO 15924 code of the first right-to-left letter's script (Hebrew when it cannot tell)."""
    for ch in text:
        if unicodedata.bidirectional(ch) in ("R", "AL"):
            word = unicodedata.name(ch, "").split(" ", 1)[0]
            return _SCRIPTS.get(word, "Arab" if unicodedata.bidirectional(ch) == "AL" else "Hebr")
    return "Hebr"


def _open(name: str, px: int, bold: bool) -> pygame.font.Font | None:
    path = font_path(name == BOLD_CHAIN[0]) if name in BOLD_CHAIN[:2] else str(FONT_DIR / name)
    try:
        font = pygame.font.Font(path, px) if path else pygame.font.Font(None, px)
    except (OSError, pygame.error, ValueError):
        return None
    if bold and name != BOLD_CHAIN[0]:
        font.set_bold(True)
    return font


def chain_font(index: int, px: int, bold: bool, script: str = "") -> pygame.font.Font | None:
    """Font `index` of the chain at px; with a script, a separate copy set to shape right to left."""
    px = max(4, int(px))
    if not pygame.font.get_init():  # fonts loaded before pygame.font.quit are dead
        _fonts.clear()
    if index == 0 and not script:
        return get_font(px, bold)
    key = (index, px, bool(bold), script)
    if key not in _fonts:
        font = _open(chain(bold)[index], px, bold)
        if font is not None and script:
            try:
                font.set_direction(pygame.DIRECTION_RTL)
                font.set_script(script)
            except (pygame.error, AttributeError, ValueError):
                font = None
        _fonts[key] = font
    return _fonts[key]


def clear() -> None:
    """Forget loaded fallback fonts (after pygame.font.quit, or in tests)."""
    _fonts.clear()
