"""The countdown's ring is drawn on a small kept square and copied while the time left stays the same (issue 15):
the same picture as drawing it in place (pygame's smoothed edges may come out one shade apart on a few pixels,
as they depend on where on a surface a line is drawn), and no drawing at all on a frame showing the same time."""

from __future__ import annotations

import pygame
import pytest

from game.commands.common import require_scenario
from game.ui.play import countdown as cd

from .test_play_support import start


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def in_place(surface, ground, track, colour, center, radius, width, fraction) -> None:
    """The ring as it was drawn before the square was kept: straight onto the box."""
    cd._ring(surface, track, center, radius, width, 1.0)
    cd._ring(surface, colour, center, radius, width, fraction)


@pytest.mark.parametrize("fraction", [1.0, 0.77, 0.5, 0.21, 0.03])
@pytest.mark.parametrize("paused", [False, True])
def test_the_kept_ring_draws_the_same_pixels_as_drawing_it_in_place(monkeypatch, fraction, paused):
    pilot, _ = start(require_scenario("ringing_phone"), size=(1920, 1080))
    ctx = pilot.app.ctx
    box = cd.box_rect(ctx, pygame.Rect(0, 0, 1280, 720))
    clock = cd.Countdown(20)
    clock.left = 20 * fraction
    clock.running = not paused
    kept = pygame.Surface((1920, 1080))
    kept.fill((40, 90, 60))
    cd.draw_countdown(kept, ctx, box, clock, paused=paused)
    monkeypatch.setattr(cd, "ring_tile", in_place)
    direct = pygame.Surface((1920, 1080))
    direct.fill((40, 90, 60))
    cd.draw_countdown(direct, ctx, box, clock, paused=paused)
    area = ctx.viewport.rect(*box)
    a = pygame.image.tobytes(kept.subsurface(area), "RGB")
    b = pygame.image.tobytes(direct.subsurface(area), "RGB")
    apart = [abs(x - y) for x, y in zip(a, b, strict=True) if x != y]
    assert max(apart, default=0) <= 1, "at most one shade apart"
    assert len(apart) <= 24, f"{len(apart)} values differ: only a few edge pixels may"
    outside = pygame.Rect(0, 0, 1920, area.top)
    assert pygame.image.tobytes(kept.subsurface(outside), "RGB") == pygame.image.tobytes(direct.subsurface(outside),
                                                                                           "RGB")


def test_a_frame_showing_the_same_time_left_draws_no_ring(monkeypatch):
    pilot, _ = start(require_scenario("ringing_phone"))
    ctx = pilot.app.ctx
    box = cd.box_rect(ctx, pygame.Rect(0, 0, 1280, 720))
    clock = cd.Countdown(15)
    surface = pygame.Surface((1280, 720))
    cd.draw_countdown(surface, ctx, box, clock, paused=True)
    rings = []
    real = cd._ring
    monkeypatch.setattr(cd, "_ring", lambda *a: rings.append(a[5]) or real(*a))
    cd.draw_countdown(surface, ctx, box, clock, paused=True)
    assert rings == [], "the same time left: the kept square is copied"
    clock.left = 9.5
    cd.draw_countdown(surface, ctx, box, clock, paused=True)
    assert rings == [1.0, clock.fraction], "a new time left draws the ring once"
