"""The desk phone: still when quiet, shaking with ring arcs in time with the ring sound."""

import pygame

from game.ui.art.phone import RING_BURSTS, RING_PERIOD, draw_phone, ring_strength

BG = (244, 240, 232)


def frame(phase: float, ringing: bool, size: int = 80) -> pygame.Surface:
    surface = pygame.Surface((320, 240))
    surface.fill(BG)
    draw_phone(surface, (160, 120), size, phase, ringing)
    return surface


def drawn_width(surface: pygame.Surface) -> int:
    """Columns containing anything but the background."""
    cols = 0
    for x in range(surface.get_width()):
        if any(tuple(surface.get_at((x, y)))[:3] != BG for y in range(0, surface.get_height(), 2)):
            cols += 1
    return cols


def test_ring_strength_follows_the_cadence():
    (first_start, first_len), (second_start, second_len) = RING_BURSTS
    assert ring_strength(first_start + first_len / 2) == 1.0
    assert ring_strength(second_start + second_len / 2) == 1.0
    assert ring_strength(second_start + second_len + 0.5) == 0.0
    assert ring_strength(RING_PERIOD + first_len / 2) == 1.0


def test_quiet_phone_is_drawn_and_still():
    quiet = frame(0.2, ringing=False)
    assert 60 < drawn_width(quiet) < 130
    assert pygame.image.tobytes(quiet, "RGB") == pygame.image.tobytes(frame(0.27, ringing=False), "RGB")


def test_ringing_phone_shows_arcs_and_shakes():
    quiet, ringing = frame(0.2, False), frame(0.2, True)
    assert drawn_width(ringing) > drawn_width(quiet) + 60  # arcs either side
    assert pygame.image.tobytes(frame(0.2, True), "RGB") != pygame.image.tobytes(frame(0.23, True), "RGB")


def test_between_rings_the_phone_rests():
    pause = RING_BURSTS[-1][0] + RING_BURSTS[-1][1] + 0.8
    assert pygame.image.tobytes(frame(pause, True), "RGB") == pygame.image.tobytes(frame(pause, False), "RGB")


def test_small_and_edge_positions_do_not_fail():
    surface = pygame.Surface((50, 50))
    draw_phone(surface, (0, 0), 3, 0.1, True)
    draw_phone(surface, (49, 49), 200, 0.1, True)


def test_the_phone_stands_out_in_every_theme():
    """The phone's body has at least 3:1 contrast with the panel and the page under it (dark-on-navy before)."""
    from collections import Counter

    from game.ui.theme import HIGH_CONTRAST, NORMAL, PROJECTOR, contrast_ratio

    for theme in (NORMAL, PROJECTOR, HIGH_CONTRAST):
        for ground in (theme.surface, theme.background, theme.surface_alt):
            surface = pygame.Surface((200, 200))
            surface.fill(ground)
            draw_phone(surface, (100, 100), 80, 0.0, False)
            drawn = Counter(tuple(surface.get_at((x, y)))[:3] for x in range(40, 160) for y in range(40, 160))
            drawn.pop(tuple(ground), None)
            body = drawn.most_common(1)[0][0]
            assert contrast_ratio(body, ground) >= 3.0, (theme.name, ground, body)
