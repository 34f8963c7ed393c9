"""Portraits: five distinct expressions, every appearance word visible, transparent, cached, never crashing."""

import itertools

import pygame
import pytest

from game.engine.vocabulary import AGES, HAIR_COLOURS, HAIR_STYLES, MOODS, OUTFITS, SKIN_TONES
from game.ui.art.portrait import mood_for, render_portrait

from .contact_sheets import LOOKS, main

SIZE = (180, 210)


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def differing(a: pygame.Surface, b: pygame.Surface) -> int:
    """How many pixels differ noticeably between two same-sized surfaces."""
    count = 0
    for x in range(0, a.get_width(), 2):
        for y in range(0, a.get_height(), 2):
            pa, pb = a.get_at((x, y)), b.get_at((x, y))
            if sum(abs(pa[i] - pb[i]) for i in range(4)) > 40:
                count += 1
    return count


@pytest.mark.parametrize("look", LOOKS[:6])
def test_every_mood_looks_different(look):
    faces = {mood: render_portrait(look, mood, SIZE) for mood in MOODS}
    for first, second in itertools.combinations(MOODS, 2):
        assert differing(faces[first], faces[second]) > 25, (first, second)


def test_talking_opens_the_mouth():
    look = LOOKS[0]
    for mood in MOODS:
        assert differing(render_portrait(look, mood, SIZE), render_portrait(look, mood, SIZE, talking=True)) > 5


@pytest.mark.parametrize(("word", "values"), [("skin", SKIN_TONES), ("hair", HAIR_STYLES),
                                               ("hair_colour", HAIR_COLOURS), ("outfit", OUTFITS), ("age", AGES),
                                               ("glasses", (False, True))])
def test_every_appearance_word_changes_the_picture(word, values):
    base = {"skin": "medium", "hair": "short", "hair_colour": "brown", "outfit": "blue", "glasses": False,
            "age": "adult"}
    pictures = [pixels(render_portrait({**base, word: value}, "neutral", SIZE)) for value in values]
    assert len(set(pictures)) == len(values)


def test_transparent_background_and_requested_size():
    face = render_portrait(LOOKS[2], "pleased", (240, 300))
    assert face.get_size() == (240, 300)
    assert face.get_flags() & pygame.SRCALPHA
    assert face.get_at((0, 0)).a == 0 and face.get_at((239, 0)).a == 0
    assert face.get_at((120, 150)).a == 255  # the face itself is opaque
    assert face.get_at((120, 299)).a == 255  # the shoulders reach the bottom edge


def test_cached_by_arguments():
    first = render_portrait({"skin": "tan"}, "upset", (100, 120))
    assert render_portrait({"skin": "tan"}, "upset", (100, 120)) is first
    assert render_portrait({"skin": "tan"}, "upset", (100, 121)) is not first


@pytest.mark.parametrize("appearance", [{}, None, {"skin": "green", "hair": 7, "glasses": "yes", "age": None},
                                        {"unknown": "word"}])
def test_odd_input_falls_back_to_defaults(appearance):
    face = render_portrait(appearance, "furious", (60, 70))
    assert pixels(face) == pixels(render_portrait({}, "neutral", (60, 70)))


def test_tiny_and_huge_sizes_draw():
    assert render_portrait(LOOKS[1], "angry", (1, 1)).get_size() == (8, 8)
    assert render_portrait(LOOKS[1], "angry", (640, 720)).get_size() == (640, 720)


@pytest.mark.parametrize(("node", "satisfaction", "expected"), [
    ("neutral", 50, "neutral"), ("neutral", 20, "upset"), ("neutral", 90, "pleased"), ("pleased", 5, "neutral"),
    ("impatient", 90, "neutral"), ("impatient", 5, "angry"), ("upset", 95, "upset"), ("angry", 90, "angry"),
    ("pleased", 50, "pleased"), ("mystery", 50, "neutral"), ("upset", 3, "angry"), ("neutral", 25, "neutral"),
    ("neutral", 80, "neutral"),
])
def test_mood_follows_node_and_meter(node, satisfaction, expected):
    assert mood_for(node, satisfaction) == expected


def test_mood_for_survives_odd_meter_values():
    assert mood_for("impatient", None) == "impatient"
    assert mood_for("upset", float("nan")) == "upset"


def test_contact_sheets_render(tmp_path):
    written = main(tmp_path)
    assert [p.name for p in written] == ["portraits.png", "scenes.png", "library.png"]
    for path in written:
        sheet = pygame.image.load(str(path))
        colours = {tuple(sheet.get_at((x, y))) for x in range(0, sheet.get_width(), 17)
                   for y in range(0, sheet.get_height(), 17)}
        assert len(colours) > 200


def test_warming_draws_every_mood_into_the_cache():
    from game.ui.art.portrait import warm_portraits

    look = {"skin": "brown", "hair": "long", "hair_colour": "black", "outfit": "orange"}
    warm_portraits(look, (90, 100))
    first = {(m, t): render_portrait(look, m, (90, 100), t) for m in MOODS for t in (False, True)}
    warm_portraits(look, (90, 100))
    assert all(render_portrait(look, m, (90, 100), t) is s for (m, t), s in first.items())
