"""The portrait's face: an expression per mood (brows, lids, gaze, mouth, flush) and the features that show it."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .draw import RGB, Point, bezier, ellipse, mix, shade, tapered, with_alpha
from .portrait_kit import PainterBase


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


class FaceParts(PainterBase):
    """Eyes, brows, nose, mouth, cheeks and glasses for the painter's expression."""

    ex: Expression
    talking: bool
    blinking: bool = False

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
        if self.blinking:
            self.closed_eye(side)
            return
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

    def closed_eye(self, side: int) -> None:
        """The eye shut mid-blink: the lid over the whole eye, its lash line curved down, a crease above."""
        ex = self.ex
        cx, cy = side * self.eye_dx, self.eye_y
        rx, ry = self.eye_rx, self.eye_ry
        self.E(self.skin_shade, (cx, cy), rx + 0.003, ry + 0.002)
        tilt = ex.lid_tilt * ry * 0.35  # an angry lid shuts lower at the nose, a worried one higher
        inner, outer = (cx - side * rx, cy + ry * 0.15 + tilt), (cx + side * rx * 1.04, cy + ry * 0.15 - tilt)
        self.line((40, 30, 28), bezier(inner, (cx, cy + ry * 0.95), outer), 0.0055)
        self.line(self.skin_deep, bezier((cx - side * rx * 0.8, cy - ry * 0.55), (cx, cy - ry * 1.05),
                                         (cx + side * rx * 0.85, cy - ry * 0.5)), 0.003)

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
