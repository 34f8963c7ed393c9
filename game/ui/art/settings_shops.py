"""Backdrops for the shop-like settings: pharmacy, garden centre, boutique counter and restaurant."""

from __future__ import annotations

import random
from collections.abc import Callable

from .draw import bezier, mix, shade
from .scene_kit import Canvas, plant


def _cross(c: Canvas, x: float, y: float, size: float, colour: tuple[int, int, int]) -> None:
    """A plus-shaped cross centred on (x, y); size is the arm length in picture heights."""
    a = c.h / c.w
    arm, bar = size, size * 0.36
    c.rect(colour, x - arm * a, y - bar, x + arm * a, y + bar, 0.004)
    c.rect(colour, x - bar * a, y - arm, x + bar * a, y + arm, 0.004)


def _pharmacy(c: Canvas) -> None:
    c.gradient((236, 242, 238), (224, 232, 228), 0, 0, 1, 0.8)
    c.rect((214, 226, 220), 0, 0.6, 1, 0.8)
    c.rect((200, 214, 208), 0, 0.595, 1, 0.605)
    rng = random.Random(21)
    boxes = [(150, 190, 168), (150, 186, 202), (206, 168, 182), (184, 204, 150), (226, 196, 136), (160, 172, 206),
             (214, 150, 132)]
    frame = (208, 216, 214)
    for x0, x1 in ((0.02, 0.3), (0.7, 0.98)):
        c.rect(shade(frame, 0.14), x0, 0.08, x1, 0.8, 0.006)
        c.rect((226, 234, 230), x0 + 0.01, 0.1, x1 - 0.01, 0.79)
        for row in range(5):
            shelf_y = 0.22 + row * 0.13
            x = x0 + 0.018
            while x < x1 - 0.04:
                col = rng.choice(boxes)
                if rng.random() < 0.22:  # an amber bottle with a white cap
                    bw, bh = rng.uniform(0.016, 0.022), rng.uniform(0.055, 0.075)
                    c.rect((190, 140, 90), x, shelf_y - bh * 0.8, x + bw, shelf_y, 0.005)
                    c.rect((244, 242, 236), x + bw * 0.15, shelf_y - bh * 0.55, x + bw * 0.85, shelf_y - bh * 0.3)
                    c.rect((236, 236, 232), x + bw * 0.1, shelf_y - bh, x + bw * 0.9, shelf_y - bh * 0.8, 0.002)
                else:  # a medicine box: white with a coloured band
                    bw, bh = rng.uniform(0.024, 0.038), rng.uniform(0.05, 0.095)
                    c.rect((246, 246, 244), x, shelf_y - bh, x + bw, shelf_y, 0.003)
                    c.rect(col, x, shelf_y - bh * 0.62, x + bw, shelf_y - bh * 0.38)
                    c.rect(shade(frame, 0.2), x + bw - 0.003, shelf_y - bh, x + bw, shelf_y)
                x += bw + rng.uniform(0.003, 0.007)
            c.rect(frame, x0 + 0.006, shelf_y, x1 - 0.006, shelf_y + 0.014)
            c.rect(shade(frame, 0.15), x0 + 0.006, shelf_y + 0.01, x1 - 0.006, shelf_y + 0.016)
    # The dispensary hatch behind the counter: frosted glass over the back room's drawers.
    c.rect((196, 210, 204), 0.35, 0.33, 0.65, 0.62, 0.006)
    c.gradient((226, 236, 232), (214, 226, 222), 0.36, 0.345, 0.64, 0.605)
    for row in range(4):
        for col in range(6):
            x = 0.375 + col * 0.044
            y = 0.37 + row * 0.058
            c.rect((208, 220, 216), x, y, x + 0.036, y + 0.044, 0.003)
            c.rect((190, 204, 200), x + 0.014, y + 0.018, x + 0.022, y + 0.024, 0.002)
    # The green cross sign, softly lit, at the top beside the right-hand shelves (not behind the head).
    half = 0.07 * c.h / c.w
    c.glow((160, 220, 180), 0.66, 0.15, 0.08, 0.12, 90)
    c.rect((246, 248, 246), 0.66 - half, 0.08, 0.66 + half, 0.22, 0.01)
    _cross(c, 0.66, 0.15, 0.052, (96, 168, 122))
    _cross(c, 0.66, 0.15, 0.031, (126, 190, 146))
    # The counter in front: white with a green band, a prescription bag and a card reader.
    c.rect((234, 238, 234), 0, 0.8, 1, 1)
    c.rect((214, 222, 218), 0, 0.785, 1, 0.815, 0.004)
    c.rect((120, 172, 140), 0, 0.85, 1, 0.866)
    for i in range(6):
        c.rect((222, 228, 224), 0.03 + i * 0.165, 0.885, 0.16 + i * 0.165, 0.975, 0.006)
    c.poly((238, 232, 216), [(0.13, 0.79), (0.21, 0.79), (0.205, 0.66), (0.135, 0.66)])
    c.poly((222, 214, 196), [(0.135, 0.66), (0.205, 0.66), (0.2, 0.645), (0.14, 0.645)])
    _cross(c, 0.17, 0.72, 0.022, (110, 176, 134))
    c.rect((196, 140, 90), 0.235, 0.74, 0.252, 0.79, 0.004)
    c.rect((244, 242, 236), 0.233, 0.725, 0.254, 0.742, 0.002)
    c.rect((84, 92, 100), 0.8, 0.72, 0.86, 0.79, 0.008)
    c.rect((150, 196, 176), 0.808, 0.73, 0.852, 0.75, 0.003)


