"""Exploring a scenario without playing it: reachability, every path, best and worst outcomes.

Every exploration runs under a Budget (states, seconds, memory) and says whether it finished and, if not,
which limit stopped it; what it found so far is kept. Pure functions: safe to run off the UI thread.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from .budget import DEFAULT, PATH_LIMIT, STATE_LIMIT, Budget, Spend, describe_stop, gc_paused, state_bytes
from .lifetime import LifetimeValue, lifetime_value
from .model import Scenario
from .playthrough import TIMEOUT, value_for
from .rules import EngineError, resolve, take, visible_choices

__all__ = ["PATH_LIMIT", "STATE_LIMIT", "Budget", "Exploration", "OutcomeRange", "PathReport", "PathResult",
           "all_paths", "best_and_worst", "explore_states", "outcome_range", "reachable_ids", "start_state"]

State = tuple[str, tuple[int, ...], frozenset[str]]
_LINK_BYTES = 120  # one stored (label, next state) link
_LABEL_BYTES = 8  # one choice label in a listed path


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
    """(label, next state) for each option available in a decision state, by the rules of play."""
    location, meter_values, flags = state
    node = scenario.nodes[location]
    ids = scenario.meter_ids
    meters = dict(zip(ids, meter_values, strict=False))
    out = []
    for number, (i, _) in enumerate(visible_choices(node, meters, flags), start=1):
        move = take(scenario, node, meters, flags, i)
        out.append((str(number), (move.location, tuple([move.meters[m] for m in ids]), move.flags)))
    if node.timer:
        move = take(scenario, node, meters, flags, None)
        out.append((TIMEOUT, (move.location, tuple([move.meters[m] for m in ids]), move.flags)))
    return out


class _Moves:
    """The rules of play (rules.take) compiled for exploring: the same results as _options, a few times faster.

    Meter changes are applied to the tuple of values directly, clamped one by one as apply_effects does;
    branches are resolved by the rules themselves.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        index = {m: i for i, m in enumerate(scenario.meter_ids)}
        bounds = [(m.min, m.max) for m in scenario.meters]
        self.ids = scenario.meter_ids
        self.branches = {nid for nid, n in scenario.nodes.items() if n.is_branch}
        self.nodes: dict[str, list[tuple]] = {}
        for nid, node in scenario.nodes.items():
            moves = [(c.condition, c.effects, c.next) for c in node.choices]
            if node.timer:
                moves.append((None, node.timer.effects, node.timer.next))
            self.nodes[nid] = [(cond, tuple((index[m], d, *bounds[index[m]]) for m, d in eff.deltas),
                                frozenset(eff.set_flags), frozenset(eff.clear_flags), target)
                               for cond, eff, target in moves]
        self.timed = {nid for nid, n in scenario.nodes.items() if n.timer}

    def __call__(self, state: State) -> list[tuple[str, State]]:
        location, values, flags = state
        moves = self.nodes[location]
        meters = None
        out = []
        number = 0
        last = len(moves) - 1
        for k, (cond, deltas, on, off, target) in enumerate(moves):
            timer = k == last and location in self.timed
            if cond is not None:
                if meters is None:
                    meters = dict(zip(self.ids, values, strict=False))
                if not cond.evaluate(meters, flags):
                    continue
            new = list(values)
            for i, d, lo, hi in deltas:
                new[i] = min(hi, max(lo, new[i] + d))
            new_flags = (flags | on) - off if on or off else flags
            if target in self.branches:
                target = resolve(self.scenario, target, dict(zip(self.ids, new, strict=False)), new_flags)
            if timer:
                label = TIMEOUT
            else:
                number += 1
                label = str(number)
            out.append((label, (target, tuple(new), new_flags)))
        return out


def start_state(scenario: Scenario) -> State:
    meters = scenario.start_meters()
    location = resolve(scenario, scenario.start, meters, frozenset())
    return (location, tuple(meters[m] for m in scenario.meter_ids), frozenset())


@dataclass
class Exploration:
    """Every distinct state reachable from the start (identical states merged), or as many as the budget allowed."""

    complete: bool
    limit: int
    states: int = 0
    endings: dict[str, list[State]] = field(default_factory=dict)
    dead_ends: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    parents: dict[State, tuple[State, str] | None] = field(default_factory=dict)
    stopped: str | None = None  # which limit stopped it: "states", "time", "memory", "cancelled"
    budget: Budget = DEFAULT
    depth: dict[State, int] = field(default_factory=dict)  # decisions from the start, for ending states
    links: dict[State, list[tuple[str, State]]] = field(default_factory=dict)  # kept only when asked

    def path_to(self, state: State) -> list[str]:
        labels: list[str] = []
        link = self.parents.get(state)
        while link is not None:
            state, label = link
            labels.append(label)
            link = self.parents.get(state)
        return labels[::-1]

    @property
    def stop_reason(self) -> str:
        """Plain words for the limit that stopped the exploration ('' when it finished)."""
        return "" if self.complete else describe_stop(self.stopped, self.budget, self.states)


