"""A seeded storm of real input across every screen: keys, mouse, wheel, resizes, focus changes. Nothing raises."""

from __future__ import annotations

import random

import pygame
import pytest

from game.ui.app import App
from game.ui.scenes.title import TitleScene
from game.userdata.settings import Settings

from .test_shell_support import start, top

EVENTS = 10_000
SEED = 20261122
KEYS = ([pygame.K_RETURN] * 8 + [pygame.K_SPACE] * 3 + [pygame.K_ESCAPE] * 4 + [pygame.K_DOWN, pygame.K_UP,
        pygame.K_LEFT, pygame.K_RIGHT] * 3 + [pygame.K_TAB] * 2 + [getattr(pygame, f"K_{n}") for n in range(10)] * 2
        + [pygame.K_h, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END, pygame.K_BACKSPACE,
           pygame.K_KP_ENTER, pygame.K_KP1, pygame.K_a, pygame.K_F11])
SIZES = [(960, 540), (1024, 768), (800, 600), (1280, 720), (640, 480), (1100, 500)]
FOCUS = [pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED, pygame.WINDOWLEAVE, pygame.WINDOWENTER,
         pygame.WINDOWEXPOSED, pygame.WINDOWMINIMIZED, pygame.WINDOWRESTORED]


def random_event(rng: random.Random, window: tuple[int, int]) -> pygame.event.Event:
    roll = rng.random()
    pos = (rng.randint(-20, window[0] + 20), rng.randint(-20, window[1] + 20))
    if roll < 0.45:
        key = rng.choice(KEYS)
        mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
        char = chr(key) if 32 <= key < 127 else ""
        kind = pygame.KEYDOWN if rng.random() < 0.85 else pygame.KEYUP
        return pygame.event.Event(kind, key=key, mod=mod, unicode=char, scancode=0)
    if roll < 0.65:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    if roll < 0.85:
        kind = pygame.MOUSEBUTTONDOWN if rng.random() < 0.7 else pygame.MOUSEBUTTONUP
        return pygame.event.Event(kind, pos=pos, button=rng.choice([1, 1, 1, 2, 3, 4, 5]))
    if roll < 0.93:
        dy = rng.choice([-3, -1, -1, 1, 1, 2])
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=dy, flipped=False, precise_x=0.0, precise_y=float(dy))
    if roll < 0.95:
        size = rng.choice(SIZES)
        return pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])
    return pygame.event.Event(rng.choice(FOCUS))


def test_ten_thousand_random_events_raise_nothing(tmp_path, monkeypatch):
    rng = random.Random(SEED)
    pilot = start(tmp_path, monkeypatch, size=(960, 540))
    app = pilot.app
    sent = restarts = frames = 0
    screens: set[str] = {top(app)}
    while sent < EVENTS:
        if not app.running:  # Quit was chosen: open the game again (same library and data folder)
            restarts += 1
            app = App(app.ctx, TitleScene(), size=rng.choice(SIZES), fullscreen=app.ctx.settings.fullscreen)
        for _ in range(rng.randint(1, 4)):
            pygame.event.post(random_event(rng, app.screen.get_size()))
            sent += 1
        app.step(dt=rng.choice([0.0, 1 / 60, 1 / 60, 0.1, 0.5, 2.5]))
        frames += 1
        screens.add(top(app))
    assert sent >= EVENTS
    assert frames > EVENTS // 4
    # The storm really went through the game, not just the title screen.
    assert {"TitleScene", "SelectScene", "PlayScene", "PauseScene", "SettingsScene"} <= screens, screens


FACILITATOR_KEYS = KEYS + [pygame.K_PAGEDOWN] * 10 + [pygame.K_PAGEUP] * 3 + [pygame.K_w] * 3 + [pygame.K_d] * 2 + [
    pygame.K_a, pygame.K_b, pygame.K_PERIOD, pygame.K_t, pygame.K_F1, pygame.K_0, pygame.K_q, pygame.K_e]


def screen_name(app: App) -> str:
    """Module and class: the solo and the class debrief are both called DebriefScene."""
    scene = app.top
    return "<empty>" if scene is None else f"{type(scene).__module__.rsplit('.', 2)[-2]}.{type(scene).__name__}"


def storm(app: App, rng: random.Random, events: int, keys: list[int], again) -> set[str]:
    """Post `events` random real events frame by frame; `again()` opens a new App when Quit was chosen."""
    sent = frames = 0
    screens = {screen_name(app)}
    while sent < events:
        if not app.running:
            app = again()
        for _ in range(rng.randint(1, 4)):
            event = random_event(rng, app.screen.get_size())
            if event.type in (pygame.KEYDOWN, pygame.KEYUP) and rng.random() < 0.5:
                key = rng.choice(keys)
                event = pygame.event.Event(event.type, key=key, mod=0, unicode=chr(key) if 32 <= key < 127 else "",
                                           scancode=0)
            pygame.event.post(event)
            sent += 1
        app.step(dt=rng.choice([0.0, 1 / 60, 1 / 60, 0.1, 0.5, 2.5]))
        frames += 1
        screens.add(screen_name(app))
    assert frames > events // 4
    return screens


def _facilitator_storm(tmp_path, monkeypatch, events: int, seed: int) -> set[str]:
    from game.engine import load_file
    from game.ui.facilitator import facilitator_scene

    from .test_shell_support import SCENARIOS

    scenario = load_file(str(SCENARIOS / "expired_return.yaml")).scenario
    rng = random.Random(seed)
    pilot = start(tmp_path, monkeypatch, size=(1024, 768), facilitator=True, first=facilitator_scene(scenario),
                  settings=Settings(sound=False, text_speed="instant"))
    ctx = pilot.app.ctx

    def again() -> App:
        return App(ctx, facilitator_scene(scenario), size=rng.choice(SIZES))

    return storm(pilot.app, rng, events, FACILITATOR_KEYS, again)


def test_a_storm_in_facilitator_mode_reaches_what_if_and_the_class_debrief(tmp_path, monkeypatch):
    screens = _facilitator_storm(tmp_path, monkeypatch, 4_000, SEED)
    assert {"facilitator.ClassroomScene", "facilitator.WhatIfScene", "facilitator.DebriefScene"} <= screens, screens


def test_storms_over_the_hostile_scenarios_reach_the_value_screen_and_debrief(tmp_path, monkeypatch):
    from game.engine import load_file
    from game.ui.scenes.play import PlayScene

    from ..conftest import FIXTURES

    screens: set[str] = set()
    for n, path in enumerate(sorted((FIXTURES / "hostile").glob("ui_*.yaml"))):
        scenario = load_file(str(path)).scenario
        assert scenario is not None, path
        rng = random.Random(SEED + n)
        pilot = start(tmp_path / path.stem, monkeypatch, size=rng.choice(SIZES), first=PlayScene(scenario),
                      settings=Settings(sound=False, text_speed="instant"))
        ctx = pilot.app.ctx
        screens |= storm(pilot.app, rng, 1_500, [pygame.K_RETURN] * 6 + KEYS,
                         lambda ctx=ctx, scenario=scenario, rng=rng: App(ctx, PlayScene(scenario),
                                                                         size=rng.choice(SIZES)))
    assert {"scenes.PlayScene", "scenes.ValueScene", "scenes.DebriefScene"} <= screens, screens


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_heavy_storms_in_both_modes(tmp_path, monkeypatch, seed):
    """50,000 events per seed in facilitator mode (the solo storm above has the same shape, at 10,000)."""
    screens = _facilitator_storm(tmp_path, monkeypatch, 50_000, seed)
    assert "facilitator.DebriefScene" in screens
