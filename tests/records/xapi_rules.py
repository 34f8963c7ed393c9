"""The xAPI 1.0.3 statement rules the game's statements must meet, written from the specification (Part Two,
section 2.4): a checker that returns every broken rule as a sentence, so a test can show them all."""

from __future__ import annotations

import re
import uuid

STATEMENT_KEYS = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
                  "version", "attachments"}
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
CONTEXT_KEYS = {"registration", "instructor", "team", "contextActivities", "revision", "platform", "language",
                "statement", "extensions"}
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}
DEFINITION_KEYS = {"name", "description", "type", "moreInfo", "extensions", "interactionType",
                   "correctResponsesPattern", "choices", "scale", "source", "target", "steps"}
INTERACTION_TYPES = {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing",
                     "likert", "numeric", "other"}
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$")
_LANG = re.compile(r"^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$")
_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _uuid(value: object) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


def _iri(value: object) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def _lang_map(value: object) -> bool:
    return isinstance(value, dict) and bool(value) and all(
        isinstance(k, str) and _LANG.match(k) and isinstance(v, str) for k, v in value.items())


def _extensions(value: object, where: str, out: list[str]) -> None:
    if not isinstance(value, dict) or not all(_iri(k) for k in value):
        out.append(f"{where}.extensions must be an object whose keys are IRIs")


def _agent(value: object, where: str, out: list[str], group_ok: bool = True) -> None:
    if not isinstance(value, dict):
        out.append(f"{where} must be an object")
        return
    kind = value.get("objectType", "Agent")
    ifis = [k for k in IFIS if k in value]
    if kind == "Group" and group_ok:
        if not ifis and not value.get("member"):
            out.append(f"{where}: an anonymous Group needs members")
        for m in value.get("member", []):
            _agent(m, f"{where}.member", out, group_ok=False)
    elif kind != "Agent":
        out.append(f"{where}.objectType must be Agent or Group")
    if kind == "Agent" and len(ifis) != 1:
        out.append(f"{where}: an Agent has exactly one identifier (mbox, mbox_sha1sum, openid, account), got {ifis}")
    if len(ifis) > 1:
        out.append(f"{where}: more than one identifier {ifis}")
    if "mbox" in value and not str(value["mbox"]).startswith("mailto:"):
        out.append(f"{where}.mbox must be a mailto: IRI")
    if "account" in value:
        acc = value["account"]
        if not (isinstance(acc, dict) and _iri(acc.get("homePage")) and isinstance(acc.get("name"), str)
                and set(acc) == {"homePage", "name"}):
            out.append(f"{where}.account needs exactly homePage (an IRL) and name")
    if "name" in value and not isinstance(value["name"], str):
        out.append(f"{where}.name must be a string")


def _activity(value: object, where: str, out: list[str]) -> None:
    if not isinstance(value, dict) or not _iri(value.get("id")):
        out.append(f"{where} must be an Activity with an IRI id")
        return
    if value.get("objectType", "Activity") != "Activity":
        out.append(f"{where}.objectType must be Activity")
    definition = value.get("definition")
    if definition is None:
        return
    if not isinstance(definition, dict) or set(definition) - DEFINITION_KEYS:
        out.append(f"{where}.definition has unknown keys {set(definition) - DEFINITION_KEYS}")
        return
    for key in ("name", "description"):
        if key in definition and not _lang_map(definition[key]):
            out.append(f"{where}.definition.{key} must be a language map")
    if "type" in definition and not _iri(definition["type"]):
        out.append(f"{where}.definition.type must be an IRI")
    if "interactionType" in definition and definition["interactionType"] not in INTERACTION_TYPES:
        out.append(f"{where}.definition.interactionType is not an xAPI interaction type")
    if "choices" in definition:
        if definition.get("interactionType") not in ("choice", "sequencing"):
            out.append(f"{where}.definition.choices belong to choice or sequencing interactions only")
        ids = [c.get("id") for c in definition["choices"] if isinstance(c, dict)]
        if len(ids) != len(set(ids)) or not all(isinstance(i, str) and i and " " not in i for i in ids):
            out.append(f"{where}.definition.choices need unique ids without spaces")
        if not all(_lang_map(c.get("description")) for c in definition["choices"]):
            out.append(f"{where}.definition.choices need language-map descriptions")
    if "extensions" in definition:
        _extensions(definition["extensions"], f"{where}.definition", out)


