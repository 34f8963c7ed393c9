"""Hypothesis strategies for scenario documents from strangers, and a random walk through a loaded scenario.

    documents(max_nodes=8)  -> YAML bytes: a bundled or generated scenario, often mutated in structure and text
    walk(scenario, rnd)     -> a Walk: a Playthrough driven at random to an ending (undo, what-ifs, saves on
                               the way), with every state it passed through, for screens to render

Importable by other tests (the UI fuzz renders every screen of each walk).
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from hypothesis import strategies as st

from game.engine import Playthrough, Scenario
from game.engine.analysis import _Moves, _options, explore_states
from game.engine.budget import Budget

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = [yaml.safe_load(p.read_text(encoding="utf-8"))
           for p in sorted([*(ROOT / "scenarios").glob("*.yaml"), *(ROOT / "tests/fixtures/valid").glob("*.yaml")])]
WORDS = ["Hello", "Thanks", "Sorry, {customer}", "{role}", "Of course.", "Ça va?", "שלום", "مرحبا", "你好，请稍等",
         "👋🏽 hi", "e\u0301", "{satisfaction}", "{{braces}}", "Ω≈ç√∫", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇"]
HOSTILE_WORDS = ["Tab\there", "Two\nlines", "x" * 5000, "\u200b", "", " ", "\x1b[2J", "\x00", "{nope}", "{", "}"]
OPS = ["<", "<=", ">", ">=", "==", "!="]

# Any character at all: every Unicode category, surrogates and controls included.
any_char = st.characters(exclude_categories=())
wild_text = st.text(any_char, max_size=24)
# Text a kind author might write, in any script: everything but controls, surrogates and line separators.
kind_text = st.one_of(st.sampled_from(WORDS), st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                                                      min_size=1, max_size=30))
hostile_text = st.one_of(kind_text, kind_text, wild_text, st.sampled_from(HOSTILE_WORDS))


@st.composite
def conditions(draw, meters: list[str], flags: list[str]) -> str:
    atoms = []
    for _ in range(draw(st.integers(1, 3))):
        if flags and draw(st.booleans()):
            atoms.append(("not " if draw(st.booleans()) else "") + draw(st.sampled_from(flags)))
        else:
            atoms.append(f"{draw(st.sampled_from(meters))} {draw(st.sampled_from(OPS))} {draw(st.integers(-20, 120))}")
    glue = [draw(st.sampled_from([" and ", " or "])) for _ in atoms[1:]]
    return atoms[0] + "".join(g + a for g, a in zip(glue, atoms[1:], strict=True))


@st.composite
def effects(draw, meters: list[str], flags: list[str]) -> dict:
    moved = draw(st.lists(st.sampled_from(meters), max_size=2, unique=True))
    out: dict = {m: draw(st.integers(-40, 40)) for m in moved}
    if draw(st.booleans()):
        out["set"] = draw(st.lists(st.sampled_from(flags), min_size=1, max_size=2, unique=True))
    if draw(st.integers(0, 4)) == 0:
        out["clear"] = [draw(st.sampled_from(flags))]
    return out


@st.composite
def generated(draw, max_nodes: int = 8) -> dict:
    """A scenario built from scratch: random graph, meters, flags, conditions, timers and branches.

    One document in three takes its text from any character at all (so mostly fails to load); the others
    from every script and symbol an author might use.
    """
    text = hostile_text if draw(st.integers(0, 2)) == 0 else kind_text
    extra = {f"m{i}": {"label": draw(kind_text), "min": -draw(st.integers(0, 50)), "max": draw(st.integers(1, 200)),
                       "start": 0} for i in range(draw(st.integers(0, 2)))}
    meters = ["satisfaction", "loyalty", *extra]
    flags = [f"f{i}" for i in range(draw(st.integers(1, 3)))]
    nodes = [f"n{i}" for i in range(draw(st.integers(1, max_nodes)))]
    endings = [f"e{i}" for i in range(draw(st.integers(1, 3)))]
    targets = nodes + endings
    out_nodes = {}
    for nid in nodes:
        if draw(st.integers(0, 4)) == 0:
            branches = [{"if": draw(conditions(meters, flags)), "next": draw(st.sampled_from(targets))}
                        for _ in range(draw(st.integers(0, 2)))]
            branches.append({"next": draw(st.sampled_from(endings + nodes))})
            out_nodes[nid] = {"branch": branches}
            continue
        node: dict = {"text": draw(text), "choices": []}
        for _ in range(draw(st.integers(1, 4))):
            choice = {"text": draw(text), "next": draw(st.sampled_from(targets)), "feedback": draw(text),
                      "effects": draw(effects(meters, flags))}
            if draw(st.integers(0, 3)) == 0:
                choice["if"] = draw(conditions(meters, flags))
            node["choices"].append(choice)
        if draw(st.integers(0, 3)) == 0:
            node["timer"] = {"seconds": draw(st.integers(1, 600)), "next": draw(st.sampled_from(targets)),
                             "effects": draw(effects(meters, flags)), "feedback": draw(text)}
        out_nodes[nid] = node
    return {
        "format": 1, "id": "fuzz", "title": draw(text), "summary": draw(text), "setting": "office",
        "audience": draw(st.sampled_from(["external", "internal"])), "skills": [draw(kind_text)],
        "minutes": draw(st.integers(1, 180)), "order": draw(st.integers(0, 10000)),
        "customer": {"name": draw(kind_text), "role": draw(kind_text), "economics": {
            "spend_per_visit": draw(st.integers(0, 1_000_000)), "visits_per_year": draw(st.integers(0, 100_000)),
            "years": draw(st.integers(0, 100)), "word_of_mouth": draw(st.integers(0, 1000))}},
        "meters": extra, "start": nodes[0], "nodes": out_nodes,
        "endings": {eid: {"title": draw(text), "outcome": draw(st.sampled_from(["leaves", "stays", "advocate"])),
                          "text": draw(text), "summary": draw(text)} for eid in endings},
    }


def _leaves(doc, path=()) -> list[tuple]:
    """Every place in the document: paths of keys and indexes."""
    out = [path]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _leaves(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _leaves(v, (*path, i))
    return out


def _parent(doc, path: tuple):
    for step in path[:-1]:
        doc = doc[step]
    return doc


@st.composite
def mutated(draw, doc: dict) -> dict:
    """The document with a few edits in structure and text: drop, retype, relink, rewrite, duplicate."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(0, 3))):
        places = [p for p in _leaves(doc) if p]
        if not places:
            break
        path = draw(st.sampled_from(places))
        parent, key = _parent(doc, path), path[-1]
        kind = draw(st.sampled_from(["drop", "retype", "relink", "text", "text", "copy"]))
        if kind == "drop":
            del parent[key]
        elif kind == "retype":
            parent[key] = draw(st.one_of(st.none(), st.integers(-10**6, 10**6), st.booleans(), wild_text,
                                         st.lists(st.integers(), max_size=2), st.just({"x": 1})))
        elif kind == "relink":
            parent[key] = draw(st.sampled_from([*(doc.get("nodes") or {"n0": 0}), "nowhere", "x\n"]))
        elif kind == "text":
            parent[key] = draw(hostile_text)
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["n_copy", "e_copy", "start", "extra"]))] = copy.deepcopy(parent[key])
    return doc


