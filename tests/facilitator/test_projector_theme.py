"""The projector theme's rules, from its tokens: large type and AAA contrast for a room."""

import itertools

import pytest

from game.ui.theme import PROJECTOR, contrast_ratio
from game.ui.viewport import Viewport

PROJECTORS = [(1024, 768), (1280, 720), (1920, 1080)]
SIZES = PROJECTORS + [(1280, 800), (1280, 1024), (800, 600), (3840, 2160)]
TEXT_COLOURS = ("text", "text_muted", "accent", "good", "bad", "warn", "focus")
GROUNDS = ("background", "surface", "surface_alt")


@pytest.mark.parametrize("size", SIZES)
def test_body_text_and_headings_are_at_least_a_24th_of_the_screen_height(size):
    vp = Viewport.fit(size)
    for token in ("body", "large", "title", "huge"):
        px = vp.px(PROJECTOR.px(token))
        assert px * 24 >= size[1], f"{token} is {px}px on a {size[1]}px-high screen"


@pytest.mark.parametrize("size", PROJECTORS)
def test_even_small_print_is_a_24th_of_the_screen_on_projectors(size):
    px = Viewport.fit(size).px(PROJECTOR.px("small"))
    assert px * 24 >= size[1], f"small is {px}px on a {size[1]}px-high screen"


def test_headings_are_larger_than_body():
    s = PROJECTOR.sizes
    assert s["small"] <= s["body"] < s["large"] < s["title"] < s["huge"]


@pytest.mark.parametrize("fg,bg", list(itertools.product(TEXT_COLOURS, GROUNDS)))
def test_text_colours_reach_aaa_contrast_on_every_ground(fg, bg):
    ratio = contrast_ratio(getattr(PROJECTOR, fg), getattr(PROJECTOR, bg))
    assert ratio >= 7.0, f"{fg} on {bg}: {ratio:.2f}"


@pytest.mark.parametrize("fill", ["accent", "good", "bad", "warn"])
def test_labels_on_coloured_chips_reach_aaa_contrast(fill):
    assert contrast_ratio(PROJECTOR.accent_text, getattr(PROJECTOR, fill)) >= 7.0
