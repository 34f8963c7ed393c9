"""The text cache is bounded in pixel bytes, and never drops a line the frame being drawn has used."""

from __future__ import annotations

import pygame
import pytest

from game.ui.text import TextCache


@pytest.fixture(autouse=True)
def fonts():
    pygame.font.init()
    yield


def line_bytes(cache: TextCache, text: str) -> int:
    surf = cache.render(text, 36, (0, 0, 0))
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


def test_a_long_play_keeps_rendered_lines_within_the_byte_bound() -> None:
    cache = TextCache(max_bytes=400_000)
    biggest = 0
    for n in range(120):  # a new screen of three lines each frame, as nodes go by
        cache.next_frame()
        for part in range(3):
            biggest = max(biggest, line_bytes(cache, f"Line {part} of screen {n}: the customer is waiting"))
        assert cache.bytes == sum(s.get_width() * s.get_height() * s.get_bytesize()
                                  for s in cache._surfaces.values())
        assert cache.bytes <= 400_000 + 3 * biggest
    assert len(cache._surfaces) < 60  # a count bound alone would have kept all 360


def test_a_screen_with_more_text_than_the_bound_renders_each_line_once() -> None:
    cache = TextCache(max_bytes=50_000)
    lines = [f"Paragraph line {i}: she explains what happened at the till" for i in range(12)]
    for _ in range(5):  # five frames of the same wordy screen
        cache.next_frame()
        for text in lines:
            cache.render(text, 36, (0, 0, 0))
    assert cache.misses == 12 and cache.hits == 48
    cache.next_frame()
    cache.render("Something new on the next screen", 36, (0, 0, 0))  # now the old lines may go
    assert len(cache._surfaces) == 1  # each line alone is over 50 kB: only the one this frame drew stays


def test_clear_forgets_the_bytes() -> None:
    cache = TextCache()
    cache.render("Hello", 24, (0, 0, 0))
    assert cache.bytes > 0
    cache.clear()
    assert cache.bytes == 0 and cache.render("Hello", 24, (0, 0, 0)) is not None
