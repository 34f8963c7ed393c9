"""Read untrusted YAML into a small positional tree, with hard limits and no object construction.

PyYAML's event parser does the tokenising; this module builds the tree itself so that tags,
anchors, aliases, depth and duplicate keys are checked before anything is expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .diagnostics import Reporter
from .quoting import quoting_hint

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40
MAX_EVENTS = 400_000

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

Pos = tuple[int, int]


@dataclass
class YNode:
    pos: Pos


@dataclass
class YScalar(YNode):
    value: str
    plain: bool = True
    tag: str | None = None


@dataclass
class YMap(YNode):
    items: list[tuple[YScalar, YNode]] = field(default_factory=list)

    def get(self, key: str) -> YNode | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None

    def key_node(self, key: str) -> YScalar | None:
        for k, _ in self.items:
            if k.value == key:
                return k
        return None


@dataclass
class YSeq(YNode):
    items: list[YNode] = field(default_factory=list)


class _Fatal(Exception):
    def __init__(self, pos: Pos, code: str, message: str) -> None:
        super().__init__(message)
        self.pos, self.code, self.message = pos, code, message


def _pos(mark) -> Pos:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _offset_pos(data: bytes, offset: int) -> Pos:
    line = data.count(b"\n", 0, offset) + 1
    last_nl = data.rfind(b"\n", 0, offset)
    return line, offset - last_nl


def decode(data: bytes, rep: Reporter) -> str | None:
    """Bytes to text, reporting size and encoding problems."""
    if len(data) > MAX_BYTES:
        rep.error((1, 1), "CC005", f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        rep.error(_offset_pos(data, exc.start), "CC007",
                  f"byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8")
        return None
    if "\x00" in text:
        rep.error(_offset_pos(data, data.index(b"\x00")), "CC007", "file contains a NUL character")
        return None
    return text


def parse(text: str, rep: Reporter) -> YNode | None:
    """Parse one YAML document into a YNode tree; report problems instead of raising."""
    try:
        return _build(text, rep)
    except _Fatal as fatal:
        rep.error(fatal.pos, fatal.code, fatal.message)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        lines = text.splitlines()
        hint = quoting_hint(lines[mark.line]) if mark is not None and mark.line < len(lines) else None
        if _nesting_error(exc):  # newer PyYAML/libyaml stop deep nesting themselves: the same error as ours
            rep.error(_pos(mark), "CC004", f"nesting is deeper than {MAX_DEPTH} levels")
            return None
        if hint is not None:
            rep.error((mark.line + 1, hint.column), "CC050", hint.message())
            return None
        problem = exc.problem or exc.context or "invalid YAML"
        where = f" {exc.context}" if exc.context and exc.problem else ""
        started = exc.context_mark if exc.problem_mark is not None else None
        if started is not None and mark is not None and started.line != mark.line:
            where += f" (it started at line {started.line + 1}, column {started.column + 1})"
        rep.error(_pos(mark), "CC001", f"YAML syntax error: {problem}{where}".strip())
    except yaml.YAMLError as exc:
        rep.error((1, 1), "CC001", f"YAML error: {str(exc).splitlines()[0] if str(exc) else 'invalid YAML'}")
    return None


def _nesting_error(exc: yaml.MarkedYAMLError) -> bool:
    """PyYAML 6.0.4's libyaml: 'exceeded maximum nesting depth' while increasing a flow or block level."""
    words = f"{exc.problem or ''} {exc.context or ''}".lower()
    return "nesting depth" in words or "nesting level" in words


def _check_tag(event) -> None:
    tag = getattr(event, "tag", None)
    if tag is None or tag == "!":
        if tag == "!":
            raise _Fatal(_pos(event.start_mark), "CC002", "the non-specific tag '!' is not allowed")
        return
    if isinstance(event, yaml.ScalarEvent) and event.implicit[0]:
        return
    if tag not in _STANDARD_TAGS:
        raise _Fatal(_pos(event.start_mark), "CC002",
                     f"tag '{tag}' is not allowed; scenarios use plain YAML values only")


def _build(text: str, rep: Reporter) -> YNode | None:
    stack: list[list] = []  # each frame: [node, pending_key or None]
    root: YNode | None = None
    documents = 0
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        count += 1
        if count > MAX_EVENTS:
            raise _Fatal(_pos(event.start_mark), "CC027", f"more than {MAX_EVENTS:,} YAML events")
        if isinstance(event, yaml.AliasEvent):
            raise _Fatal(_pos(event.start_mark), "CC003",
                         "aliases (*name) are not allowed in scenarios; write the value out")
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Fatal(_pos(event.start_mark), "CC001", "a scenario file holds one YAML document only")
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if event.anchor is not None:
                raise _Fatal(_pos(event.start_mark), "CC003",
                             f"anchors (&{event.anchor}) are not allowed in scenarios; write the value out")
            _check_tag(event)
        if isinstance(event, yaml.ScalarEvent):
            plain = event.style in (None, "") and event.implicit[0]
            node: YNode = YScalar(_pos(event.start_mark), event.value, plain,
                                  None if event.implicit[0] else event.tag)
            root = _attach(stack, node, rep) or root
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise _Fatal(_pos(event.start_mark), "CC004", f"nesting is deeper than {MAX_DEPTH} levels")
            node = YSeq(_pos(event.start_mark)) if isinstance(event, yaml.SequenceStartEvent) \
                else YMap(_pos(event.start_mark))
            root = _attach(stack, node, rep) or root
            stack.append([node, None, set()])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            stack.pop()
    return root


def _attach(stack: list[list], node: YNode, rep: Reporter) -> YNode | None:
    """Attach node to the open collection; return it if it is the document root."""
    if not stack:
        return node
    frame = stack[-1]
    parent = frame[0]
    if isinstance(parent, YSeq):
        parent.items.append(node)
        return None
    if frame[1] is None:
        if not isinstance(node, YScalar):
            raise _Fatal(node.pos, "CC011", "mapping keys must be plain text")
        frame[1] = node
        return None
    key: YScalar = frame[1]
    frame[1] = None
    seen: set = frame[2]
    if key.value in seen:
        first = parent.key_node(key.value)
        where = f" (first at line {first.pos[0]})" if first else ""
        rep.error(key.pos, "CC006", f"duplicate key '{key.value}'{where}; only one may stay")
        return None
    seen.add(key.value)
    parent.items.append((key, node))
    return None
