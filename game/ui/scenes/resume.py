"""Continue a saved play or start again: offered when a card's scenario has a play in progress."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...userdata.saves import SavedPlay
from ..context import Context
from ..menu.cards import Block, CardText
from ..scene import Scene
from .pause import PauseScene

if TYPE_CHECKING:  # annotations only: the engine loader is imported by the background load
    from ...engine import LoadResult, Scenario

CONTINUE, START_AGAIN, BACK = "continue", "start_again", "resume"


def continue_words(saved: SavedPlay) -> str:
    """The card's line for a saved play: 'Continue where you left off (after 3 decisions)'."""
    n = saved.decisions
    after = "at the start" if n == 0 else f"after {n} decision{'s' if n != 1 else ''}"
    return f"Continue where you left off ({after})"


def continue_menu(saved: SavedPlay) -> PauseScene:
    """The small menu: Continue, Start again, Back (Esc). Pops with CONTINUE, START_AGAIN or BACK."""
    return PauseScene(title="Your play so far", entries=[(continue_words(saved), CONTINUE),
                                                         ("Start again", START_AGAIN), ("Back", BACK)],
                      hint="Esc goes back")


def continued_scene(ctx: Context, scenario: Scenario, saved: SavedPlay) -> Scene:
    """The play screen, continuing the saved play as far as it still applies to the scenario."""
    from .play import PlayScene

    assert ctx.records is not None
    recorder, note = ctx.records.resume(scenario, saved)
    return PlayScene(scenario, recorder=recorder, note=note or "")


def saved_for(ctx: Context, result: LoadResult, text: CardText) -> SavedPlay | None:
    """The current learner's saved play of the card's scenario (solo play only); the card then says so."""
    if result.scenario is None or ctx.records is None or ctx.facilitator:
        return None
    saved = ctx.records.saved(result.scenario)
    if saved is not None:
        text.blocks.append(Block(continue_words(saved), "small", "good", bold=True))
    return saved


def after_menu(ctx: Context, result: LoadResult, choice: object,
               start: Callable[[Scenario, Context], Scene]) -> Scene | None:
    """The scene the continue menu's choice leads to: the saved play continued, or a fresh start, or None."""
    scenario = result.scenario
    if scenario is None or ctx.records is None or choice not in (CONTINUE, START_AGAIN):
        return None
    saved = ctx.records.saved(scenario)
    if choice == CONTINUE and saved is not None:
        return continued_scene(ctx, scenario, saved)
    ctx.records.forget(scenario)
    return start(scenario, ctx)
