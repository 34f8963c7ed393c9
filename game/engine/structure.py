"""Checks on a built scenario's links and states: branch loops, reachability, nodes that can show no choice."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from .budget import Budget
from .diagnostics import Reporter
from .model import Node, Scenario

_MAX_CASES = 4096


@dataclass(frozen=True)
class Positions:
    """Where the ids stood in the file, for the exploration step's messages."""

    nodes: dict[str, tuple[int, int]]
    endings: dict[str, tuple[int, int]]
    nodes_key: tuple[int, int]
    linked: set[str]
    meters: dict[str, tuple[int, int]] = field(default_factory=dict)


def branch_cycles(scenario: Scenario) -> list[list[str]]:
    """Groups of branch nodes that can lead back to themselves through branches alone (Tarjan, iterative).

    Branches change no meter or flag, so once play enters such a loop nothing could ever get it out.
    Each group is listed in file order; groups in the order of their first node.
    """
    nodes = scenario.nodes
    order = {nid: i for i, nid in enumerate(nodes)}

    def successors(nid: str) -> list[str]:
        return [b.next for b in nodes[nid].branches if b.next in nodes and nodes[b.next].is_branch]

    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    for root in nodes:
        if root in index or not nodes[root].is_branch:
            continue
        work = [(root, iter(successors(root)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            nid, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors(child))))
                elif child in on_stack:
                    low[nid] = min(low[nid], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[nid])
            if low[nid] == index[nid]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == nid:
                        break
                if len(group) > 1 or nid in successors(nid):
                    groups.append(sorted(group, key=order.__getitem__))
    return sorted(groups, key=lambda g: order[g[0]])


def can_reach_an_ending(scenario: Scenario) -> set[str]:
    """Node ids from which some link path (ignoring conditions) leads to an ending."""
    into: dict[str, list[str]] = {}
    for nid, node in scenario.nodes.items():
        for target in node.exits():
            into.setdefault(target, []).append(nid)
    done: set[str] = set()
    todo = [eid for eid in scenario.endings]
    while todo:
        for source in into.get(todo.pop(), ()):
            if source not in done:
                done.add(source)
                todo.append(source)
    return done


def certain_to_end(scenario: Scenario, always: set[str]) -> set[str]:
    """Nodes from which every play-through can reach an ending whatever the meters and flags.

    Certain: an ending; a node with a choice without 'if' (or a timer) leading to a certain node; a node
    in `always` (one of its choices always shows) whose choices all lead to certain nodes; a branch node
    whose branches all do. Worked backwards from the endings, each link looked at once per change.
    """
    into: dict[str, list[str]] = {}
    for nid, node in scenario.nodes.items():
        for target in node.exits():
            into.setdefault(target, []).append(nid)
    done: set[str] = set(scenario.endings)

    def certain(nid: str) -> bool:
        node = scenario.nodes[nid]
        if node.is_branch:
            return all(b.next in done for b in node.branches)
        if node.timer and node.timer.next in done:
            return True
        if any(c.condition is None and c.next in done for c in node.choices):
            return True
        return nid in always and all(c.next in done for c in node.choices)

    todo = list(done)
    while todo:
        for source in into.get(todo.pop(), ()):
            if source not in done and certain(source):
                done.add(source)
                todo.append(source)
    return done


def stuck_nodes(exploration) -> set[str]:
    """Nodes where some explored state can reach neither an ending nor a dead end: play goes round for ever."""
    into: dict = {}
    for state, options in exploration.links.items():
        for _, nxt in options:
            into.setdefault(nxt, []).append(state)
    finished = {s for states in exploration.endings.values() for s in states}
    finished.update(s for s, options in exploration.links.items() if not options)
    todo = list(finished)
    while todo:
        for source in into.get(todo.pop(), ()):
            if source not in finished:
                finished.add(source)
                todo.append(source)
    return {state[0] for state in exploration.links if state not in finished}


def cycle_text(scenario: Scenario, group: list[str]) -> str:
    """'a -> b -> a': one loop through the group, for the message."""
    members = set(group)
    path = [group[0]]
    while True:
        here = scenario.nodes[path[-1]]
        step = next(b.next for b in here.branches if b.next in members)
        if step in path:
            return " -> ".join(path[path.index(step):] + [step])
        path.append(step)