def _garden_centre(c: Canvas) -> None:
    glass, bar = (206, 226, 230), (238, 242, 240)
    c.gradient((186, 212, 224), (222, 234, 232), 0, 0, 1, 0.62)
    # Greenery beyond the glass walls.
    rng = random.Random(8)
    for i in range(30):
        x = i / 29 + rng.uniform(-0.02, 0.02)
        c.oval(mix((142, 176, 140), glass, rng.uniform(0.2, 0.5)), x, 0.52 + rng.uniform(-0.03, 0.02),
               rng.uniform(0.04, 0.07), rng.uniform(0.06, 0.1))
    c.rect((196, 204, 196), 0, 0.58, 1, 0.64)
    c.gradient((196, 192, 180), (178, 174, 162), 0, 0.63, 1, 0.82)
    # The glass roof: a gable of white glazing bars with rafters running overhead.
    c.line(bar, [(0, 0.28), (0.5, 0.04), (1, 0.28)], 0.012)
    for k in range(1, 4):
        dy = k * 0.08
        c.line(bar, [(0, 0.28 - dy), (0.5 - dy * 1.6, 0.04 - dy * 0.77)], 0.006)
        c.line(bar, [(1, 0.28 - dy), (0.5 + dy * 1.6, 0.04 - dy * 0.77)], 0.006)
    for i in range(1, 10):
        x = i / 10
        top = 0.04 + abs(x - 0.5) * 0.48
        c.line(bar, [(x, top), (x, 0.62)], 0.005)
    c.rect(bar, 0, 0.28, 1, 0.295)
    # Hanging baskets from the roof.
    for x in (0.2, 0.66):
        c.line((150, 150, 146), [(x, 0.17), (x, 0.27)], 0.003)
        c.poly((168, 126, 96), [(x - 0.035, 0.27), (x + 0.035, 0.27), (x + 0.02, 0.31), (x - 0.02, 0.31)])
        for dx, drop in ((-0.03, 0.08), (-0.012, 0.11), (0.012, 0.09), (0.03, 0.07)):
            trail = bezier((x + dx, 0.3), (x + dx * 1.5, 0.32), (x + dx * 1.3, 0.3 + drop), 6)
            c.line((96, 138, 104), trail, 0.004)
            for px, py in trail[2::2]:
                c.oval((110, 152, 116), px, py, 0.006, 0.01)
        for dx, col in ((-0.02, (214, 150, 160)), (0.015, (230, 200, 130)), (0.0, (200, 160, 196))):
            c.circle(col, x + dx, 0.265, 0.012)
    # Benches of potted plants on the left.
    c.rect((150, 124, 96), 0.02, 0.63, 0.36, 0.66, 0.004)
    c.rect((130, 106, 82), 0.04, 0.66, 0.055, 0.78)
    c.rect((130, 106, 82), 0.325, 0.66, 0.34, 0.78)
    blooms = [(214, 150, 160), (230, 200, 130), (200, 160, 196), (236, 236, 230), (220, 140, 110)]
    for i, x in enumerate((0.06, 0.13, 0.2, 0.27, 0.33)):
        if i % 2:
            plant(c, x, 0.63, 0.2, (184, 118, 88))
        else:
            c.oval((94, 138, 104), x, 0.565, 0.032, 0.05)
            for j in range(5):
                c.circle(blooms[(i + j) % len(blooms)], x - 0.02 + j * 0.01, 0.54 + (j % 2) * 0.025, 0.011)
            c.poly((184, 118, 88), [(x - 0.025, 0.59), (x + 0.025, 0.59), (x + 0.02, 0.63), (x - 0.02, 0.63)])
    # A seed rack on the right: rows of little packets with a picture on each.
    c.rect((120, 130, 124), 0.72, 0.3, 0.95, 0.78, 0.006)
    c.rect((226, 230, 224), 0.73, 0.315, 0.94, 0.7)
    packets = [(214, 150, 160), (230, 200, 130), (150, 190, 130), (200, 160, 196), (220, 140, 110), (160, 190, 210)]
    for row in range(5):
        for col in range(5):
            x, y = 0.737 + col * 0.041, 0.325 + row * 0.074
            colour = packets[(row * 2 + col) % len(packets)]
            c.rect(shade(colour, -0.3), x, y, x + 0.034, y + 0.062, 0.003)
            c.circle(colour, x + 0.017, y + 0.026, 0.015)
            c.rect(shade(colour, 0.1), x + 0.005, y + 0.048, x + 0.029, y + 0.054)
    c.rect((120, 130, 124), 0.75, 0.7, 0.92, 0.72)
    # The potting bench in front, with a watering can, a tray of seedlings and a stack of pots.
    c.rect((168, 132, 96), 0, 0.82, 1, 1)
    for i in range(9):
        y = 0.835 + i * 0.018
        c.rect((156, 120, 86), 0, y, 1, y + 0.004)
    c.rect((192, 156, 116), 0, 0.8, 1, 0.83)
    can = (110, 150, 140)
    c.rect(can, 0.1, 0.71, 0.18, 0.8, 0.01)
    c.poly(can, [(0.175, 0.76), (0.185, 0.77), (0.24, 0.7), (0.23, 0.695)])
    c.rect(shade(can, 0.2), 0.225, 0.69, 0.25, 0.7, 0.003)
    c.line(shade(can, 0.15), bezier((0.105, 0.72), (0.14, 0.65), (0.175, 0.72), 10), 0.008)
    c.rect((140, 110, 84), 0.74, 0.76, 0.92, 0.8, 0.004)
    for i in range(6):
        x = 0.755 + i * 0.028
        c.line((104, 150, 108), [(x, 0.765), (x, 0.735)], 0.004)
        c.oval((120, 166, 118), x - 0.006, 0.735, 0.007, 0.008)
        c.oval((120, 166, 118), x + 0.006, 0.73, 0.007, 0.008)
    for i in range(3):
        c.poly((192, 124, 92), [(0.62 + i * 0.006, 0.74 - i * 0.018), (0.68 - i * 0.006, 0.74 - i * 0.018),
                                (0.672, 0.8), (0.628, 0.8)])


