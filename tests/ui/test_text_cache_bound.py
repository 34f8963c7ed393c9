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



def test_a_1080p_node_taken_back_to_shows_every_line_again_and_the_cache_keeps_its_bound(
        tmp_path, monkeypatch) -> None:
    """The bound holds a 1080p screen of text and the next moment's lines, not every screen played: a node taken
    back to after the next one may be rendered again, and shows every line it showed before."""
    from game.commands.common import require_scenario

    from .test_play_support import read_to_choices, start, take

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    pilot, _ = start(require_scenario("ringing_phone"), size=(1920, 1080))
    scene = pilot.app.top
    text = pilot.app.ctx.text
    read_to_choices(pilot, scene)
    first = scene.view.node_id
    def said() -> list[str]:  # the node's lines (not the meters, which ease back after a take-back)
        hud = scene.rec.parts.get("hud", pygame.Rect(0, 0, 0, 0))
        return sorted(b.text for b in scene.rec.blocks if not hud.contains(b.box))

    shown = said()
    assert len(shown) > 5
    take(pilot, scene, "1")
    read_to_choices(pilot, scene)
    assert scene.view.node_id != first
    pilot.press(pygame.K_BACKSPACE, frames=3)
    assert scene.view.node_id == first
    read_to_choices(pilot, scene)
    assert said() == shown, "every line of the node is shown as it was"
    assert not scene.rec.problems(pilot.app.screen.get_rect())
    held = sum(s.get_width() * s.get_height() * 4 for s in text._surfaces.values())
    assert held == text.bytes and held <= text.max_bytes + 2 * sum(
        b.rect.width * b.rect.height * 4 for b in scene.rec.blocks), "within the bound, beside the frame's own"
