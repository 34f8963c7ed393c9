"""Turn a Twine story into a scenario skeleton: passages -> nodes, links -> choices, passages with no links ->
endings; and list everything that could not be carried over (macros, variables, scripts, styles, setters)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from .twine_read import Passage, Story

LINK = re.compile(r"\[\[(.+?)\](\[.*?\])?\]", re.S)
HARLOWE_MACRO = re.compile(r"\(([A-Za-z][\w-]*):")
SUGAR_MACRO = re.compile(r"<<\s*([A-Za-z][\w-]*)")  # opening tags only: <</if>> is not counted
VARIABLE = re.compile(r"(?<![\w$])\$[A-Za-z_][\w]*")
SPECIAL = {"StoryInit", "StoryMenu", "StoryCaption", "StoryBanner", "StorySubtitle", "StoryAuthor",
           "StoryShare", "StoryInterface", "PassageReady", "PassageDone", "PassageHeader", "PassageFooter",
           "StorySettings", "StoryIncludes"}
MAX_CHOICES, MAX_TEXT, MAX_CHOICE_TEXT = 9, 4000, 400


@dataclass
class Link:
    text: str
    target: str
    setter: str = ""


def parse_link(inner: str, setter: str = "") -> Link:
    """Twine's rule: the rightmost '->', else the leftmost '<-', else the rightmost '|', else the whole text."""
    if "->" in inner:
        text, target = inner.rsplit("->", 1)
    elif "<-" in inner:
        target, text = inner.split("<-", 1)
    elif "|" in inner:
        text, target = inner.rsplit("|", 1)
    else:
        text = target = inner
    return Link(text.strip(), target.strip(), setter)


def links(text: str) -> list[Link]:
    return [parse_link(m.group(1), (m.group(2) or "")[1:-1]) for m in LINK.finditer(text)]


def _drop_macros(text: str) -> str:
    """Harlowe (name: ...) macros with balanced parentheses, and SugarCube <<...>>."""
    out, i = [], 0
    while i < len(text):
        m = HARLOWE_MACRO.match(text, i)
        if m:
            depth, j = 0, i
            while j < len(text):
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
                if depth == 0:
                    break
            i = j
            continue
        out.append(text[i])
        i += 1
    return re.sub(r"<<.*?>>", "", "".join(out), flags=re.S)


def plain_text(text: str) -> str:
    """Passage text without links, macros, HTML, comments and wiki/markdown markup, whitespace tidied."""
    text = re.sub(r"<!--.*?-->|/\*.*?\*/|/%.*?%/", "", text, flags=re.S)
    text = re.sub(r"\\\n", "", text)  # SugarCube: a backslash at the end of a line joins the lines
    text = LINK.sub("", text)
    text = _drop_macros(text)
    text = re.sub(r"</?[A-Za-z][^<>]*>", "", text)  # HTML tags; a lone "<" in prose stays
    text = re.sub(r"\|[\w-]+>|<[\w-]+\||\?[\w-]+", "", text)  # Harlowe hook names
    text = text.replace("[", "").replace("]", "")
    text = re.sub(r"''|//|\*\*|~~|\^\^|__|==|\{\{\{|\}\}\}", "", text)
    text = re.sub(r"^\s{0,3}(#{1,6}|[*-])\s+", "", text, flags=re.M)
    text = VARIABLE.sub("", text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def slug(name: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:56] or "passage"
    if not base[0].isalpha():
        base = f"p_{base}"
    ident, n = base, 2
    while ident in used:
        ident, n = f"{base}_{n}", n + 1
    used.add(ident)
    return ident


@dataclass
class Report:
    nodes: int = 0
    endings: int = 0
    choices: int = 0
    macros: Counter = field(default_factory=Counter)
    variables: Counter = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)

    def text(self, story: Story) -> list[str]:
        out = [f"{self.nodes} node(s), {self.endings} ending(s), {self.choices} choice(s) imported."]
        if self.macros:
            out.append("Macros not carried over: " + ", ".join(f"{m} ({n}x)" for m, n in self.macros.most_common()))
        if self.variables:
            out.append("Variables not carried over (use meters and flags): "
                       + ", ".join(f"{v} ({n}x)" for v, n in self.variables.most_common()))
        if story.scripts:
            out.append(f"Scripts not carried over: {story.scripts} (story JavaScript or passages tagged 'script')")
        if story.styles:
            out.append(f"Styles not carried over: {story.styles} (story stylesheet or passages tagged 'stylesheet')")
        return out + story.notes + self.lines


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), braces doubled for the game's placeholders."""
    return json.dumps(text.replace("{", "{{").replace("}", "}}"), ensure_ascii=False)


