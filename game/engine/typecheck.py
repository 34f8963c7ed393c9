"""Check a positional YAML tree against the format spec, turning it into plain data with positions."""

from __future__ import annotations

import re
from typing import Any

from . import textcheck
from .diagnostics import Reporter
from .spec import Boolean, Integer, ListOf, MapOf, Number, OneOf, Record, Spec, Text
from .suggest import Suggester
from .yamltree import Pos, YMap, YNode, YScalar, YSeq

_INT = re.compile(r"[-+]?[0-9]{1,12}")
_FLOAT = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,3})?")
_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_NULLS = {"", "~", "null", "Null", "NULL"}
INVALID: Any = object()


class PosDict(dict):
    """A dict that remembers where each key and value stood in the file."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, Pos] = {}
        self.value_pos: dict[str, Pos] = {}

    def at(self, key: str) -> Pos:
        return self.value_pos.get(key, self.pos)

    def key_at(self, key: str) -> Pos:
        return self.key_pos.get(key, self.pos)


class PosList(list):
    """A list that remembers where each item stood in the file."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []


def prune(value: Any) -> Any:
    """The checked data without the parts that failed their check (INVALID), positions kept.

    A mapping keeps the position of a key whose value was dropped (`key_pos`), so the builder still
    knows the id exists; a list drops the item and its position together."""
    if isinstance(value, PosDict):
        out = PosDict(value.pos)
        out.key_pos, out.value_pos = dict(value.key_pos), dict(value.value_pos)
        for k, item in value.items():
            if item is not INVALID:
                out[k] = prune(item)
        return out
    if isinstance(value, PosList):
        items = PosList(value.pos)
        for item, pos in zip(value, value.item_pos, strict=False):
            if item is not INVALID:
                items.append(prune(item))
                items.item_pos.append(pos)
        return items
    return value


def suggest(word: str, options) -> str:
    """'; did you mean ...?' for a small set of names; large sets use a Suggester built once."""
    return Suggester(options).phrase(word)


def _kind(node: YNode) -> str:
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return f"'{node.value}'" if len(node.value) < 40 else "text"


def check(node: YNode, spec: Spec, rep: Reporter, where: str) -> Any:
    """Return plain data for node, or INVALID after reporting why it does not fit spec."""
    if isinstance(spec, Text):
        return _text(node, spec, rep, where)
    if isinstance(spec, (Integer, Number)):
        return _number(node, spec, rep, where)
    if isinstance(spec, Boolean):
        if isinstance(node, YScalar) and node.plain and node.value in ("true", "false", "True", "False"):
            return node.value.lower() == "true"
        rep.error(node.pos, "CC011", f"{where} must be true or false, not {_kind(node)}")
        return INVALID
    if isinstance(spec, ListOf):
        return _list(node, spec, rep, where)
    if isinstance(spec, MapOf):
        return _map(node, spec, rep, where)
    if isinstance(spec, Record):
        return _record(node, spec, rep, where)
    if isinstance(spec, OneOf):
        return _one_of(node, spec, rep, where)
    raise TypeError(spec)  # pragma: no cover - spec is ours


def _one_of(node: YNode, spec: OneOf, rep: Reporter, where: str) -> Any:
    """Check node against the option of its own kind (text, list or mapping)."""
    kinds = {Text: YScalar, ListOf: YSeq, Record: YMap, MapOf: YMap}
    for option in spec.options:
        if isinstance(node, kinds.get(type(option), YScalar)):
            if isinstance(option, ListOf) and isinstance(option.item, Record) \
                    and any(not isinstance(item, YMap) for item in node.items):
                rep.error(node.pos, "CC011", f"{where} must be text, or a list of variants written as "
                          "'- if: CONDITION' and 'text: ...' (the last without 'if')")
                return INVALID
            return check(node, option, rep, where)
    names = {Text: "text", ListOf: "a list", Record: "a mapping", MapOf: "a mapping"}
    allowed = " or ".join(names.get(type(o), "text") for o in spec.options)
    rep.error(node.pos, "CC011", f"{where} must be {allowed}, not {_kind(node)}")
    return INVALID


def _text(node: YNode, spec: Text, rep: Reporter, where: str) -> Any:
    if not isinstance(node, YScalar):
        rep.error(node.pos, "CC011", f"{where} must be text, not {_kind(node)}")
        return INVALID
    value = node.value
    if node.plain and value in _NULLS:
        rep.error(node.pos, "CC011", f"{where} is empty")
        return INVALID
    if len(value) > spec.max_len:
        rep.error(node.pos, "CC012", f"{where} is {len(value)} characters long; the limit is {spec.max_len}")
        return INVALID
    if spec.enum is not None and value not in spec.enum:
        rep.error(node.pos, "CC012",
                  f"{where} '{value}' is not one of: {', '.join(spec.enum)}{suggest(value, spec.enum)}")
        return INVALID
    if spec.pattern is not None:
        if not re.fullmatch(spec.pattern, value):
            shown = value if value.isprintable() else ascii(value)[1:-1]
            rep.error(node.pos, "CC011",
                      f"{where} '{shown}' is not a valid id (lower-case letters, digits and underscores)")
            return INVALID
        return value
    if spec.enum is None and not _showable(node, spec, rep, where):
        return INVALID
    return value