def _budget(budget: Budget | None, states: int | None = None, paths: int | None = None) -> Budget:
    return (budget or DEFAULT).with_limits(states, paths)


def explore_states(scenario: Scenario, limit: int | None = None, budget: Budget | None = None,
                   start: State | None = None, keep_links: bool = False) -> Exploration:
    """Breadth-first over distinct states from `start` (default: the scenario's start), within the budget."""
    budget = _budget(budget, limit)
    with gc_paused():
        return _explore(scenario, budget, start, keep_links, Spend(budget))


def _explore(scenario: Scenario, budget: Budget, start: State | None, keep_links: bool,
             spend: Spend) -> Exploration:
    result = Exploration(complete=True, limit=budget.states, budget=budget)
    try:
        first = start if start is not None else start_state(scenario)
    except EngineError as exc:
        result.errors.append(str(exc))
        return result
    result.parents[first] = None
    options_of = _Moves(scenario)
    queue = deque([(first, 0)])
    while queue:
        state, depth = queue.popleft()
        if state[0] in scenario.endings:
            result.endings.setdefault(state[0], []).append(state)
            result.depth[state] = depth
            continue
        try:
            options = options_of(state)
        except (EngineError, KeyError) as exc:
            result.errors.append(f"at '{state[0]}': {exc}")
            continue
        if not options:
            result.dead_ends.add(state[0])
        if keep_links:
            result.links[state] = options
            spend.bytes += _LINK_BYTES * len(options)
        for label, nxt in options:
            if nxt in result.parents:
                continue
            if len(result.parents) >= budget.states:
                spend.stop("states")
            if not spend.charge(state_bytes(nxt)):
                queue.clear()
                break
            result.parents[nxt] = (state, label)
            queue.append((nxt, depth + 1))
    result.states = len(result.parents)
    result.stopped = spend.stopped
    result.complete = spend.stopped is None
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
    stopped: str | None = None  # why the listing or the exploration stopped

    @property
    def stop_reason(self) -> str:
        if self.complete:
            return ""
        return describe_stop(self.stopped, self.exploration.budget, self.exploration.states)


