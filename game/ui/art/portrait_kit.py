"""The portrait painter's canvas: figure units mapped to pixels, the person's colours, small drawing calls."""

from __future__ import annotations

import pygame

from .draw import RGB, Point, ellipse, mix, shade, stroke
from .portrait_look import BUILDS, HAIR, OUTFIT, SKIN, Look


class Frame:
    """Maps figure units (x about -0.43..0.43 across, y 0.12..1.0 down) to canvas pixels, bottom-centre anchored."""

    TOP, BOTTOM, WIDTH = 0.12, 1.0, 0.86

    def __init__(self, size: tuple[int, int]) -> None:
        w, h = size
        self.s = min(w / self.WIDTH, h / (self.BOTTOM - self.TOP))
        self.cx = w / 2
        self.top = h - (self.BOTTOM - self.TOP) * self.s

    def p(self, x: float, y: float) -> Point:
        return (self.cx + x * self.s, self.top + (y - self.TOP) * self.s)

    def d(self, v: float) -> float:
        return v * self.s

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        px, py = self.p(x, y)
        return pygame.Rect(round(px), round(py), max(1, round(w * self.s)), max(1, round(h * self.s)))


class PainterBase:
    """The person's colours and proportions, and drawing in figure units."""

    def __init__(self, surface: pygame.Surface, look: Look) -> None:
        self.surf = surface
        self.f = Frame(surface.get_size())
        self.look = look
        self.build = BUILDS.get(look.build, BUILDS["average"])
        self.skin = SKIN[look.skin]
        self.skin_shade = shade(self.skin, 0.13)
        self.skin_deep = shade(self.skin, 0.3)
        self.hair = HAIR[look.hair_colour]
        if sum(abs(a - b) for a, b in zip(self.hair, self.skin, strict=True)) < 90:
            # Hair close to the skin tone (brown hair, deep skin) is drawn deeper so its shape still reads.
            self.hair = shade(self.hair, 0.4)
        # Black hair is shaded toward a cool grey so the shape still reads.
        dark_hair = look.hair_colour == "black"
        self.hair_shade = mix(self.hair, (90, 90, 110), 0.25) if dark_hair else shade(self.hair, 0.22)
        self.cloth = OUTFIT[look.outfit]
        self.cloth_shade = shade(self.cloth, 0.18)
        young = look.age == "young"
        self.head_rx = (0.158 if young else 0.162) + self.build.head
        self.head_ry = 0.192 if young else 0.205
        self.head_c = (0.0, 0.43)
        self.eye_y = 0.445 if young else 0.44
        self.eye_dx = 0.068
        self.eye_rx = 0.03 if young else 0.028
        self.eye_ry = 0.024 if young else 0.021
        if look.hair == "covered":
            self.scarf = mix(shade(self.cloth, 0.3), (236, 230, 220), 0.15)
            self.scarf_shade = shade(self.scarf, 0.18)

    def P(self, x: float, y: float) -> Point:  # noqa: N802 - short for "point"
        return self.f.p(x, y)

    def E(self, colour: RGB | tuple[int, int, int, int], c: Point, rx: float, ry: float) -> None:  # noqa: N802
        ellipse(self.surf, colour, self.P(*c), self.f.d(rx), self.f.d(ry))

    def poly(self, colour: RGB | tuple[int, int, int, int], pts: list[Point]) -> None:
        pygame.draw.polygon(self.surf, colour, [self.P(x, y) for x, y in pts])

    def line(self, colour: RGB, pts: list[Point], width: float) -> None:
        stroke(self.surf, colour, [self.P(x, y) for x, y in pts], self.f.d(width))

    def alpha_layer(self) -> pygame.Surface:
        return pygame.Surface(self.surf.get_size(), pygame.SRCALPHA)
