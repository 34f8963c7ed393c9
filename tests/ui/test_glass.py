"""The stage's translucent panels are kept as their ends and a strip of their middle (issue 15: memory), and
draw exactly the pixels the whole panel drew, at every size, corner, border and clip the screens use."""

from __future__ import annotations

import pygame
import pytest

from game.ui.stage import glass as panels
from game.ui.stage.glass import glass, paint


def backdrop(size: tuple[int, int]) -> pygame.Surface:
    """An opaque, busy picture to draw on (every blend shows)."""
    surf = pygame.Surface(size)
    for y in range(0, size[1], 3):
        surf.fill(((y * 7) % 256, (y * 3) % 256, 255 - y % 256), (0, y, size[0], 3))
    pygame.draw.circle(surf, (250, 250, 250), (size[0] // 3, size[1] // 2), min(size) // 3)
    return surf


@pytest.fixture(autouse=True)
def fresh():
    panels._kept.clear()
    yield
    panels._kept.clear()


@pytest.mark.parametrize("radius", [0, 1, 6, 12, 18, 27, 40])
@pytest.mark.parametrize("border_w", [0, 1, 2, 3, 5])
def test_a_kept_panel_draws_what_the_whole_panel_drew(radius: int, border_w: int) -> None:
    for w, h in [(1872, 174), (1186, 420), (1186, 84), (402, 202), (90, 61), (300, 700), (57, 139)]:
        rect = pygame.Rect(23, 17, w, h)
        want = backdrop((w + 60, h + 40))
        got = want.copy()
        want.blit(paint(rect.size, (250, 246, 238), 246, radius, (28, 100, 130), border_w), rect)
        glass(got, rect, (250, 246, 238), 246, radius, (28, 100, 130), border_w)
        assert pygame.image.tobytes(got, "RGB") == pygame.image.tobytes(want, "RGB"), (w, h)


def test_clipped_and_off_the_edge_the_pixels_are_the_same() -> None:
    size = (900, 500)
    for clip in [None, pygame.Rect(100, 50, 400, 90), pygame.Rect(0, 300, 900, 13)]:
        for rect in [pygame.Rect(40, 30, 800, 420), pygame.Rect(-50, 200, 700, 400), pygame.Rect(600, -100, 500, 300)]:
            want, got = backdrop(size), backdrop(size)
            want.set_clip(clip)
            got.set_clip(clip)
            want.blit(paint(rect.size, (20, 30, 40), 200, 18, (200, 10, 10), 3), rect)
            glass(got, rect, (20, 30, 40), 200, 18, (200, 10, 10), 3)
            assert pygame.image.tobytes(got, "RGB") == pygame.image.tobytes(want, "RGB"), (clip, rect)


def test_a_tall_panel_is_kept_in_much_less_memory_and_a_low_one_whole() -> None:
    glass(backdrop((1920, 1080)), pygame.Rect(24, 880, 1872, 174), (250, 246, 238), 250, 18, (28, 100, 130), 2)
    glass(backdrop((1920, 1080)), pygame.Rect(700, 100, 1186, 420), (250, 246, 238), 245, 18, (28, 100, 130), 2)
    glass(backdrop((1920, 1080)), pygame.Rect(30, 30, 300, 44), (250, 246, 238), 228, 18, (28, 100, 130), 1)
    kept = [pic for pic, _ in panels._kept.values()]
    assert [p.get_width() for p in kept] == [1872, 1186, 300]
    assert kept[0].get_height() < 174 // 2 and kept[1].get_height() < 420 // 4
    assert kept[2].get_height() == 44  # too low to be worth cutting
    glass(backdrop((1920, 1080)), pygame.Rect(700, 100, 1186, 300), (250, 246, 238), 245, 18, (28, 100, 130), 2)
    assert len(panels._kept) == 3, "a tall panel of another height draws from the same short picture"
