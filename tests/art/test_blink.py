"""The blink frame: the same portrait with the eyes shut, for every mood and skin tone, with or without glasses;
nothing but the eyes changes, the whites are gone, and the frames are cached (boundedly) like the others."""

import pygame
import pytest

from game.engine.vocabulary import MOODS, SKIN_TONES
from game.ui.art import portrait as portrait_module
from game.ui.art.portrait import neck_line, render_portrait
from game.ui.art.portrait_kit import Frame

SIZE = (240, 280)
WHITE = (250, 248, 244)


def changed_box(a: pygame.Surface, b: pygame.Surface) -> pygame.Rect | None:
    """The smallest rectangle holding every pixel that differs noticeably between two surfaces."""
    xs, ys = [], []
    for y in range(a.get_height()):
        for x in range(a.get_width()):
            pa, pb = a.get_at((x, y)), b.get_at((x, y))
            if sum(abs(pa[i] - pb[i]) for i in range(4)) > 30:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def eye_band(size: tuple[int, int]) -> pygame.Rect:
    """Where the two eyes are (figure units from the painter, with a margin for the lids and lashes)."""
    f = Frame(size)
    return f.rect(-0.112, 0.405, 0.224, 0.075)


def whites(surface: pygame.Surface, box: pygame.Rect) -> int:
    return sum(1 for y in range(box.top, box.bottom) for x in range(box.left, box.right)
               if sum(abs(c - w) for c, w in zip(surface.get_at((x, y))[:3], WHITE, strict=True)) < 12)


CASES = [(mood, "medium", glasses) for mood in MOODS for glasses in (False, True)]
CASES += [("neutral", skin, glasses) for skin in SKIN_TONES for glasses in (False, True)]


@pytest.mark.parametrize("mood,skin,glasses", CASES, ids=[f"{m}-{s}-{'glasses' if g else 'bare'}"
                                                            for m, s, g in CASES])
def test_the_eyes_shut_and_nothing_else_changes(mood, skin, glasses):
    look = {"skin": skin, "glasses": glasses, "hair": "long"}
    open_eyes = render_portrait(look, mood, SIZE)
    shut = render_portrait(look, mood, SIZE, blinking=True)
    band = eye_band(SIZE)
    box = changed_box(open_eyes, shut)
    assert box is not None, "the blink frame is the open-eyed one"
    assert band.contains(box), (box, band)  # brows, mouth, glasses frame and hair are untouched
    assert box.width >= band.width * 0.6  # both eyes shut
    assert whites(open_eyes, band) > 10 and whites(shut, band) == 0  # no eyeball shows through the lids


def test_a_shut_eyed_talking_frame_keeps_the_open_mouth():
    look = {"skin": "dark", "glasses": True}
    assert changed_box(render_portrait(look, "angry", SIZE, talking=True),
                       render_portrait(look, "angry", SIZE, talking=True, blinking=True)) is not None
    talking = changed_box(render_portrait(look, "angry", SIZE, blinking=True),
                          render_portrait(look, "angry", SIZE, talking=True, blinking=True))
    assert talking is not None and talking.top > eye_band(SIZE).bottom


def test_blink_frames_are_cached_and_the_cache_stays_bounded():
    look = {"skin": "tan"}
    first = render_portrait(look, "pleased", SIZE, blinking=True)
    assert render_portrait(look, "pleased", SIZE, blinking=True) is first
    assert render_portrait(look, "pleased", SIZE) is not first
    for w in range(100, 100 + 2 * portrait_module._cache.limit):
        render_portrait(look, "pleased", (w, 200), blinking=True)
    assert len(portrait_module._cache) <= portrait_module._cache.limit


def test_the_neck_line_is_under_the_chin():
    """A nod moves the part above this row: the face is above it, the collar below."""
    look = {"skin": "light"}
    pic = render_portrait(look, "neutral", SIZE)
    row = neck_line(SIZE)
    assert eye_band(SIZE).bottom < row < SIZE[1]
    f = Frame(SIZE)
    assert f.p(0, 0.62)[1] < row < f.p(0, 0.72)[1]  # between the chin and the collar
    assert pic.get_at((SIZE[0] // 2, row)).a == 255  # through the neck, not empty air
