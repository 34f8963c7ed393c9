"""Simple drawn icons, so groups are told apart by shape and words, not colour alone."""

from __future__ import annotations

import pygame

from ..theme import RGB


def person(surface: pygame.Surface, center: tuple[int, int], size: int, colour: RGB) -> None:
    """One head and shoulders."""
    cx, cy = center
    head = max(2, size // 5)
    pygame.draw.circle(surface, colour, (cx, cy - size // 6), head)
    body = pygame.Rect(0, 0, int(size * 0.62), size // 2)
    body.midtop = (cx, cy + size // 10)
    pygame.draw.ellipse(surface, colour, body)
    # Cut the shoulders flat at the bottom of the icon.
    pygame.draw.rect(surface, colour, (body.left, body.centery, body.width, body.height // 2))


def customer(surface: pygame.Surface, center: tuple[int, int], size: int, colour: RGB) -> None:
    """A person holding a shopping bag: someone who buys from you."""
    cx, cy = center
    person(surface, (cx - size // 8, cy), int(size * 0.9), colour)
    bag = pygame.Rect(0, 0, size // 3, size // 3)
    bag.bottomleft = (cx + size // 6, cy + size // 2 - 1)
    pygame.draw.rect(surface, colour, bag, border_radius=max(1, size // 20))
    handle = pygame.Rect(0, 0, bag.width // 2 + 2, bag.height // 2)
    handle.midbottom = (bag.centerx, bag.top + 2)
    pygame.draw.ellipse(surface, colour, handle, width=max(1, size // 16))


def coworkers(surface: pygame.Surface, center: tuple[int, int], size: int, colour: RGB, cutout: RGB) -> None:
    """Two people side by side: the colleagues you serve inside the organisation."""
    cx, cy = center
    person(surface, (cx + size // 5, cy - size // 12), int(size * 0.75), colour)
    front = (cx - size // 6, cy + size // 12)
    # A thin outline in the card colour separates the two figures.
    pygame.draw.circle(surface, cutout, (front[0], front[1] - size // 6), max(2, size // 5) + max(1, size // 16))
    person(surface, front, int(size * 0.85), colour)


def warning(surface: pygame.Surface, center: tuple[int, int], size: int, colour: RGB, mark: RGB) -> None:
    """A triangle with an exclamation mark."""
    cx, cy = center
    h = int(size * 0.9)
    pts = [(cx, cy - h // 2), (cx + size // 2, cy + h // 2), (cx - size // 2, cy + h // 2)]
    pygame.draw.polygon(surface, colour, pts)
    w = max(2, size // 9)
    pygame.draw.rect(surface, mark, (cx - w // 2, cy - h // 5, w, h // 3))
    pygame.draw.rect(surface, mark, (cx - w // 2, cy + h // 4 - w // 2, w, w))


def chain(surface: pygame.Surface, rect: pygame.Rect, colour: RGB, width: int) -> None:
    """Three interlocking links: the game's mark."""
    link_w = int(rect.width * 0.42)
    link_h = rect.height
    step = (rect.width - link_w) // 2
    for i in range(3):
        link = pygame.Rect(rect.left + i * step, rect.top, link_w, link_h)
        if i == 1:
            link = link.inflate(0, -link_h // 3)
        pygame.draw.rect(surface, colour, link, width=width, border_radius=link.height // 2)
