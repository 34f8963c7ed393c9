"""What text the game can show: no control characters, and something visible once invisible ones are gone."""

from __future__ import annotations

import unicodedata

# Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt): drawn as nothing at all.
_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# Categories with nothing of their own to draw: format characters, combining marks, spaces, separators.
_UNSEEN_CATEGORIES = {"Cf", "Mn", "Me", "Zs", "Zl", "Zp", "Cc"}
_NAMES = {0x00: "NUL", 0x07: "bell", 0x08: "backspace", 0x09: "tab", 0x0A: "line break", 0x0D: "carriage return",
          0x1B: "escape", 0x7F: "delete", 0x2028: "line separator", 0x2029: "paragraph separator"}


def _ignorable(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in _IGNORABLE)


def _noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def describe(ch: str) -> str:
    """'U+001B (escape)' or 'U+200B ZERO WIDTH SPACE': a character named so an author can find it."""
    code = ord(ch)
    name = _NAMES.get(code) or unicodedata.name(ch, "")
    if code in _NAMES:
        return f"U+{code:04X} ({name})"
    return f"U+{code:04X} {name}".rstrip()


def forbidden_character(text: str, multiline: bool) -> int | None:
    """Index of the first character the game cannot show (controls, surrogates, noncharacters), or None.

    Long text may hold line breaks and tabs; one-line text (titles, names, labels) may not.
    """
    for i, ch in enumerate(text):
        code = ord(ch)
        if ch in "\n\t" and multiline:
            continue
        if code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029):
            return i
        if 0xD800 <= code <= 0xDFFF or _noncharacter(code):
            return i
    return None


def visible(text: str) -> bool:
    """Whether anything is left to draw once spaces, marks and invisible characters are removed."""
    for ch in text:
        code = ord(ch)
        if unicodedata.category(ch) in _UNSEEN_CATEGORIES or _ignorable(code):
            continue
        return True
    return False


def first_invisible(text: str) -> str | None:
    """The first invisible character that is not a plain space, to name in the message."""
    for ch in text:
        if ch not in " \n\t":
            return ch
    return None
