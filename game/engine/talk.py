"""Building the conversation parts of the model: text variants, replies, beats (lines), people and others.

Used by the loader's builder; every problem is reported with its place, like the rest of the checks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from . import vocabulary as v
from .conditions import Condition
from .diagnostics import Reporter
from .model import Economics, Line, Other, Person, Reply, Variants
from .typecheck import PosDict, PosList, suggest

Pos = tuple[int, int]


class Builder(Protocol):
    rep: Reporter
    meters: dict

    def _condition(self, text: str, pos: Pos) -> Condition | None: ...

    def _prose(self, text: str, pos: Pos, what: str) -> None: ...


def variants(b: Builder, raw: object, pos: Pos, what: str, prose: bool = True) -> tuple[str, Variants]:
    """(default text, conditional variants) from a text or a list of {if, text}."""
    if isinstance(raw, str):
        if prose:
            b._prose(raw, pos, what)
        return raw, ()
    if not isinstance(raw, PosList) or not raw:
        return "", ()
    out: list[tuple[Condition, str]] = []
    default = ""
    for i, item in enumerate(raw):
        if not isinstance(item, PosDict) or not isinstance(item.get("text"), str):
            continue
        text = item["text"]
        if prose:
            b._prose(text, item.at("text"), what)
        last = i == len(raw) - 1
        if "if" not in item:
            if not last:
                b.rep.error(raw.item_pos[i], "CC066", f"variant {i + 1} of {what} has no 'if', so the variants "
                            "after it can never show; only the last variant goes without 'if'")
            default = text
            continue
        cond = b._condition(item["if"], item.at("if"))
        if last:
            b.rep.error(raw.item_pos[i], "CC066", f"the last variant of {what} has an 'if'; when no condition "
                        "holds nothing would show: drop the last 'if' (it is the default)")
            default = text
        if cond is not None:
            out.append((cond, text))
    return default, tuple(out)


def speaker_check(b: Builder, name: str, pos: Pos, known: set[str], what: str) -> None:
    if name.strip().lower() == v.NARRATOR or name in known:
        return
    b.rep.error(pos, "CC070", f"{what} is spoken by '{name}', who is not the customer, a cast member or "
                f"'narrator': add them to 'cast:' or fix the name{suggest(name, sorted(known))}")


def reply(b: Builder, raw: object, pos: Pos, what: str, known: set[str]) -> Reply | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        b._prose(raw, pos, f"the reply to {what}")
        return Reply(raw)
    if not isinstance(raw, PosDict):
        return None
    text, text_if = variants(b, raw.get("text"), raw.at("text"), f"the reply to {what}")
    speaker = raw.get("speaker", "")
    if speaker:
        speaker_check(b, speaker, raw.at("speaker"), known, f"the reply to {what}")
    return Reply(text, raw.get("mood"), speaker, text_if)


def lines(b: Builder, raw: PosList, nid: str, known: set[str]) -> tuple[Line, ...]:
    out = []
    for i, item in enumerate(raw):
        if not isinstance(item, PosDict) or "text" not in item:
            continue
        what = f"line {i + 1} of '{nid}'"
        speaker = item.get("speaker", v.NARRATOR)
        speaker_check(b, speaker, item.at("speaker"), known, what)
        text, text_if = variants(b, item.get("text"), item.at("text"), what)
        mood = item.get("mood", "neutral")
        out.append(Line(speaker, text, mood, text_if))
    return tuple(out)


def joined(beats: tuple[Line, ...]) -> str:
    """The beats as one text, for tools that read a node's text in one piece."""
    parts = []
    for line in beats:
        narration = line.speaker.strip().lower() == v.NARRATOR
        parts.append(line.text if narration else f"{line.speaker}: {line.text}")
    return "\n\n".join(parts)


def economics(raw: PosDict, check_positive: Callable[[PosDict], None]) -> Economics:
    check_positive(raw)
    return Economics(raw["spend_per_visit"], raw["visits_per_year"], raw["years"], raw["word_of_mouth"],
                     raw.get("unit", "$"), raw.get("visit_label", "visit"), raw.get("note", ""), raw.get("whose", ""),
                     raw.get("word_of_mouth_delighted", 5), raw.get("joins_share", 0.12))


def positive_word_of_mouth(rep: Reporter) -> Callable[[PosDict], None]:
    """A check that a delighted customer's word of mouth stays a plausible estimate (at most 5 new customers
    per point of value), so the value never jumps between neighbouring satisfaction levels."""

    def check(raw: PosDict) -> None:
        tells = raw.get("word_of_mouth_delighted", 5)
        share = raw.get("joins_share", 0.12)
        if tells * share > 5:
            rep.error(raw.key_at("joins_share") if "joins_share" in raw else raw.key_at("word_of_mouth_delighted"),
                      "CC073", f"a delighted customer would bring {tells * share:g} new customers "
                      f"({tells} told x {share:g} who join); the model allows at most 5: lower one of them")

    return check


def people(rep: Reporter, cast_raw: PosList, check_positive: Callable[[PosDict], None]) -> dict[str, Person]:
    out: dict[str, Person] = {}
    for member in cast_raw:
        if not isinstance(member, PosDict) or "name" not in member or member["name"] in out:
            continue
        e = member.get("economics")
        needed = ("spend_per_visit", "visits_per_year", "years", "word_of_mouth")
        econ = economics(e, check_positive) if isinstance(e, PosDict) and all(k in e for k in needed) else None
        out[member["name"]] = Person(member["name"], member.get("role", ""), dict(member.get("appearance") or {}),
                                     bool(member.get("call", False)), econ)
    return out


def others(rep: Reporter, raw: PosList | None, eid: str, cast: dict[str, Person], meters: dict) -> tuple[Other, ...]:
    out = []
    for item in raw or ():
        if not isinstance(item, PosDict) or "who" not in item or "outcome" not in item:
            continue
        who = item["who"]
        person = cast.get(who)
        if person is None or person.economics is None:
            valued = [n for n, p in cast.items() if p.economics is not None]
            rep.error(item.at("who"), "CC071", f"ending '{eid}' names '{who}' in 'others', but no cast member of "
                      f"that name has 'economics'{suggest(who, valued)}")
            continue
        for key in ("satisfaction", "loyalty"):
            if key in item and item[key] not in meters:
                rep.error(item.at(key), "CC071", f"'{item[key]}' in ending '{eid}' (others, {key}) is no meter"
                          f"{suggest(item[key], meters)}")
        out.append(Other(who, item["outcome"], item.get("satisfaction", ""), item.get("loyalty", "")))
    return tuple(out)