def structure_checks(scenario: Scenario, where: Positions, rep: Reporter, budget: Budget | None = None) -> None:
    """The state-aware exploration: endings no play-through reaches, nodes that can show no choice."""
    from .analysis import explore_states

    exploration = explore_states(scenario, budget=budget, keep_links=True)
    for nid in sorted(exploration.dead_ends):
        rep.error(where.nodes[nid], "CC016", f"node '{nid}' can show no choice: every choice's condition fails "
                  "for some play-through that reaches it")
    if not exploration.complete:
        rep.warning(where.nodes_key, "CC028", f"stopped exploring at {exploration.stop_reason}; "
                    "conditional reachability was not fully checked")
        always = {nid for nid, node in scenario.nodes.items()
                  if node.timer or node.is_branch or _some_choice_always_shows(scenario, node)}
        certain = certain_to_end(scenario, always)
        for nid in scenario.nodes:
            if nid in exploration.dead_ends or nid not in where.linked:
                continue
            if nid not in always:
                rep.error(where.nodes[nid], "CC032", f"node '{nid}' shows only choices with an 'if', and the "
                          "scenario has too many states to prove one always holds; give one choice no 'if', "
                          "or add a timer")
            elif nid not in certain:
                rep.error(where.nodes[nid], "CC034", f"from node '{nid}' every way to an ending depends on an "
                          "'if', and the scenario has too many states to prove that every play-through can end; "
                          "give it a choice without an 'if' (or a timer) that leads on towards an ending")
        return
    for nid in sorted(stuck_nodes(exploration), key=where.nodes.__getitem__):
        rep.error(where.nodes[nid], "CC033", f"some play-throughs that reach node '{nid}' can never get to an "
                  "ending: the conditions on every way out fail for them, so play would go round for ever")
    for eid in scenario.endings:
        if eid in where.linked and eid not in exploration.endings:
            rep.warning(where.endings[eid], "CC017", f"ending '{eid}' is linked but no play-through reaches it: "
                        "the conditions on the way never all hold")
    from .author_checks import saturation_checks

    saturation_checks(scenario, exploration.endings, where.meters, where.nodes_key, rep)


def _atoms(tree: tuple, out: list[tuple]) -> None:
    if tree[0] in ("or", "and"):
        _atoms(tree[1], out)
        _atoms(tree[2], out)
    elif tree[0] == "not":
        _atoms(tree[1], out)
    else:
        out.append(tree)


def _some_choice_always_shows(scenario: Scenario, node: Node) -> bool:
    """Whether, whatever the meters and flags, at least one choice's condition holds (proved, not sampled).

    Works when conditions compare meters with numbers: each comparison can only change its truth at its
    number, so trying every meter at its bounds and next to each number it is compared with covers every
    case. Anything else (a meter compared with a meter, too many cases) counts as not proved.
    """
    conditions = [c.condition for c in node.choices]
    if any(c is None for c in conditions):
        return True
    meters = {m.id: m for m in scenario.meters}
    points: dict[str, set[int]] = {}
    flags: set[str] = set()
    for cond in conditions:
        atoms: list[tuple] = []
        _atoms(cond.tree, atoms)
        for atom in atoms:
            if atom[0] == "name":
                flags.add(atom[1])
            elif atom[0] == "cmp":
                sides = [atom[2], atom[3]]
                names = [x[1] for x in sides if x[0] == "name"]
                if len([n for n in names if n in meters]) > 1 or any(x[0] not in ("name", "num") for x in sides):
                    return False
                numbers = [x[1] for x in sides if x[0] == "num"]
                for name in names:
                    if name not in meters:
                        flags.add(name)
                        continue
                    m = meters[name]
                    spots = points.setdefault(name, {m.min, m.max})
                    spots.update(v for n in numbers for v in (n - 1, n, n + 1) if m.min <= v <= m.max)
    cases = 2 ** len(flags)
    for spots in points.values():
        cases *= len(spots)
    if cases > _MAX_CASES:
        return False
    base = scenario.start_meters()
    flag_list = sorted(flags)
    meter_list = sorted(points)
    for mask in range(2 ** len(flag_list)):
        on = frozenset(f for i, f in enumerate(flag_list) if mask >> i & 1)
        for values in itertools.product(*(sorted(points[m]) for m in meter_list)):
            here = {**base, **dict(zip(meter_list, values, strict=True))}
            if not any(c.evaluate(here, on) for c in conditions):
                return False
    return True