def _boutique(c: Canvas) -> None:
    c.gradient((240, 230, 226), (230, 218, 214), 0, 0, 1, 0.8)
    c.rect((226, 212, 208), 0, 0.52, 1, 0.8)
    c.rect((214, 196, 170), 0, 0.515, 1, 0.525)
    for x0 in (0.03, 0.27, 0.53, 0.77):
        c.rect((216, 200, 196), x0, 0.56, x0 + 0.2, 0.77, 0.004, 0.003)
    gold = (200, 170, 112)
    # Soft spotlights from the ceiling, each with a faint cone of light.
    for x in (0.15, 0.38, 0.62, 0.95):
        c.tint((255, 244, 226), [(x - 0.015, 0.02), (x + 0.015, 0.02), (x + 0.09, 0.7), (x - 0.09, 0.7)], 46)
        c.glow((255, 240, 220), x, 0.05, 0.06, 0.08, 120)
        c.rect((200, 184, 176), x - 0.02, 0, x + 0.02, 0.022, 0.004)
    # A tall arched mirror on the left.
    c.rect(gold, 0.06, 0.2, 0.22, 0.76, 0.006)
    c.oval(gold, 0.14, 0.2, 0.08, 0.13)
    c.gradient((214, 222, 226), (236, 236, 234), 0.072, 0.2, 0.208, 0.745)
    c.oval((214, 222, 226), 0.14, 0.2, 0.068, 0.115)
    for dx, w in ((0.0, 0.012), (0.03, 0.006)):
        c.poly((242, 244, 244), [(0.09 + dx, 0.56), (0.09 + dx + w, 0.56), (0.15 + dx + w, 0.24),
                                 (0.15 + dx, 0.24)])
    # A lit alcove of glass shelves on the right: perfume, ring boxes, a handbag.
    c.rect((214, 198, 190), 0.72, 0.14, 0.94, 0.7, 0.008)
    c.gradient((248, 236, 218), (236, 222, 210), 0.73, 0.155, 0.93, 0.685)
    for i, y in enumerate((0.32, 0.5, 0.68)):
        c.rect((220, 226, 228), 0.73, y, 0.93, y + 0.008)
        if i == 0:
            for k, col in enumerate(((214, 180, 190), (196, 210, 214), (230, 206, 150))):
                x = 0.76 + k * 0.06
                c.rect(col, x, y - 0.07, x + 0.03, y, 0.006)
                c.rect(gold, x + 0.009, y - 0.09, x + 0.021, y - 0.07, 0.002)
        elif i == 1:
            for k in range(3):
                x = 0.755 + k * 0.06
                c.rect((120, 96, 110), x, y - 0.045, x + 0.035, y, 0.004)
                c.circle(gold, x + 0.0175, y - 0.03, 0.009, 0.003)
        else:
            c.rect((176, 128, 118), 0.78, y - 0.1, 0.88, y, 0.012)
            c.line(shade((176, 128, 118), 0.2), bezier((0.8, y - 0.1), (0.83, y - 0.17), (0.86, y - 0.1), 10),
                   0.006)
    # A gem emblem over the alcove (off centre: never a halo behind the customer's head).
    gx, gy = 0.83, 0.075
    c.circle((246, 240, 236), gx, gy, 0.055)
    c.circle(gold, gx, gy, 0.055, 0.004)
    a = c.h / c.w
    c.poly((196, 208, 214), [(gx - 0.032 * a, gy - 0.012), (gx + 0.032 * a, gy - 0.012), (gx, gy + 0.028)])
    c.poly((226, 232, 236), [(gx - 0.02 * a, gy - 0.028), (gx + 0.02 * a, gy - 0.028), (gx + 0.032 * a, gy - 0.012),
                             (gx - 0.032 * a, gy - 0.012)])
    # A velvet bust wearing a necklace, on the counter.
    bust = (108, 92, 112)
    c.poly(bust, [(0.265, 0.7), (0.335, 0.7), (0.33, 0.65), (0.31, 0.625), (0.308, 0.57), (0.292, 0.57),
                  (0.29, 0.625), (0.27, 0.65)])
    c.oval(shade(bust, -0.15), 0.3, 0.57, 0.008, 0.006)
    for k, (x, y) in enumerate(bezier((0.289, 0.61), (0.3, 0.66), (0.311, 0.61), 8)):
        c.circle((236, 220, 170) if k % 2 else (226, 236, 240), x, y, 0.006)
    # The glass display counter in front: velvet trays of rings and a necklace under a glass top.
    c.rect((176, 156, 168), 0, 0.715, 1, 0.83)
    c.rect((150, 130, 146), 0, 0.8, 1, 0.83)
    for tray in (0.03, 0.68):
        c.rect((108, 118, 142), tray, 0.765, tray + 0.29, 0.815, 0.006)
        for k in range(5):
            x = tray + 0.03 + k * 0.055
            c.circle((232, 214, 160), x, 0.792, 0.014, 0.004)
            c.circle((226, 236, 240) if k % 2 else (214, 150, 160), x, 0.776, 0.007)
    c.rect((108, 118, 142), 0.35, 0.75, 0.48, 0.815, 0.006)
    chain = bezier((0.365, 0.755), (0.415, 0.84), (0.465, 0.755), 14)
    for k, (x, y) in enumerate(chain):
        c.circle((236, 220, 170) if k % 3 else (226, 236, 240), x, y, 0.005)
    c.tint((236, 244, 248), [(0, 0.715), (1, 0.715), (1, 0.83), (0, 0.83)], 40)
    for x in (0.0, 0.25, 0.5, 0.75):
        c.tint((250, 252, 252), [(x + 0.05, 0.83), (x + 0.075, 0.83), (x + 0.115, 0.715), (x + 0.09, 0.715)], 110)
    c.rect((238, 230, 222), 0, 0.83, 1, 1)
    c.rect(gold, 0, 0.83, 1, 0.842)
    c.rect(gold, 0, 0.7, 1, 0.706)
    c.rect((232, 238, 240), 0, 0.706, 1, 0.716)
    for i in range(5):
        c.rect((228, 218, 210), 0.03 + i * 0.2, 0.87, 0.17 + i * 0.2, 0.975, 0.006)


