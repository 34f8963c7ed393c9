"""The pure rules of play: which choices show, what effects do, where a link resolves to."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass

from .errors import EngineError
from .model import Choice, Effects, Node, Scenario


@dataclass(frozen=True)
class Move:
    """The result of taking one option from a state."""

    meters: dict[str, int]
    flags: frozenset[str]
    deltas: dict[str, int]
    location: str  # a decision node's id or an ending's id


def visible_choices(node: Node, meters: Mapping[str, int], flags: Set[str]) -> list[tuple[int, Choice]]:
    """(source index, choice) for each choice whose condition holds, in authored order."""
    return [(i, c) for i, c in enumerate(node.choices)
            if c.condition is None or c.condition.evaluate(meters, flags)]


def apply_effects(scenario: Scenario, meters: Mapping[str, int], flags: Set[str],
                  effects: Effects) -> tuple[dict[str, int], frozenset[str], dict[str, int]]:
    """New meters (clamped), flags, and the change actually applied to each meter."""
    new = dict(meters)
    applied: dict[str, int] = {}
    for mid, delta in effects.deltas:
        before = new[mid]
        m = scenario.meter(mid)
        after = min(m.max, max(m.min, before + delta))
        new[mid] = after
        applied[mid] = applied.get(mid, 0) + after - before
    if not effects.set_flags and not effects.clear_flags:
        return new, frozenset(flags), applied
    new_flags = (set(flags) | set(effects.set_flags)) - set(effects.clear_flags)
    return new, frozenset(new_flags), applied


def resolve(scenario: Scenario, target: str, meters: Mapping[str, int], flags: Set[str]) -> str:
    """Follow automatic branches from target to the next decision node or ending.

    Branches change nothing, so a branch visited twice would loop for ever: `check` rejects branch cycles
    (CC029), and a chain of any length is followed.
    """
    seen: set[str] = set()
    while target in scenario.nodes and scenario.nodes[target].is_branch:
        if target in seen:
            raise EngineError(f"branches loop without a decision at '{target}'")
        seen.add(target)
        node = scenario.nodes[target]
        for b in node.branches:
            if b.condition is None or b.condition.evaluate(meters, flags):
                target = b.next
                break
        else:
            raise EngineError(f"no branch of '{node.id}' applies")
    if target not in scenario.nodes and target not in scenario.endings:
        raise EngineError(f"'{target}' does not exist")
    return target


def take(scenario: Scenario, node: Node, meters: Mapping[str, int], flags: Set[str],
         source_index: int | None) -> Move:
    """Take a choice (by source index) or, with None, let the node's timer run out."""
    if source_index is None:
        if node.timer is None:
            raise EngineError(f"node '{node.id}' has no timer")
        effects, target = node.timer.effects, node.timer.next
    else:
        choice = node.choices[source_index]
        effects, target = choice.effects, choice.next
    new_meters, new_flags, deltas = apply_effects(scenario, meters, flags, effects)
    return Move(new_meters, new_flags, deltas, resolve(scenario, target, new_meters, new_flags))