class _Values:
    """Lifetime value per (outcome, satisfaction %, loyalty %): a few hundred at most, however many states."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.sat = scenario.meter("satisfaction")
        self.loy = scenario.meter("loyalty")
        self.i_sat = scenario.meter_ids.index("satisfaction")
        self.i_loy = scenario.meter_ids.index("loyalty")
        self.memo: dict[tuple[str, int, int], LifetimeValue] = {}
        self.others_memo: dict[tuple, LifetimeValue] = {}
        self.used: dict[str, list[int]] = {}

    def __call__(self, state: State) -> LifetimeValue:
        values = state[1]
        ending = self.scenario.endings[state[0]]
        if ending.others:  # other people's value counts too: the full model, remembered per ending and meters
            key = (state[0], *(_pct(self.scenario.meters[i], values[i]) for i in self._used(state[0])))
            value = self.others_memo.get(key)
            if value is None:
                meters = dict(zip(self.scenario.meter_ids, values, strict=False))
                value = self.others_memo[key] = value_for(self.scenario, ending, meters)
            return value
        key = (ending.outcome, _pct(self.sat, values[self.i_sat]), _pct(self.loy, values[self.i_loy]))
        value = self.memo.get(key)
        if value is None:
            value = self.memo[key] = lifetime_value(self.scenario.customer.economics, *key,
                                                    self.scenario.value_holder)
        return value


    def _used(self, ending_id: str) -> list[int]:
        """Indexes of the meters value_for reads at an ending that names other people."""
        used = self.used.get(ending_id)
        if used is None:
            ids = self.scenario.meter_ids
            others = self.scenario.endings[ending_id].others
            wanted = ["satisfaction", "loyalty", *(m for o in others for m in (o.satisfaction, o.loyalty))]
            used = self.used[ending_id] = [ids.index(m) for m in wanted if m in ids]
        return used


def _pct(meter, value: int) -> int:
    return round(100 * (value - meter.min) / (meter.max - meter.min))


def _result(scenario: Scenario, state: State, choices: tuple[str, ...], values: _Values) -> PathResult:
    meters = dict(zip(scenario.meter_ids, state[1], strict=False))
    return PathResult(choices, state[0], meters, values(state))


def _extremes(scenario: Scenario, exploration: Exploration) -> tuple[PathResult | None, PathResult | None]:
    """Best and worst ending states by net value (fewest decisions on a tie); paths built for those two only."""
    values = _Values(scenario)
    best = worst = None
    best_key = worst_key = None
    nets: dict[int, float] = {}  # net value per LifetimeValue, by identity: values() keeps every one it made alive
    for states in exploration.endings.values():
        for s in states:
            value = values(s)
            net = nets.get(id(value))
            if net is None:
                net = nets[id(value)] = value.net
            depth = exploration.depth.get(s, 0)
            if best_key is None or (net, -depth) > best_key:
                best, best_key = s, (net, -depth)
            if worst_key is None or (net, depth) < worst_key:
                worst, worst_key = s, (net, depth)
    if best is None:
        return None, None
    return (_result(scenario, best, tuple(exploration.path_to(best)), values),
            _result(scenario, worst, tuple(exploration.path_to(worst)), values))


def _list_paths(scenario: Scenario, ex: Exploration, first: State, spend: Spend, limit: int,
                values: _Values) -> list[PathResult]:
    """Depth-first over the explored links: every path to an ending that repeats no state."""
    paths: list[PathResult] = []
    if first[0] in scenario.endings:
        return [_result(scenario, first, (), values)]
    on_path = {first}
    trail = [first]
    labels: list[str] = []
    stack = [iter(ex.links.get(first, ()))]
    while stack:
        if not spend.charge(0):
            break
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            on_path.discard(trail.pop())
            if labels:
                labels.pop()
            continue
        label, state = step
        if state in on_path:
            continue
        if state[0] in scenario.endings:
            if not spend.charge(_LABEL_BYTES * (len(labels) + 1) + 400):
                break
            paths.append(_result(scenario, state, (*labels, label), values))
            if len(paths) >= limit:
                spend.stop("paths")
                break
            continue
        if state not in ex.links:
            continue  # beyond what the exploration reached, or a dead end
        on_path.add(state)
        trail.append(state)
        labels.append(label)
        stack.append(iter(ex.links[state]))
    return paths


def all_paths(scenario: Scenario, path_limit: int | None = None, state_limit: int | None = None,
              budget: Budget | None = None) -> PathReport:
    """Every distinct path to an ending (cycles cut), with reachability and best/worst outcomes."""
    budget = _budget(budget, state_limit, path_limit)
    spend = Spend(budget)  # one budget for exploring and listing together
    paths: list[PathResult] = []
    values = _Values(scenario)
    with gc_paused():
        exploration = _explore(scenario, budget, None, True, spend)
        stopped = exploration.stopped
        if exploration.parents and stopped != "cancelled":
            if stopped in ("time", "memory"):  # a little more, to list some of what was found
                spend.extend(0.25)
            spend.stopped = None
            first = next(iter(exploration.parents))
            paths = _list_paths(scenario, exploration, first, spend, budget.paths, values)
            stopped = stopped or spend.stopped
    exploration.links = {}
    # Best and worst over every ending state found, even past the path limit.
    best, worst = _extremes(scenario, exploration)
    reachable = [e for e in scenario.endings if e in exploration.endings]
    unreachable = [e for e in scenario.endings if e not in exploration.endings]
    return PathReport(paths, stopped is None, exploration, reachable, unreachable, best, worst, stopped)


@dataclass(frozen=True)
class OutcomeRange:
    """The best and worst endings any play-through can reach (by net lifetime value)."""

    best: PathResult | None
    worst: PathResult | None
    complete: bool
    stopped: str | None = None
    states: int = 0


def best_and_worst(scenario: Scenario, state: State | None = None, budget: Budget | None = None) -> OutcomeRange:
    """Best and worst outcomes reachable from `state` (default the start), within the budget.

    `complete` is False when a limit stopped the search: best and worst are then over what it found.
    Pure and thread-safe: screens run it off the UI thread with a small budget and a cancel event.
    """
    exploration = explore_states(scenario, budget=budget, start=state)
    best, worst = _extremes(scenario, exploration)
    return OutcomeRange(best, worst, exploration.complete, exploration.stopped, exploration.states)


_RANGE_CACHE_SIZE = 32
_range_cache: dict[tuple[str, str, Budget], OutcomeRange] = {}


def outcome_range(scenario: Scenario, budget: Budget | None = None) -> OutcomeRange:
    """Best and worst reachable outcomes from the start; remembered per file content and budget."""
    key = (scenario.id, scenario.version, budget or DEFAULT)
    cached = _range_cache.get(key)
    if cached is not None:
        return cached
    result = best_and_worst(scenario, None, budget)
    if result.stopped != "cancelled":
        if len(_range_cache) >= _RANGE_CACHE_SIZE:
            _range_cache.pop(next(iter(_range_cache)))
        _range_cache[key] = result
    return result
