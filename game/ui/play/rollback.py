"""Rolling back one decision in solo play (Backspace / Page Up), as Ren'Py players expect; refused when the
scenario is assessed (`rollback: false`). A rolled-back decision stays in the record, marked as taken back."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ...engine import EngineError

if TYPE_CHECKING:
    from ..context import Context
    from ..scenes.play import PlayScene

ROLLBACK_KEYS = (pygame.K_BACKSPACE, pygame.K_PAGEUP)
ASSESSED = "This scenario is assessed, so a decision cannot be taken back."


def take_back(scene: PlayScene, ctx: Context) -> bool:
    """Undo the scene's last decision (recorded when the scene records); True when the play moved back."""
    if not scene.scenario.rollback:
        scene.problem = ASSESSED
        ctx.audio.play("bad")
        scene.dirty = True
        return False
    if not scene.play.can_undo:
        return False
    ctx.audio.stop("phone_ring")
    try:
        if scene.recorder is not None:
            scene.recorder.rollback()
        else:
            scene.play.undo()
    except EngineError as exc:
        scene.problem = f"That decision could not be taken back: {exc}"
        scene.dirty = True
        return False
    ctx.audio.play("click")
    scene.meters.set(scene.play.meters)
    scene.problem = ""
    return True
