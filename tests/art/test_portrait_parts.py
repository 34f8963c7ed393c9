"""A large portrait talking or mid-blink keeps only its moving part (issue 15: memory): drawn over the still
face around it, it gives the pixels the whole face gave, still, faded and nodding; a face that moves anywhere
else is kept whole."""

from __future__ import annotations

import pygame
import pytest

from game.engine import vocabulary as vocab
from game.ui.art import disk_cache, portrait, portrait_parts
from game.ui.play import art


@pytest.fixture(autouse=True)
def window(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    disk_cache.problems.clear()
    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((64, 48))
    portrait.clear_cache()
    yield
    portrait.clear_cache()


def busy(size: tuple[int, int]) -> pygame.Surface:
    surf = pygame.Surface(size)
    for y in range(0, size[1], 2):
        surf.fill(((y * 5) % 256, (y * 11) % 256, 200 - y % 150), (0, y, size[0], 2))
    return surf


def drawn(face, size, alpha: int = 255, cut: int | None = None, nod: int = 0) -> bytes:
    """The face drawn as draw_person draws it: faded by `alpha`, the head lowered by `nod` below row `cut`."""
    out = busy((size[0] + 40, size[1] + 40))
    pictures = {id(p): p for p, _, _ in face}.values()
    for p in pictures:
        p.set_alpha(alpha)
    if cut is None:
        art.blit_pieces(out, face, (20, 20))
    else:
        art.blit_pieces(out, face, (20, 20), pygame.Rect(0, cut, size[0], size[1] - cut))
        art.blit_pieces(out, face, (20, 20 + nod), pygame.Rect(0, 0, size[0], cut))
    for p in pictures:
        p.set_alpha(255)
    return pygame.image.tobytes(out, "RGB")


LOOKS = [{"hair": "bun", "glasses": True, "facial_hair": "beard", "age": "older"},
         {"hair": "covered", "skin": "dark", "build": "broad"},
         {"hair": "long", "facial_hair": "moustache", "glasses": True, "skin": "light"},
         {"hair": "bald", "facial_hair": "stubble", "age": "young", "build": "round"}]


@pytest.mark.parametrize("look", LOOKS)
def test_a_talking_or_blinking_face_is_its_still_face_and_a_small_part(look) -> None:
    size = (520, 540)  # a stage portrait over 1 MB
    for mood in vocab.MOODS:
        for talking, blinking in ((True, False), (False, True)):
            whole = portrait.paint_whole((portrait.look_from(look), mood, *size, talking, blinking))
            whole = whole.convert_alpha()
            face = art.portrait_pieces(look, mood, size, talking, blinking)
            part = face[-1]
            assert part[1] == portrait_parts.moving_part(size, blinking), (mood, talking)
            assert part[0].get_width() * part[0].get_height() * 12 < size[0] * size[1], "the part is small"
            one = [(whole, whole.get_rect(), whole.get_rect())]
            for alpha, cut, nod in ((255, None, 0), (131, None, 0), (255, 330, 9), (77, 330, 9)):
                assert drawn(face, size, alpha, cut, nod) == drawn(one, size, alpha, cut, nod), (mood, alpha, cut)


def test_the_1080p_stage_portrait_keeps_no_whole_talking_face() -> None:
    look, size = LOOKS[0], (696, 712)
    for talking, blinking in ((False, False), (True, False), (False, True)):
        art.portrait_pieces(look, "impatient", size, talking, blinking)
    assert len(portrait._cache) == 1 and portrait._cache.bytes == 696 * 712 * 4  # only the still face
    assert portrait_parts._parts.bytes < 200_000
    portrait.clear_cache()  # from the art cache on disk: the parts come back the same size, no painting
    assert [p.get_size() for p, _, _ in art.portrait_pieces(look, "impatient", size, True)][-1] == \
        portrait_parts.moving_part(size, False).size
    parts = sorted(disk_cache.folder().glob("portrait_part-*.raw"))
    assert len(parts) == 2 and all(disk_cache._OURS.match(p.name) for p in parts)  # kept under the folder's bound


def test_a_face_that_moves_outside_the_expected_part_is_kept_whole(monkeypatch) -> None:
    monkeypatch.setattr(portrait_parts, "MOUTH", (0.49, 0.5, 0.51, 0.51))  # far too small for her mouth
    look, size = LOOKS[1], (520, 540)
    face = art.portrait_pieces(look, "angry", size, True)
    assert len(face) == 1 and face[0][0].get_size() == size
    whole = portrait.paint_whole((portrait.look_from(look), "angry", *size, True, False)).convert_alpha()
    assert pygame.image.tobytes(face[0][0], "RGBA") == pygame.image.tobytes(whole, "RGBA")


def test_a_small_portrait_is_kept_whole_talking_too() -> None:
    face = art.portrait_pieces(LOOKS[2], "pleased", (255, 300), True)
    assert len(face) == 1 and face[0][0].get_size() == (255, 300)
