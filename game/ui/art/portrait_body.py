"""The portrait's body, clothes, head shape, hair and head covering (the face's features are in portrait_face)."""

from __future__ import annotations

import math

import pygame

from .draw import Point, bezier, ellipse, shade, tapered, with_alpha
from .portrait_kit import PainterBase

SHIRT = (236, 232, 224)


class BodyParts(PainterBase):
    """Everything behind and around the face, drawn back to front by the portrait's painter."""

    # -- body
    def torso_outline(self, top: float) -> list[Point]:
        """Shoulders from the neck out to the arms, down past the bottom edge; the build sets their shape."""
        b = self.build
        sh, n = b.shoulder, b.neck + 0.012
        arm = sh - 0.095
        left = bezier((-n, top), (-(n + 0.13 * sh / 0.405), top + 0.005), (-arm, top + b.drop), 8)
        if b.waist > 0.02:  # a rounder figure: one soft curve from the shoulder out over the middle
            left += bezier((-arm, top + b.drop), (-(sh + b.waist), top + b.drop + 0.03), (-(sh + b.waist), 1.05),
                           10)[1:]
        else:
            left += bezier((-arm, top + b.drop), (-(sh - 0.01), top + b.drop + 0.035), (-sh, top + 0.2), 8)[1:]
            left.append((-(sh + 0.005 + b.waist), 1.05))
        right = [(-x, y) for x, y in left[::-1]]
        return left + right

    def body(self) -> None:
        top = 0.72
        outline = self.torso_outline(top)
        self.poly(self.cloth_shade, outline)
        self.poly(self.cloth, [(x * 0.93 - 0.022, y + 0.004) for x, y in outline])
        if self.look.hair != "covered":
            self.neckline(top)
        # Arms suggested by two seams.
        seam = shade(self.cloth, 0.24)
        arm = self.build.shoulder - 0.105
        for side in (-1, 1):
            self.line(seam, bezier((side * arm, top + 0.07), (side * (arm + 0.015), top + 0.16),
                                   (side * arm, 1.05)), 0.005)

    def neckline(self, top: float) -> None:
        """The neck opening of the clothes: crew, V-neck, collar shirt, cardigan over a shirt, or a jacket."""
        k = self.build.neck / 0.058
        style = self.look.outfit_style
        if style == "crew":
            self.E(self.cloth_shade, (0.0, top + 0.004), 0.088 * k, 0.05)
            self.E(self.skin, (0.0, top - 0.006), 0.068 * k, 0.042)
            self.E(self.skin_shade, (0.0, top - 0.02), 0.066 * k, 0.028)
        elif style == "vneck":
            w = 0.07 * k
            self.poly(self.skin, [(-w, top - 0.01), (w, top - 0.01), (0.0, top + 0.12)])
            self.poly(self.skin_shade, [(-w, top - 0.01), (w, top - 0.01), (0.0, top + 0.035)])
            rib = shade(self.cloth, 0.28)
            self.line(rib, [(-w - 0.008, top - 0.01), (0.0, top + 0.128), (w + 0.008, top - 0.01)], 0.014)
        elif style in ("cardigan", "jacket"):
            self.open_front(top, k, style == "jacket")
        else:
            self.collar_shirt(top, k)

    def collar_shirt(self, top: float, k: float) -> None:
        w = 0.066 * k
        self.poly(self.skin, [(-w, top - 0.01), (w, top - 0.01), (0.0, top + 0.085)])
        self.poly(self.skin_shade, [(-w, top - 0.01), (w, top - 0.01), (0.0, top + 0.03)])
        collar = shade(self.cloth, -0.22)
        self.line(shade(self.cloth, 0.22), [(0.0, top + 0.09), (0.0, 1.05)], 0.005)
        for i in range(3):
            self.E(shade(self.cloth, -0.4), (0.012, top + 0.14 + i * 0.07), 0.008, 0.008)
        for side in (-1, 1):
            self.poly(collar, [(side * (w + 0.014), top - 0.006), (side * 0.004, top + 0.095),
                               (side * 0.05, top + 0.11), (side * (w + 0.05), top + 0.03)])

    def open_front(self, top: float, k: float, jacket: bool) -> None:
        """A light shirt in a V between the two fronts of a cardigan, or between a jacket's lapels with a tie."""
        w = 0.09 * k
        self.poly(SHIRT, [(-w, top - 0.01), (w, top - 0.01), (0.0, top + 0.2)])
        self.poly(self.skin, [(-0.055 * k, top - 0.01), (0.055 * k, top - 0.01), (0.0, top + 0.05)])
        for side in (-1, 1):
            self.poly(shade(SHIRT, 0.12), [(side * 0.062 * k, top - 0.012), (side * 0.005, top + 0.06),
                                           (side * 0.04, top + 0.075), (side * w, top + 0.02)])
        if jacket:
            tie = shade(self.cloth, 0.55) if sum(self.cloth) > 420 else (150, 44, 56)
            self.poly(tie, [(-0.016, top + 0.065), (0.016, top + 0.065), (0.026, top + 0.2), (0.0, top + 0.23),
                            (-0.026, top + 0.2)])
            self.E(shade(tie, 0.2), (0.0, top + 0.068), 0.02, 0.014)
            lapel = shade(self.cloth, 0.3)
            for side in (-1, 1):
                self.poly(lapel, [(side * (w + 0.004), top - 0.012), (side * 0.03, top + 0.26),
                                  (side * 0.075, top + 0.2), (side * (w + 0.07), top + 0.08),
                                  (side * (w + 0.03), top + 0.01)])
                self.line(shade(lapel, 0.25), [(side * (w + 0.004), top - 0.01), (side * 0.03, top + 0.26)],
                          0.005)
            return
        edge = shade(self.cloth, 0.2)
        self.line(edge, [(-w - 0.002, top - 0.008), (-0.004, top + 0.21), (-0.004, 1.05)], 0.008)
        self.line(edge, [(w + 0.002, top - 0.008), (0.004, top + 0.21)], 0.008)
        for i in range(3):
            self.E(shade(self.cloth, -0.3), (0.022, top + 0.24 + i * 0.055), 0.009, 0.009)

    def neck(self) -> None:
        n = self.build.neck
        self.poly(self.skin, [(-n, 0.55), (n, 0.55), (n + 0.006, 0.745), (-n - 0.006, 0.745)])
        # The shadow under the chin, kept inside the neck.
        self.poly(self.skin_shade, [(-n, 0.56), (n, 0.56), (n + 0.002, 0.655), (0.0, 0.672), (-n - 0.002, 0.655)])

    def ears(self) -> None:
        hx = self.head_rx
        for side in (-1, 1):
            self.E(self.skin_shade if side > 0 else self.skin, (side * (hx - 0.004), 0.46), 0.028, 0.04)
            self.E(self.skin_deep, (side * (hx + 0.001), 0.462), 0.011, 0.02)

    def head_shapes(self, inset: float = 0.0, dx: float = 0.0) -> list[tuple[Point, float, float]]:
        """The head as two ellipses: the cranium and a jaw whose width comes from the build."""
        rx, ry = self.head_rx - inset, self.head_ry - inset
        cy = self.head_c[1]
        jaw = self.build.jaw
        return [((dx, cy - 0.015), rx, ry - 0.015), ((dx, cy + 0.05), rx * jaw, ry * 0.7 - inset * 0.3)]

    def head(self) -> None:
        for c, rx, ry in self.head_shapes():
            self.E(self.skin_shade, c, rx, ry)
        for c, rx, ry in self.head_shapes(0.01, -0.011):
            self.E(self.skin, c, rx, ry)
        if self.look.hair == "bald":
            shine = self.alpha_layer()
            ellipse(shine, with_alpha((255, 255, 255), 46), self.P(-0.05, 0.3), self.f.d(0.045), self.f.d(0.02))
            self.surf.blit(shine, (0, 0))

    def facial_hair(self) -> None:
        """Stubble or a beard along the jaw (the mouth stays clear), or a moustache over the lip."""
        style = self.look.facial_hair
        if style == "none":
            return
        if style == "moustache":
            for side in (-1, 1):
                self.E(self.hair_shade, (side * 0.026, 0.536), 0.034, 0.011)
                self.E(self.hair, (side * 0.026 - 0.002, 0.534), 0.03, 0.008)
            return
        layer = self.alpha_layer()
        alpha = 80 if style == "stubble" else 255
        colour = self.hair_shade if style == "stubble" else self.hair
        for c, rx, ry in self.head_shapes(0.004):
            ellipse(layer, with_alpha(colour, alpha), self.P(*c), self.f.d(rx), self.f.d(ry))
        f = self.f
        pygame.draw.polygon(layer, (0, 0, 0, 0), [f.p(-0.3, 0.1), f.p(0.3, 0.1), f.p(0.3, 0.5), f.p(0.09, 0.505),
                                                  f.p(0.0, 0.525), f.p(-0.09, 0.505), f.p(-0.3, 0.5)])
        ellipse(layer, (0, 0, 0, 0), f.p(0.0, 0.556), f.d(0.058), f.d(0.02 if style == "beard" else 0.012))
        self.surf.blit(layer, (0, 0))

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
        elif style == "ponytail":
            tail = [self.P(*p) for p in bezier((0.12, 0.3), (0.27, 0.4), (0.2, 0.72), 12)]
            tapered(self.surf, self.hair_shade, tail, self.f.d(0.11), self.f.d(0.035))
            tail = [self.P(x - 0.01, y) for x, y in bezier((0.12, 0.3), (0.26, 0.4), (0.19, 0.7), 12)]
            tapered(self.surf, c, tail, self.f.d(0.08), self.f.d(0.02))
            self.E(self.hair_shade, (0.0, 0.40), 0.172, 0.198)
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
        # Short, long, bun and ponytail share a cap over the crown, cut along the hairline.
        cap = self.alpha_layer()
        f = self.f
        top = self.head_c[1] - self.head_ry
        rect = f.rect(-self.head_rx - 0.014, top - 0.018, 2 * self.head_rx + 0.028, 0.3)
        pygame.draw.ellipse(cap, self.hair, rect)
        swept = style in ("bun", "ponytail")
        line = [(-0.2, 0.41), (-0.16, 0.40), (-0.145, 0.33), (-0.11, 0.33), (-0.04, 0.355), (0.06, 0.31),
                (0.13, 0.32), (0.15, 0.37), (0.2, 0.4), (0.2, 0.7), (-0.2, 0.7)]
        if swept:
            line = [(-0.2, 0.42), (-0.165, 0.40), (-0.14, 0.325), (-0.07, 0.292), (0.0, 0.285), (0.07, 0.292),
                    (0.14, 0.325), (0.165, 0.40), (0.2, 0.42), (0.2, 0.7), (-0.2, 0.7)]
        pygame.draw.polygon(cap, (0, 0, 0, 0), [f.p(x, y) for x, y in line])
        self.surf.blit(cap, (0, 0))
        if not swept:
            # A soft sheen and a strand line give the hair some shape.
            self.line(shade(self.hair, -0.18), bezier((-0.09, 0.265), (-0.02, 0.245), (0.05, 0.262)), 0.008)
            self.line(self.hair_shade, bezier((-0.04, 0.352), (0.02, 0.33), (0.06, 0.31)), 0.005)
        else:
            self.line(shade(self.hair, -0.18), bezier((-0.08, 0.262), (0.0, 0.242), (0.08, 0.262)), 0.008)
        if style == "ponytail":
            self.line(self.hair_shade, bezier((0.06, 0.265), (0.12, 0.27), (0.15, 0.33)), 0.007)
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


def _ring(cx: float, cy: float, rx: float, ry: float, r: float, start: float, end: float, count: int
          ) -> list[tuple[float, float, float]]:
    out = []
    for i in range(count):
        a = start + (end - start) * i / max(1, count - 1)
        out.append((cx + rx * math.cos(a), cy + ry * math.sin(a), r))
    return out


_CURL_RING = _ring(0.0, 0.41, 0.175, 0.19, 0.062, 3.45, 6.0, 11) + [(0.0, 0.26, 0.12)]
_CURL_TOP = _ring(0.0, 0.37, 0.15, 0.12, 0.045, 3.3, 6.15, 10)