@st.composite
def documents(draw, max_nodes: int = 8) -> bytes:
    """YAML bytes of a scenario document: bundled or generated, mutated or not."""
    doc = draw(st.one_of(st.sampled_from(BUNDLED), generated(max_nodes)))
    if draw(st.booleans()):
        doc = draw(mutated(doc))
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")


@dataclass
class Walk:
    play: Playthrough
    states: list[Playthrough] = field(default_factory=list)  # a fork at every decision, for screens
    ended: bool = False
    stopped_exploring: bool = False  # no ending found within the budget (never when the search completed)


def _follow(play: Playthrough, label: str) -> None:
    if label == "timeout":
        play.timeout()
    else:
        play.choose(int(label) - 1)


def _agrees_with_rules(scenario: Scenario, play: Playthrough) -> None:
    """The analysis's compiled moves, the rules of play and the play's own what-ifs agree on every option."""
    compiled = _Moves(scenario)(play.state)
    assert compiled == _options(scenario, play.state)
    assert [s[0] for _, s in compiled] == [o.location for o in play.options()]


def walk(scenario: Scenario, rnd: random.Random, steps: int = 30, budget: Budget | None = None) -> Walk:
    """Play at random (choices, timeouts, undos, a save and reload), then head for the nearest ending."""
    budget = budget or Budget(states=3000, seconds=1.0, memory_mb=50)
    play = Playthrough(scenario)
    out = Walk(play)
    for _ in range(steps):
        if play.ended:
            break
        out.states.append(play.fork())
        _agrees_with_rules(scenario, play)
        roll = rnd.random()
        if roll < 0.1 and play.can_undo:
            play.undo()
            continue
        if roll < 0.15:
            play = out.play = Playthrough.from_json(scenario, play.to_json())
            continue
        options = [str(v.number) for v in play.choices] + (["timeout"] if play.timer_seconds else [])
        assert options, f"check accepted a node that shows no choice: {play.location}"
        _follow(play, rnd.choice(options))
    if not play.ended:
        ex = explore_states(scenario, budget=budget, start=play.state)
        finals = [s for states in ex.endings.values() for s in states]
        if not finals:
            assert not ex.complete, f"check accepted a scenario that cannot end from {play.state}"
            out.stopped_exploring = True
            return out
        for label in ex.path_to(min(finals, key=lambda s: ex.depth[s])):
            out.states.append(play.fork())
            _follow(play, label)
    out.ended = play.ended
    return out
