"""An outcome range as plain JSON: the best and worst paths are rebuilt by replaying their choices."""

from __future__ import annotations

import json

import pytest

from game.engine import TIMEOUT, Budget, best_and_worst, explore_states, load_file
from game.engine.outcome_json import range_from_json, range_to_json, replay

from ..conftest import SCENARIOS


def _scenario(name: str = "expired_return.yaml"):
    return load_file(SCENARIOS / name).scenario


def test_a_range_survives_json_exactly():
    scenario = _scenario()
    found = best_and_worst(scenario)
    assert found.best is not None and found.best != found.worst
    back = range_from_json(scenario, json.loads(json.dumps(range_to_json(found))))
    assert back == found


def test_a_range_cut_short_keeps_its_reason():
    scenario = _scenario()
    found = best_and_worst(scenario, budget=Budget(states=50))
    assert not found.complete and found.stopped == "states"
    assert range_from_json(scenario, range_to_json(found)) == found


def test_a_path_through_a_timer_replays_to_the_same_ending_and_meters():
    scenario = _scenario("showing_value.yaml")
    exploration = explore_states(scenario)
    timed = [s for states in exploration.endings.values() for s in states if TIMEOUT in exploration.path_to(s)]
    assert timed
    for state in timed[:50]:
        path = replay(scenario, exploration.path_to(state))
        assert (path.ending, tuple(path.meters.values())) == (state[0], state[1])


@pytest.mark.parametrize("data", [
    None, [], {"best": None, "worst": None},
    {"best": None, "worst": None, "complete": True, "stopped": "time", "states": 1},
    {"best": None, "worst": None, "complete": False, "stopped": "bored", "states": 1},
    {"best": None, "worst": None, "complete": True, "stopped": None, "states": -1},
    {"best": None, "worst": None, "complete": True, "stopped": None, "states": True},
    {"best": ["1"], "worst": None, "complete": True, "stopped": None, "states": 1},
    {"best": "1", "worst": "1", "complete": True, "stopped": None, "states": 1},
    {"best": [1], "worst": [1], "complete": True, "stopped": None, "states": 1},
    {"best": ["99"], "worst": ["1"], "complete": True, "stopped": None, "states": 1},
    {"best": [], "worst": [], "complete": True, "stopped": None, "states": 1},
])
def test_damaged_data_is_refused(data):
    with pytest.raises(ValueError):
        range_from_json(_scenario(), data)


def test_a_path_that_goes_on_past_its_ending_is_refused():
    scenario = _scenario()
    best = best_and_worst(scenario).best
    assert replay(scenario, list(best.choices)) == best
    with pytest.raises(ValueError, match="past its ending"):
        replay(scenario, [*best.choices, "1"])
