"""Who stands on the stage at a moment: the speaker, or while the narrator speaks, the person in the scene; and
who stands with them (a second person at the desk, or the customer at the desk while a caller is on the line).

Who is present is read from the scenario's data, never from its prose: the node's beats and the replies its
options can bring name the people in the room; cast members marked `call` are on the line, not in the room; a
node of narration alone (or of a caller alone) has the scenario's customer at the desk."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...engine import Scenario
from ...engine.playthrough import Beat
from ..play.backdrop import NARRATOR, colleague_appearance

MOST_AT_THE_DESK = 2  # people standing side by side; a third present person waits for a later node


@dataclass(frozen=True)
class Cast:
    """The person shown: how they look, their name and role, whether they are on a call, and their face."""

    appearance: Mapping[str, object]
    name: str
    role: str
    on_call: bool
    customer: bool
    mood: str


def on_stage(scenario: Scenario, beats: Sequence[Beat], speaker: str, mood: str, answering: bool,
             node_id: str = "") -> Cast | None:
    """The person to show while `speaker` says a line with `mood`. A narrated line keeps the scene's person
    on stage (with the face they had; with the narrated reaction's face when `answering` a choice); a node of
    narration alone shows the scenario's customer, with the narration's face (neutral unless it says).
    `node_id` names the node, whose `call` puts the customer on the line."""
    who = speaker.strip()
    if who.lower() == NARRATOR:
        present = next((b for b in beats if not b.narration), None)
        if answering:
            who = present.speaker.strip() if present else scenario.customer.name
        elif present is not None:
            who, mood = present.speaker.strip(), present.mood
        else:
            who = scenario.customer.name
    if not who:
        return None
    return cast_of(scenario, who, mood, node_id)


def cast_of(scenario: Scenario, who: str, mood: str, node_id: str = "") -> Cast:
    """The Cast for a speaker's name (the customer, a cast member, or someone the scenario only names)."""
    customer = scenario.customer
    person = scenario.people.get(who)
    call = _on_call(scenario, who, node_id)
    if who == customer.name:
        return Cast(customer.appearance, customer.name, customer.role, call, True, mood)
    cast = scenario.appearance_for(who)
    appearance = cast if cast is not None else colleague_appearance(who)
    return Cast(appearance, who, person.role if person is not None else "", call, False, mood)


def _on_call(scenario: Scenario, who: str, node_id: str = "") -> bool:
    """A cast member marked `call`, or the customer in a node marked `call` (she rings back later)."""
    person = scenario.people.get(who)
    if person is not None and person.call:
        return True
    node = scenario.nodes.get(node_id)
    return bool(node is not None and node.call and who == scenario.customer.name)


def voices(scenario: Scenario, node_id: str, beats: Sequence[Beat]) -> list[str]:
    """Everyone who speaks in the node, in order: its beats, then the replies its options and timer can bring
    (a reply with no speaker is the node's speaker's, or the customer's when the node is narrated)."""
    out = [b.speaker.strip() for b in beats if not b.narration]
    node = scenario.nodes.get(node_id)
    if node is not None:
        replies = [c.reply for c in node.choices] + [node.timer.reply if node.timer else None]
        for r in replies:
            if r is None:
                continue
            who = (r.speaker or node.speaker).strip()
            if not r.speaker and who.lower() == NARRATOR:
                who = scenario.customer.name
            out.append(who)
    seen: list[str] = []
    for who in out:
        if who and who.lower() != NARRATOR and who not in seen:
            seen.append(who)
    return seen


def at_the_desk(scenario: Scenario, node_id: str, beats: Sequence[Beat]) -> list[str]:
    """The people standing in the scene during the node (at most two, in the order they first speak): those who
    speak and are not on a call; the customer when nobody in the room speaks (narration, or a caller alone)."""
    room = [who for who in voices(scenario, node_id, beats) if not _on_call(scenario, who, node_id)]
    narrated_only = all(b.narration for b in beats)
    if _on_call(scenario, scenario.customer.name, node_id):
        return room[:MOST_AT_THE_DESK]  # she is on the line: nobody stands in for her at the desk
    if not room or (narrated_only and scenario.customer.name not in room):
        room.insert(0, scenario.customer.name)  # the scene's person: the data never says she is away
    return room[:MOST_AT_THE_DESK]


def caller_in(scenario: Scenario, node_id: str, beats: Sequence[Beat]) -> str:
    """The name of the person on the line in this node ('' when nobody calls)."""
    return next((who for who in voices(scenario, node_id, beats) if _on_call(scenario, who, node_id)), "")


def pair_on_stage(scenario: Scenario, node_id: str, beats: Sequence[Beat]) -> bool:
    """Whether the node shows two people: two at the desk, or one at the desk with a caller on the line."""
    desk = at_the_desk(scenario, node_id, beats)
    return len(desk) > 1 or (bool(desk) and bool(caller_in(scenario, node_id, beats)))


def _last_mood(beats: Sequence[Beat], who: str, upto: int) -> str:
    said = [b for b in beats[:upto + 1] if b.speaker.strip() == who] or [b for b in beats
                                                                         if b.speaker.strip() == who]
    return said[-1].mood if said else "neutral"


def with_them(scenario: Scenario, node_id: str, beats: Sequence[Beat], shown: Cast | None,
              beat: int = 0) -> Cast | None:
    """The second person on the stage beside `shown` (on_stage's result), or None: while a caller is shown,
    the person at the desk; while someone at the desk is shown, the other person standing there, or the
    node's caller on the line. Their face is the one they last showed in the node (up to `beat`)."""
    desk = at_the_desk(scenario, node_id, beats)
    caller = caller_in(scenario, node_id, beats)
    if shown is None:
        return None
    if shown.on_call:
        who = desk[0] if desk else ""
    else:
        others = [w for w in desk if w != shown.name]
        who = caller or (others[0] if others else "")
    if not who or who == shown.name:
        return None
    return cast_of(scenario, who, _last_mood(beats, who, beat), node_id)
