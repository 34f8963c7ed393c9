"""The library's teaching figures (issue 11), computed from the YAML so they stay true: the best option is not
findable by its length, choices change the story, the other person answers back, one shared vocabulary of
principles, distinct people, and endings that open differently."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from game.engine import load_all
from game.engine.analysis import explore_states
from game.engine.teaching import MAX_PRINCIPLES, decisions, diverges, summary, vocabulary

from ..conftest import SCENARIOS

LIBRARY = [r.scenario for r in load_all([str(SCENARIOS)]) if r.scenario]
BY_ID = {s.id: s for s in LIBRARY}
NAMED = ("expired_return", "ringing_phone", "relationship_client")


def _longest_path(scenario) -> int:
    """Decisions on the longest path through the decision graph (loops counted once)."""
    memo: dict[str, int] = {}

    def depth(nid: str, seen: frozenset) -> int:
        if nid in scenario.endings or nid in seen:
            return 0
        if nid in memo:
            return memo[nid]
        node = scenario.nodes[nid]
        step = 1 if len(node.choices) + (node.timer is not None) > 1 else 0
        best = max((depth(n, seen | {nid}) for n in node.exits()), default=0)
        memo[nid] = step + best
        return memo[nid]

    return depth(scenario.start, frozenset())


def test_at_least_14_scenarios():
    assert len(LIBRARY) >= 14, sorted(BY_ID)


def test_the_best_option_is_the_longest_in_at_most_35_percent_of_decisions():
    total = longest = 0
    for s in LIBRARY:
        t = summary(s)
        total += t.single_best
        longest += t.best_longest
    assert total and longest / total <= 0.35, f"{longest} of {total}"


def test_the_best_option_is_not_findable_as_the_shortest_either():
    """Rewriting away the 'pick the longest' tell must not make a 'pick the shortest' one."""
    total = sum(summary(s).single_best for s in LIBRARY)
    shortest = sum(summary(s).best_shortest for s in LIBRARY)
    assert shortest / total <= 0.40, f"{shortest} of {total}"


def test_at_least_45_percent_of_decisions_lead_to_more_than_one_place():
    nodes = [n for s in LIBRARY for n in decisions(s)]
    share = sum(diverges(n) for n in nodes) / len(nodes)
    assert share >= 0.45, f"{share:.0%}"


def test_at_least_95_percent_of_options_have_a_reply():
    t = [summary(s) for s in LIBRARY]
    share = sum(x.replies for x in t) / sum(x.choices for x in t)
    assert share >= 0.95, f"{share:.1%}"


def test_at_most_16_principles_all_from_the_vocabulary():
    names = set(vocabulary())
    assert len(names) <= MAX_PRINCIPLES
    used = {p for s in LIBRARY for p in summary(s).principles}
    assert used <= names, sorted(used - names)


@pytest.mark.parametrize("sid", NAMED)
def test_the_named_scenarios_are_the_richest(sid):
    s = BY_ID[sid]
    reached = explore_states(s).endings
    assert len(reached) >= 5, sorted(reached)
    assert _longest_path(s) >= 12
    nodes = decisions(s)
    assert sum(diverges(n) for n in nodes) * 2 > len(nodes)


def test_ringing_phone_is_built_around_the_phone():
    s = BY_ID["ringing_phone"]
    assert sum(diverges(n) for n in decisions(s)) >= 4
    assert len(explore_states(s).endings) >= 5
    callers = [p for p in s.people.values() if p.call]
    assert callers and all(p.economics is not None for p in callers), "the caller is on a call and counts too"
    assert any(e.others for e in s.endings.values())


def test_the_benchmark_stays_on_the_expired_return():
    econ = BY_ID["expired_return"].customer.economics
    assert (econ.spend_per_visit, econ.visits_per_year, econ.years, econ.word_of_mouth) == (22, 52, 10, 16)
    assert any(e.outcome == "leaves" for e in BY_ID["expired_return"].endings.values())


def _people(s) -> list[str]:
    return [s.customer.name, *s.people]


def _first_name(name: str) -> str:
    words = [w for w in re.split(r"[\s,]+", name) if w and not w.endswith(".")]
    return words[0].lower() if words else name.lower()


def test_people_have_distinct_names_and_faces_across_the_library():
    names = Counter(_first_name(n) for s in LIBRARY for n in _people(s))
    assert not [n for n, c in names.items() if c > 1], names.most_common(5)
    faces = Counter(tuple(sorted(s.customer.appearance.items())) for s in LIBRARY)
    assert not [f for f, c in faces.items() if c > 1]


def test_endings_do_not_open_with_the_same_words():
    openings = Counter(" ".join(e.text.split()[:4]).lower() for s in LIBRARY for e in s.endings.values())
    assert not [o for o, c in openings.items() if c > 1], openings.most_common(3)
