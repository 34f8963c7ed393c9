"""The xAPI words the game uses: verbs, activity types, extension keys and the IRIs of activities.

Verbs and activity types are ADL's where ADL has one. The game's own vocabulary (two verbs and the
extensions) lives under VOCAB, which never changes, so reports keep working across installations; the IRIs
of scenarios and nodes live under a base IRI each organisation may set (CUSTOMER_CHAIN_XAPI_BASE).
"""

from __future__ import annotations

from urllib.parse import quote

ADL = "http://adlnet.gov/expapi/verbs/"
VOCAB = "https://customer-chain.example/xapi"
DEFAULT_BASE_IRI = "https://customer-chain.example/xapi/activities"
LANGUAGE = "en"
PLATFORM = "Customer Chain"
XAPI_VERSION = "1.0.3"

VERBS = {
    "initialized": (ADL + "initialized", "initialized"),
    "attempted": (ADL + "attempted", "attempted"),
    "answered": (ADL + "answered", "answered"),
    "timed_out": (VOCAB + "/verbs/timed-out", "ran out of time"),
    "rolled_back": (VOCAB + "/verbs/rolled-back", "took back"),
    "resumed": (ADL + "resumed", "resumed"),
    "completed": (ADL + "completed", "completed"),
}

SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


def ext(name: str) -> str:
    """The IRI of one of the game's extensions, e.g. ext('meters')."""
    return f"{VOCAB}/extensions/{name}"


def scenario_iri(base: str, scenario_id: str) -> str:
    return f"{base.rstrip('/')}/scenarios/{quote(scenario_id, safe='')}"


def node_iri(base: str, scenario_id: str, node_id: str) -> str:
    return f"{scenario_iri(base, scenario_id)}/nodes/{quote(node_id, safe='')}"


def learner_home(base: str) -> str:
    """The account home page of learners known only by name (their id on this installation)."""
    return f"{base.rstrip('/')}/learners"


def class_home(base: str) -> str:
    """The account home page of the classes a facilitator leads."""
    return f"{base.rstrip('/')}/classes"
