"""The customer's portrait: a flat, friendly head-and-shoulders illustration drawn in code.

The look comes from the scenario's appearance words (skin, hair, hair_colour, outfit, glasses, age) and the
expression from the mood (pleased, neutral, impatient, upset, angry). Unknown words fall back to defaults.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pygame

from ...engine import vocabulary as vocab
from .disk_cache import cached_picture
from .draw import LRU, RGB, Point, bezier, ellipse, for_display, mix, shade, stroke, supersampled, tapered, with_alpha

SKIN: dict[str, RGB] = {
    "light": (247, 216, 193), "medium": (232, 185, 146), "tan": (206, 152, 108),
    "brown": (163, 108, 72), "dark": (110, 72, 50),
}
HAIR: dict[str, RGB] = {
    "black": (44, 38, 42), "brown": (104, 68, 44), "blonde": (220, 184, 116),
    "red": (168, 78, 44), "grey": (152, 152, 158), "white": (228, 226, 222),
}
OUTFIT: dict[str, RGB] = {
    "blue": (72, 112, 172), "green": (78, 142, 100), "red": (184, 78, 78), "purple": (126, 96, 164),
    "grey": (122, 128, 138), "orange": (214, 130, 70), "teal": (48, 136, 138), "yellow": (220, 180, 76),
}
DEFAULTS = {"skin": "medium", "hair": "short", "hair_colour": "brown", "outfit": "blue", "glasses": False,
            "age": "adult"}
_cache = LRU(24)  # a stage-sized portrait at 1080p is ~2 MB: keep a scene's worth


@dataclass(frozen=True)
class Look:
    """Appearance words checked against the vocabulary."""

    skin: str
    hair: str
    hair_colour: str
    outfit: str
    glasses: bool
    age: str


def look_from(appearance: Mapping[str, object] | None) -> Look:
    """Read appearance words, using defaults for anything missing or unknown."""
    data = appearance if isinstance(appearance, Mapping) else {}

    def pick(key: str, allowed: tuple[str, ...]) -> str:
        value = data.get(key)
        return value if isinstance(value, str) and value in allowed else str(DEFAULTS[key])

    age = pick("age", vocab.AGES)
    colour = data.get("hair_colour")
    if not (isinstance(colour, str) and colour in vocab.HAIR_COLOURS):
        colour = "grey" if age == "older" else DEFAULTS["hair_colour"]
    return Look(pick("skin", vocab.SKIN_TONES), pick("hair", vocab.HAIR_STYLES), str(colour),
                pick("outfit", vocab.OUTFITS), data.get("glasses") is True, age)


def mood_for(node_mood: str, satisfaction_percent: int) -> str:
    """The face to show: the node's mood, nudged by how satisfied the customer is overall."""
    mood = node_mood if node_mood in vocab.MOODS else "neutral"
    try:
        sat = float(satisfaction_percent)
    except (TypeError, ValueError):
        return mood
    if sat != sat:  # NaN
        return mood
    if sat > 80:
        return {"neutral": "pleased", "impatient": "neutral"}.get(mood, mood)
    if sat < 10:
        return {"pleased": "neutral", "neutral": "upset", "impatient": "angry", "upset": "angry"}.get(mood, mood)
    if sat < 25:
        return {"pleased": "neutral", "neutral": "upset"}.get(mood, mood)
    return mood


# ---- the face's parts for each mood -------------------------------------------------------------------


@dataclass(frozen=True)
class Expression:
    """Numbers that make a face: brow heights and tilt, eyelids, gaze, mouth shape, flush."""

    brow_inner: float      # brow height at the nose end (figure units, + is lower)
    brow_outer: float      # brow height at the temple end
    brow_weight: float     # brow thickness factor
    lid_top: float         # 0 open .. 1 closed, from above
    lid_tilt: float        # inner end of the upper lid lower (angry) or higher (worried)
    happy_eyes: bool       # lower lids pushed up by a smile
    gaze: Point            # iris offset
    mouth_curve: float     # + smile, - frown (figure units)
    mouth_width: float
    mouth_open: float      # 0 closed
    mouth_skew: float      # one corner higher than the other
    teeth: bool
    flush: int             # cheek colour alpha
    flush_colour: RGB


