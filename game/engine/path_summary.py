"""What an author wants to know about the paths of a scenario: per ending, lengths, meters, timers.

Consumes the paths the analysis found (`all_paths`) or random play-throughs (`sample_paths`) and replays
each through the rules to see where meters hit their limits and which timers ran out.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .analysis import PathResult, start_state
from .model import Scenario
from .playthrough import TIMEOUT, value_for
from .rules import EngineError, take, visible_choices

MAX_WALK = 500  # a random play-through that has not ended after this many decisions is cut


@dataclass
class EndingStats:
    id: str
    title: str
    outcome: str
    paths: int = 0
    shortest: tuple[str, ...] | None = None
    longest: tuple[str, ...] | None = None

    def add(self, choices: tuple[str, ...]) -> None:
        self.paths += 1
        if self.shortest is None or len(choices) < len(self.shortest):
            self.shortest = choices
        if self.longest is None or len(choices) > len(self.longest):
            self.longest = choices

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "outcome": self.outcome, "paths": self.paths,
                "shortest": list(self.shortest) if self.shortest is not None else None,
                "longest": list(self.longest) if self.longest is not None else None}


@dataclass
class MeterStats:
    id: str
    start: int
    min: int
    max: int
    lowest: int | None = None  # over the paths' final values
    highest: int | None = None
    at_max: int = 0  # paths that end with the meter at its maximum
    at_min: int = 0
    capped_at: dict[str, int] = field(default_factory=dict)  # node -> paths where an effect there hit a limit

    def to_json(self) -> dict:
        return {"id": self.id, "start": self.start, "min": self.min, "max": self.max, "lowest": self.lowest,
                "highest": self.highest, "paths_ending_at_max": self.at_max, "paths_ending_at_min": self.at_min,
                "capped_at": dict(sorted(self.capped_at.items(), key=lambda kv: -kv[1]))}


@dataclass
class TimerStats:
    node: str
    seconds: int
    shown: int = 0  # paths that reach the node
    ran_out: int = 0  # paths where the player let it run out

    def to_json(self) -> dict:
        return {"node": self.node, "seconds": self.seconds, "paths_shown": self.shown,
                "paths_ran_out": self.ran_out}


@dataclass
class PathSummary:
    scenario: str
    mode: str  # "explored" or "sampled"
    paths: int
    complete: bool  # every path was explored (never true for samples)
    limit: int | None
    seed: int | None
    endings: list[EndingStats]
    meters: list[MeterStats]
    timers: list[TimerStats]
    cut: int = 0  # random walks cut at MAX_WALK
    replayed: int | None = None  # paths walked for meter limits and timers (all of them when None)

    def to_json(self) -> dict:
        return {"scenario": self.scenario, "mode": self.mode, "paths": self.paths, "complete": self.complete,
                "limit": self.limit, "seed": self.seed, "cut_walks": self.cut,
                "endings": [e.to_json() for e in self.endings], "meters": [m.to_json() for m in self.meters],
                "timers": [t.to_json() for t in self.timers],
                "replayed": self.paths if self.replayed is None else self.replayed}


#: At most this many decisions are walked again for the meter-limit and timer figures.
MAX_REPLAY_STEPS = 200_000


def summarise(scenario: Scenario, paths: list[PathResult], complete: bool, limit: int | None = None,
              mode: str = "explored", seed: int | None = None, cut: int = 0) -> PathSummary:
    endings = {e.id: EndingStats(e.id, e.title, e.outcome) for e in scenario.endings.values()}
    meters = {m.id: MeterStats(m.id, m.start, m.min, m.max) for m in scenario.meters}
    timers = {n.id: TimerStats(n.id, n.timer.seconds) for n in scenario.nodes.values() if n.timer}
    steps = replayed = 0
    for path in paths:
        endings[path.ending].add(path.choices)
        for mid, value in path.meters.items():
            m = meters[mid]
            m.lowest = value if m.lowest is None else min(m.lowest, value)
            m.highest = value if m.highest is None else max(m.highest, value)
            m.at_max += value == m.max
            m.at_min += value == m.min
        if steps + len(path.choices) <= MAX_REPLAY_STEPS:  # bounded work: long loops make long paths
            _replay(scenario, path.choices, meters, timers)
            steps += len(path.choices)
            replayed += 1
    return PathSummary(scenario.id, mode, len(paths), complete, limit, seed, list(endings.values()),
                       list(meters.values()), list(timers.values()), cut,
                       None if replayed == len(paths) else replayed)


def _replay(scenario: Scenario, choices: tuple[str, ...], meters: dict[str, MeterStats],
            timers: dict[str, TimerStats]) -> None:
    """Walk one path through the rules, noting where an effect was cut short by a meter's limit."""
    location, values, flags = start_state(scenario)
    current = dict(zip(scenario.meter_ids, values, strict=False))
    capped: set[tuple[str, str]] = set()
    shown: set[str] = set()
    ran_out: set[str] = set()
    for label in choices:
        node = scenario.nodes[location]
        if node.timer:
            shown.add(node.id)
        if label == TIMEOUT:
            index, effects = None, node.timer.effects
            ran_out.add(node.id)
        else:
            index, choice = visible_choices(node, current, flags)[int(label) - 1]
            effects = choice.effects
        move = take(scenario, node, current, flags, index)
        wanted: dict[str, int] = {}
        for mid, delta in effects.deltas:
            wanted[mid] = wanted.get(mid, 0) + delta
        for mid, delta in wanted.items():
            if move.deltas.get(mid, 0) != delta:  # the limit took part of the effect away
                capped.add((mid, node.id))
        current, flags, location = move.meters, move.flags, move.location
    for mid, nid in capped:
        meters[mid].capped_at[nid] = meters[mid].capped_at.get(nid, 0) + 1
    for nid in shown:
        timers[nid].shown += 1
    for nid in ran_out:
        timers[nid].ran_out += 1


def sample_paths(scenario: Scenario, count: int, seed: int) -> tuple[list[PathResult], int]:
    """`count` random play-throughs (every option, the timer's included, equally likely at each decision);
    returns the ones that ended and how many were cut at MAX_WALK decisions."""
    rng = random.Random(seed)
    out: list[PathResult] = []
    cut = 0
    for _ in range(count):
        try:
            location, values, flags = start_state(scenario)
        except EngineError:
            return out, cut
        meters = dict(zip(scenario.meter_ids, values, strict=False))
        labels: list[str] = []
        while location not in scenario.endings and len(labels) < MAX_WALK:
            node = scenario.nodes[location]
            options: list[tuple[str, int | None]] = [
                (str(n), i) for n, (i, _) in enumerate(visible_choices(node, meters, flags), 1)]
            if node.timer:
                options.append((TIMEOUT, None))
            if not options:
                break
            label, index = rng.choice(options)
            try:
                move = take(scenario, node, meters, flags, index)
            except EngineError:
                break
            labels.append(label)
            meters, flags, location = move.meters, move.flags, move.location
        if location in scenario.endings:
            ending = scenario.endings[location]
            out.append(PathResult(tuple(labels), location, dict(meters), value_for(scenario, ending, meters)))
        else:
            cut += 1
    return out, cut
