"""Building xAPI 1.0.3 statements for one attempt at a scenario (plain dicts, ready for JSON).

One StatementBuilder per attempt: it holds the actor, the registration (a UUID for the attempt) and the
base IRI, and makes each statement with a fresh client-generated UUID, so an LRS can drop a retried one.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from ..engine import Playthrough, Scenario, Step
from ..userdata.learners import Learner
from .vocabulary import (
    INTERACTION,
    LANGUAGE,
    PLATFORM,
    SIMULATION,
    VERBS,
    class_home,
    ext,
    learner_home,
    node_iri,
    scenario_iri,
)


def timestamp(moment: datetime | None = None) -> str:
    """ISO 8601 in UTC with milliseconds, as xAPI asks: 2026-12-01T09:30:00.250Z."""
    moment = (moment or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def iso_duration(seconds: float) -> str:
    """An ISO 8601 duration to the hundredth of a second: PT1H2M3.45S, PT0S."""
    hundredths = max(0, round(seconds * 100))
    hours, rest = divmod(hundredths, 360_000)
    minutes, rest = divmod(rest, 6_000)
    secs = rest / 100
    out = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if secs or out == "PT":
        out += f"{secs:.2f}".rstrip("0").rstrip(".") + "S"
    return out


def agent(learner: Learner, base_iri: str, account_home: str | None = None) -> dict:
    """The learner as an xAPI Agent with exactly one identifier: mbox, an organisation account, or ours."""
    out: dict = {"objectType": "Agent", "name": learner.shown}
    if learner.email:
        out["mbox"] = f"mailto:{learner.email}"
    elif learner.account:
        out["account"] = {"homePage": account_home or base_iri, "name": learner.account}
    else:
        out["account"] = {"homePage": learner_home(base_iri), "name": learner.id}
    return out


def class_group(facilitator: Learner, class_id: str, base_iri: str) -> dict:
    """A class led by a facilitator, as an identified xAPI Group."""
    return {"objectType": "Group", "name": f"Class led by {facilitator.shown}",
            "account": {"homePage": class_home(base_iri), "name": class_id}}


def _lang(text: str) -> dict:
    return {LANGUAGE: text}


@dataclass
class StatementBuilder:
    scenario: Scenario
    actor: dict
    registration: str
    base_iri: str
    instructor: dict | None = None  # the facilitator, when the actor is a class

    def scenario_activity(self) -> dict:
        s = self.scenario
        return {"objectType": "Activity", "id": scenario_iri(self.base_iri, s.id),
                "definition": {"type": SIMULATION, "name": _lang(s.title), "description": _lang(s.summary)}}

    def node_activity(self, play_before: Playthrough) -> dict:
        """The decision at the play's current node, as a choice interaction listing the options shown."""
        node = play_before.node
        assert node is not None
        choices = [{"id": v.id, "description": _lang(v.text)} for v in play_before.choices]
        if node.timer is not None:
            choices.append({"id": "timeout", "description": _lang(play_before.say(node.timer.text))})
        return {"objectType": "Activity", "id": node_iri(self.base_iri, self.scenario.id, node.id),
                "definition": {"type": INTERACTION, "name": _lang(f"{self.scenario.title}: {node.id}"),
                               "description": _lang(play_before.text[:500]),
                               "interactionType": "choice", "choices": choices}}

    def _context(self, parent: bool, extra: Mapping[str, object] | None = None) -> dict:
        out: dict = {"registration": self.registration, "platform": PLATFORM, "language": LANGUAGE,
                     "extensions": {ext("scenario-version"): self.scenario.version, **(extra or {})}}
        if parent:
            out["contextActivities"] = {"parent": [{"objectType": "Activity",
                                                    "id": scenario_iri(self.base_iri, self.scenario.id)}]}
        if self.instructor is not None:
            out["instructor"] = self.instructor
        return out

    def statement(self, verb: str, obj: dict, result: dict | None = None, *, parent: bool = False,
                  when: datetime | None = None, context: Mapping[str, object] | None = None,
                  refers_to: str | None = None) -> dict:
        verb_id, display = VERBS[verb]
        st: dict = {"id": str(uuid.uuid4()), "actor": self.actor,
                    "verb": {"id": verb_id, "display": {"en-US": display}}, "object": obj,
                    "context": self._context(parent, context), "timestamp": timestamp(when)}
        if refers_to:
            st["context"]["statement"] = {"objectType": "StatementRef", "id": refers_to}
        if result is not None:
            st["result"] = result
        return st

    # ---- the statements of a play ------------------------------------------------------------
    def started(self, when: datetime | None = None) -> list[dict]:
        """initialized, then attempted: the attempt begins."""
        obj = self.scenario_activity()
        return [self.statement("initialized", obj, when=when), self.statement("attempted", obj, when=when)]

    def decided(self, activity: dict, step: Step, when: datetime | None = None,
                votes: Mapping[str, int] | None = None) -> dict:
        """answered (a choice) or timed_out (the timer), with meters and their changes as result extensions."""
        extensions: dict = {ext("meters"): dict(step.meters_after), ext("meter-changes"): dict(step.deltas),
                            ext("principle"): step.principle, ext("next"): step.location}
        if step.number is not None:
            extensions[ext("position")] = step.number
        if votes is not None:
            extensions[ext("votes")] = dict(votes)
        result = {"response": step.choice_id, "extensions": extensions}
        verb = "timed_out" if step.kind == "timeout" else "answered"
        return self.statement(verb, activity, result, parent=True, when=when)

    def rolled_back(self, activity: dict, step: Step, meters: Mapping[str, int], answered_id: str | None,
                    when: datetime | None = None) -> dict:
        """The learner took a decision back (the statement it undoes is referenced when known)."""
        result = {"response": step.choice_id, "extensions": {ext("meters"): dict(meters)}}
        return self.statement("rolled_back", activity, result, parent=True, when=when, refers_to=answered_id)

    def resumed(self, replayed: int, stopped: str | None, when: datetime | None = None) -> dict:
        extensions: dict = {ext("decisions-replayed"): replayed}
        if stopped:
            extensions[ext("replay-stopped")] = stopped
        return self.statement("resumed", self.scenario_activity(), {"extensions": extensions}, when=when)

    def completed(self, play: Playthrough, seconds: float, when: datetime | None = None) -> dict:
        ending = play.ending
        assert ending is not None
        value = play.lifetime_value()
        extensions = {ext("ending"): ending.id, ext("outcome"): ending.outcome, ext("meters"): dict(play.meters),
                      ext("lifetime-value"): value.net if value else 0.0,
                      ext("lifetime-value-unit"): value.unit if value else ""}
        result = {"completion": True, "duration": iso_duration(seconds), "extensions": extensions}
        return self.statement("completed", self.scenario_activity(), result, when=when)


def new_registration() -> str:
    return str(uuid.uuid4())
