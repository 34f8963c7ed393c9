"""Narration's slanted lines are kept within a byte bound (issue 15: memory), never dropping a line the frame
being drawn uses."""

from __future__ import annotations

import pygame
import pytest

from game.ui.stage import textlog


@pytest.fixture
def ctx(tmp_path, monkeypatch):
    from game.ui.bootstrap import Options, make_context

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(textlog, "_slanted", type(textlog._slanted)())
    monkeypatch.setattr(textlog, "_slanted_on", {})
    monkeypatch.setattr(textlog, "_slanted_bytes", [0])
    return make_context(Options(size=(1920, 1080)))


def narrate(ctx, text: str, surface: pygame.Surface) -> None:
    ctx.text.next_frame()
    textlog.paragraph(surface, ctx, None, text, pygame.Rect(20, 20, 1700, 900), "body", (0, 0, 0), slanted=True)


def kept_bytes() -> int:
    return sum(s.get_width() * s.get_height() * 4 for s in textlog._slanted.values())


def test_a_long_play_of_narration_keeps_its_slanted_lines_within_the_bound(ctx, monkeypatch) -> None:
    monkeypatch.setattr(textlog, "SLANTED_BYTES", 60_000)
    surface = pygame.Surface((1800, 1000), pygame.SRCALPHA)
    for n in range(40):  # a new narrated node each frame
        narrate(ctx, f"Node {n}: the shop is quiet and the rain has stopped outside.", surface)
        assert textlog._slanted_bytes[0] == kept_bytes() <= 60_000 + max(
            s.get_width() * s.get_height() * 4 for s in textlog._slanted.values())
    assert len(textlog._slanted) < 10


def test_a_narration_bigger_than_the_bound_slants_each_line_once(ctx, monkeypatch) -> None:
    monkeypatch.setattr(textlog, "SLANTED_BYTES", 10_000)
    surface = pygame.Surface((1800, 1000), pygame.SRCALPHA)
    words = " ".join(f"Line {i} of what the narrator says about the afternoon at the desk." for i in range(8))
    narrate(ctx, words, surface)
    slanted = dict(textlog._slanted)
    misses = ctx.text.misses
    assert len(slanted) >= 4
    for _ in range(5):
        narrate(ctx, words, surface)
    assert all(textlog._slanted[k] is v for k, v in slanted.items())  # none slanted again
    assert ctx.text.misses == misses  # nor its upright line rendered again
    narrate(ctx, "Something else entirely.", surface)  # the next screen: the old lines may go now
    assert len(textlog._slanted) == 1
