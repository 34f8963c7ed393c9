"""An OutcomeRange as plain JSON data and back: the best and worst paths travel as their choices only.

The receiver rebuilds each PathResult by replaying the choices through the rules of play, so a reply that
is damaged or made for another scenario is refused with a ValueError, never trusted.
"""

from __future__ import annotations

from .analysis import OutcomeRange, PathResult, State, _Moves, _result, _Values, start_state
from .model import Scenario
from .rules import EngineError

_STOPS = (None, "states", "time", "memory", "cancelled", "paths")
MAX_STEPS = 1_000_000  # no path of a bounded exploration is longer than the states it explored


def range_to_json(outcome: OutcomeRange) -> dict:
    """The choices of the best and worst paths, and how the exploration went."""
    return {
        "best": None if outcome.best is None else list(outcome.best.choices),
        "worst": None if outcome.worst is None else list(outcome.worst.choices),
        "complete": outcome.complete,
        "stopped": outcome.stopped,
        "states": outcome.states,
    }


def range_from_json(scenario: Scenario, data: object) -> OutcomeRange:
    """The OutcomeRange that `data` (from range_to_json) describes for this scenario; ValueError if damaged."""
    if not isinstance(data, dict):
        raise ValueError("the answer is not a mapping")
    complete, stopped, states = data.get("complete"), data.get("stopped"), data.get("states")
    if not isinstance(complete, bool) or stopped not in _STOPS or complete != (stopped is None):
        raise ValueError("the answer does not say how the exploration ended")
    if not isinstance(states, int) or isinstance(states, bool) or states < 0:
        raise ValueError("the answer has no count of states")
    best, worst = data.get("best"), data.get("worst")
    if (best is None) != (worst is None):
        raise ValueError("the answer has a best path without a worst one")
    if best is None:
        return OutcomeRange(None, None, complete, stopped, states)
    values = _Values(scenario)
    return OutcomeRange(replay(scenario, best, values), replay(scenario, worst, values), complete, stopped, states)


def replay(scenario: Scenario, choices: object, values: _Values | None = None) -> PathResult:
    """The path those choice labels ('1', '2', ... or the timer's) take from the start to an ending."""
    if not isinstance(choices, list) or len(choices) > MAX_STEPS or not all(isinstance(c, str) for c in choices):
        raise ValueError("a path is not a list of choices")
    moves = _Moves(scenario)
    try:
        state: State = start_state(scenario)
        for step, label in enumerate(choices, start=1):
            if state[0] in scenario.endings:
                raise ValueError(f"the path goes on past its ending at step {step}")
            following = dict(moves(state)).get(label)
            if following is None:
                raise ValueError(f"there is no option {label[:20]!r} at step {step}")
            state = following
    except (EngineError, KeyError) as exc:
        raise ValueError(f"the path cannot be played: {exc}") from None
    if state[0] not in scenario.endings:
        raise ValueError("the path stops before an ending")
    return _result(scenario, state, tuple(choices), values or _Values(scenario))
