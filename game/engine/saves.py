"""Saving and restoring a play: plain JSON data that replays exactly, by stable choice ids when it has them.

`restore` replays an older save as far as it still applies to the scenario as it is now and says where it
stopped. Reached through Playthrough.to_json, Playthrough.from_json and Playthrough.restore.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Scenario
from .playthrough import TIMEOUT, Playthrough
from .rules import EngineError


@dataclass(frozen=True)
class Restored:
    """A saved play replayed as far as it still applies to the scenario as it is now."""

    play: Playthrough
    replayed: int  # decisions replayed
    saved: int  # decisions in the save
    stopped: str | None  # why the replay stopped early, in words; None when all of it applied

    @property
    def complete(self) -> bool:
        return self.stopped is None


def save_data(play: Playthrough) -> dict:
    """The play as plain JSON data (Playthrough.to_json)."""
    return {
        "scenario": play.scenario.id,
        "version": play.scenario.version,
        "decisions": [[k, i] for k, i in play._decisions],
        "choices": play.choice_ids,
        "location": play.location,
        "meters": dict(play.meters),
        "flags": sorted(play.flags),
        "seed": play.seed,
        **({"start": dict(play.start)} if play.start is not None else {}),
    }


def from_json(scenario: Scenario, data: dict) -> Playthrough:
    """The saved play exactly, or EngineError (replays by choice id when the save has them)."""
    restored = restore(scenario, data)
    if restored.stopped is not None:
        raise EngineError(restored.stopped)
    return restored.play


def restore(scenario: Scenario, data: object) -> Restored:
    """Replay a save as far as it still applies (by choice id when it has them, else by position)."""
    if not isinstance(data, dict) or data.get("scenario") != scenario.id:
        raise EngineError("this saved play belongs to another scenario")
    seed = data.get("seed")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or abs(seed) > 2**63):
        raise EngineError("saved play has a seed that is not a whole number")
    start = data.get("start")
    if start is not None and not isinstance(start, dict):
        raise EngineError("saved play has a starting point that is not understood")
    ids = data.get("choices")
    if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
        moves: list = ids
    else:
        moves = _positional(data.get("decisions"))
    play = Playthrough(scenario, start=start, seed=seed)
    for n, move in enumerate(moves):
        try:
            if play.ended:
                raise EngineError(f"the scenario already ends at '{play.location}'")
            if isinstance(move, str):
                play.choose_id(move)
            else:
                play._replay_one(move)
        except EngineError as exc:
            return Restored(play, n, len(moves), f"saved decision {n + 1} no longer applies: {exc}")
    return Restored(play, len(moves), len(moves), None)


def _positional(raw: object) -> list[tuple[str, int | None]]:
    """Decisions saved by position (saves made before choices had ids)."""
    if not isinstance(raw, list):
        raise EngineError("saved play has no decisions list")
    decisions: list[tuple[str, int | None]] = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 2 and item[0] in ("choice", TIMEOUT)):
            raise EngineError(f"saved decision {item!r} is not understood")
        if item[0] == "choice" and (not isinstance(item[1], int) or isinstance(item[1], bool)):
            raise EngineError(f"saved decision {item!r} is not understood")
        decisions.append((item[0], item[1] if item[0] == "choice" else None))
    return decisions
