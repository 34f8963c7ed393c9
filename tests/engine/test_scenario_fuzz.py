"""Generated scenario documents: each is a Scenario or located errors, and each Scenario plays to an ending.

The default run is a fixed small sample (60 documents); `-m slow` adds 400 larger ones.
"""

from __future__ import annotations

import random
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import CODES, load_bytes
from game.engine.analysis import best_and_worst, outcome_range
from game.engine.budget import Budget
from tests.engine.scenario_strategies import documents, walk

LOCATED = re.compile(r"^fuzz\.yaml:\d+:\d+: (error|warning): .+ \[CC\d{3}\]$", re.S)
SMALL = Budget(states=3000, seconds=1.0, memory_mb=50)
LOAD_SECONDS = 3  # of CPU time (time.process_time): other work on a shared machine does not count
PLAY_SECONDS = 6


def exercise(data: bytes, seed: int) -> None:
    started = time.process_time()
    result = load_bytes(data, "fuzz.yaml")
    assert time.process_time() - started < LOAD_SECONDS
    for d in result.diagnostics:
        assert d.line >= 1 and d.col >= 1 and d.code in CODES, d
        assert LOCATED.match(d.format()), d.format()
    assert (result.scenario is None) == bool(result.errors)
    if result.scenario is None:
        return
    scenario = result.scenario
    started = time.process_time()
    done = walk(scenario, random.Random(seed), budget=SMALL)
    assert done.ended or done.stopped_exploring
    play = done.play
    for fork in done.states:  # the debrief's "what the other options would have done", at every decision
        for option in fork.options():
            assert option.location in scenario.nodes or option.location in scenario.endings
        assert fork.text is not None and fork.speaker is not None
    if play.ended:
        value = play.lifetime_value()
        assert value is not None and value.net == value.net  # a number, never NaN
        assert {m: play.percent(m) for m in ("satisfaction", "loyalty")}
    here = best_and_worst(scenario, done.states[-1].state if done.states else None, SMALL)
    whole = outcome_range(scenario, SMALL)
    for found in (here, whole):
        assert found.complete or found.stopped in ("states", "time", "memory")
        if found.best is not None:
            assert found.best.value.net >= found.worst.value.net
    assert time.process_time() - started < PLAY_SECONDS


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(documents(), st.integers(0, 2**32 - 1))
def test_documents_load_or_give_located_errors_and_scenarios_play(data: bytes, seed: int) -> None:
    exercise(data, seed)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents(max_nodes=30), st.integers(0, 2**32 - 1))
def test_many_larger_documents(data: bytes, seed: int) -> None:
    exercise(data, seed)


def test_the_sample_holds_scenarios_that_play_and_files_that_do_not() -> None:
    """The generator is worth running: its documents include both playable scenarios and broken files."""
    seen = {"ok": 0, "broken": 0}

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(documents())
    def count(data: bytes) -> None:
        seen["ok" if load_bytes(data, "fuzz.yaml").scenario is not None else "broken"] += 1

    count()
    assert seen["ok"] >= 10 and seen["broken"] >= 10, seen
