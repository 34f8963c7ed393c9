"""The three quoting mistakes a writer of dialogue makes in YAML, recognised on the line and shown fixed.

1. a plain value that starts with a quote mark and goes on after the closing quote: `text: "Sorry" she says`
2. an apostrophe inside single quotes: `text: 'It's fine'`
3. a colon and a space inside plain text: `text: She said: no`
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w -]*?):[ \t]+(?P<value>\S.*?)\s*$")


@dataclass(frozen=True)
class QuotingHint:
    column: int  # 1-based column where the value starts
    problem: str
    fixed: str  # the whole line, corrected, without its indentation

    def message(self) -> str:
        return f"{self.problem}; did you mean: {self.fixed}"


def quote(text: str) -> str:
    """Text as a YAML quoted scalar: double quotes, or single quotes when it holds a double quote."""
    if '"' not in text:
        return '"' + text.replace("\\", "\\\\") + '"'
    return "'" + text.replace("'", "''") + "'"


def _split_comment(value: str) -> tuple[str, str]:
    """A plain value and its trailing ' # comment' (kept as written)."""
    m = re.search(r"\s+#", value)
    return (value[: m.start()], value[m.start():]) if m else (value, "")


def _closing(value: str, mark: str) -> int | None:
    """Index of the quote that closes a scalar opened at value[0], or None."""
    i = 1
    while i < len(value):
        ch = value[i]
        if mark == '"' and ch == "\\":
            i += 2
            continue
        if ch == mark:
            if mark == "'" and i + 1 < len(value) and value[i + 1] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def quoting_hint(line: str) -> QuotingHint | None:
    """A hint for a line that breaks one of the three quoting rules, or None."""
    m = _LINE.match(line)
    if m is None:
        return None
    lead, key, value = m.group("lead"), m.group("key"), m.group("value")
    column = m.start("value") + 1
    head = f"{lead.strip()} {key}: ".lstrip() if lead.strip() else f"{key}: "
    if value[0] == "'":
        end = _closing(value, "'")
        if end is not None and end < len(value) - 1 and value.endswith("'"):
            inner = value[1:-1].replace("''", "'")
            return QuotingHint(column, "an apostrophe inside single quotes ends the text early (write it "
                               "inside double quotes, or double it: '')", head + quote(inner))
        return None
    if value[0] == '"':
        end = _closing(value, '"')
        if end is not None and end < len(value) - 1 and value[end + 1:].strip()[:1] not in ("#", ""):
            body, comment = _split_comment(value)
            return QuotingHint(column, "the text starts with a quote mark and goes on after the closing "
                               "quote; put the whole text in quotes", head + quote(body) + comment)
        return None
    if value[0] in "[{|>&*!%@`":
        return None
    body, comment = _split_comment(value)
    if ": " in body or body.endswith(":"):
        return QuotingHint(column, "a colon followed by a space inside plain text looks like a new key; "
                           "put the text in quotes", head + quote(body) + comment)
    return None
