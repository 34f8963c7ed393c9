"""Every setting has its own backdrop at any size; odd input falls back; results are cached."""

import itertools

import pygame
import pytest

from game.engine.vocabulary import SETTINGS
from game.ui.art.scenes import render_scene


def colours(surface: pygame.Surface, step: int = 7) -> set[tuple[int, ...]]:
    return {tuple(surface.get_at((x, y)))[:3] for x in range(0, surface.get_width(), step)
            for y in range(0, surface.get_height(), step)}


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("size", [(640, 360), (1280, 720), (800, 600)])
def test_every_setting_renders_at_several_sizes(setting, size):
    picture = render_scene(setting, size)
    assert picture.get_size() == size
    assert len(colours(picture)) > 40  # a drawn picture, not a flat fill


def test_settings_look_different_from_each_other():
    pictures = {s: pygame.image.tobytes(render_scene(s, (320, 180)), "RGB") for s in SETTINGS}
    for a, b in itertools.combinations(SETTINGS, 2):
        assert pictures[a] != pictures[b]


def test_backdrops_are_calm_enough_for_text():
    """No part of a backdrop is harshly dark or saturated: its colours stay in a muted middle band."""
    for setting in SETTINGS:
        picture = render_scene(setting, (320, 180))
        lums = [0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b in colours(picture, 3)]
        average = sum(lums) / len(lums)
        assert 110 < average < 235, setting


def test_cached_per_setting_and_size():
    first = render_scene("office", (400, 300))
    assert render_scene("office", (400, 300)) is first
    assert render_scene("office", (400, 301)) is not first


def test_unknown_setting_and_odd_sizes_fall_back():
    assert render_scene("moon_base", (300, 200)).get_size() == (300, 200)
    assert render_scene("office", (0, -5)).get_size() == (16, 16)


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("size", [(640, 360), (640, 480)])
def test_no_wall_sign_sits_behind_the_customers_head(setting, size):
    """The wall where the customer's head and hair are drawn (centre, upper third) is plain: no logo, clock or
    sign there to read as a halo behind a bun."""
    picture = render_scene(setting, size)
    w, h = size
    pixels = [picture.get_at((x, y)) for x in range(round(0.4 * w), round(0.6 * w), 2)
              for y in range(round(0.1 * h), round(0.3 * h), 2)]
    median = [sorted(p[i] for p in pixels)[len(pixels) // 2] for i in range(3)]
    standing_out = sum(1 for p in pixels if sum(abs(p[i] - median[i]) for i in range(3)) > 90)
    assert standing_out / len(pixels) < 0.005, setting
