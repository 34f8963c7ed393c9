"""Pictures take their memory once (issue 15): a cache lets go of what a new picture will push out before that
picture is made, and a transparent picture already in the display's format is kept as it is, not copied."""

from __future__ import annotations

import pygame
import pytest

from game.ui.art import disk_cache, portrait, raw_format
from game.ui.art.draw import LRU, for_display


@pytest.fixture
def window():
    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((64, 48))
    return pygame.display.get_surface()


def test_making_room_lets_go_of_what_the_new_picture_would_push_out() -> None:
    cache = LRU(100, max_bytes=3 * 100 * 100 * 4)
    for n in range(3):
        cache.put(n, pygame.Surface((100, 100), pygame.SRCALPHA))
    cache.get(0)  # the oldest used again: 1 is now the least recently used
    cache.make_room((100, 100))
    assert len(cache) == 2 and cache.get(1) is None and cache.get(0) is not None
    cache.put("new", pygame.Surface((100, 100), pygame.SRCALPHA))
    assert len(cache) == 3 and cache.bytes == 3 * 100 * 100 * 4
    cache.make_room((50, 50))  # a small one: room for it once one more goes
    assert len(cache) == 2
    cache.make_room((1000, 1000))  # larger than the whole bound: everything goes, the newest is still kept
    assert len(cache) == 0 and cache.bytes == 0


def test_making_room_keeps_the_count_bound_too() -> None:
    cache = LRU(2)
    cache.put("a", pygame.Surface((4, 4)))
    cache.put("b", pygame.Surface((4, 4)))
    cache.make_room((4, 4))
    assert len(cache) == 1 and cache.get("b") is not None


def test_a_transparent_picture_read_from_the_art_cache_is_kept_not_copied(window) -> None:
    drawn = pygame.Surface((30, 20), pygame.SRCALPHA)
    drawn.fill((200, 120, 40, 128), (3, 4, 10, 10))
    loaded = raw_format.decode(raw_format.encode(drawn))
    shown = for_display(loaded, alpha=True)
    assert shown is loaded
    assert pygame.image.tobytes(shown, "RGBA") == pygame.image.tobytes(drawn.convert_alpha(), "RGBA")
    on = window.copy()
    on.fill((10, 20, 30))
    converted = on.copy()
    on.blit(shown, (5, 5))
    converted.blit(loaded.convert_alpha(), (5, 5))
    assert pygame.image.tobytes(on, "RGB") == pygame.image.tobytes(converted, "RGB")


def test_other_pictures_are_still_converted(window) -> None:
    opaque = raw_format.decode(raw_format.encode(pygame.Surface((8, 8))))
    shown = for_display(opaque, alpha=False)
    assert shown is not opaque and not shown.get_flags() & pygame.SRCALPHA  # an opaque blit is a plain copy
    odd = pygame.Surface((8, 8), pygame.SRCALPHA, 32, (0xFF, 0xFF00, 0xFF0000, 0xFF000000))
    if odd.get_masks() != window.convert_alpha().get_masks():
        assert for_display(odd, alpha=True) is not odd


def test_a_portrait_loaded_from_disk_is_the_files_pixels_once(window, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    disk_cache.problems.clear()
    look = {"skin": "medium", "hair": "bun"}
    portrait.clear_cache()
    painted = portrait.render_portrait(look, "neutral", (60, 70))
    portrait.clear_cache()
    read = portrait.render_portrait(look, "neutral", (60, 70))
    portrait.clear_cache()
    assert read is not painted and read.get_flags() & pygame.PREALLOC  # the file's bytes are its pixels
    assert pygame.image.tobytes(read, "RGBA") == pygame.image.tobytes(painted, "RGBA")
