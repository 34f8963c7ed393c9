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



def test_a_1080p_node_taken_back_to_after_the_next_one_shows_its_lines_without_rendering_them_again(
        tmp_path, monkeypatch) -> None:
    """The bound holds two 1080p screens of text: the node before is still rendered when a decision is taken back."""
    from game.commands.common import require_scenario

    from .test_play_support import read_to_choices, start, take

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    pilot, _ = start(require_scenario("ringing_phone"), size=(1920, 1080))
    scene = pilot.app.top
    text = pilot.app.ctx.text
    read_to_choices(pilot, scene)
    first = scene.view.node_id
    said = {t for _, t in scene.view.said}
    lines = {k: s for k, s in text._surfaces.items() if any(k[0] and k[0] in t for t in said)}
    assert sum(s.get_width() * s.get_height() * 4 for s in lines.values()) > 300_000  # a wordy node
    take(pilot, scene, "1")
    read_to_choices(pilot, scene)
    assert scene.view.node_id != first
    pilot.press(pygame.K_BACKSPACE, frames=3)
    assert scene.view.node_id == first
    again = {k: s for k, s in text._surfaces.items() if k in lines}
    assert again and all(again[k] is lines[k] for k in again), "lines of the node were rendered again"
    assert len(again) == len(lines)
