"""The stage's dissolve kept to what changes (issue 15): its rectangles cover exactly what was drawn, and its
picture is the same crossfade as blending the whole old window over the new one."""

from __future__ import annotations

import pygame
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.stage.dissolve import Dissolve, disjoint

W, H = 160, 120
rects = st.lists(st.builds(pygame.Rect, st.integers(-20, W), st.integers(-20, H), st.integers(0, 90),
                           st.integers(0, 70)), max_size=9)


def _painted(rs: list[pygame.Rect]) -> pygame.mask.Mask:
    mask = pygame.mask.Mask((W, H))
    for r in rs:
        mask.draw(pygame.mask.Mask(r.size, fill=True), r.topleft)
    return mask


@settings(max_examples=150, deadline=None)
@given(rects, rects)
def test_disjoint_pieces_cover_exactly_the_rectangles_inside_the_window_and_outside_what_is_taken(drawn, taken):
    bounds = pygame.Rect(0, 0, W, H)
    holes = disjoint(taken, bounds)
    pieces = disjoint(drawn, bounds, holes)
    area = sum(p.width * p.height for p in pieces)
    wanted = _painted([r.clip(bounds) for r in drawn])
    wanted.erase(_painted(holes), (0, 0))
    assert area == wanted.count(), "no piece overlaps another, a hole or the window's edge"
    assert _painted(pieces).overlap_area(wanted, (0, 0)) == wanted.count(), "and together they cover it all"


def _setting() -> pygame.Surface:
    pic = pygame.Surface((W, H))
    for y in range(H):
        pygame.draw.line(pic, (40 + y, 90, 200 - y), (0, y), (W, y))
    pygame.draw.circle(pic, (250, 230, 90), (120, 30), 18)
    return pic


def _moment(setting: pygame.Surface, panels: list[tuple[pygame.Rect, tuple[int, int, int]]]) -> pygame.Surface:
    pic = setting.copy()
    for rect, colour in panels:
        pic.fill(colour, rect)
        pygame.draw.line(pic, (0, 0, 0), rect.topleft, rect.bottomright, 3)
    return pic


def _worst_difference(a: pygame.Surface, b: pygame.Surface) -> int:
    return max(abs(x - y) for x, y in zip(pygame.image.tobytes(a, "RGB"), pygame.image.tobytes(b, "RGB"), strict=True))


def test_the_pieces_crossfade_like_the_whole_old_window_blended_over_the_new_one_frame_by_frame():
    setting = _setting()
    old_panels = [(pygame.Rect(10, 70, 140, 40), (240, 240, 230)), (pygame.Rect(20, 10, 50, 50), (200, 80, 60))]
    new_panels = [(pygame.Rect(10, 75, 140, 35), (230, 235, 250)), (pygame.Rect(90, 10, 60, 40), (60, 160, 90))]
    old = _moment(setting, old_panels)
    new = _moment(setting, new_panels)
    kept = Dissolve(old, [r for r, _ in old_panels], setting)
    whole = Dissolve(old, [], None)  # a new setting: the whole window is kept
    assert kept.bytes < whole.bytes == 4 * W * H
    for alpha in (238, 204, 153, 102, 51, 17):
        reference = new.copy()
        faded = old.copy()
        faded.set_alpha(alpha)
        reference.blit(faded, (0, 0))
        for dissolve in (kept, whole):
            frame = new.copy()
            dissolve.draw(frame, alpha, [r for r, _ in new_panels])
            assert _worst_difference(frame, reference) <= 6, (alpha, dissolve.bytes)
    frame = new.copy()
    kept.draw(frame, 0, [r for r, _ in new_panels])
    assert pygame.image.tobytes(frame, "RGB") == pygame.image.tobytes(new, "RGB"), "at the end, the new moment"
    assert setting.get_alpha() is None, "the shared setting picture is left opaque"
