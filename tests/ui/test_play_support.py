"""Shared helpers for the play, value, debrief and storyboard tests: a real App driven by posted events."""

from __future__ import annotations

import os
from typing import Any

import pygame

from game.commands.common import require_scenario
from game.engine import Scenario, all_paths
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scene import Push, Scene
from game.ui.scenes.play import PlayScene
from game.userdata.settings import Settings


class MenuStandIn(Scene):
    """Sits under the play screen like the scenario list; remembers how often it came back to the top."""

    def __init__(self) -> None:
        super().__init__()
        self.resumed: list[Any] = []
        self.first: Scene | None = None

    def update(self, dt, ctx):
        if self.first is not None:
            first, self.first = self.first, None
            return Push(first)
        return None

    def resume(self, ctx, result=None) -> None:
        self.resumed.append(result)
        self.dirty = True

    def draw(self, surface, ctx) -> None:
        surface.fill(ctx.theme.background)


def expired() -> Scenario:
    return require_scenario("expired_return")


def ending_paths(scenario: Scenario) -> dict[str, list[str]]:
    """The first path found to each ending (the same exploration `run.py paths --json` prints)."""
    out: dict[str, list[str]] = {}
    for p in all_paths(scenario).paths:
        out.setdefault(p.ending, list(p.choices))
    return out


def start(scenario: Scenario, size=(1280, 720), under_menu: bool = True, **settings) -> tuple[Pilot, MenuStandIn]:
    """An App showing the play screen (on top of a stand-in menu), with instant text and no motion (no walking
    in and out, no nods, nodes cut: blinks stay) unless told otherwise: tests of motion pass motion=True."""
    assert "CUSTOMER_CHAIN_DATA_DIR" in os.environ, "set CUSTOMER_CHAIN_DATA_DIR to a temporary folder first"
    opts = {"text_speed": "instant", "sound": False, "motion": False}
    opts.update(settings)
    menu = MenuStandIn()
    play = PlayScene(scenario)
    if under_menu:
        menu.first = play
    app = make_app(Options(size=size, settings=Settings(**opts)), first=menu if under_menu else play)
    pilot = Pilot(app)
    pilot.frame(2)
    assert app.top is play
    return pilot, menu


def read_to_choices(pilot: Pilot, scene: PlayScene, key: int | None = pygame.K_RETURN) -> int:
    """Read a node's beats one at a time (a key press, or a click when `key` is None) until the choices show;
    returns how many presses it took (0 for a node of one beat)."""
    from game.ui.scenes.play import READING

    presses = 0
    while scene.phase == READING:
        assert presses <= len(scene.view.beats), f"still reading after {presses} presses at {scene.view.node_id}"
        if key is None:
            pilot.click((pilot.app.ctx.viewport.width / 2, pilot.app.ctx.viewport.height / 2))
        else:
            pilot.press(key)
        presses += 1
    return presses


def past_reply(pilot: Pilot, scene: PlayScene, key: int | None = pygame.K_RETURN) -> bool:
    """After a choice: wait for her reply and move on from it (a key, or a click when `key` is None) to the
    coach's card. True when she replied."""
    from game.ui.scenes.play import CHOSEN, REPLY

    for _ in range(120):
        if scene.phase != CHOSEN:
            break
        pilot.frame()
    if scene.phase != REPLY:
        return False
    assert scene.step is not None and scene.speaking[1] == scene.step.reply.text
    if key is None:
        pilot.click((pilot.app.ctx.viewport.width / 2, pilot.app.ctx.viewport.height / 2))
    else:
        pilot.press(key)
    return True


def logical_center(rect: pygame.Rect) -> tuple[float, float]:
    return rect.centerx, rect.centery


def wait_for_feedback(pilot: Pilot, scene: PlayScene, key: int | None = pygame.K_RETURN) -> None:
    """After a choice: her reply first (moved on from by `key`, or a click when None), then the coach's card."""
    from game.ui.scenes.play import FEEDBACK

    replied = past_reply(pilot, scene, key)
    assert replied or scene.step.reply is None, "she had a reply to give but none showed"
    for _ in range(120):
        if scene.phase == FEEDBACK:
            return
        pilot.frame()
    raise AssertionError(f"no coach's card after the choice (phase {scene.phase})")


def take(pilot: Pilot, scene: PlayScene, *numbers: str) -> None:
    """Play whole decisions by number key: read the node's beats, pick, hear her reply, close the coach's card."""
    from game.ui.scenes.play import CHOOSING

    for number in numbers:
        read_to_choices(pilot, scene)
        assert scene.phase == CHOOSING, f"no choices at {scene.view.node_id} (phase {scene.phase})"
        before = len(scene.play.history)
        pilot.press(number)
        assert len(scene.play.history) == before + 1, f"{number} chose nothing at {scene.view.node_id}"
        wait_for_feedback(pilot, scene)
        pilot.press(pygame.K_SPACE)