EXPRESSIONS: dict[str, Expression] = {
    "pleased": Expression(-0.012, 0.0, 1.0, 0.0, 0.0, True, (0.0, 0.0), 0.030, 0.060, 0.030, 0.0, True, 70,
                          (236, 120, 120)),
    "neutral": Expression(0.0, 0.0, 1.0, 0.12, 0.0, False, (0.0, 0.0), 0.008, 0.045, 0.0, 0.0, False, 0,
                          (236, 120, 120)),
    "impatient": Expression(0.010, -0.006, 1.05, 0.42, 0.0, False, (0.012, -0.004), -0.004, 0.048, 0.0, 0.012,
                            False, 0, (236, 120, 120)),
    "upset": Expression(-0.022, 0.014, 1.0, 0.18, -0.25, False, (0.0, 0.006), -0.022, 0.042, 0.0, 0.0, False,
                        55, (214, 110, 120)),
    "angry": Expression(0.030, -0.016, 1.3, 0.34, 0.45, False, (0.0, 0.0), -0.018, 0.060, 0.020, 0.0, True, 95,
                        (222, 70, 60)),
    # Brows high, eyes wide, mouth a small open oval.
    "surprised": Expression(-0.030, -0.026, 0.9, 0.0, 0.0, False, (0.0, -0.002), 0.0, 0.030, 0.028, 0.0, False,
                            20, (236, 120, 120)),
    # One brow up, eyes aside and a little narrowed, mouth pressed to one side.
    "thinking": Expression(-0.004, -0.016, 1.0, 0.26, 0.0, False, (0.014, -0.006), -0.004, 0.036, 0.0, 0.014,
                           False, 0, (236, 120, 120)),
}


class _Frame:
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


