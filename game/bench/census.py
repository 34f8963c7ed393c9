"""A census of the pygame surfaces alive in this process, by size: where the picture memory is (a debug aid).

Surfaces are found through everything the garbage collector tracks (caches, scenes, lists), so a surface
held only by C code is missed; the display surface is counted on its own.
"""

from __future__ import annotations

import gc
from collections import Counter
from dataclasses import dataclass

import pygame


@dataclass(frozen=True)
class Group:
    """Live surfaces of one size and depth: how many, and their pixel bytes together."""

    size: tuple[int, int]
    bytes_per_pixel: int
    count: int

    @property
    def bytes(self) -> int:
        return self.size[0] * self.size[1] * self.bytes_per_pixel * self.count


def live_surfaces() -> list[pygame.Surface]:
    """Every distinct surface referred to by a tracked object (plus the display surface)."""
    found: dict[int, pygame.Surface] = {}
    for obj in gc.get_objects():
        if isinstance(obj, pygame.Surface):
            found[id(obj)] = obj
            continue
        for ref in gc.get_referents(obj):
            if isinstance(ref, pygame.Surface):
                found[id(ref)] = ref
    screen = pygame.display.get_surface() if pygame.display.get_init() else None
    if screen is not None:
        found[id(screen)] = screen
    return list(found.values())


def census() -> list[Group]:
    """Live surfaces grouped by size and depth, largest total first."""
    counts: Counter[tuple[tuple[int, int], int]] = Counter()
    for surf in live_surfaces():
        counts[(surf.get_size(), surf.get_bytesize())] += 1
    groups = [Group(size, bpp, n) for (size, bpp), n in counts.items()]
    return sorted(groups, key=lambda g: (-g.bytes, g.size))


def total_mb(groups: list[Group]) -> float:
    return sum(g.bytes for g in groups) / (1 << 20)


def describe(groups: list[Group], top: int = 8) -> list[str]:
    """Plain lines: the total, then the largest groups."""
    lines = [f"{sum(g.count for g in groups)} surfaces, {total_mb(groups):.1f} MB of pixels"]
    for g in groups[:top]:
        lines.append(f"{g.count} x {g.size[0]}x{g.size[1]} ({g.bytes_per_pixel * 8}-bit): "
                     f"{g.bytes / (1 << 20):.1f} MB")
    return lines
