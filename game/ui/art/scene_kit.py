"""The drawing canvas and shared props the setting painters use: all measures are fractions of the picture."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pygame

from .draw import RGB, bezier, shade, vertical_gradient, with_alpha


class Canvas:
    """Drawing in fractions of the picture (x and y 0..1), so every size keeps the same composition."""

    def __init__(self, surface: pygame.Surface) -> None:
        self.surf = surface
        self.w, self.h = surface.get_size()

    def px(self, x: float, y: float) -> tuple[int, int]:
        return (round(x * self.w), round(y * self.h))

    def box(self, x0: float, y0: float, x1: float, y1: float) -> pygame.Rect:
        a, b = self.px(x0, y0)
        c, d = self.px(x1, y1)
        return pygame.Rect(a, b, max(1, c - a), max(1, d - b))

    def rect(self, colour: Sequence[int], x0: float, y0: float, x1: float, y1: float, r: float = 0.0,
             width: float = 0.0) -> None:
        pygame.draw.rect(self.surf, colour, self.box(x0, y0, x1, y1), round(width * self.h),
                         border_radius=round(r * self.h))

    def circle(self, colour: Sequence[int], x: float, y: float, r: float, width: float = 0.0) -> None:
        pygame.draw.circle(self.surf, colour, self.px(x, y), max(1, round(r * self.h)), round(width * self.h))

    def oval(self, colour: Sequence[int], x: float, y: float, rx: float, ry: float) -> None:
        box = self.box(x - rx, y - ry, x + rx, y + ry)
        pygame.draw.ellipse(self.surf, colour, box)

    def poly(self, colour: Sequence[int], pts: Sequence[tuple[float, float]]) -> None:
        pygame.draw.polygon(self.surf, colour, [self.px(x, y) for x, y in pts])

    def line(self, colour: Sequence[int], pts: Sequence[tuple[float, float]], width: float) -> None:
        w = max(1, round(width * self.h))
        pygame.draw.lines(self.surf, colour, False, [self.px(x, y) for x, y in pts], w)

    def gradient(self, top: Sequence[int], bottom: Sequence[int], x0: float, y0: float, x1: float,
                 y1: float) -> None:
        area = self.box(x0, y0, x1, y1)
        self.surf.blit(vertical_gradient(area.size, top, bottom), area.topleft)

    def glow(self, colour: Sequence[int], x: float, y: float, rx: float, ry: float, alpha: int) -> None:
        """A soft pool of light: stacked translucent ovals."""
        layer = pygame.Surface((self.w, self.h), pygame.SRCALPHA)
        steps = 12
        for i in range(steps):
            k = 1 - i / steps
            box = self.box(x - rx * k, y - ry * k, x + rx * k, y + ry * k)
            pygame.draw.ellipse(layer, with_alpha(colour, max(1, alpha // steps)), box)
        self.surf.blit(layer, (0, 0))

    def tint(self, colour: Sequence[int], pts: Sequence[tuple[float, float]], alpha: int) -> None:
        """A translucent polygon: glass, a beam of light."""
        layer = pygame.Surface((self.w, self.h), pygame.SRCALPHA)
        pygame.draw.polygon(layer, with_alpha(colour, alpha), [self.px(x, y) for x, y in pts])
        self.surf.blit(layer, (0, 0))

    def shadow(self, x0: float, y0: float, x1: float, y1: float, alpha: int = 40) -> None:
        layer = pygame.Surface((self.w, self.h), pygame.SRCALPHA)
        pygame.draw.rect(layer, (30, 28, 36, alpha), self.box(x0, y0, x1, y1))
        self.surf.blit(layer, (0, 0))


# ---- shared props ------------------------------------------------------------------------------------


def plant(c: Canvas, x: float, base: float, height: float, pot: RGB) -> None:
    leaf, leaf_dark = (104, 146, 112), (78, 120, 92)
    for i, (dx, lean) in enumerate(((-0.022, -0.5), (0.0, 0.0), (0.022, 0.5), (-0.012, -0.25), (0.012, 0.25))):
        colour = leaf if i % 2 else leaf_dark
        top = base - height * (0.95 if i == 1 else 0.75)
        pts = bezier((x + dx * 0.3, base - height * 0.25), (x + dx + lean * 0.02, top + height * 0.2),
                     (x + dx * 2 + lean * 0.05, top), 8)
        c.line(colour, pts, 0.006)
        c.oval(colour, x + dx * 2 + lean * 0.05, top, 0.014, 0.035)
    c.poly(pot, [(x - 0.03, base - height * 0.28), (x + 0.03, base - height * 0.28), (x + 0.024, base),
                 (x - 0.024, base)])
    c.rect(shade(pot, 0.12), x - 0.033, base - height * 0.3, x + 0.033, base - height * 0.26, 0.004)


def clock(c: Canvas, x: float, y: float, r: float) -> None:
    c.circle((250, 248, 242), x, y, r)
    c.circle((120, 120, 128), x, y, r, 0.005)
    c.line((80, 80, 88), [(x, y), (x, y - r * 0.6)], 0.005)
    c.line((80, 80, 88), [(x, y), (x + r * 0.45 * 0.5625, y + r * 0.1)], 0.005)


def window(c: Canvas, x0: float, y0: float, x1: float, y1: float, frame: RGB, panes: int = 2,
            skyline: bool = True) -> None:
    c.rect(frame, x0 - 0.008, y0 - 0.012, x1 + 0.008, y1 + 0.012, 0.006)
    c.gradient((176, 204, 226), (220, 232, 238), x0, y0, x1, y1)
    if skyline:
        rng = random.Random(11)
        x = x0
        while x < x1:
            bw = rng.uniform(0.03, 0.06)
            top = y1 - rng.uniform(0.1, 0.3) * (y1 - y0) * 1.6
            c.rect((170, 186, 202), x, max(y0, top), min(x1, x + bw), y1)
            x += bw + 0.004
        c.rect((158, 176, 194), x0, y1 - (y1 - y0) * 0.12, x1, y1)
    for i in range(1, panes):
        xm = x0 + (x1 - x0) * i / panes
        c.rect(frame, xm - 0.004, y0, xm + 0.004, y1)
    c.rect(shade(frame, -0.2), x0 - 0.012, y1 + 0.006, x1 + 0.012, y1 + 0.022, 0.004)