def convert(story: Story, scenario_id: str, source: str) -> tuple[str, Report]:
    """The scenario YAML text and the report of what was and was not carried over."""
    rep = Report()
    passages: list[Passage] = []
    names: dict[str, Passage] = {}
    for p in story.passages:
        if "script" in p.tags or "stylesheet" in p.tags:
            story.scripts += "script" in p.tags
            story.styles += "stylesheet" in p.tags
            continue
        if p.name in SPECIAL:
            rep.lines.append(f"{p.where}: special passage '{p.name}' was not carried over")
            continue
        if p.name in names:
            rep.lines.append(f"{p.where}: a second passage named '{p.name}' was ignored (the first one stays)")
            continue
        names[p.name] = p
        passages.append(p)
    used: set[str] = {"start_here", "the_end"}
    ids = {p.name: slug(p.name, used) for p in passages}
    outgoing: dict[str, list[Link]] = {}
    for p in passages:
        rep.macros.update(f"({m}:)" for m in HARLOWE_MACRO.findall(LINK.sub("", p.text)))
        rep.macros.update(f"<<{m}>>" for m in SUGAR_MACRO.findall(p.text))
        rep.variables.update(VARIABLE.findall(p.text))
        kept = []
        for link in links(p.text):
            if link.setter:
                rep.lines.append(f"{p.where}: the setter [{link.setter}] on link '{link.text}' was dropped")
            if link.target not in names:
                rep.lines.append(f"{p.where}: link '{link.text}' leads to '{link.target}', which is no passage; "
                                 "dropped")
            elif len(kept) == MAX_CHOICES:
                rep.lines.append(f"{p.where}: more than {MAX_CHOICES} links; '{link.text}' and later were dropped")
                break
            else:
                kept.append(link)
        outgoing[p.name] = kept
    start = story.start if story.start in names else None
    if story.start and start is None:
        rep.lines.append(f"the start passage '{story.start}' does not exist; used another")
    start = start or ("Start" if "Start" in names else (passages[0].name if passages else None))
    node_lines, ending_lines = [], []
    # A story whose every passage links on (a loop) gets one ending, reachable from every passage.
    endless = bool(passages) and all(outgoing[p.name] for p in passages)
    for p in passages:
        text = plain_text(p.text) or "(This passage had no text.)"
        if len(text) > MAX_TEXT:
            rep.lines.append(f"{p.where}: the text was cut to {MAX_TEXT} characters")
            text = text[: MAX_TEXT - 1] + "…"
        if outgoing[p.name]:
            rep.nodes += 1
            node_lines += [f"  {ids[p.name]}:  # from passage {json.dumps(p.name, ensure_ascii=False)}",
                           f"    text: {_q(text)}", "    choices:"]
            for link in outgoing[p.name]:
                rep.choices += 1
                node_lines += [f"      - text: {_q((link.text or link.target)[:MAX_CHOICE_TEXT])}",
                               f"        next: {ids[link.target]}"]
            if endless:
                rep.choices += 1
                node_lines += ["      - text: \"(End the story here)\"  # added: the story had no ending",
                               "        next: the_end"]
        else:
            rep.endings += 1
            ending_lines += [f"  {ids[p.name]}:  # from passage {json.dumps(p.name, ensure_ascii=False)}",
                             f"    title: {_q(p.name[:120])}",
                             "    outcome: stays  # TODO: leaves, stays or advocate", f"    text: {_q(text)}",
                             "    summary: \"TODO: the coach's summary of this ending.\""]
    first = ids.get(start, "start_here") if start else "start_here"
    if start is None or not outgoing.get(start):
        # The scenario must start at a node with choices: a short opening leads to the first passage.
        target = ids[start] if start else "the_end"
        node_lines = ["  start_here:", "    text: \"(The story begins.)\"", "    choices:",
                      "      - text: Begin", f"        next: {target}", *node_lines]
        rep.nodes += 1
        rep.choices += 1
        first = "start_here"
    if not ending_lines:
        rep.endings += 1
        rep.lines.append("the story has no passage without links, so an ending 'the_end' was added, with a "
                         "choice leading to it from every passage")
        ending_lines = ["  the_end:", "    title: The end", "    outcome: stays", "    text: \"The end.\"",
                        "    summary: \"TODO: the coach's summary of this ending.\""]
    title = (story.title or scenario_id.replace("_", " ").title())[:80]
    head = [f"# Imported from {source} by `python run.py import-twine`. A skeleton: check it, then add",
            "# effects on the meters, feedback, the customer and the lifetime-value figures. The import's report:"]
    head += [f"#   {line}" for line in rep.text(story)]
    body = [
        "format: 1", f"id: {scenario_id}", f"title: {_q(title)}",
        f"summary: {_q(('Imported from Twine: ' + title)[:240])}",
        "setting: shop_counter", "audience: external", "skills: [\"TODO: the skills it teaches\"]",
        f"minutes: {max(1, min(180, rep.nodes // 2 + 1))}", "customer:", "  name: Customer",
        "  role: \"TODO: who they are\"", "  economics:", "    spend_per_visit: 10", "    visits_per_year: 12",
        "    years: 3", "    word_of_mouth: 4", "    note: \"TODO: illustrative figures; put in your own.\"",
        f"start: {first}", "nodes:", *node_lines, "endings:", *ending_lines]
    return "\n".join(head + body) + "\n", rep
