"""A meter's fill stays inside its rounded track and is as long as its value, even for a small value."""

import pygame
import pytest

from game.engine.model import Meter
from game.ui.play.meters import MeterPanel

from .test_play_support import expired, start


def render(ctx, value: int) -> pygame.Surface:
    meter = Meter("satisfaction", "Satisfaction")
    surface = pygame.Surface(ctx.viewport.window)
    surface.fill((255, 0, 255))
    MeterPanel([meter], {"satisfaction": value}).draw(surface, ctx, pygame.Rect(20, 20, 420, 120), framed=False)
    return surface


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (1920, 1080)])
@pytest.mark.parametrize("value", [1, 2, 4, 50])
def test_low_meter_fill_stays_inside_its_track(tmp_path, monkeypatch, size, value):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    pilot, _ = start(expired(), size=size)
    ctx = pilot.app.ctx
    th = ctx.theme
    empty, filled = render(ctx, 0), render(ctx, value)
    track_colours = {tuple(th.surface_alt), tuple(th.border)}
    box = ctx.viewport.rect(20, 20, 420, 120)
    left_half = range(box.left, box.left + box.width // 2)
    track = [(x, y) for x in range(box.left, box.right) for y in range(box.top, box.bottom)
             if tuple(empty.get_at((x, y)))[:3] in track_colours]
    xs = [x for x, _ in track]
    track_left, track_right = min(xs), max(xs)
    inside = set(track)
    changed = [(x, y) for x in left_half for y in range(box.top, box.bottom)
               if empty.get_at((x, y)) != filled.get_at((x, y))]
    assert changed, "the value shows"
    outside = [p for p in changed if p not in inside]
    assert not outside, f"fill outside the track at {outside[:5]}"
    span = max(x for x, _ in changed) - track_left + 1
    assert span <= (track_right - track_left + 1) * value / 100 + 2
