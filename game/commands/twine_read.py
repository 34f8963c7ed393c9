"""Read Twine stories: Twee 3 source (one story over several files) and Twine 2 published HTML or archives.

Follows the Twee 3 specification (passage headers `:: Name [tags] {metadata}` with backslash escapes) and the
Twine 2 HTML output specification (`<tw-storydata>` holding `<tw-passagedata>`). Standard library only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Passage:
    name: str
    text: str
    tags: list[str] = field(default_factory=list)
    where: str = ""  # "file:line" or "passage pid N", for the report


@dataclass
class Story:
    title: str = ""
    start: str | None = None  # a passage name
    passages: list[Passage] = field(default_factory=list)
    scripts: int = 0  # story JavaScript blocks (and passages tagged script)
    styles: int = 0
    notes: list[str] = field(default_factory=list)  # what could not be read as it was written


def _unescape(text: str) -> str:
    """Twee 3 decoding: any backslash-escaped character is the character itself."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _until(text: str, i: int, stops: str) -> int:
    """Index of the first unescaped character of `stops` at or after i (len(text) if none)."""
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in stops:
            return i
        i += 1
    return len(text)


def parse_header(line: str) -> tuple[str, list[str], dict | None, str]:
    """`:: Name [tags] {json}` -> (name, tags, metadata or None, problem or '')."""
    body = line[2:]
    end = _until(body, 0, "[{")
    name = _unescape(body[:end].strip())
    rest = body[end:].strip()
    tags: list[str] = []
    meta, problem = None, ""
    if rest.startswith("["):
        close = _until(rest, 1, "]")
        tags = [_unescape(t) for t in rest[1:close].split()]
        rest = rest[close + 1:].strip()
    if rest.startswith("{"):
        try:
            meta = json.loads(rest)
        except ValueError:
            problem = "its metadata block is not valid JSON and was dropped"
    elif rest:
        problem = f"the header has '{rest[:30]}' after the name, which was ignored"
    return name, tags, meta, problem


def _finish(passage: Passage | None, lines: list[str], story: Story) -> None:
    """Close a passage: its content without trailing blank lines (the specification says so)."""
    if passage is not None:
        while lines and not lines[-1].strip():
            lines.pop()
        passage.text = "\n".join(lines)
        story.passages.append(passage)


def read_twee(sources: list[tuple[str, str]], story: Story | None = None) -> Story:
    """Passages from Twee 3 files, in the order given, as one story."""
    story = story or Story()
    data_text = None
    for filename, text in sources:
        current: Passage | None = None
        lines: list[str] = []
        for n, line in enumerate(text.splitlines(), start=1):
            if line.startswith("::"):
                _finish(current, lines, story)
                name, tags, _meta, problem = parse_header(line)
                if problem:
                    story.notes.append(f"{filename}:{n}: passage '{name}': {problem}")
                current, lines = Passage(name, "", tags, f"{filename}:{n}"), []
            elif current is not None:
                lines.append(line)
        _finish(current, lines, story)
    kept: list[Passage] = []
    for p in story.passages:
        if p.name == "StoryTitle":
            story.title = p.text.strip()
        elif p.name == "StoryData":
            data_text = (p.text, p.where)
        else:
            kept.append(p)
    story.passages = kept
    if data_text is not None:
        try:
            data = json.loads(data_text[0])
        except ValueError:
            story.notes.append(f"{data_text[1]}: StoryData is not valid JSON and was ignored")
        else:
            if isinstance(data, dict) and isinstance(data.get("start"), str):
                story.start = data["start"]
    return story


class _TwineHTML(HTMLParser):
    """Collects the first <tw-storydata> of a published story or an archive, and counts the others."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stories = 0
        self.inside = False
        self.attrs: dict[str, str] = {}
        self.passages: list[tuple[dict[str, str], list[str]]] = []
        self.current: list[str] | None = None
        self.scripts = self.styles = 0
        self._code: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "tw-storydata":
            self.stories += 1
            self.inside = self.stories == 1
            if self.inside:
                self.attrs = values
        elif not self.inside:
            return
        elif tag == "tw-passagedata":
            self.current = []
            self.passages.append((values, self.current))
        elif tag in ("script", "style"):
            self._code = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "tw-storydata":
            self.inside = False
        elif tag == "tw-passagedata":
            self.current = None
        elif tag in ("script", "style") and self._code == tag:
            self._code = None

    def handle_data(self, data: str) -> None:
        if self._code == "script" and data.strip():
            self.scripts += 1
        elif self._code == "style" and data.strip():
            self.styles += 1
        elif self.current is not None:
            self.current.append(data)


def read_html(text: str, filename: str) -> Story:
    """A story from Twine 2 published HTML, or the first story of a Twine 2 archive."""
    parser = _TwineHTML()
    parser.feed(text)
    parser.close()
    story = Story(scripts=parser.scripts, styles=parser.styles)
    if parser.stories == 0:
        story.notes.append(f"{filename}: no <tw-storydata> element: this is not a Twine 2 story file")
        return story
    if parser.stories > 1:
        story.notes.append(f"{filename}: an archive of {parser.stories} stories; only the first, "
                           f"'{parser.attrs.get('name', '')}', was imported")
    story.title = parser.attrs.get("name", "")
    by_pid = {}
    for attrs, parts in parser.passages:
        name = attrs.get("name", "")
        p = Passage(name, "".join(parts).strip("\n"), attrs.get("tags", "").split(),
                    f"{filename}: passage '{name}' (pid {attrs.get('pid', '?')})")
        story.passages.append(p)
        by_pid[attrs.get("pid")] = name
    start = parser.attrs.get("startnode")
    if start:
        if start in by_pid:
            story.start = by_pid[start]
        else:
            story.notes.append(f"{filename}: startnode {start} matches no passage")
    return story
