"""Playing a scripted list of choices, as the headless commands and the storyboard do."""

from __future__ import annotations

from .errors import EngineError
from .model import Scenario
from .playthrough import TIMEOUT, Playthrough


def play_path(scenario: Scenario, choices: list[str], seed: int | None = None) -> Playthrough:
    """Play the given choices ('1'..'9' as shown, or 'timeout'); raise EngineError naming the impossible step.

    With a seed the options are numbered in the shuffled order the game would show for that seed."""
    play = Playthrough(scenario, seed=seed)
    for n, c in enumerate(choices, start=1):
        if play.ended:
            raise EngineError(f"step {n} ('{c}'): the scenario already ended at '{play.location}'")
        try:
            if c == TIMEOUT:
                play.timeout()
            else:
                play.choose(int(c) - 1)
        except EngineError as exc:
            raise EngineError(f"step {n} ('{c}') at node '{play.location}': {exc}") from None
    return play
