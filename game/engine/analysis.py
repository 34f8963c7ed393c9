"""Exploring a scenario without playing it: reachability, every path, best and worst outcomes."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from .lifetime import LifetimeValue
from .model import Scenario
from .playthrough import TIMEOUT, value_for
from .rules import EngineError, resolve, take, visible_choices

STATE_LIMIT = 200_000
PATH_LIMIT = 5_000

State = tuple[str, tuple[int, ...], frozenset[str]]


def reachable_ids(scenario: Scenario) -> set[str]:
    """Ids reachable from start following every link, ignoring conditions."""
    seen = {scenario.start}
    todo = [scenario.start]
    while todo:
        node = scenario.nodes.get(todo.pop())
        if node is None:
            continue
        for target in node.exits():
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _options(scenario: Scenario, state: State) -> list[tuple[str, State]]:
    """(label, next state) for each option available in a decision state."""
    location, meter_values, flags = state
    node = scenario.nodes[location]
    meters = dict(zip(scenario.meter_ids, meter_values, strict=False))
    out = []
    for number, (i, _) in enumerate(visible_choices(node, meters, flags), start=1):
        move = take(scenario, node, meters, flags, i)
        out.append((str(number), (move.location, tuple(move.meters[m] for m in scenario.meter_ids), move.flags)))
    if node.timer:
        move = take(scenario, node, meters, flags, None)
        out.append((TIMEOUT, (move.location, tuple(move.meters[m] for m in scenario.meter_ids), move.flags)))
    return out


def start_state(scenario: Scenario) -> State:
    meters = scenario.start_meters()
    location = resolve(scenario, scenario.start, meters, frozenset())
    return (location, tuple(meters[m] for m in scenario.meter_ids), frozenset())


@dataclass
class Exploration:
    """Every distinct state reachable from the start (identical states merged)."""

    complete: bool
    limit: int
    states: int = 0
    endings: dict[str, list[State]] = field(default_factory=dict)
    dead_ends: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    parents: dict[State, tuple[State, str] | None] = field(default_factory=dict)

    def path_to(self, state: State) -> list[str]:
        labels: list[str] = []
        link = self.parents.get(state)
        while link is not None:
            state, label = link
            labels.append(label)
            link = self.parents.get(state)
        return labels[::-1]


def explore_states(scenario: Scenario, limit: int = STATE_LIMIT) -> Exploration:
    result = Exploration(complete=True, limit=limit)
    try:
        first = start_state(scenario)
    except EngineError as exc:
        result.errors.append(str(exc))
        return result
    result.parents[first] = None
    queue = deque([first])
    while queue:
        state = queue.popleft()
        if state[0] in scenario.endings:
            result.endings.setdefault(state[0], []).append(state)
            continue
        try:
            options = _options(scenario, state)
        except EngineError as exc:
            result.errors.append(f"at '{state[0]}': {exc}")
            continue
        if not options:
            result.dead_ends.add(state[0])
        for label, nxt in options:
            if nxt not in result.parents:
                if len(result.parents) >= limit:
                    result.complete = False
                    queue.clear()
                    break
                result.parents[nxt] = (state, label)
                queue.append(nxt)
    result.states = len(result.parents)
    return result


@dataclass(frozen=True)
class PathResult:
    choices: tuple[str, ...]
    ending: str
    meters: dict[str, int]
    value: LifetimeValue

    def to_json(self, scenario: Scenario) -> dict:
        return {
            "choices": list(self.choices),
            "ending": {"id": self.ending, "title": scenario.endings[self.ending].title,
                       "outcome": scenario.endings[self.ending].outcome},
            "meters": dict(self.meters),
            "lifetime_value": self.value.to_json(),
        }


@dataclass
class PathReport:
    paths: list[PathResult]
    complete: bool
    exploration: Exploration
    endings_reachable: list[str]
    endings_unreachable: list[str]
    best: PathResult | None
    worst: PathResult | None


def _result(scenario: Scenario, state: State, choices: tuple[str, ...]) -> PathResult:
    meters = dict(zip(scenario.meter_ids, state[1], strict=False))
    ending = scenario.endings[state[0]]
    return PathResult(choices, state[0], meters, value_for(scenario, ending, meters))


def _extremes(scenario: Scenario, exploration: Exploration) -> tuple[PathResult | None, PathResult | None]:
    finals = [_result(scenario, s, tuple(exploration.path_to(s)))
              for states in exploration.endings.values() for s in states]
    best = max(finals, key=lambda r: (r.value.net, -len(r.choices)), default=None)
    worst = min(finals, key=lambda r: (r.value.net, len(r.choices)), default=None)
    return best, worst


def all_paths(scenario: Scenario, path_limit: int = PATH_LIMIT, state_limit: int = STATE_LIMIT) -> PathReport:
    """Every distinct path to an ending (cycles cut), with reachability and best/worst outcomes."""
    exploration = explore_states(scenario, state_limit)
    paths: list[PathResult] = []
    complete = exploration.complete
    try:
        first = start_state(scenario)
    except EngineError:
        first = None
    if first is not None:
        stack: list[tuple[State, tuple[str, ...], frozenset]] = [(first, (), frozenset([first]))]
        while stack:
            state, labels, on_path = stack.pop()
            if state[0] in scenario.endings:
                paths.append(_result(scenario, state, labels))
                if len(paths) >= path_limit:
                    complete = False
                    break
                continue
            try:
                options = _options(scenario, state)
            except EngineError:
                continue
            for label, nxt in reversed(options):
                if nxt not in on_path:
                    stack.append((nxt, labels + (label,), on_path | {nxt}))
    # Best and worst over every ending state found, even past the path limit.
    best, worst = _extremes(scenario, exploration)
    reachable = [e for e in scenario.endings if e in exploration.endings]
    unreachable = [e for e in scenario.endings if e not in exploration.endings]
    return PathReport(paths, complete, exploration, reachable, unreachable, best, worst)


@dataclass(frozen=True)
class OutcomeRange:
    """The best and worst endings any play-through can reach (by net lifetime value)."""

    best: PathResult | None
    worst: PathResult | None
    complete: bool


_RANGE_CACHE_SIZE = 32
_range_cache: dict[tuple[str, str], OutcomeRange] = {}


def outcome_range(scenario: Scenario) -> OutcomeRange:
    """Best and worst reachable outcomes, from the state exploration alone; remembered per file content."""
    key = (scenario.id, scenario.version)
    cached = _range_cache.get(key)
    if cached is not None:
        return cached
    exploration = explore_states(scenario)
    result = OutcomeRange(*_extremes(scenario, exploration), exploration.complete)
    if len(_range_cache) >= _RANGE_CACHE_SIZE:
        _range_cache.pop(next(iter(_range_cache)))
    _range_cache[key] = result
    return result
