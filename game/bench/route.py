"""The bench's route to a timed node of a bundled scenario, found in the bench's own process (no pygame)."""

from __future__ import annotations

from ..engine import Scenario, explore_states, load_file, scenario_files
from ..sources import bundled_dir


def bundled_scenarios() -> list[Scenario]:
    """The bundled scenarios that load, in the select screen's order."""
    results = (load_file(f) for f in scenario_files([str(bundled_dir())]))
    return sorted((r.scenario for r in results if r.scenario is not None), key=lambda s: (s.order, s.id))


def timer_route(scenarios: list[Scenario]) -> tuple[Scenario, list[str]]:
    """A scenario and the choices (visible numbers) that lead to a timed node, a ringing phone preferred.

    Scenarios with such a node are explored one at a time, the most fitting first, stopping at the first
    route found. The bench's own process runs this and passes the route to the game's: the exploration is
    the bench's work, and its memory must not count in the peak measured for the game.
    """

    def rank(scenario: Scenario) -> int:
        timed = [n for n in scenario.nodes.values() if n.timer is not None]
        return 0 if any(n.sound == "phone_ring" for n in timed) else 1 if timed else 2

    for scenario in sorted((s for s in scenarios if rank(s) < 2), key=rank):
        ex = explore_states(scenario, limit=20_000)
        best: tuple[tuple[int, int], list[str]] | None = None
        for state in ex.parents:
            node = scenario.nodes.get(state[0])
            if node is None or node.timer is None:
                continue
            route = ex.path_to(state)
            if not route or not route[-1].isdigit() or "timeout" in route:
                continue
            key = (0 if node.sound == "phone_ring" else 1, len(route))
            if best is None or key < best[0]:
                best = (key, route)
        if best is not None:
            return scenario, best[1]
    raise RuntimeError("no bundled scenario has a timed node reachable by choices")