def problems(st: dict) -> list[str]:
    """Every xAPI 1.0.3 rule the statement breaks (empty when it is valid)."""
    out: list[str] = []
    if set(st) - STATEMENT_KEYS:
        out.append(f"unknown statement properties {set(st) - STATEMENT_KEYS}")
    for key in ("actor", "verb", "object"):
        if key not in st:
            out.append(f"a statement needs '{key}'")
    if "id" in st and not _uuid(st["id"]):
        out.append("id must be a UUID")
    _agent(st.get("actor"), "actor", out)
    verb = st.get("verb")
    if not (isinstance(verb, dict) and _iri(verb.get("id")) and _lang_map(verb.get("display", {"en": "x"}))):
        out.append("verb needs an IRI id and a language-map display")
    obj = st.get("object", {})
    if isinstance(obj, dict) and obj.get("objectType", "Activity") == "Activity":
        _activity(obj, "object", out)
    result = st.get("result")
    if result is not None:
        if not isinstance(result, dict) or set(result) - RESULT_KEYS:
            out.append("result has unknown keys")
        else:
            if "duration" in result and not (isinstance(result["duration"], str)
                                             and _DURATION.match(result["duration"])):
                out.append(f"result.duration {result.get('duration')!r} is not an ISO 8601 duration")
            for key in ("success", "completion"):
                if key in result and not isinstance(result[key], bool):
                    out.append(f"result.{key} must be true or false")
            if "response" in result and not isinstance(result["response"], str):
                out.append("result.response must be a string")
            if "score" in result:
                scaled = result["score"].get("scaled")
                if scaled is not None and not -1 <= scaled <= 1:
                    out.append("result.score.scaled must be between -1 and 1")
            if "extensions" in result:
                _extensions(result["extensions"], "result", out)
    context = st.get("context")
    if context is not None:
        if not isinstance(context, dict) or set(context) - CONTEXT_KEYS:
            out.append("context has unknown keys")
        else:
            if "registration" in context and not _uuid(context["registration"]):
                out.append("context.registration must be a UUID")
            if "language" in context and not _LANG.match(str(context["language"])):
                out.append("context.language must be an RFC 5646 tag")
            if "instructor" in context:
                _agent(context["instructor"], "context.instructor", out)
            if "team" in context and context["team"].get("objectType") != "Group":
                out.append("context.team must be a Group")
            ca = context.get("contextActivities", {})
            if set(ca) - CONTEXT_ACTIVITY_KEYS:
                out.append("contextActivities has unknown keys")
            for key, acts in ca.items():
                for act in acts if isinstance(acts, list) else [acts]:
                    _activity(act, f"context.contextActivities.{key}", out)
            ref = context.get("statement")
            if ref is not None and not (ref.get("objectType") == "StatementRef" and _uuid(ref.get("id"))):
                out.append("context.statement must be a StatementRef with a UUID")
            if "extensions" in context:
                _extensions(context["extensions"], "context", out)
            if ("platform" in context or "revision" in context) and \
                    isinstance(obj, dict) and obj.get("objectType", "Activity") != "Activity":
                out.append("context.platform and revision are for Activity objects only")
    if "timestamp" in st and not (isinstance(st["timestamp"], str) and _TIMESTAMP.match(st["timestamp"])):
        out.append("timestamp must be an ISO 8601 date-time with a time zone")
    return out
