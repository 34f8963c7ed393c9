"""Did-you-mean suggestions that stay fast when a file has thousands of names and thousands of typos."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6
SMALL = 200  # up to this many names, compare with every one (difflib, as always)
_INDEXED_LENGTH = 64  # names up to this long (every id) are indexed by their one-deletion variants
_PER_KEY = 8  # names kept per index key
_LONG_COMPARISONS = 200  # at most this many long names compared per lookup


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


class Suggester:
    """The nearest of a fixed set of names to a word, by difflib's ratio.

    Small sets are scanned whole. Large ones are indexed once by one-deletion variants (symmetric delete):
    a lookup costs the word's length, and finds every name within one insertion, deletion, substitution or
    swap. Longer names are compared directly, a bounded number per lookup.
    """

    def __init__(self, options: Iterable[str]) -> None:
        self.options = list(dict.fromkeys(options))
        self._index: dict[str, list[str]] | None = None
        self._long: dict[int, list[str]] = {}

    def _build(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for name in self.options:
            if len(name) > _INDEXED_LENGTH:
                self._long.setdefault(len(name), []).append(name)
                continue
            for key in _deletions(name.lower()):
                bucket = index.setdefault(key, [])
                if len(bucket) < _PER_KEY:
                    bucket.append(name)
        return index

    def closest(self, word: str) -> str | None:
        if len(self.options) <= SMALL:
            close = difflib.get_close_matches(word, self.options, n=1, cutoff=CUTOFF)
            return close[0] if close else None
        if self._index is None:
            self._index = self._build()
        found: dict[str, None] = {}
        for key in _deletions(word.lower()) if len(word) <= _INDEXED_LENGTH + 1 else ():
            for name in self._index.get(key, ()):
                found[name] = None
        close = difflib.get_close_matches(word, [*found, *self._near_long(word)], n=1, cutoff=CUTOFF)
        return close[0] if close else None

    def _near_long(self, word: str) -> list[str]:
        """Long names closest in length first, as many as _LONG_COMPARISONS."""
        out: list[str] = []
        if not self._long:
            return out
        n = len(word)
        lo, hi = int(n * 0.43), int(n * 2.34) + 1  # outside these lengths the ratio cannot reach 0.6
        for d in range(0, max(n - lo, hi - n) + 1):
            for length in {n - d, n + d}:
                if lo <= length <= hi:
                    out.extend(self._long.get(length, ()))
            if len(out) >= _LONG_COMPARISONS:
                return out[:_LONG_COMPARISONS]
        return out

    def phrase(self, word: str) -> str:
        """'; did you mean 'x'?' or ''."""
        close = self.closest(word)
        return f"; did you mean '{close}'?" if close else ""
