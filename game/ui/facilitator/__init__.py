"""Facilitator mode: a scenario run with a whole classroom on a projector, driven by a presenter clicker."""

from __future__ import annotations

import random

from ...engine import Scenario
from ..scene import Scene


def facilitator_scene(scenario: Scenario, shuffle: bool = False) -> Scene:
    """The classroom screen for a scenario (the select screen and `play --facilitator` push it). `shuffle`:
    the options in a freshly seeded order, as solo play shows them (the game does; tests keep the file's)."""
    from ...facilitation import ClassSession
    from .classroom import ClassroomScene

    return ClassroomScene(scenario, ClassSession(scenario, seed=random.randrange(2**31) if shuffle else None))


__all__ = ["facilitator_scene"]
