"""Backdrops for the room-like settings: meeting room, IT help desk and hotel reception."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from .draw import RGB, bezier, shade
from .scene_kit import Canvas, clock

_SEGMENTS = {"0": "abcdef", "1": "bc", "2": "abdeg", "3": "abcdg", "4": "bcfg", "5": "acdfg", "6": "acdefg",
             "7": "abc", "8": "abcdefg", "9": "abcdfg"}


def _digit(c: Canvas, ch: str, x: float, y: float, w: float, h: float, colour: RGB, off: RGB) -> None:
    """A seven-segment digit with its top-left at (x, y), w wide and h tall (lit segments in colour)."""
    t = h * 0.12
    tx = t * c.h / c.w
    bars = {"a": (x + tx, y, x + w - tx, y + t), "d": (x + tx, y + h - t, x + w - tx, y + h),
            "g": (x + tx, y + h / 2 - t / 2, x + w - tx, y + h / 2 + t / 2),
            "f": (x, y + t * 0.6, x + tx, y + h / 2 - t * 0.4),
            "b": (x + w - tx, y + t * 0.6, x + w, y + h / 2 - t * 0.4),
            "e": (x, y + h / 2 + t * 0.4, x + tx, y + h - t * 0.6),
            "c": (x + w - tx, y + h / 2 + t * 0.4, x + w, y + h - t * 0.6)}
    for name, box in bars.items():
        c.rect(colour if name in _SEGMENTS.get(ch, "") else off, *box, 0.002)


def _star(c: Canvas, x: float, y: float, r: float, colour: RGB) -> None:
    a = c.h / c.w
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rad = r if k % 2 == 0 else r * 0.45
        pts.append((x + math.cos(ang) * rad * a, y + math.sin(ang) * rad))
    c.poly(colour, pts)


def _meeting_room(c: Canvas) -> None:
    c.gradient((230, 232, 234), (218, 220, 224), 0, 0, 1, 0.72)
    c.gradient((160, 164, 176), (146, 150, 162), 0, 0.72, 1, 1)
    # A long light over the table.
    c.glow((255, 248, 232), 0.5, 0.06, 0.3, 0.1, 80)
    c.rect((196, 198, 204), 0.3, 0.03, 0.7, 0.05, 0.006)
    c.line((150, 152, 160), [(0.34, 0), (0.34, 0.03)], 0.002)
    c.line((150, 152, 160), [(0.66, 0), (0.66, 0.03)], 0.002)
    # The wall screen with a slide: a title, bars and a pie.
    c.rect((54, 60, 72), 0.05, 0.1, 0.33, 0.42, 0.008)
    c.rect((236, 238, 236), 0.058, 0.114, 0.322, 0.406, 0.004)
    c.rect((96, 130, 160), 0.075, 0.14, 0.2, 0.16, 0.003)
    for i, hgt in enumerate((0.08, 0.12, 0.1, 0.16)):
        c.rect((110, 160, 170) if i != 3 else (224, 170, 110), 0.08 + i * 0.03, 0.38 - hgt, 0.1 + i * 0.03, 0.38)
    c.rect((150, 154, 160), 0.075, 0.38, 0.2, 0.384)
    c.circle((200, 206, 214), 0.26, 0.28, 0.06)
    a = c.h / c.w
    c.poly((110, 160, 170), [(0.26, 0.28)] + [(0.26 + math.sin(t / 10 * 2.1) * 0.06 * a,
                                               0.28 - math.cos(t / 10 * 2.1) * 0.06) for t in range(11)])
    c.rect((54, 60, 72), 0.18, 0.42, 0.2, 0.46)
    # The whiteboard with boxes, arrows and sticky notes.
    c.rect((186, 190, 196), 0.66, 0.1, 0.95, 0.46, 0.006)
    c.rect((248, 248, 246), 0.668, 0.114, 0.942, 0.446, 0.003)
    ink, red = (96, 120, 170), (190, 110, 100)
    c.rect(ink, 0.69, 0.16, 0.76, 0.22, 0.004, 0.004)
    c.rect(ink, 0.82, 0.16, 0.89, 0.22, 0.004, 0.004)
    c.line(ink, [(0.76, 0.19), (0.82, 0.19), (0.81, 0.18)], 0.004)
    c.line(red, bezier((0.7, 0.3), (0.76, 0.24), (0.82, 0.3), 10), 0.004)
    for i, width in enumerate((0.1, 0.07, 0.09)):
        c.line(ink, [(0.69, 0.34 + i * 0.03), (0.69 + width, 0.34 + i * 0.03)], 0.004)
    for i, col in enumerate(((240, 220, 140), (236, 180, 170), (180, 214, 190))):
        c.rect(col, 0.86 + (i % 2) * 0.035, 0.28 + i * 0.045, 0.89 + (i % 2) * 0.035, 0.32 + i * 0.045, 0.002)
    c.rect((170, 174, 182), 0.7, 0.455, 0.91, 0.47, 0.003)
    for i, col in enumerate((ink, red, (60, 64, 72))):
        c.rect(col, 0.73 + i * 0.03, 0.448, 0.752 + i * 0.03, 0.456, 0.002)
    # Chairs along the far side of the long table.
    for x in (0.08, 0.22, 0.36, 0.5, 0.64, 0.78, 0.92):
        c.rect((84, 90, 104), x - 0.045, 0.54, x + 0.045, 0.72, 0.03)
        c.rect((104, 112, 128), x - 0.036, 0.555, x + 0.036, 0.7, 0.024)
    # The table top in perspective, its edge, and the carpet.
    c.poly((204, 172, 138), [(0.03, 0.68), (0.97, 0.68), (1.0, 0.83), (0.0, 0.83)])
    c.poly((214, 184, 150), [(0.03, 0.68), (0.97, 0.68), (0.975, 0.7), (0.025, 0.7)])
    c.rect((166, 132, 102), 0, 0.83, 1, 0.86)
    c.rect((124, 128, 142), 0.06, 0.86, 0.94, 0.88)
    # On the table: laptops seen from behind, notepads, a jug and glasses, a conference phone.
    for x in (0.16, 0.76):
        c.poly((150, 156, 166), [(x - 0.05, 0.74), (x + 0.05, 0.74), (x + 0.045, 0.64), (x - 0.045, 0.64)])
        c.circle((196, 200, 206), x, 0.69, 0.01)
        c.rect((120, 126, 136), x - 0.055, 0.74, x + 0.055, 0.752, 0.003)
    for x in (0.3, 0.62):
        c.poly((246, 244, 236), [(x - 0.03, 0.8), (x + 0.03, 0.8), (x + 0.026, 0.75), (x - 0.026, 0.75)])
        c.line((96, 120, 170), [(x + 0.035, 0.8), (x + 0.05, 0.755)], 0.004)
    c.poly((74, 80, 92), [(0.47, 0.76), (0.53, 0.76), (0.5, 0.72)])
    c.rect((214, 228, 234), 0.87, 0.66, 0.9, 0.74, 0.008)
    for x in (0.92, 0.945):
        c.rect((224, 234, 238), x, 0.7, x + 0.016, 0.74, 0.003)


def _help_desk(c: Canvas) -> None:
    c.gradient((222, 230, 232), (210, 220, 224), 0, 0, 1, 0.78)
    c.gradient((162, 168, 176), (148, 154, 162), 0, 0.78, 1, 1)
    c.rect((200, 212, 216), 0, 0.6, 1, 0.78)
    # The "now serving" screen: a queue number in calm amber.
    c.rect((44, 54, 70), 0.05, 0.1, 0.27, 0.32, 0.01)
    c.rect((96, 150, 156), 0.06, 0.115, 0.26, 0.145, 0.004)
    c.rect((236, 240, 240), 0.075, 0.125, 0.16, 0.135, 0.002)
    for i, ch in enumerate("042"):
        _digit(c, ch, 0.085 + i * 0.055, 0.17, 0.04, 0.12, (236, 194, 116), (60, 72, 88))
    # A ticket dispenser on the wall, a ticket waiting in its slot.
    c.rect((110, 150, 156), 0.05, 0.36, 0.12, 0.47, 0.012)
    c.rect(shade((110, 150, 156), 0.2), 0.06, 0.45, 0.11, 0.458, 0.003)
    c.poly((246, 244, 236), [(0.07, 0.455), (0.1, 0.455), (0.103, 0.52), (0.072, 0.525)])
    c.circle((236, 194, 116), 0.085, 0.395, 0.014)
    # A help sign: a question mark in a round badge, beside the ticket dispenser (never behind the head).
    hx, hy = 0.2, 0.43
    c.circle((96, 150, 156), hx, hy, 0.075)
    c.circle((246, 248, 246), hx, hy, 0.075, 0.006)
    a = c.h / c.w
    r = 0.03
    hook = [(hx + math.cos(math.radians(d)) * r * a, hy - 0.025 - math.sin(math.radians(d)) * r)
            for d in range(200, -50, -15)]
    c.line((246, 248, 246), hook + [(hx, hy - 0.025 + r * 1.25), (hx, hy - 0.025 + r * 1.7)], 0.013)
    c.circle((246, 248, 246), hx, hy - 0.025 + r * 2.45, 0.009)
    # Shelves of devices waiting for repair, fed by cables from the ceiling tray.
    c.rect((150, 156, 166), 0.0, 0.04, 1.0, 0.06, 0.003)
    for x0, x1, sag, col in ((0.6, 0.76, 0.1, (70, 76, 88)), (0.64, 0.8, 0.14, (96, 120, 170)),
                             (0.68, 0.86, 0.08, (200, 176, 110)), (0.2, 0.1, 0.06, (70, 76, 88)),
                             (0.24, 0.16, 0.09, (96, 120, 170))):
        c.line(col, bezier((x0, 0.06), ((x0 + x1) / 2, 0.06 + sag), (x1, 0.1 if x1 < 0.5 else 0.2), 12), 0.006)
    metal = (150, 158, 168)
    c.rect(metal, 0.72, 0.16, 0.735, 0.78)
    c.rect(metal, 0.945, 0.16, 0.96, 0.78)
    rng = random.Random(12)
    for row, y in enumerate((0.34, 0.52, 0.7)):
        c.rect(metal, 0.72, y, 0.96, y + 0.014)
        if row == 0:
            for k in range(4):
                c.rect((90, 98, 112) if k % 2 else (176, 182, 190), 0.75, y - 0.03 * (k + 1), 0.92,
                       y - 0.03 * k - 0.006, 0.004)
                c.rect((246, 240, 200), 0.9, y - 0.03 * (k + 1) + 0.004, 0.915, y - 0.03 * k - 0.002)
        elif row == 1:
            for k in range(3):
                x = 0.745 + k * 0.068
                c.rect((214, 216, 218), x, y - 0.06, x + 0.056, y, 0.004)
                for j in range(3):
                    c.circle((120, 200, 150) if rng.random() < 0.7 else (236, 190, 110), x + 0.012 + j * 0.012,
                             y - 0.015, 0.004)
        else:
            for k in range(3):
                c.circle((70, 76, 88), 0.77 + k * 0.06, y - 0.045, 0.04, 0.006)
    # The desk in front: two monitors with a ticket list, a keyboard, cables, a headset on its stand.
    c.rect((232, 234, 236), 0, 0.8, 1, 1)
    c.rect((214, 218, 222), 0, 0.785, 1, 0.815, 0.004)
    c.rect((96, 150, 156), 0, 0.84, 1, 0.85)
    for x0 in (0.03, 0.185):
        c.rect((56, 62, 74), x0, 0.6, x0 + 0.145, 0.745, 0.008)
        c.rect((150, 178, 190) if x0 < 0.1 else (72, 86, 100), x0 + 0.008, 0.612, x0 + 0.137, 0.733, 0.004)
        for i in range(4):
            line = (236, 240, 244) if x0 < 0.1 else (130, 200, 170)
            c.rect(line, x0 + 0.02, 0.628 + i * 0.026, x0 + 0.02 + (0.1 if i % 2 else 0.07), 0.638 + i * 0.026,
                   0.002)
        c.rect((56, 62, 74), x0 + 0.065, 0.745, x0 + 0.08, 0.79)
        c.rect((56, 62, 74), x0 + 0.045, 0.785, x0 + 0.1, 0.795, 0.003)
    for x0, x1, col in ((0.105, 0.03, (70, 76, 88)), (0.26, 0.33, (96, 120, 170))):
        c.line(col, bezier((x0, 0.79), ((x0 + x1) / 2, 0.8), (x1, 0.787), 10), 0.005)
    c.rect((92, 98, 110), 0.07, 0.82, 0.25, 0.85, 0.006)
    hx = 0.7
    c.rect((80, 86, 98), hx - 0.004, 0.66, hx + 0.004, 0.79)
    c.rect((80, 86, 98), hx - 0.03, 0.785, hx + 0.03, 0.795, 0.004)
    c.line((60, 66, 78), bezier((hx - 0.029, 0.7), (hx, 0.6), (hx + 0.029, 0.7), 14), 0.01)
    c.oval((60, 66, 78), hx - 0.029, 0.71, 0.014, 0.028)
    c.oval((60, 66, 78), hx + 0.029, 0.71, 0.014, 0.028)
    c.line((60, 66, 78), bezier((hx - 0.029, 0.73), (hx - 0.02, 0.77), (hx + 0.01, 0.765), 6), 0.004)
    c.rect((236, 232, 222), 0.79, 0.74, 0.825, 0.8, 0.006)
    c.circle((236, 232, 222), 0.83, 0.77, 0.016, 0.006)


def _palm(c: Canvas, x: float, base: float) -> None:
    """A tall lobby palm in a dark pot: a slim trunk and arching fronds of leaflets."""
    trunk, leaf, leaf_dark = (150, 124, 96), (104, 146, 112), (80, 122, 94)
    top = base - 0.4
    c.line(trunk, bezier((x, base - 0.12), (x + 0.01, base - 0.26), (x + 0.005, top), 8), 0.012)
    for i, (dx, dy) in enumerate(((-0.1, 0.1), (-0.07, -0.02), (-0.02, -0.1), (0.04, -0.08), (0.08, 0.0),
                                  (0.1, 0.12), (-0.05, 0.16), (0.05, 0.17))):
        colour = leaf if i % 2 else leaf_dark
        end = (x + dx, top + dy + 0.06)
        spine = bezier((x + 0.005, top), (x + dx * 0.6, top + dy - 0.06), end, 10)
        c.line(colour, spine, 0.005)
        for px, py in spine[2:]:
            c.line(colour, [(px, py), (px + (0.008 if dx > 0 else -0.008), py + 0.03)], 0.006)
    c.poly((96, 84, 80), [(x - 0.04, base - 0.13), (x + 0.04, base - 0.13), (x + 0.032, base), (x - 0.032, base)])
    c.rect((116, 102, 96), x - 0.044, base - 0.14, x + 0.044, base - 0.12, 0.004)


def _hotel_reception(c: Canvas) -> None:
    c.gradient((238, 230, 216), (228, 218, 202), 0, 0, 1, 0.8)
    c.rect((222, 212, 196), 0, 0.66, 1, 0.8)
    c.rect((206, 190, 164), 0, 0.655, 1, 0.665)
    # A wood panel behind the desk with the hotel's five-star sign.
    wood = (196, 160, 126)
    c.rect(wood, 0.33, 0.06, 0.67, 0.8)
    for i in range(1, 8):
        c.rect(shade(wood, 0.08), 0.33, 0.06 + i * 0.1, 0.67, 0.064 + i * 0.1)
    # The sign hangs above the key rack, not behind the customer's head.
    c.rect((74, 86, 104), 0.095, 0.045, 0.295, 0.15, 0.008)
    c.rect((206, 178, 116), 0.095, 0.045, 0.295, 0.15, 0.008, 0.004)
    for k in range(5):
        _star(c, 0.135 + k * 0.03, 0.083, 0.016, (226, 198, 130))
    c.rect((214, 206, 190), 0.13, 0.118, 0.26, 0.128, 0.002)
    # A key rack of pigeonholes, each with a key and tag.
    c.rect((150, 114, 86), 0.1, 0.18, 0.29, 0.52, 0.006)
    for row in range(4):
        for col in range(4):
            x, y = 0.112 + col * 0.0445, 0.195 + row * 0.08
            c.rect((214, 196, 170), x, y, x + 0.038, y + 0.068, 0.003)
            if (row * 4 + col) % 5 != 2:
                c.circle((206, 178, 116), x + 0.019, y + 0.02, 0.007, 0.003)
                c.rect((196, 160, 110), x + 0.014, y + 0.026, x + 0.024, y + 0.055, 0.003)
    _palm(c, 0.07, 0.8)
    for x in (0.305, 0.695):
        c.glow((255, 232, 186), x, 0.34, 0.05, 0.1, 110)
        c.rect(shade(wood, -0.0), x - 0.006, 0.33, x + 0.006, 0.37, 0.003)
        c.poly((240, 226, 196), [(x - 0.016, 0.3), (x + 0.016, 0.3), (x + 0.011, 0.335), (x - 0.011, 0.335)])
    # World clocks and a luggage trolley on the right.
    for k in range(3):
        x = 0.76 + k * 0.08
        clock(c, x, 0.13, 0.035)
        c.rect((206, 178, 116), x - 0.025, 0.18, x + 0.025, 0.19, 0.002)
    brass = (198, 168, 110)
    c.line(brass, [(0.8, 0.78), (0.8, 0.42)] + bezier((0.8, 0.42), (0.88, 0.28), (0.96, 0.42), 14)
           + [(0.96, 0.78)], 0.008)
    c.rect((150, 96, 90), 0.785, 0.765, 0.975, 0.785, 0.004)
    c.rect((110, 146, 150), 0.815, 0.6, 0.945, 0.765, 0.01)
    c.rect(shade((110, 146, 150), 0.15), 0.875, 0.59, 0.885, 0.6)
    c.rect((196, 160, 120), 0.83, 0.5, 0.93, 0.6, 0.01)
    c.rect(shade((196, 160, 120), 0.2), 0.87, 0.49, 0.89, 0.5)
    # The long reception desk: marble top, dark wood front, a bell, a key-card stand and a lamp.
    c.rect((128, 94, 72), 0, 0.82, 1, 1)
    for i in range(8):
        c.rect((140, 104, 80), 0.015 + i * 0.125, 0.86, 0.11 + i * 0.125, 0.975, 0.004)
    c.rect((200, 172, 116), 0, 0.835, 1, 0.842)
    c.rect((240, 236, 228), 0, 0.79, 1, 0.83, 0.004)
    for x0, x1 in ((0.1, 0.3), (0.55, 0.8)):
        c.line((222, 216, 206), [(x0, 0.8), ((x0 + x1) / 2, 0.815), (x1, 0.805)], 0.002)
    bx = 0.17
    c.rect((150, 152, 160), bx - 0.03, 0.788, bx + 0.03, 0.798, 0.004)
    c.poly((214, 216, 222), [(bx + math.cos(math.radians(d)) * 0.024, 0.79 - math.sin(math.radians(d)) * 0.04)
                             for d in range(0, 181, 15)])
    c.rect((150, 152, 160), bx - 0.003, 0.738, bx + 0.003, 0.752)
    c.oval((150, 152, 160), bx, 0.737, 0.008, 0.005)
    c.rect((222, 232, 236), 0.7, 0.74, 0.75, 0.795, 0.004)
    for k, col in enumerate(((110, 146, 150), (206, 178, 116), (236, 236, 232))):
        c.rect(col, 0.705 + k * 0.012, 0.73 - k * 0.006, 0.725 + k * 0.012, 0.765 - k * 0.006, 0.002)
    lx = 0.27
    c.glow((255, 236, 190), lx, 0.74, 0.06, 0.05, 90)
    c.rect(brass, lx - 0.003, 0.7, lx + 0.003, 0.79)
    c.rect(brass, lx - 0.02, 0.785, lx + 0.02, 0.795, 0.003)
    c.poly((96, 132, 112), [(lx - 0.03, 0.71), (lx + 0.03, 0.71), (lx + 0.02, 0.68), (lx - 0.02, 0.68)])


PAINTERS: dict[str, Callable[[Canvas], None]] = {
    "meeting_room": _meeting_room,
    "help_desk": _help_desk,
    "hotel_reception": _hotel_reception,
}