def _showable(node: YScalar, spec: Text, rep: Reporter, where: str) -> bool:
    """Text the game can draw: no control characters, and something visible (CC030, CC031)."""
    value = node.value
    if spec.blank_ok and value == "":
        return True
    bad = textcheck.forbidden_character(value, spec.multiline)
    if bad is not None:
        ch = value[bad]
        hint = " (long text such as node text and feedback may break lines; this one is a single line)" \
            if ch in "\n\t" else ""
        rep.error(node.pos, "CC030", f"{where} holds {textcheck.describe(ch)} at character {bad + 1}, "
                  f"which the game cannot show; remove it{hint}")
        return False
    if not textcheck.visible(value):
        hidden = textcheck.first_invisible(value)
        what = f"only invisible characters such as {textcheck.describe(hidden)}" if hidden else "nothing visible"
        rep.error(node.pos, "CC031", f"{where} holds {what}; write some text the player can read")
        return False
    return True


def _number(node: YNode, spec: Integer | Number, rep: Reporter, where: str) -> Any:
    whole = isinstance(spec, Integer)
    noun = "a whole number" if whole else "a number"
    if not isinstance(node, YScalar) or not node.plain:
        rep.error(node.pos, "CC011", f"{where} must be {noun}, not {_kind(node)}")
        return INVALID
    text = node.value.replace("_", "")
    if _INT.fullmatch(text):
        value: float = int(text)
    elif not whole and _FLOAT.fullmatch(text):
        value = float(text)
    else:
        rep.error(node.pos, "CC011", f"{where} must be {noun}, not {_kind(node)}")
        return INVALID
    if not spec.min <= value <= spec.max:
        rep.error(node.pos, "CC012", f"{where} is {node.value}; it must be between {spec.min:g} and {spec.max:g}")
        return INVALID
    return value


def _list(node: YNode, spec: ListOf, rep: Reporter, where: str) -> Any:
    if not isinstance(node, YSeq):
        rep.error(node.pos, "CC011", f"{where} must be a list, not {_kind(node)}")
        return INVALID
    if not spec.min_items <= len(node.items) <= spec.max_items:
        rep.error(node.pos, "CC012",
                  f"{where} has {len(node.items)} items; it needs {spec.min_items} to {spec.max_items}")
    out = PosList(node.pos)
    for i, item in enumerate(node.items[: spec.max_items]):
        out.append(check(item, spec.item, rep, f"{where} item {i + 1}"))
        out.item_pos.append(item.pos)
    return out


def _map(node: YNode, spec: MapOf, rep: Reporter, where: str) -> Any:
    if not isinstance(node, YMap):
        rep.error(node.pos, "CC011", f"{where} must be a mapping, not {_kind(node)}")
        return INVALID
    if not spec.min_items <= len(node.items) <= spec.max_items:
        rep.error(node.pos, "CC012",
                  f"{where} has {len(node.items)} entries; it needs {spec.min_items} to {spec.max_items}")
    out = PosDict(node.pos)
    for key, value in node.items[: spec.max_items]:
        if not _ID.fullmatch(key.value):
            shown = key.value if key.value.isprintable() else ascii(key.value)[1:-1]
            rep.error(key.pos, "CC011",
                      f"'{shown}' in {where} is not a valid id (lower-case letters, digits and underscores)")
            continue
        out.key_pos[key.value] = key.pos
        out.value_pos[key.value] = value.pos
        out[key.value] = check(value, spec.value, rep, f"'{key.value}'")
    return out


def _record(node: YNode, spec: Record, rep: Reporter, where: str) -> Any:
    if not isinstance(node, YMap):
        rep.error(node.pos, "CC011", f"{where} must be a mapping, not {_kind(node)}")
        return INVALID
    out = PosDict(node.pos)
    for key, value in node.items:
        name = key.value
        field = spec.fields.get(name)
        if field is None and spec.extra is None:
            rep.error(key.pos, "CC010", f"unknown key '{name}' in {where}{suggest(name, spec.fields)}")
            continue
        out.key_pos[name] = key.pos
        out.value_pos[name] = value.pos
        out[name] = check(value, field.spec if field else spec.extra, rep, f"'{name}'")
    missing = [n for n, f in spec.fields.items() if f.required and n not in out]
    for name in missing:
        rep.error(node.pos, "CC013", f"{where} needs '{name}'")
    return out
