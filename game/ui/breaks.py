"""Where text may be split: grapheme clusters (simplified UAX #29) and line-break opportunities between CJK
characters (simplified UAX #14). Pure Python, linear in the text; no pygame."""

from __future__ import annotations

import re
import unicodedata

ZWSP = "\u200b"
ZWJ = "\u200d"
# Breaking white space: Python's str.split() also splits at no-break spaces (U+00A0, U+2007, U+202F); these do not.
_SPACES = re.compile("[ \t\n\r\f\v\x1c-\x1f\x85\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+")

# No break before these (closing punctuation, small kana, iteration and prolonged-sound marks, %, …).
_NO_BREAK_BEFORE = set(
    "、。，．：；！？）］｝〕〉》」』】〙〗〟｠｡｣､・ー〜々〻ゝゞヽヾ゛゜ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ゠ｰ)]}.,:;!?%‰°℃’”»›‼⁇⁈⁉…‥\"'"
)
# No break after these (opening brackets and quotes, currency prefixes).
_NO_BREAK_AFTER = set("（［｛〔〈《「『【〘〖〝｟｢([{‘“«‹$£¥€￥＄#\"'")


EXT, RI, WIDE, NO_BEFORE, NO_AFTER, ZW = 1, 2, 4, 8, 16, 32
_JAMO_BITS = {"": 0, "L": 1, "V": 2, "T": 3, "LV": 4, "LVT": 5}
_JAMO_NAMES = {v: k for k, v in _JAMO_BITS.items()}
_FLAGS: dict[str, int] = {}


def _classify(ch: str) -> int:
    cp = ord(ch)
    flags = (EXT if _extends(cp, ch) else 0) | (RI if 0x1F1E6 <= cp <= 0x1F1FF else 0)
    flags |= (WIDE if is_wide(cp) else 0) | (NO_BEFORE if ch in _NO_BREAK_BEFORE else 0)
    flags |= (NO_AFTER if ch in _NO_BREAK_AFTER else 0) | (ZW if ch == ZWSP else 0)
    return flags | (_JAMO_BITS[_jamo(cp)] << 6)


def flags_of(text: str) -> list[int]:
    """Each character's break and cluster properties (looked up per distinct character, remembered)."""
    new = set(text).difference(_FLAGS)
    if new:
        if len(_FLAGS) > 20_000:
            _FLAGS.clear()
            new = set(text)
        for ch in new:
            _FLAGS[ch] = _classify(ch)
    return list(map(_FLAGS.__getitem__, text))


def spaces_split(text: str) -> list[str]:
    """Words of text split at breaking white space (no-break spaces stay inside words)."""
    return [w for w in _SPACES.split(text) if w]


def _extends(cp: int, ch: str) -> bool:
    """True for a character that belongs to the cluster before it (marks, joiners, selectors, modifiers)."""
    if cp < 0x300:
        return False
    return (unicodedata.category(ch) in ("Mn", "Me", "Mc") or cp == 0x200D or 0xFE00 <= cp <= 0xFE0F
            or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F or 0xE0100 <= cp <= 0xE01EF)


def _jamo(cp: int) -> str:
    """Hangul syllable type: L, V, T, LV, LVT or '' (not Hangul)."""
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return "L"
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return "V"
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return "T"
    if 0xAC00 <= cp <= 0xD7A3:
        return "LV" if (cp - 0xAC00) % 28 == 0 else "LVT"
    return ""


_JAMO_JOIN = {("L", "L"), ("L", "V"), ("L", "LV"), ("L", "LVT"), ("LV", "V"), ("V", "V"), ("LV", "T"),
              ("V", "T"), ("LVT", "T"), ("T", "T")}


def graphemes(text: str) -> list[int]:
    """Offsets where grapheme clusters start, plus len(text): a mark, a ZWJ sequence, a flag, a Hangul
    syllable made of jamo or an emoji with its modifier stays whole."""
    if not text:
        return []
    flags = flags_of(text)
    if not any(f & (EXT | RI) or f >> 6 for f in flags) and "\u200d" not in text and "\r\n" not in text:
        return list(range(len(text) + 1))
    bounds = [0]
    prev_ch = text[0]
    prev_jamo = _JAMO_NAMES[flags[0] >> 6]
    ri_run = 1 if flags[0] & RI else 0
    for i in range(1, len(text)):
        ch, f = text[i], flags[i]
        jamo = _JAMO_NAMES[f >> 6]
        join = (f & EXT or prev_ch == ZWJ or (prev_ch == "\r" and ch == "\n")
                or (jamo and (prev_jamo, jamo) in _JAMO_JOIN) or (f & RI and ri_run % 2 == 1))
        if not join:
            bounds.append(i)
        if not f & EXT:
            prev_jamo = jamo
            ri_run = ri_run + 1 if f & RI else 0
        prev_ch = ch
    bounds.append(len(text))
    return bounds


def is_wide(cp: int) -> bool:
    """Ideographs, kana, Hangul syllables, fullwidth forms and emoji: a line may break before and after them."""
    return (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7A3 or 0xF900 <= cp <= 0xFAFF or 0xFE30 <= cp <= 0xFE4F
            or 0xFF01 <= cp <= 0xFF60 or 0xFFE0 <= cp <= 0xFFE6 or 0xA000 <= cp <= 0xA4CF
            or 0x1F000 <= cp <= 0x1FAFF and not 0x1F1E6 <= cp <= 0x1F1FF and not 0x1F3FB <= cp <= 0x1F3FF
            or 0x20000 <= cp <= 0x3FFFD)


def word_pieces(word: str) -> list[str]:
    """A word (no breaking spaces in it) cut at its break opportunities: between CJK characters (never before
    closing punctuation or after opening), and after a zero-width space. Joined, the pieces give the word."""
    if word.isascii():
        return [word]
    flags = flags_of(word)
    if not any(f & (WIDE | ZW) for f in flags):
        return [word]
    bounds = graphemes(word)
    pieces: list[str] = []
    start = 0
    for k in range(1, len(bounds) - 1):
        cut = bounds[k]
        before, after, last = flags[bounds[k - 1]], flags[cut], flags[cut - 1]
        if last & ZW or ((before | after) & WIDE and not after & NO_BEFORE and not (before | last) & NO_AFTER):
            pieces.append(word[start:cut])
            start = cut
    pieces.append(word[start:])
    return pieces
