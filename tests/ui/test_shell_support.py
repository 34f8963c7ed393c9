"""Helpers for the whole-game tests: build a headless App and drive it through real posted events.

This module holds no tests itself; the test_shell_*, test_select_*, test_settings_*, test_pause_* and
test_random_input modules import it.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scene import Scene
from game.userdata.settings import Settings

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
MAX_STEPS = 400


def start(tmp_path: Path, monkeypatch, size: tuple[int, int] = (1280, 720), settings: Settings | None = None,
          use_file: bool = False, scenario_dir: str | Path | None = None, first: Scene | None = None,
          facilitator: bool = False, records: bool = False) -> Pilot:
    """A fresh App on the title screen (or `first`) with progress and settings in tmp_path/data; plays are
    recorded (learners, saves, xAPI statements) only with records=True, which also asks for a name first."""
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    if not use_file and settings is None:
        settings = Settings(sound=False)
    opts = Options(size=size, settings=None if use_file else settings, facilitator=facilitator,
                   scenario_dir=str(scenario_dir) if scenario_dir else None, records=records)
    app = make_app(opts, first=first)
    pygame.event.clear()  # nothing left over from an earlier test
    pilot = Pilot(app)
    pilot.frame()
    return pilot


def top(app: App) -> str:
    return type(app.top).__name__ if app.top is not None else "<empty>"


def names(app: App) -> list[str]:
    return [type(s).__name__ for s in app.stack]


def centre(logical) -> tuple[float, float]:
    x, y, w, h = logical
    return x + w / 2, y + h / 2


def card_index(select, scenario_id: str) -> int:
    for i, result in enumerate(select.cards):
        if result.scenario is not None and result.scenario.id == scenario_id:
            return i
    raise AssertionError(f"no card for {scenario_id}")


def focus_card_by_keyboard(pilot: Pilot, scenario_id: str) -> None:
    """Move the select screen's focus to a scenario's card with Tab, as a keyboard user would."""
    select = pilot.app.top
    target = card_index(select, scenario_id)
    pilot.press(pygame.K_HOME)
    for _ in range(len(select.cards)):
        if select.focus == target:
            return
        pilot.press(pygame.K_TAB)
    assert select.focus == target


def click_card(pilot: Pilot, scenario_id: str) -> None:
    """Scroll with the wheel until the card is fully in view, then click its middle."""
    select = pilot.app.top
    target = card_index(select, scenario_id)
    place = select.places[target]
    for _ in range(60):
        top_y = select.header_h + place.y - select.scroller.offset
        if top_y >= select.header_h and top_y + place.h <= pilot.app.ctx.viewport.height:
            break
        pilot.wheel(-1 if top_y > select.header_h else 1)
        pilot.advance(0.5)
    top_y = select.header_h + place.y - select.scroller.offset
    pilot.click((place.x + place.w / 2, top_y + min(place.h / 2, 60)))


def finish_by_keyboard(pilot: Pilot) -> list[str]:
    """Play the open scenario to its end with keys only, then leave the debrief for the select screen."""
    seen: list[str] = []
    for _ in range(MAX_STEPS):
        name = top(pilot.app)
        if not seen or seen[-1] != name:
            seen.append(name)
        if name == "SelectScene" and len(seen) > 1:
            return seen
        if name == "PlayScene":
            pilot.press("1")
            pilot.press(pygame.K_RETURN)
        elif name == "DebriefScene":
            debrief = pilot.app.top
            assert debrief.group.buttons[debrief.group.focus].label == "Back to menu"  # the default
            pilot.press(pygame.K_RETURN)
        else:
            pilot.press(pygame.K_RETURN)
        pilot.advance(0.4)
    raise AssertionError(f"the scenario did not finish by keyboard; screens seen: {seen}")


def finish_by_mouse(pilot: Pilot) -> list[str]:
    """Play the open scenario to its end with the mouse only (first choice each time), back to select."""
    seen: list[str] = []
    ctx = pilot.app.ctx
    for _ in range(MAX_STEPS):
        scene = pilot.app.top
        name = top(pilot.app)
        if not seen or seen[-1] != name:
            seen.append(name)
        if name == "SelectScene" and len(seen) > 1:
            return seen
        if name == "PlayScene":
            if scene.phase == "choosing" and scene.choices.buttons:
                pilot.click(centre(scene.choices.buttons[0].logical))
            elif scene.phase == "feedback" and scene.card is not None:
                pilot.click(centre(scene.card.button(ctx, scene.card_rect(ctx)).logical))
            else:
                pilot.click((ctx.viewport.width / 2, 200))
        elif name == "DebriefScene":
            pilot.click(centre(scene.group.buttons[-1].logical))
        elif hasattr(scene, "group") and scene.group.buttons:
            pilot.click((ctx.viewport.width / 2, 200))  # finishes any animation first
            if pilot.app.top is scene:
                pilot.click(centre(scene.group.buttons[-1].logical))
        else:
            pilot.click((ctx.viewport.width / 2, ctx.viewport.height / 2))
        pilot.advance(0.4)
    raise AssertionError(f"the scenario did not finish by mouse; screens seen: {seen}")


def copy_scenario(src: str, dest_dir: Path, new_id: str | None = None, title: str | None = None,
                  audience: str | None = None, order: int | None = None) -> Path:
    """Copy a bundled scenario into dest_dir, optionally with a new id, title, audience or order."""
    text = (SCENARIOS / f"{src}.yaml").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        if new_id and line.startswith("id: "):
            line = f"id: {new_id}"
        elif title and line.startswith("title: "):
            line = f"title: {title}"
        elif audience and line.startswith("audience: "):
            line = f"audience: {audience}"
        elif order is not None and line.startswith("order: "):
            line = f"order: {order}"
        lines.append(line)
    dest_dir.mkdir(parents=True, exist_ok=True)
    path = dest_dir / f"{new_id or src}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
