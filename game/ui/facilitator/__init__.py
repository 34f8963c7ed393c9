"""Facilitator mode: a scenario run with a whole classroom on a projector, driven by a presenter clicker."""

from __future__ import annotations

from ...engine import Scenario
from ..scene import Scene


def facilitator_scene(scenario: Scenario) -> Scene:
    """The classroom screen for a scenario (the select screen and `play --facilitator` push it)."""
    from .classroom import ClassroomScene

    return ClassroomScene(scenario)


__all__ = ["facilitator_scene"]
