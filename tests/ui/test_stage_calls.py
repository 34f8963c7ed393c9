"""A customer who rings back is drawn on the line, never standing at the desk: a node marked `call` puts the
scenario's customer in a call card (issue 12, defect 6: Ms. Ling stood in the back office while she was on
the phone)."""

from __future__ import annotations

import pytest

from game.commands.common import require_scenario
from game.engine import Playthrough

from .test_play_support import read_to_choices, start, take
from .test_stage import clean


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def route_to(scenario, node_id: str, limit: int = 14) -> list[str]:
    """The shortest list of choice numbers (file order) that reaches `node_id`, found with the engine."""
    frontier: list[list[str]] = [[]]
    for _ in range(limit):
        nxt = []
        for picks in frontier:
            play = Playthrough(scenario)
            for p in picks:
                play.choose(int(p) - 1)
            if play.location == node_id:
                return picks
            if not play.ended:
                nxt += [picks + [str(i + 1)] for i in range(len(play.choices))]
        frontier = nxt[:400]
    raise AssertionError(f"no route to {node_id}")


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_customer_ringing_back_is_in_a_call_card(size):
    scenario = require_scenario("expired_return")
    assert scenario.nodes["callback"].call and not scenario.nodes["arrive"].call
    pilot, _ = start(scenario, size=size)
    scene = pilot.app.top
    take(pilot, scene, *route_to(scenario, "callback"))
    read_to_choices(pilot, scene)
    assert scene.view.node_id == "callback"
    log = clean(pilot, "her call back")
    assert "caller" in log.parts, "Ms. Ling is on the phone: she should be in a call card"
    assert "person" not in log.parts and "side" not in log.parts, "nobody stands at the desk for her"
    assert log.parts["caller"].height >= size[1] * 0.3


def test_at_the_counter_she_stands_at_the_desk():
    pilot, _ = start(require_scenario("expired_return"))
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    log = clean(pilot, "at the counter")
    assert "person" in log.parts and "caller" not in log.parts