def _restaurant(c: Canvas) -> None:
    c.gradient((236, 222, 204), (228, 212, 194), 0, 0, 1, 0.56)
    wood = (170, 128, 98)
    c.rect(wood, 0, 0.5, 1, 0.82)
    for i in range(25):
        c.rect(shade(wood, 0.08), i * 0.042, 0.5, i * 0.042 + 0.004, 0.82)
    c.rect(shade(wood, -0.2), 0, 0.495, 1, 0.51)
    # A big window onto the street, with a café curtain.
    c.rect((236, 230, 220), 0.03, 0.08, 0.33, 0.56, 0.006)
    c.gradient((186, 210, 222), (222, 230, 226), 0.045, 0.1, 0.315, 0.54)
    c.rect((214, 188, 170), 0.045, 0.2, 0.315, 0.54)
    for row in range(3):
        for col in range(5):
            x, y = 0.06 + col * 0.052, 0.23 + row * 0.07
            c.rect((190, 204, 214), x, y, x + 0.026, y + 0.045, 0.003)
    c.rect((120, 110, 100), 0.25, 0.3, 0.256, 0.54)
    c.oval((150, 180, 146), 0.253, 0.28, 0.045, 0.07)
    c.oval((134, 166, 132), 0.24, 0.31, 0.03, 0.045)
    c.rect((236, 230, 220), 0.18, 0.1, 0.19, 0.54)
    c.rect((236, 230, 220), 0.045, 0.3, 0.315, 0.31)
    c.rect((226, 206, 196), 0.045, 0.38, 0.315, 0.54)
    for i in range(9):
        c.rect((216, 194, 184), 0.05 + i * 0.03, 0.38, 0.06 + i * 0.03, 0.54)
    c.rect((150, 110, 80), 0.04, 0.372, 0.32, 0.382, 0.003)
    # The bar on the right: shelves of bottles, a counter and stools.
    c.rect((120, 94, 78), 0.64, 0.1, 0.98, 0.46, 0.006)
    c.gradient((196, 190, 178), (176, 170, 160), 0.65, 0.115, 0.97, 0.445)
    rng = random.Random(4)
    bottles = [(120, 150, 120), (190, 150, 90), (160, 110, 100), (210, 200, 170), (110, 130, 150)]
    for shelf in (0.26, 0.42):
        x = 0.66
        while x < 0.95:
            bw, bh = rng.uniform(0.014, 0.02), rng.uniform(0.08, 0.12)
            col = rng.choice(bottles)
            c.rect(col, x, shelf - bh * 0.65, x + bw, shelf, 0.005)
            c.rect(col, x + bw * 0.35, shelf - bh, x + bw * 0.65, shelf - bh * 0.6)
            x += bw + rng.uniform(0.006, 0.012)
        c.rect((150, 118, 92), 0.65, shelf, 0.97, shelf + 0.014)
    c.rect((110, 84, 68), 0.62, 0.56, 1.0, 0.8)
    c.rect((196, 160, 120), 0.61, 0.545, 1.0, 0.57, 0.004)
    c.rect((200, 176, 120), 0.62, 0.75, 1.0, 0.758)
    for x in (0.68, 0.8, 0.92):
        c.oval((96, 76, 64), x, 0.635, 0.03, 0.012)
        c.rect((150, 140, 130), x - 0.004, 0.64, x + 0.004, 0.79)
        c.rect((150, 140, 130), x - 0.02, 0.72, x + 0.02, 0.726)
    # Two laid tables with chairs on the left.
    for x in (0.1, 0.3):
        for dx in (-0.055, 0.055):
            c.rect((120, 90, 70), x + dx - 0.015, 0.56, x + dx + 0.015, 0.66, 0.006)
            c.rect((120, 90, 70), x + dx - 0.012, 0.66, x + dx - 0.008, 0.78)
        c.rect((246, 242, 234), x - 0.06, 0.62, x + 0.06, 0.7, 0.004)
        c.rect((232, 226, 216), x - 0.06, 0.62, x + 0.06, 0.632, 0.003)
        c.rect((232, 226, 216), x - 0.004, 0.7, x + 0.004, 0.79)
        c.rect((226, 236, 240), x - 0.02, 0.59, x - 0.012, 0.62, 0.002)
        c.circle((200, 120, 110), x + 0.015, 0.6, 0.01)
    # Pendant lamps over the room, each with a warm pool of light.
    for x in (0.1, 0.3, 0.7, 0.9):  # none over the middle, where the customer's head is
        c.line((100, 92, 88), [(x, 0), (x, 0.1)], 0.003)
        c.tint((255, 236, 196), [(x - 0.03, 0.14), (x + 0.03, 0.14), (x + 0.1, 0.5), (x - 0.1, 0.5)], 34)
        c.poly((96, 120, 108), [(x - 0.035, 0.14), (x + 0.035, 0.14), (x + 0.014, 0.1), (x - 0.014, 0.1)])
        c.oval((252, 236, 196), x, 0.142, 0.022, 0.008)
    # A laid table in front: cloth, a plate and cutlery, a napkin, a glass and a little vase.
    c.rect((150, 116, 92), 0, 0.82, 1, 1)
    c.rect((244, 240, 232), 0, 0.8, 1, 0.93)
    c.rect((230, 224, 214), 0, 0.915, 1, 0.93)
    c.oval((214, 208, 200), 0.15, 0.845, 0.072, 0.027)
    c.oval((250, 248, 244), 0.15, 0.842, 0.06, 0.02)
    c.oval((236, 232, 226), 0.15, 0.842, 0.035, 0.011)
    c.rect((160, 162, 170), 0.065, 0.82, 0.071, 0.87, 0.002)
    c.rect((160, 162, 170), 0.229, 0.82, 0.235, 0.87, 0.002)
    c.poly((150, 176, 168), [(0.02, 0.82), (0.05, 0.82), (0.055, 0.87), (0.015, 0.87)])
    c.poly((214, 228, 234), [(0.265, 0.75), (0.295, 0.75), (0.288, 0.785), (0.272, 0.785)])
    c.rect((214, 228, 234), 0.278, 0.785, 0.282, 0.82)
    c.oval((214, 228, 234), 0.28, 0.82, 0.014, 0.005)
    c.rect((200, 216, 224), 0.82, 0.76, 0.85, 0.83, 0.006)
    for dx, col in ((-0.01, (214, 150, 160)), (0.01, (230, 200, 130))):
        c.line((104, 146, 112), [(0.835, 0.77), (0.835 + dx, 0.73)], 0.003)
        c.circle(col, 0.835 + dx, 0.725, 0.01)


PAINTERS: dict[str, Callable[[Canvas], None]] = {
    "pharmacy": _pharmacy,
    "garden_centre": _garden_centre,
    "boutique": _boutique,
    "restaurant": _restaurant,
}
