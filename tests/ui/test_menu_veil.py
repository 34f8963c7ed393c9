"""The menus' veiled backdrop is softened in place, and looks as the translucent layer it replaced did."""

from __future__ import annotations

import itertools

import pygame

from game.ui.menu.backdrop import veiled


def test_veiling_in_place_matches_a_translucent_layer_within_one_level() -> None:
    pygame.display.init()
    pygame.display.set_mode((16, 16))
    src = pygame.Surface((48, 48))
    for x, y in itertools.product(range(48), range(48)):
        src.set_at((x, y), (x * 5, y * 5, (x + y) * 2))
    for colour, strength in (((240, 236, 228), 150), ((18, 20, 24), 225), ((255, 255, 255), 0)):
        layered = src.copy()
        veil = pygame.Surface(src.get_size(), pygame.SRCALPHA)
        veil.fill((*colour, strength))
        layered.blit(veil, (0, 0))
        picture = src.copy()
        assert veiled(picture, colour, strength) is picture
        worst = max(abs(layered.get_at((x, y))[i] - picture.get_at((x, y))[i])
                    for x, y, i in itertools.product(range(48), range(48), range(3)))
        assert worst <= 1, (colour, strength, worst)
