"""Line breaking in time linear in the text: widths are estimated from per-glyph advances (one font call per
paragraph), then each line is confirmed with exact measurement of that line only, so a line is never wider
than asked unless it is a single grapheme. Breaks at spaces, between CJK characters, and inside an over-long
word at a grapheme boundary."""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate

from .bidi import base_rtl, has_rtl
from .breaks import graphemes, spaces_split, word_pieces
from .textline import LineFont


class Line(str):
    """A wrapped line that remembers its paragraph's direction (rtl), which its own text may not show."""

    rtl: bool = False

    @classmethod
    def make(cls, text: str, rtl: bool) -> Line:
        line = cls(text)
        line.rtl = rtl
        return line


def largest(guess: int, lo: int, hi: int, fits: Callable[[int], bool]) -> int:
    """Largest k in lo..hi with fits(k) (fits is monotonic), searched from guess; lo - 1 when none fits."""
    guess = min(max(guess, lo), hi)
    if fits(guess):
        good, step = guess, 1
        while good + step <= hi and fits(good + step):
            good += step
            step *= 2
        bad = min(good + step, hi + 1)
    else:
        bad, good, step = guess, lo - 1, 1
        while bad - step >= lo:
            if fits(bad - step):
                good = bad - step
                break
            bad -= step
            step *= 2
    while bad - good > 1:
        mid = (good + bad) // 2
        if fits(mid):
            good = mid
        else:
            bad = mid
    return good


def wrap_paragraph(font: LineFont, para: str, width: int) -> list[Line]:
    """One paragraph (no newlines) as lines no wider than width pixels; words are joined by single spaces."""
    rtl = has_rtl(para) and base_rtl(para)
    words = spaces_split(para)
    if not words:
        return [Line.make("", rtl)]
    pieces: list[str] = []
    starts_word: list[bool] = []
    for word in words:
        for k, piece in enumerate(word_pieces(word)):
            pieces.append(piece)
            starts_word.append(k == 0)
    adv = font.advances("".join(pieces))
    offsets = [0, *accumulate(len(p) for p in pieces)]
    cum = [0, *accumulate(adv)]
    space = font.width(" ")

    def est(i: int) -> int:
        return cum[offsets[i + 1]] - cum[offsets[i]]

    def text_of(a: int, b: int) -> str:
        return pieces[a] + "".join((" " + pieces[k]) if starts_word[k] else pieces[k] for k in range(a + 1, b))

    def fits(a: int, b: int) -> bool:
        return font.width(text_of(a, b), rtl) <= width

    lines: list[Line] = []
    i, n = 0, len(pieces)
    while i < n:
        guess, used = i + 1, est(i)
        while guess < n and used + est(guess) + (space if starts_word[guess] else 0) <= width:
            used += est(guess) + (space if starts_word[guess] else 0)
            guess += 1
        end = largest(guess, i + 1, n, lambda b, a=i: fits(a, b))
        if end > i:
            lines.append(Line.make(text_of(i, end), rtl))
            i = end
            continue
        chunks = _split_long(font, pieces[i], cum, offsets[i], width, rtl)
        if len(chunks) == 1:  # one grapheme wider than the line: it has a line of its own
            lines.append(Line.make(pieces[i], rtl))
            i += 1
            continue
        lines.extend(Line.make(c, rtl) for c in chunks[:-1])
        pieces[i], offsets[i] = chunks[-1], offsets[i + 1] - len(chunks[-1])
    return lines


def _split_long(font: LineFont, piece: str, cum: list[int], base: int, width: int, rtl: bool) -> list[str]:
    """An over-long piece cut into lines of the most whole graphemes that fit (at least one each); the last
    chunk is what is left over (it fits, or is one grapheme)."""
    bounds = graphemes(piece)
    chunks: list[str] = []
    start, last = 0, len(bounds) - 1
    while start + 1 < last:  # more than one grapheme left
        guess = start + 1
        while guess < last and cum[base + bounds[guess + 1]] - cum[base + bounds[start]] <= width:
            guess += 1
        end = largest(guess, start + 1, last,
                      lambda g, a=bounds[start]: font.width(piece[a:bounds[g]], rtl) <= width)
        if end >= last:  # the rest fits
            break
        end = max(end, start + 1)  # a grapheme wider than the line goes on a line of its own
        chunks.append(piece[bounds[start]:bounds[end]])
        start = end
    chunks.append(piece[bounds[start]:])
    return chunks


def shorten(font: LineFont, text: str, width: int, ellipsis: str = "…") -> str:
    """The text, or its longest start (whole graphemes, at least one) with an ellipsis that fits width pixels."""
    if font.width(text) <= width:
        return text
    bounds = graphemes(text)
    if len(bounds) < 2:
        return text + ellipsis
    k = largest(len(bounds) - 2, 1, len(bounds) - 2,
                lambda g: font.width(text[:bounds[g]].rstrip() + ellipsis) <= width)
    return text[:bounds[max(k, 1)]].rstrip() + ellipsis
