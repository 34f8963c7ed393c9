"""The value chart grows with progress, shows patterns and words, and adapts to any theme."""

from types import SimpleNamespace

import pygame

from game.ui.art.chart import ChartBar, draw_value_chart
from game.ui.theme import HIGH_CONTRAST, NORMAL, PROJECTOR

BARS = [ChartBar("Your outcome", 8008, 0, 175032, "$"), ChartBar("Best reachable", 11440, 80000, 0, "$")]


def chart(progress: float, theme=NORMAL, bars=BARS, size=(560, 300), font_px=22) -> pygame.Surface:
    surface = pygame.Surface(size)
    surface.fill(theme.surface)
    draw_value_chart(surface, surface.get_rect().inflate(-20, -20), bars, progress, theme, font_px)
    return surface


def count(surface: pygame.Surface, colour) -> int:
    return sum(1 for x in range(0, surface.get_width(), 2) for y in range(0, surface.get_height(), 2)
               if tuple(surface.get_at((x, y)))[:3] == tuple(colour))


def test_bars_grow_with_progress():
    empty, half, full = chart(0.0), chart(0.5), chart(1.0)
    assert count(empty, NORMAL.good) < count(half, NORMAL.good) <= count(full, NORMAL.good)
    assert count(full, NORMAL.good) > 100


def test_progress_is_clamped():
    assert pygame.image.tobytes(chart(7.0), "RGB") == pygame.image.tobytes(chart(1.0), "RGB")
    assert pygame.image.tobytes(chart(-1.0), "RGB") == pygame.image.tobytes(chart(0.0), "RGB")


def test_every_theme_draws_its_own_colours():
    for theme in (NORMAL, HIGH_CONTRAST, PROJECTOR):
        assert count(chart(1.0, theme), theme.good) > 100
        assert count(chart(1.0, theme), theme.text) > 50  # labels and legend words


def test_duck_typed_theme_with_missing_colours_still_draws():
    partial = SimpleNamespace(surface=(255, 255, 255), text=(0, 0, 0), good=(0, 128, 0), font_scale=1.0)
    surface = pygame.Surface((400, 240))
    draw_value_chart(surface, surface.get_rect(), BARS, 1.0, partial, 18)
    assert count(surface, (0, 128, 0)) > 50


def test_a_narrow_chart_and_odd_bars_do_not_fail():
    chart(1.0, size=(120, 400), font_px=30)
    chart(1.0, bars=[], size=(300, 100))
    chart(1.0, bars=[ChartBar("Nothing", 0, 0, 0, "hours")])
    surface = pygame.Surface((30, 20))
    draw_value_chart(surface, surface.get_rect(), BARS, 1.0, NORMAL, 18)


def test_drawing_stays_inside_the_rectangle():
    surface = pygame.Surface((600, 400))
    surface.fill((1, 2, 3))
    area = pygame.Rect(100, 100, 300, 150)
    draw_value_chart(surface, area, BARS, 1.0, NORMAL, 40)
    outside = [(x, y) for x in range(0, 600, 3) for y in range(0, 400, 3) if not area.collidepoint(x, y)]
    assert all(tuple(surface.get_at(p))[:3] == (1, 2, 3) for p in outside)
    assert surface.get_clip() == surface.get_rect()


def test_values_that_are_not_finite_numbers_are_drawn_as_nothing():
    odd = [ChartBar("Odd", float("nan"), float("inf"), None, "$"), ChartBar("Fine", 100, 0, 0, "$")]
    not_started = chart(float("nan"), bars=odd)  # progress NaN counts as 0: nothing grown yet
    assert pygame.image.tobytes(not_started, "RGB") == pygame.image.tobytes(chart(0.0, bars=odd), "RGB")
    assert count(chart(1.0, bars=odd), NORMAL.good) > count(not_started, NORMAL.good) + 50
