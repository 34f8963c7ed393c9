"""Engine rules. Like ink's tests, each rule is also checked after a JSON save/load round trip."""

import json

import pytest

from game.engine import EngineError, Playthrough, load_file
from tests.conftest import FIXTURES, SCENARIOS


@pytest.fixture(scope="module")
def minimal():
    return load_file(FIXTURES / "valid" / "minimal.yaml").scenario


@pytest.fixture(scope="module")
def expired():
    return load_file(SCENARIOS / "expired_return.yaml").scenario


def roundtrip(play: Playthrough) -> Playthrough:
    data = json.loads(json.dumps(play.to_json()))
    return Playthrough.from_json(play.scenario, data)


@pytest.fixture(params=["fresh", "after_json_roundtrip"])
def saved(request):
    """Apply to a playthrough mid-way: identity, or save to JSON text and load back."""
    return (lambda p: p) if request.param == "fresh" else roundtrip


def test_start_state(minimal, saved) -> None:
    play = saved(Playthrough(minimal))
    assert play.location == "hello"
    assert play.meters == {"satisfaction": 50, "loyalty": 50}
    assert play.text == "Hi, Sam here. Can you help?"
    assert [c.text for c in play.choices] == ["Of course!", "Not now."]
    assert play.timer_seconds == 5
    assert not play.ended


def test_choose_applies_effects_sets_flags_and_follows_branches(minimal, saved) -> None:
    play = Playthrough(minimal)
    step = play.choose(0)
    assert step.deltas == {"satisfaction": 30, "loyalty": 30}
    assert step.feedback == "Warm and quick." and step.principle == "Responsiveness"
    play = saved(play)
    assert play.flags == frozenset({"helped"})
    assert play.ended and play.ending.id == "fan"  # branch node resolved automatically
    assert play.meters == {"satisfaction": 80, "loyalty": 80}


def test_meters_clamp_and_deltas_report_what_was_applied(expired, saved) -> None:
    play = Playthrough(expired)
    play.choose(0)  # the coldest options drive satisfaction toward 0: 40 - 6 - 14 - 12 = 8
    play.choose(2)
    play.choose(0)
    play = saved(play)
    assert play.location == "walking_out" and play.meters["satisfaction"] == 8
    step = play.choose(2)  # -10 would go below 0
    assert step.deltas["satisfaction"] == -8
    assert play.meters["satisfaction"] == 0 and play.ending.id == "lost_customer"
    assert all(0 <= v <= 100 for v in play.meters.values())
    total = sum(s.deltas.get("satisfaction", 0) for s in play.history)
    assert 40 + total == play.meters["satisfaction"]


def test_timeout_plays_the_timer_branch(minimal, saved) -> None:
    play = Playthrough(minimal)
    step = play.timeout()
    assert step.kind == "timeout" and step.deltas == {"satisfaction": -20, "loyalty": -20}
    play = saved(play)
    assert play.location == "ignored"
    with pytest.raises(EngineError):
        play.timeout()  # no timer here


def test_condition_hides_choices_and_picks_branches(minimal, saved) -> None:
    play = Playthrough(minimal)
    play.timeout()
    play = saved(play)
    play.choose(0)  # satisfaction 35 and helped not set -> regular
    assert play.ending.id == "regular"


def test_undo_to_any_step_and_replay_is_deterministic(expired, saved) -> None:
    a = Playthrough(expired)
    for i in (0, 0, 0, 0):
        a.choose(i)
    snapshot = (a.location, dict(a.meters), a.flags)
    a.choose(1)
    a = saved(a)
    a.undo()
    assert (a.location, dict(a.meters), a.flags) == snapshot
    a.undo(to_step=0)
    assert a.location == "arrive" and a.meters == expired.start_meters() and not a.history
    b = Playthrough(expired)
    for i in (0, 0, 0, 0):
        b.choose(i)
    a2 = Playthrough(expired)
    for i in (0, 0, 0, 0):
        a2.choose(i)
    assert a2.to_json() == b.to_json()


def test_impossible_actions_raise_engine_errors(minimal) -> None:
    play = Playthrough(minimal)
    with pytest.raises(EngineError):
        play.choose(5)
    play.choose(0)
    with pytest.raises(EngineError):
        play.choose(0)  # ended
    with pytest.raises(EngineError):
        play.undo(to_step=9)


def test_options_are_counterfactuals_that_change_nothing(expired, saved) -> None:
    play = saved(Playthrough(expired))
    before = play.to_json()
    outcomes = play.options()
    assert [o.number for o in outcomes] == [1, 2, 3]
    assert outcomes[0].deltas == {"satisfaction": -6, "loyalty": -2, "bus": -2}
    assert outcomes[1].deltas == {"satisfaction": 6, "loyalty": 2}
    assert outcomes[2].location == "receipt"
    assert play.to_json() == before


def test_saved_state_is_plain_json_and_rejects_tampering(expired) -> None:
    play = Playthrough(expired)
    play.choose(0)
    data = play.to_json()
    assert json.loads(json.dumps(data)) == data
    with pytest.raises(EngineError):
        Playthrough.from_json(expired, {**data, "choices": ["no_such_choice"]})
    legacy = {k: v for k, v in data.items() if k != "choices"}  # a save from before choices had ids
    assert Playthrough.from_json(expired, legacy).choice_ids == play.choice_ids
    with pytest.raises(EngineError):
        Playthrough.from_json(expired, {**legacy, "decisions": [["choice", 99]]})
    with pytest.raises(EngineError):
        Playthrough.from_json(expired, {**legacy, "decisions": "nope"})
    with pytest.raises(EngineError):
        Playthrough.from_json(expired, {**data, "scenario": "other"})


def test_lifetime_value_only_at_an_ending(minimal, saved) -> None:
    play = Playthrough(minimal)
    assert play.lifetime_value() is None
    play.choose(1)
    play = saved(play)
    value = play.lifetime_value()
    assert value.outcome == "leaves" and value.lost == 10 * 12 * 5 * 4


def test_a_play_can_start_at_a_node_with_meters_and_flags_set_and_round_trips_json() -> None:
    import json

    from game.engine import EngineError, Playthrough, load_file
    from game.engine.playthrough import start_point
    from tests.conftest import FIXTURES

    scenario = load_file(FIXTURES / "valid" / "minimal.yaml").scenario
    begin = start_point(scenario, "check_meters", {"satisfaction": 90, "loyalty": 500}, ["helped"])
    assert begin == {"node": "check_meters", "meters": {"satisfaction": 90, "loyalty": 100}, "flags": ["helped"]}
    play = Playthrough(scenario, start=begin)
    assert play.ending is not None and play.ending.id == "fan"  # the branch saw the meters and the flag
    other = Playthrough(scenario, start=start_point(scenario, "ignored", {"satisfaction": 10}))
    other.choose(0)
    data = json.loads(json.dumps(other.to_json()))
    assert data["start"] == {"node": "ignored", "meters": {"satisfaction": 10}, "flags": []}
    again = Playthrough.from_json(scenario, data)
    assert again.location == other.location and again.meters == other.meters == {"satisfaction": 15, "loyalty": 50}
    assert again.fork().to_json() == other.to_json()
    for bad in ({"node": "nowhere"}, {"node": "hello", "meters": {"mood": 3}},
                {"node": "hello", "meters": {"loyalty": "high"}}):
        try:
            Playthrough(scenario, start=bad)
        except EngineError:
            continue
        raise AssertionError(f"{bad} was accepted")
