"""Bounded exploration: every limit stops it and says so, what was found is kept, and it runs off-thread."""

from __future__ import annotations

import dataclasses
import difflib
import gc
import threading
import time
from types import MappingProxyType

import pytest

from game.engine import Budget, EngineError, Playthrough, all_paths, best_and_worst, load_file
from game.engine.analysis import explore_states, outcome_range
from game.engine.analysis_cache import AnalysisCache
from game.engine.model import Branch, Node
from game.engine.playthrough import value_for
from game.engine.suggest import Suggester
from tests.conftest import FIXTURES, SCENARIOS

COUNTER = FIXTURES / "hostile" / "counter_loop.yaml"


@pytest.fixture(scope="module")
def counter():
    return load_file(COUNTER).scenario


@pytest.mark.parametrize(("budget", "reason", "words"), [
    (Budget(states=500), "states", "the limit of 500 states"),
    (Budget(seconds=0.0), "time", "the time limit of 0 s"),
    (Budget(memory_mb=0.05), "memory", "the memory limit of 0.05 MB"),
])
def test_each_limit_stops_the_exploration_and_names_itself(counter, budget, reason, words) -> None:
    ex = explore_states(counter, budget=budget)
    assert not ex.complete and ex.stopped == reason and ex.stop_reason.startswith(words)
    assert 0 < ex.states <= max(budget.states, 1) and "done" in ex.endings  # found so far is kept


def test_a_cancel_event_stops_it_from_another_thread(counter) -> None:
    cancel = threading.Event()
    found = {}

    def work() -> None:
        found["range"] = best_and_worst(counter, None, Budget(states=10**9, seconds=60, memory_mb=10**4,
                                                               cancel=cancel))

    worker = threading.Thread(target=work)
    worker.start()
    time.sleep(0.05)
    cancel.set()
    worker.join(5)
    assert not worker.is_alive()
    result = found["range"]
    assert not result.complete and result.stopped == "cancelled" and result.best is not None


def test_best_and_worst_from_the_start_match_every_path() -> None:
    scenario = load_file(SCENARIOS / "expired_return.yaml").scenario
    report = all_paths(scenario, budget=Budget(paths=200_000, seconds=60, memory_mb=1024))  # 72,172 paths
    found = best_and_worst(scenario)
    assert found.complete and report.complete
    nets = [p.value.net for p in report.paths]
    assert (max(nets), min(nets)) == (report.best.value.net, report.worst.value.net)
    assert (found.best.ending, found.best.value.net) == (report.best.ending, report.best.value.net)
    assert (found.worst.ending, found.worst.value.net) == (report.worst.ending, report.worst.value.net)
    assert outcome_range(scenario).best == found.best


def test_best_and_worst_from_a_later_state_only_look_ahead() -> None:
    scenario = load_file(SCENARIOS / "expired_return.yaml").scenario
    play = Playthrough(scenario)
    start = best_and_worst(scenario)
    play.choose(len(play.choices) - 1)
    later = best_and_worst(scenario, play.state)
    assert later.complete and later.best.value.net <= start.best.value.net
    assert later.worst.value.net >= start.worst.value.net
    assert later.states < start.states


def test_the_counter_loop_lists_what_it_found_before_the_limit(counter) -> None:
    report = all_paths(counter, budget=Budget(states=20_000))
    assert not report.complete and report.stopped in ("states", "paths")
    assert report.paths and report.best is not None and report.worst is not None
    assert report.best.value.net >= report.worst.value.net


def test_collection_is_paused_only_while_exploring(counter) -> None:
    assert gc.isenabled()
    explore_states(counter, budget=Budget(states=2000))
    assert gc.isenabled()
    broken = dataclasses.replace(counter, start="nowhere")
    explore_states(broken)
    assert gc.isenabled()


def test_a_long_branch_chain_is_followed_and_a_branch_loop_built_in_memory_is_an_engine_error() -> None:
    chain = load_file(FIXTURES / "hostile" / "branch_chain_250.yaml")
    assert chain.ok, [d.format() for d in chain.diagnostics]
    play = Playthrough(chain.scenario)
    play.choose(0)
    assert play.ended
    nodes = dict(chain.scenario.nodes)
    nodes["b000"] = Node("b000", "", "", branches=(Branch("b001"),))
    nodes["b001"] = Node("b001", "", "", branches=(Branch("b000"),))
    looped = dataclasses.replace(chain.scenario, nodes=MappingProxyType(nodes))
    with pytest.raises(EngineError, match="loop"):
        Playthrough(looped).choose(0)


def test_suggestions_over_thousands_of_names_are_fast_and_still_right() -> None:
    names = [f"node_{i:04d}" for i in range(5000)] + [f"a_long_identifier_for_testing_{i:04d}" for i in range(5000)]
    suggester = Suggester(names)
    typos = [n.replace("o", "x", 1) for n in names[::10]] + [n[:-1] + n[-1] * 2 for n in names[5::10]]
    started = time.process_time()
    found = [suggester.closest(t) for t in typos]
    assert time.process_time() - started < 1.0
    for typo, got in zip(typos[:50], found[:50], strict=True):
        want = difflib.get_close_matches(typo, names, n=1, cutoff=0.6)
        assert got is not None and difflib.SequenceMatcher(None, typo, got).ratio() >= \
            difflib.SequenceMatcher(None, typo, want[0]).ratio()
    assert Suggester(["satisfaction", "loyalty"]).phrase("satisfation") == "; did you mean 'satisfaction'?"


def test_a_file_with_errors_is_answered_from_the_cache_without_parsing(tmp_path, monkeypatch) -> None:
    from game.engine import loader

    path = tmp_path / "broken.yaml"
    path.write_text((FIXTURES / "hostile" / "branch_self_loop.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    cache_file = tmp_path / "analysis.json"
    cache = AnalysisCache(cache_file)
    first = load_file(path, cache)
    assert first.errors and cache.save() is None
    monkeypatch.setattr(loader, "_load", lambda *a: pytest.fail("parsed again"))
    again = load_file(path, AnalysisCache(cache_file))
    assert again.diagnostics == first.diagnostics and again.scenario is None
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception):
        load_file(path, AnalysisCache(cache_file))


def test_best_and_worst_with_the_callers_value_are_the_true_extremes() -> None:
    """ringing_phone's endings count the caller too (`others`): best and worst are the max and min of every
    ending state's full value, whatever the memory layout (values were once cached by id() of freed objects)."""
    scenario = load_file(SCENARIOS / "ringing_phone.yaml").scenario
    exploration = explore_states(scenario)
    assert exploration.complete
    nets = [value_for(scenario, scenario.endings[s[0]], dict(zip(scenario.meter_ids, s[1], strict=True))).net
            for states in exploration.endings.values() for s in states]
    found = best_and_worst(scenario)
    assert (found.best.value.net, found.worst.value.net) == (max(nets), min(nets))
    assert found.best.value.others and found.worst.value.others  # the caller's value is in both
