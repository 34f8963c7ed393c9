"""Right-to-left text, simplified from the Unicode Bidirectional Algorithm (UAX #9) without embeddings: a
paragraph's direction from its first strong character, each character's level, and the visual order of runs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
# Blocks holding right-to-left letters and Arabic digits: Hebrew to Arabic Extended, presentation forms, and
# the historic and Arabic-mathematical blocks of plane 1.
_RTL_BLOCKS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]")


def base_rtl(text: str) -> bool:
    """True when the first strong character (a letter with a direction) is right to left."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def has_rtl(text: str) -> bool:
    """True when any character comes from a right-to-left script's block (letters, Arabic digits)."""
    return _RTL_BLOCKS.search(text) is not None


def levels(text: str, rtl: bool) -> list[int]:
    """Embedding level of each character (0 left to right, 1 right to left, 2 numbers inside either)."""
    kinds: list[str] = []
    last_strong = "R" if rtl else "L"
    prev = "ON"
    for ch in text:
        k = unicodedata.bidirectional(ch)
        if k == "NSM":
            k = prev
        elif k == "AL":
            k = "R"
            last_strong = "AL"
        elif k in ("L", "R"):
            last_strong = k
        elif k == "EN" and last_strong == "AL":
            k = "AN"
        elif k == "EN" and last_strong == "L":
            k = "L"
        kinds.append(k)
        prev = k
    n = len(kinds)
    for i in range(1, n - 1):  # a separator between two numbers of one kind is part of the number
        if kinds[i] in ("ES", "CS") and kinds[i - 1] == kinds[i + 1] and kinds[i - 1] in ("EN", "AN"):
            kinds[i] = kinds[i - 1]
    strong = ["R" if k in ("R", "EN", "AN") else "L" if k == "L" else "" for k in kinds]
    base = "R" if rtl else "L"
    i = 0
    while i < n:  # neutrals take the direction of the text on both sides when it agrees, else the paragraph's
        if strong[i]:
            i += 1
            continue
        j = i
        while j < n and not strong[j]:
            j += 1
        left = strong[i - 1] if i > 0 else base
        right = strong[j] if j < n else base
        fill = left if left == right else base
        for m in range(i, j):
            strong[m] = fill
        i = j
    out = []
    for k, s in zip(kinds, strong, strict=True):
        if k in ("EN", "AN"):
            out.append(2)
        elif rtl:
            out.append(2 if s == "L" else 1)
        else:
            out.append(1 if s == "R" else 0)
    return out


def visual_order(items: Sequence[T], item_levels: Sequence[int]) -> list[T]:
    """Items (runs in logical order) rearranged left to right: every sequence at a level or higher is reversed,
    from the highest level down to the lowest odd one."""
    order = list(range(len(items)))
    lv = list(item_levels)
    if not lv:
        return []
    lowest_odd = min((x for x in lv if x % 2), default=None)
    if lowest_odd is None:
        return list(items)
    for level in range(max(lv), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if lv[order[i]] >= level:
                j = i
                while j < len(order) and lv[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return [items[k] for k in order]