class _Painter:
    """Draws one portrait on a canvas; each part is a method, called back to front."""

    def __init__(self, surface: pygame.Surface, look: Look, mood: str, talking: bool) -> None:
        self.surf = surface
        self.f = _Frame(surface.get_size())
        self.look = look
        self.ex = EXPRESSIONS.get(mood, EXPRESSIONS["neutral"])
        self.talking = talking
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
        self.head_rx = 0.158 if young else 0.162
        self.head_ry = 0.192 if young else 0.205
        self.head_c = (0.0, 0.43)
        self.eye_y = 0.445 if young else 0.44
        self.eye_dx = 0.068
        self.eye_rx = 0.03 if young else 0.028
        self.eye_ry = 0.024 if young else 0.021
        if look.hair == "covered":
            self.scarf = mix(shade(self.cloth, 0.3), (236, 230, 220), 0.15)
            self.scarf_shade = shade(self.scarf, 0.18)

    # -- helpers
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

    # -- body
    def paint(self) -> None:
        covered = self.look.hair == "covered"
        self.hair_back()
        self.body()
        if covered:
            self.scarf_back()
        else:
            self.neck()
            self.ears()
        self.head()
        if covered:
            self.scarf_front()
        else:
            self.hair_front()
        self.face()

    def torso_outline(self, top: float) -> list[Point]:
        """Sloping shoulders from the neck out to the arms, down past the bottom edge."""
        left = (bezier((-0.07, top), (-0.2, top + 0.005), (-0.31, top + 0.05), 8)
                + bezier((-0.31, top + 0.05), (-0.395, top + 0.085), (-0.405, top + 0.2), 8)[1:])
        right = [(-x, y) for x, y in left[::-1]]
        return left + [(-0.41, 1.05), (0.41, 1.05)] + right

    def body(self) -> None:
        top = 0.72
        outline = self.torso_outline(top)
        self.poly(self.cloth_shade, outline)
        self.poly(self.cloth, [(x * 0.93 - 0.022, y + 0.004) for x, y in outline])
        if self.look.hair != "covered":
            self.neckline(top)
        # Arms suggested by two seams.
        seam = shade(self.cloth, 0.24)
        self.line(seam, bezier((-0.3, top + 0.07), (-0.315, top + 0.16), (-0.3, 1.05)), 0.005)
        self.line(seam, bezier((0.3, top + 0.07), (0.315, top + 0.16), (0.3, 1.05)), 0.005)

    def neckline(self, top: float) -> None:
        """A crew neck for the young, a collared V for adults, a cardigan over a shirt for older customers."""
        if self.look.age == "young":
            self.E(self.cloth_shade, (0.0, top + 0.004), 0.088, 0.05)
            self.E(self.skin, (0.0, top - 0.006), 0.068, 0.042)
            self.E(self.skin_shade, (0.0, top - 0.02), 0.066, 0.028)
        elif self.look.age == "older":
            shirt = (236, 232, 224)
            self.poly(shirt, [(-0.09, top - 0.01), (0.09, top - 0.01), (0.0, top + 0.2)])
            self.poly(self.skin, [(-0.055, top - 0.01), (0.055, top - 0.01), (0.0, top + 0.05)])
            self.poly(shade(shirt, 0.12), [(-0.062, top - 0.012), (-0.005, top + 0.06), (-0.04, top + 0.075),
                                           (-0.09, top + 0.02)])
            self.poly(shade(shirt, 0.12), [(0.062, top - 0.012), (0.005, top + 0.06), (0.04, top + 0.075),
                                           (0.09, top + 0.02)])
            edge = shade(self.cloth, 0.2)
            self.line(edge, [(-0.092, top - 0.008), (-0.004, top + 0.21), (-0.004, 1.05)], 0.008)
            self.line(edge, [(0.092, top - 0.008), (0.004, top + 0.21)], 0.008)
            for i in range(3):
                self.E(shade(self.cloth, -0.3), (0.022, top + 0.24 + i * 0.055), 0.009, 0.009)
        else:
            self.poly(self.skin, [(-0.066, top - 0.01), (0.066, top - 0.01), (0.0, top + 0.085)])
            self.poly(self.skin_shade, [(-0.066, top - 0.01), (0.066, top - 0.01), (0.0, top + 0.03)])
            collar = shade(self.cloth, -0.22)
            self.poly(collar, [(-0.08, top - 0.006), (-0.004, top + 0.095), (-0.05, top + 0.11), (-0.115, top + 0.03)])
            self.poly(collar, [(0.08, top - 0.006), (0.004, top + 0.095), (0.05, top + 0.11), (0.115, top + 0.03)])

    def neck(self) -> None:
        self.poly(self.skin, [(-0.058, 0.55), (0.058, 0.55), (0.064, 0.745), (-0.064, 0.745)])
        # The shadow under the chin, kept inside the neck.
        self.poly(self.skin_shade, [(-0.058, 0.56), (0.058, 0.56), (0.06, 0.655), (0.0, 0.672), (-0.06, 0.655)])

    def ears(self) -> None:
        hx = self.head_rx
        for side in (-1, 1):
            self.E(self.skin_shade if side > 0 else self.skin, (side * (hx - 0.004), 0.46), 0.028, 0.04)
            self.E(self.skin_deep, (side * (hx + 0.001), 0.462), 0.011, 0.02)

    def head_shapes(self, inset: float = 0.0, dx: float = 0.0) -> list[tuple[Point, float, float]]:
        """The head as two ellipses: the cranium and a narrower jaw."""
        rx, ry = self.head_rx - inset, self.head_ry - inset
        cy = self.head_c[1]
        return [((dx, cy - 0.015), rx, ry - 0.015), ((dx, cy + 0.05), rx * 0.8, ry * 0.7 - inset * 0.3)]

    def head(self) -> None:
        for c, rx, ry in self.head_shapes():
            self.E(self.skin_shade, c, rx, ry)
        for c, rx, ry in self.head_shapes(0.01, -0.011):
            self.E(self.skin, c, rx, ry)
        if self.look.hair == "bald":
            shine = self.alpha_layer()
            ellipse(shine, with_alpha((255, 255, 255), 46), self.P(-0.05, 0.3), self.f.d(0.045), self.f.d(0.02))
            self.surf.blit(shine, (0, 0))

    # -- hair
    def hair_back(self) -> None:
        style, c = self.look.hair, self.hair
        if style == "long":
            right = bezier((0.19, 0.36), (0.225, 0.62), (0.2, 0.74), 8) + bezier((0.2, 0.74), (0.17, 0.79),
                                                                                  (0.1, 0.785), 6)[1:]
            self.poly(self.hair_shade, right + [(-x, y) for x, y in right[::-1]])
            self.E(self.hair_shade, (0.0, 0.40), 0.198, 0.21)
        elif style == "curly":
            for x, y, r in _CURL_RING:
                self.E(self.hair_shade, (x, y), r, r)
            for x, y, r in _CURL_RING:
                self.E(c, (x - 0.006, y - 0.006), r * 0.86, r * 0.86)
        elif style == "bun":
            self.E(self.hair_shade, (0.0, 0.205), 0.075, 0.065)
            self.E(c, (-0.006, 0.2), 0.064, 0.055)
            self.line(self.hair_shade, bezier((-0.05, 0.21), (0.0, 0.235), (0.05, 0.2)), 0.006)
        elif style == "short":
            self.E(self.hair_shade, (0.0, 0.40), 0.176, 0.2)
        elif style == "bald" and self.look.age == "older":
            for side in (-1, 1):
                self.E(self.hair_shade, (side * 0.152, 0.415), 0.024, 0.06)
                self.E(self.hair, (side * 0.149, 0.41), 0.021, 0.056)

    def hair_front(self) -> None:
        style = self.look.hair
        if style == "bald":
            return
        if style == "curly":
            for x, y, r in _CURL_TOP:
                self.E(self.hair_shade, (x, y), r, r)
            for x, y, r in _CURL_TOP:
                self.E(self.hair, (x - 0.005, y - 0.006), r * 0.82, r * 0.82)
            return
        # Short, long and bun share a cap over the crown with a side-swept fringe.
        cap = self.alpha_layer()
        f = self.f
        top = self.head_c[1] - self.head_ry
        rect = f.rect(-self.head_rx - 0.014, top - 0.018, 2 * self.head_rx + 0.028, 0.3)
        pygame.draw.ellipse(cap, self.hair, rect)
        # Cut the cap along the hairline with a skin-free erase (transparent fill).
        line = [(-0.2, 0.41), (-0.16, 0.40), (-0.145, 0.33), (-0.11, 0.33), (-0.04, 0.355), (0.06, 0.31),
                (0.13, 0.32), (0.15, 0.37), (0.2, 0.4), (0.2, 0.7), (-0.2, 0.7)]
        if style == "bun":
            line = [(-0.2, 0.42), (-0.165, 0.40), (-0.14, 0.325), (-0.07, 0.292), (0.0, 0.285), (0.07, 0.292),
                    (0.14, 0.325), (0.165, 0.40), (0.2, 0.42), (0.2, 0.7), (-0.2, 0.7)]
        pygame.draw.polygon(cap, (0, 0, 0, 0), [f.p(x, y) for x, y in line])
        self.surf.blit(cap, (0, 0))
        if style != "bun":
            # A soft sheen and a strand line give the hair some shape.
            self.line(shade(self.hair, -0.18), bezier((-0.09, 0.265), (-0.02, 0.245), (0.05, 0.262)), 0.008)
            self.line(self.hair_shade, bezier((-0.04, 0.352), (0.02, 0.33), (0.06, 0.31)), 0.005)
        else:
            self.line(shade(self.hair, -0.18), bezier((-0.08, 0.262), (0.0, 0.242), (0.08, 0.262)), 0.008)
        if style == "long":
            for side in (-1, 1):
                self.poly(self.hair, [(side * 0.145, 0.33), (side * 0.185, 0.36), (side * 0.19, 0.62),
                                      (side * 0.15, 0.66), (side * 0.16, 0.5)])

    # -- head covering
    def scarf_back(self) -> None:
        drape = [(-0.215, 0.42), (0.215, 0.42), (0.26, 0.80), (0.14, 0.92), (0.0, 0.95), (-0.14, 0.92), (-0.26, 0.80)]
        self.poly(self.scarf_shade, drape)
        self.poly(self.scarf, [(x - 0.01, y) for x, y in drape[:-1]] + [(-0.25, 0.80)])
        self.E(self.scarf_shade, (0.0, 0.425), 0.218, 0.245)

    def scarf_front(self) -> None:
        # The covering frames the face: an outer band over the crown, then the face opening.
        band = self.alpha_layer()
        f = self.f
        outer = f.rect(-0.213, 0.425 - 0.243, 0.418, 0.486)
        pygame.draw.ellipse(band, self.scarf, outer)
        opening = f.rect(-0.142, 0.305, 0.284, 0.33)
        pygame.draw.ellipse(band, (0, 0, 0, 0), opening)
        pygame.draw.polygon(band, (0, 0, 0, 0), [f.p(-0.125, 0.52), f.p(0.125, 0.52), f.p(0.08, 0.66),
                                                 f.p(-0.08, 0.66)])
        self.surf.blit(band, (0, 0))
        # Fold lines.
        fold = shade(self.scarf, 0.2)
        self.line(fold, bezier((-0.18, 0.35), (-0.19, 0.55), (-0.12, 0.70)), 0.006)
        self.line(fold, bezier((0.17, 0.32), (0.2, 0.55), (0.13, 0.71)), 0.006)
        self.line(shade(self.scarf, -0.2), bezier((-0.12, 0.235), (0.0, 0.205), (0.12, 0.235)), 0.007)

    # -- face
    def face(self) -> None:
        ex = self.ex
        if ex.flush:
            blush = self.alpha_layer()
            deep = self.look.skin in ("brown", "dark")
            colour = mix(ex.flush_colour, (150, 40, 70), 0.45) if deep else ex.flush_colour
            alpha = round(ex.flush * (0.7 if deep else 1.0))
            for side in (-1, 1):
                ellipse(blush, with_alpha(colour, alpha), self.P(side * 0.098, 0.515),
                        self.f.d(0.032), self.f.d(0.02))
            self.surf.blit(blush, (0, 0))
        if self.look.age == "older":
            lines = self.skin_deep
            for side in (-1, 1):
                self.line(lines, bezier((side * 0.06, 0.52), (side * 0.078, 0.55), (side * 0.07, 0.58)), 0.004)
                self.line(lines, bezier((side * 0.09, 0.47), (side * 0.075, 0.476), (side * 0.058, 0.472)), 0.003)
        for side in (-1, 1):
            self.eye(side)
        self.nose()
        self.mouth()
        for side in (-1, 1):
            self.brow(side)
        if self.look.glasses:
            self.glasses()

    def eye(self, side: int) -> None:
        ex = self.ex
        cx, cy = side * self.eye_dx, self.eye_y
        rx, ry = self.eye_rx, self.eye_ry
        white = (250, 248, 244)
        iris_col = (58, 42, 36) if self.look.skin in ("light", "medium") else (40, 28, 24)
        self.E(self.skin_deep, (cx, cy), rx + 0.004, ry + 0.004)
        # The eyeball and lid are drawn on their own layer and trimmed to the eye's shape.
        canvas, self.surf = self.surf, self.alpha_layer()
        self.E(white, (cx, cy), rx, ry)
        gx, gy = ex.gaze
        ir = ry * 0.92
        self.E(iris_col, (cx + gx, cy + gy + 0.002), ir, ir)
        self.E((20, 16, 16), (cx + gx, cy + gy + 0.002), ir * 0.5, ir * 0.5)
        self.E((255, 255, 255), (cx + gx - ir * 0.35, cy + gy - ir * 0.35), ir * 0.28, ir * 0.28)
        lid = None
        if ex.lid_top > 0:
            drop = -ry + 2 * ry * ex.lid_top
            lid = (cy + drop + ex.lid_tilt * ry, cy + drop - ex.lid_tilt * ry)
            x_in, x_out = cx - side * (rx + 0.01), cx + side * (rx + 0.01)
            self.poly(self.skin_shade, [(x_in, lid[0]), (x_out, lid[1]), (x_out, cy - ry - 0.02),
                                        (x_in, cy - ry - 0.02)])
        shape = self.alpha_layer()
        ellipse(shape, (255, 255, 255, 255), self.P(cx, cy), self.f.d(rx), self.f.d(ry))
        self.surf.blit(shape, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        eyeball, self.surf = self.surf, canvas
        self.surf.blit(eyeball, (0, 0))
        if lid is not None:
            # The lash line along the lid's edge.
            self.line(self.skin_deep, [(cx - side * rx * 0.95, lid[0]), (cx + side * rx * 1.02, lid[1])], 0.005)
        else:
            self.line((40, 30, 28), bezier((cx - rx, cy - 0.002), (cx, cy - ry * 1.9), (cx + rx, cy - 0.002)),
                      0.0055)
        if ex.happy_eyes:
            self.E(self.skin, (cx, cy + ry * 1.35), rx * 1.5, ry * 0.95)
            self.line(self.skin_deep, bezier((cx - rx * 0.9, cy + ry * 0.55), (cx, cy + ry * 0.05),
                                             (cx + rx * 0.9, cy + ry * 0.55)), 0.004)

    def brow(self, side: int) -> None:
        ex = self.ex
        base = self.eye_y - 0.058
        inner = (side * 0.03, base + ex.brow_inner)
        outer = (side * 0.108, base + ex.brow_outer + 0.004)
        mid = (side * 0.07, min(inner[1], outer[1]) - 0.012 + (0.008 if ex.brow_inner > 0.02 else 0.0))
        if self.look.hair in ("bald", "covered") or self.look.hair_colour in ("blonde", "white", "grey"):
            colour = mix(self.hair if self.look.hair not in ("bald", "covered") else (70, 52, 40), (40, 30, 28), 0.45)
        else:
            colour = shade(self.hair, 0.15)
        w = 0.013 * ex.brow_weight
        pts = [self.P(*p) for p in bezier(inner, mid, outer, 10)]
        tapered(self.surf, colour, pts, self.f.d(w), self.f.d(w * 0.55))

    def nose(self) -> None:
        self.line(self.skin_deep, bezier((0.006, 0.455), (0.018, 0.5), (0.002, 0.512)), 0.005)
        nose_shadow = self.alpha_layer()
        ellipse(nose_shadow, with_alpha(self.skin_deep, 70), self.P(0.0, 0.512), self.f.d(0.02), self.f.d(0.008))
        self.surf.blit(nose_shadow, (0, 0))

    def mouth(self) -> None:
        ex = self.ex
        y = 0.553
        hw = ex.mouth_width
        opening = ex.mouth_open + (0.026 if self.talking else 0.0)
        curve = ex.mouth_curve
        left = (-hw, y - curve * 0.5 - ex.mouth_skew)
        right = (hw, y - curve * 0.5 + ex.mouth_skew)
        lip = mix(self.skin_deep, (150, 60, 64), 0.35)
        if opening <= 0.001:
            ctrl = (0.0, y + curve * 0.9)
            self.line(lip, bezier(left, ctrl, right), 0.0075)
            return
        inner_col = (92, 36, 44)
        # Open mouth: the top edge follows the smile or frown; the bottom dips by the opening.
        top_ctrl = (0.0, y + curve * 0.5)
        if curve < 0:
            top_ctrl = (0.0, y + curve * 1.2)
        bottom_ctrl = (0.0, y + curve * 0.5 + opening * 2.0)
        upper = bezier(left, top_ctrl, right, 18)
        lower = bezier(right, bottom_ctrl, left, 18)
        self.poly(inner_col, upper + lower)
        # Teeth under the top lip and the tongue at the bottom, both trimmed to the mouth's shape.
        inside = self.alpha_layer()
        if ex.teeth:
            shifted = [(x, yy + opening * 0.45) for x, yy in upper][::-1]
            pygame.draw.polygon(inside, (250, 248, 242, 255), [self.P(*p) for p in upper + shifted])
        if self.talking or not ex.teeth:
            low = y + opening + min(0.0, curve) * 0.3
            ellipse(inside, (200, 100, 104, 255), self.P(0.0, low), self.f.d(hw * 0.5), self.f.d(opening * 0.45))
        shape = self.alpha_layer()
        pygame.draw.polygon(shape, (255, 255, 255, 255), [self.P(*p) for p in upper + lower])
        inside.blit(shape, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        self.surf.blit(inside, (0, 0))
        self.line(lip, upper, 0.005)
        self.line(lip, lower, 0.005)

    def glasses(self) -> None:
        frame = (52, 50, 60) if self.look.skin not in ("dark", "brown") else (28, 26, 32)
        lens = self.alpha_layer()
        for side in (-1, 1):
            r = self.f.rect(side * self.eye_dx - 0.048, self.eye_y - 0.036, 0.096, 0.07)
            pygame.draw.rect(lens, (255, 255, 255, 40), r, border_radius=round(self.f.d(0.022)))
        self.surf.blit(lens, (0, 0))
        for side in (-1, 1):
            r = self.f.rect(side * self.eye_dx - 0.048, self.eye_y - 0.036, 0.096, 0.07)
            pygame.draw.rect(self.surf, frame, r, max(1, round(self.f.d(0.0075))), border_radius=round(self.f.d(0.022)))
            self.line(frame, [(side * (self.eye_dx + 0.048), self.eye_y - 0.01), (side * (self.head_rx - 0.002),
                                                                                  self.eye_y - 0.016)], 0.007)
        self.line(frame, bezier((-0.021, self.eye_y - 0.012), (0.0, self.eye_y - 0.024), (0.021, self.eye_y - 0.012)),
                  0.007)


def _ring(cx: float, cy: float, rx: float, ry: float, r: float, start: float, end: float, count: int
          ) -> list[tuple[float, float, float]]:
    out = []
    for i in range(count):
        a = start + (end - start) * i / max(1, count - 1)
        out.append((cx + rx * math.cos(a), cy + ry * math.sin(a), r))
    return out


_CURL_RING = _ring(0.0, 0.41, 0.175, 0.19, 0.062, 3.45, 6.0, 11) + [(0.0, 0.26, 0.12)]
_CURL_TOP = _ring(0.0, 0.37, 0.15, 0.12, 0.045, 3.3, 6.15, 10)


def render_portrait(appearance: Mapping[str, object], mood: str, size: tuple[int, int],
                    talking: bool = False) -> pygame.Surface:
    """A transparent head-and-shoulders portrait; cached by its arguments (safe to call every frame)."""
    look = look_from(appearance)
    w, h = max(8, int(size[0])), max(8, int(size[1]))
    key = (look, mood if mood in EXPRESSIONS else "neutral", w, h, bool(talking))
    cached = _cache.get(key)
    if cached is not None:
        return cached

    def paint(canvas: pygame.Surface, _factor: float) -> None:
        _Painter(canvas, look, key[1], bool(talking)).paint()
        # Translucent layers can leave the figure a shade short of opaque; make every drawn pixel solid
        # (edges are softened afterwards by the downscale).
        solid = pygame.mask.from_surface(canvas, 0).to_surface(setcolor=(0, 0, 0, 255), unsetcolor=(0, 0, 0, 0))
        canvas.blit(solid, (0, 0), special_flags=pygame.BLEND_RGBA_MAX)

    factor = 3 if w * h <= 160_000 else 2
    picture = cached_picture("portrait", key, lambda: supersampled((w, h), factor, paint), (w, h))
    return _cache.put(key, for_display(picture, alpha=True))


def warm_portraits(appearance: Mapping[str, object], size: tuple[int, int]) -> None:
    """Draw every mood, talking and not, ahead of time (e.g. when a scenario starts) so no frame waits."""
    for mood in vocab.MOODS:
        for talking in (False, True):
            render_portrait(appearance, mood, size, talking)


def clear_cache() -> None:
    _cache.clear()
