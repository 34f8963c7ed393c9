"""Who stands on the stage at a moment: the speaker, or while the narrator speaks, the person in the scene."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...engine import Scenario
from ...engine.playthrough import Beat
from ..play.backdrop import NARRATOR, colleague_appearance


@dataclass(frozen=True)
class Cast:
    """The person shown: how they look, their name and role, whether they are on a call, and their face."""

    appearance: Mapping[str, object]
    name: str
    role: str
    on_call: bool
    customer: bool
    mood: str


def on_stage(scenario: Scenario, beats: Sequence[Beat], speaker: str, mood: str, answering: bool) -> Cast | None:
    """The person to show while `speaker` says a line with `mood`. A narrated line keeps the scene's person
    on stage (with the face they had; with the narrated reaction's face when `answering` a choice)."""
    who = speaker.strip()
    if who.lower() == NARRATOR:
        present = next((b for b in beats if not b.narration), None)
        if answering:
            who = present.speaker.strip() if present else scenario.customer.name
        elif present is not None:
            who, mood = present.speaker.strip(), present.mood
        else:
            return None
    if not who:
        return None
    customer = scenario.customer
    person = scenario.people.get(who)
    call = bool(person is not None and person.call)
    if who == customer.name:
        return Cast(customer.appearance, customer.name, customer.role, call, True, mood)
    cast = scenario.appearance_for(who)
    appearance = cast if cast is not None else colleague_appearance(who)
    return Cast(appearance, who, person.role if person is not None else "", call, False, mood)
