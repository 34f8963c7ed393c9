"""A tiny condition language over meters and flags, parsed (never eval'd).

    condition := or
    or        := and ("or" and)*
    and       := not ("and" not)*
    not       := "not" not | compare
    compare   := value (("<" | "<=" | ">" | ">=" | "==" | "!=") value)?
    value     := NUMBER | NAME  (a NUMBER is whole, and may be negative: -5) | "true" | "false" | "(" condition ")"

A NAME is a meter (a number) or a flag (true once set). Example: ``satisfaction >= 60 and not rushed``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set
from dataclasses import dataclass

_TOKEN = re.compile(r"\s*(?:(-?[0-9]+)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|<|>|\(|\)))")
_OPS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}
MAX_LENGTH = 500
MAX_DEPTH = 30


class ConditionError(ValueError):
    """A condition that cannot be parsed; ``column`` is 1-based within the condition text."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class Condition:
    source: str
    tree: tuple
    names: frozenset[str]

    def evaluate(self, meters: Mapping[str, int], flags: Set[str]) -> bool:
        return bool(_eval(self.tree, meters, flags))

    def __str__(self) -> str:
        return self.source


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m:
            col = pos + len(text[pos:]) - len(text[pos:].lstrip()) + 1
            raise ConditionError(f"unexpected character {text[col - 1]!r}", col)
        start = m.start(m.lastindex) + 1
        if m.group(1):
            out.append(("num", m.group(1), start))
        elif m.group(2):
            word = m.group(2)
            kind = word if word in ("and", "or", "not", "true", "false") else "name"
            out.append((kind, word, start))
        else:
            out.append(("op", m.group(3), start))
        pos = m.end()
    out.append(("end", "", len(text) + 1))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.toks = _tokens(text)
        self.i = 0
        self.names: set[str] = set()
        self.depth = 0

    def peek(self) -> tuple[str, str, int]:
        return self.toks[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> tuple:
        tree = self.or_()
        kind, value, col = self.peek()
        if kind != "end":
            raise ConditionError(f"unexpected '{value}'", col)
        return tree

    def or_(self) -> tuple:
        left = self.and_()
        while self.peek()[0] == "or":
            self.take()
            left = ("or", left, self.and_())
        return left

    def and_(self) -> tuple:
        left = self.not_()
        while self.peek()[0] == "and":
            self.take()
            left = ("and", left, self.not_())
        return left

    def not_(self) -> tuple:
        if self.peek()[0] == "not":
            self.take()
            return ("not", self.not_())
        return self.compare()

    def compare(self) -> tuple:
        left = self.value()
        kind, value, _ = self.peek()
        if kind == "op" and value in _OPS:
            self.take()
            return ("cmp", value, left, self.value())
        return left

    def value(self) -> tuple:
        kind, value, col = self.take()
        if kind == "num":
            return ("num", int(value))
        if kind == "name":
            self.names.add(value)
            return ("name", value)
        if kind in ("true", "false"):
            return ("bool", kind == "true")
        if kind == "op" and value == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ConditionError("too many nested brackets", col)
            tree = self.or_()
            closing = self.take()
            if closing[1] != ")":
                raise ConditionError("missing ')'", closing[2])
            self.depth -= 1
            return tree
        if kind == "end":
            raise ConditionError("the condition ends too soon", col)
        raise ConditionError(f"unexpected '{value}'", col)


def parse_condition(text: str) -> Condition:
    """Parse a condition; raise ConditionError with a column on bad input."""
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"condition is longer than {MAX_LENGTH} characters", 1)
    if not text.strip():
        raise ConditionError("the condition is empty", 1)
    parser = _Parser(text)
    tree = parser.parse()
    return Condition(text, tree, frozenset(parser.names))


def _eval(tree: tuple, meters: Mapping[str, int], flags: Set[str]):
    kind = tree[0]
    if kind == "or":
        return _eval(tree[1], meters, flags) or _eval(tree[2], meters, flags)
    if kind == "and":
        return _eval(tree[1], meters, flags) and _eval(tree[2], meters, flags)
    if kind == "not":
        return not _eval(tree[1], meters, flags)
    if kind == "cmp":
        return _OPS[tree[1]](_eval(tree[2], meters, flags), _eval(tree[3], meters, flags))
    if kind == "num" or kind == "bool":
        return tree[1]
    name = tree[1]
    if name in meters:
        return meters[name]
    return name in flags


def meter_names_in_boolean_position(tree: tuple, meters: Set[str]) -> list[str]:
    """Meters used as a bare truth value (``satisfaction and x``): almost always a mistake."""
    kind = tree[0]
    if kind in ("or", "and"):
        return meter_names_in_boolean_position(tree[1], meters) + meter_names_in_boolean_position(tree[2], meters)
    if kind == "not":
        return meter_names_in_boolean_position(tree[1], meters)
    if kind == "name" and tree[1] in meters:
        return [tree[1]]
    return []
