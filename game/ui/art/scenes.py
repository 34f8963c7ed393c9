"""Backdrops for each setting: calm, muted flat illustrations that keep the middle free for the customer."""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame

from ...engine import vocabulary as vocab
from .disk_cache import cached_picture
from .draw import LRU, RGB, bezier, for_display, mix, shade, supersampled
from .scene_kit import Canvas as _Canvas
from .scene_kit import clock as _clock
from .scene_kit import plant as _plant
from .scene_kit import window as _window
from .settings_rooms import PAINTERS as _ROOM_PAINTERS
from .settings_shops import PAINTERS as _SHOP_PAINTERS

_cache = LRU(6)  # a 1080p backdrop is ~8 MB


# ---- the settings ------------------------------------------------------------------------------------


def _shop_counter(c: _Canvas) -> None:
    c.gradient((238, 228, 210), (226, 212, 190), 0, 0, 1, 0.8)
    c.rect((214, 198, 174), 0, 0.56, 1, 0.8)
    c.rect((202, 184, 158), 0, 0.555, 1, 0.565)
    c.gradient((190, 168, 140), (170, 148, 120), 0, 0.8, 1, 1)
    rng = random.Random(3)
    goods = [(196, 112, 92), (222, 178, 96), (120, 156, 120), (110, 140, 176), (214, 150, 120), (168, 120, 150),
             (236, 214, 168), (140, 170, 160)]
    wood, wood_dark = (176, 138, 100), (146, 110, 78)
    for x0, x1 in ((0.03, 0.31), (0.69, 0.97)):
        c.rect(wood_dark, x0, 0.1, x1, 0.8, 0.008)
        c.rect((226, 210, 186), x0 + 0.012, 0.12, x1 - 0.012, 0.79)
        for row in range(4):
            shelf_y = 0.27 + row * 0.17
            x = x0 + 0.02
            while x < x1 - 0.04:
                kind = rng.random()
                col = rng.choice(goods)
                if kind < 0.45:
                    bw, bh = rng.uniform(0.028, 0.04), rng.uniform(0.07, 0.11)
                    c.rect(col, x, shelf_y - bh, x + bw, shelf_y, 0.004)
                    c.rect(shade(col, -0.35), x + bw * 0.2, shelf_y - bh * 0.7, x + bw * 0.8, shelf_y - bh * 0.45)
                elif kind < 0.8:
                    bw, bh = rng.uniform(0.018, 0.026), rng.uniform(0.08, 0.12)
                    c.rect(col, x, shelf_y - bh * 0.8, x + bw, shelf_y, 0.006)
                    c.rect(shade(col, 0.2), x + bw * 0.25, shelf_y - bh, x + bw * 0.75, shelf_y - bh * 0.78, 0.002)
                else:
                    bw = rng.uniform(0.03, 0.045)
                    c.oval(col, x + bw / 2, shelf_y - 0.03, bw / 2, 0.03)
                x += bw + rng.uniform(0.004, 0.01)
            c.rect(wood, x0 + 0.008, shelf_y, x1 - 0.008, shelf_y + 0.018)
            c.rect(wood_dark, x0 + 0.008, shelf_y + 0.014, x1 - 0.008, shelf_y + 0.02)
    for x in (0.2, 0.8):
        c.line((110, 100, 96), [(x, 0), (x, 0.06)], 0.003)
        c.poly((92, 110, 100), [(x - 0.04, 0.1), (x + 0.04, 0.1), (x + 0.018, 0.06), (x - 0.018, 0.06)])
        c.glow((255, 236, 190), x, 0.16, 0.12, 0.1, 70)
    # The counter in front.
    c.rect((150, 112, 80), 0, 0.82, 1, 1)
    for i in range(7):
        x = 0.02 + i * 0.14
        c.rect((160, 122, 90), x, 0.86, x + 0.12, 0.98, 0.006)
    c.rect((212, 184, 146), 0, 0.795, 1, 0.83)
    c.rect((190, 160, 122), 0, 0.823, 1, 0.832)
    # Till on the right, a basket of fruit on the left.
    c.rect((92, 100, 112), 0.8, 0.7, 0.93, 0.8, 0.008)
    c.rect((70, 76, 88), 0.82, 0.62, 0.91, 0.7, 0.006)
    c.rect((164, 196, 184), 0.83, 0.635, 0.9, 0.685, 0.004)
    c.oval((168, 126, 84), 0.14, 0.785, 0.075, 0.03)
    for dx, col in ((-0.04, (200, 90, 80)), (0.0, (230, 170, 70)), (0.04, (130, 170, 90)), (-0.02, (210, 120, 70)),
                    (0.02, (200, 90, 80))):
        c.circle(col, 0.14 + dx, 0.765 - (0.02 if abs(dx) < 0.03 else 0), 0.026)
    c.rect((150, 110, 70), 0.065, 0.775, 0.215, 0.8, 0.01)
    # A little chalk board of specials standing on the counter, text-free (the wall behind the customer's
    # head stays plain).
    c.poly((96, 84, 72), [(0.245, 0.8), (0.265, 0.63), (0.315, 0.63), (0.335, 0.8)])
    c.rect((70, 86, 80), 0.265, 0.645, 0.315, 0.775, 0.003)
    for i, width in enumerate((0.03, 0.022, 0.026)):
        c.rect((196, 212, 200), 0.275, 0.67 + i * 0.03, 0.275 + width, 0.678 + i * 0.03, 0.002)


def _call_centre(c: _Canvas) -> None:
    c.gradient((214, 224, 232), (200, 212, 222), 0, 0, 1, 0.72)
    c.gradient((168, 178, 190), (150, 160, 174), 0, 0.72, 1, 1)
    _window(c, 0.04, 0.1, 0.3, 0.5, (236, 240, 244), panes=3)
    # A wall screen with a quiet queue chart.
    c.rect((60, 70, 86), 0.64, 0.1, 0.94, 0.36, 0.01)
    c.rect((76, 90, 110), 0.65, 0.12, 0.93, 0.34, 0.006)
    for i, hgt in enumerate((0.08, 0.12, 0.06, 0.14, 0.1, 0.05)):
        c.rect((130, 196, 186) if i != 3 else (236, 190, 110), 0.67 + i * 0.043, 0.32 - hgt, 0.695 + i * 0.043,
               0.32, 0.003)
    _clock(c, 0.17, 0.055, 0.04)  # above the window: nothing round sits behind the customer's head
    # Rows of low partitions with monitors, fading into the room.
    for row, (y, scale, tone) in enumerate(((0.5, 0.7, 0.1), (0.6, 1.0, 0.0))):
        panel = mix((120, 150, 160), (200, 212, 222), tone * 3)
        for i in range(6):
            x = 0.02 + i * 0.17 + row * 0.06
            mon = mix((70, 78, 92), (200, 212, 222), tone * 3)
            c.rect(mon, x + 0.03, y - 0.09 * scale, x + 0.03 + 0.07 * scale, y - 0.025 * scale, 0.004)
            c.rect(mix((150, 200, 210), (200, 212, 222), tone * 3), x + 0.035, y - 0.083 * scale,
                   x + 0.025 + 0.07 * scale, y - 0.033 * scale, 0.003)
            c.rect(mon, x + 0.058, y - 0.03 * scale, x + 0.068, y, 0)
        c.rect(panel, 0, y, 1, y + 0.08 * scale)
        c.rect(shade(panel, 0.15), 0, y, 1, y + 0.01)
        for i in range(8):
            c.rect(shade(panel, 0.1), i * 0.14, y, i * 0.14 + 0.006, y + 0.08 * scale)
    # The player's own desk in front.
    c.rect((226, 222, 214), 0, 0.82, 1, 1)
    c.rect((200, 196, 188), 0, 0.82, 1, 0.835)
    c.rect((56, 62, 74), 0.04, 0.62, 0.26, 0.8, 0.01)
    c.rect((118, 160, 176), 0.05, 0.635, 0.25, 0.785, 0.006)
    for i in range(4):
        c.rect((236, 240, 244), 0.07, 0.66 + i * 0.03, 0.07 + (0.14 if i % 2 else 0.1), 0.672 + i * 0.03, 0.003)
    c.rect((56, 62, 74), 0.13, 0.8, 0.17, 0.83)
    c.rect((90, 96, 108), 0.3, 0.86, 0.5, 0.9, 0.006)
    # A headset resting on the desk.
    band = bezier((0.8, 0.86), (0.85, 0.7), (0.9, 0.86), 14)
    c.line((60, 66, 78), band, 0.012)
    c.oval((60, 66, 78), 0.8, 0.86, 0.018, 0.032)
    c.oval((60, 66, 78), 0.9, 0.86, 0.018, 0.032)
    c.line((60, 66, 78), bezier((0.8, 0.87), (0.81, 0.93), (0.86, 0.92), 8), 0.005)


def _office(c: _Canvas) -> None:
    c.gradient((232, 228, 220), (220, 214, 204), 0, 0, 1, 0.78)
    c.gradient((176, 160, 146), (160, 144, 130), 0, 0.78, 1, 1)
    _window(c, 0.06, 0.1, 0.36, 0.56, (244, 242, 236), panes=2)
    for i in range(9):
        y = 0.11 + i * 0.015
        c.rect((236, 234, 228), 0.06, y, 0.36, y + 0.006)
    # A framed print on the wall and a bookshelf.
    c.rect((120, 100, 84), 0.615, 0.14, 0.688, 0.3, 0.004)
    c.rect((240, 236, 226), 0.621, 0.152, 0.682, 0.288)
    c.poly((150, 176, 160), [(0.626, 0.282), (0.645, 0.22), (0.66, 0.26), (0.672, 0.235), (0.677, 0.282)])
    c.circle((230, 190, 120), 0.664, 0.185, 0.014)
    shelf = (150, 118, 92)
    c.rect(shade(shelf, 0.2), 0.7, 0.12, 0.96, 0.78, 0.006)
    c.rect((206, 194, 178), 0.712, 0.135, 0.948, 0.77)
    rng = random.Random(5)
    spines = [(150, 90, 80), (90, 120, 150), (200, 170, 100), (110, 140, 110), (170, 130, 150), (210, 200, 180),
              (120, 110, 100)]
    for row in range(4):
        y = 0.28 + row * 0.16
        x = 0.72
        while x < 0.93:
            bw, bh = rng.uniform(0.012, 0.022), rng.uniform(0.09, 0.13)
            if rng.random() < 0.12:
                x += 0.02
                continue
            c.rect(rng.choice(spines), x, y - bh, x + bw, y, 0.002)
            x += bw + 0.002
        c.rect(shelf, 0.712, y, 0.948, y + 0.016)
    _plant(c, 0.6, 0.78, 0.32, (196, 120, 90))
    # The desk in front, with a laptop and a mug.
    c.rect((168, 132, 100), 0, 0.82, 1, 1)
    c.rect((190, 154, 118), 0, 0.8, 1, 0.835)
    c.poly((80, 86, 98), [(0.12, 0.8), (0.3, 0.8), (0.28, 0.66), (0.14, 0.66)])
    c.poly((140, 170, 186), [(0.135, 0.79), (0.285, 0.79), (0.27, 0.675), (0.15, 0.675)])
    c.rect((110, 116, 128), 0.1, 0.8, 0.32, 0.815, 0.004)
    c.rect((236, 232, 222), 0.82, 0.72, 0.86, 0.8, 0.006)
    c.circle((236, 232, 222), 0.865, 0.76, 0.022, 0.008)
    c.rect((120, 80, 60), 0.826, 0.73, 0.854, 0.74)


def _airport(c: _Canvas) -> None:
    c.gradient((226, 230, 234), (214, 218, 224), 0, 0, 1, 0.7)
    # Tall windows onto the apron.
    c.gradient((170, 204, 230), (214, 230, 240), 0.0, 0.08, 1.0, 0.62)
    c.rect((150, 160, 150), 0, 0.5, 1, 0.62)
    c.rect((180, 184, 186), 0, 0.56, 1, 0.62)
    # A tower and a plane on the stand.
    c.rect((196, 200, 206), 0.06, 0.3, 0.085, 0.56)
    c.rect((176, 184, 194), 0.045, 0.27, 0.1, 0.31, 0.006)
    body = (244, 246, 248)
    c.oval(body, 0.42, 0.47, 0.2, 0.035)
    c.poly(body, [(0.58, 0.46), (0.64, 0.38), (0.66, 0.38), (0.63, 0.47)])
    c.poly((214, 220, 228), [(0.38, 0.48), (0.5, 0.48), (0.56, 0.54), (0.52, 0.54)])
    c.poly((120, 150, 190), [(0.61, 0.43), (0.64, 0.38), (0.66, 0.38), (0.645, 0.43)])
    for i in range(10):
        c.circle((150, 170, 196), 0.29 + i * 0.025, 0.462, 0.007)
    c.rect((90, 96, 104), 0.33, 0.5, 0.335, 0.53)
    c.rect((90, 96, 104), 0.5, 0.5, 0.505, 0.53)
    for x in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0):
        c.rect((206, 212, 218), x - 0.008, 0.06, x + 0.008, 0.64)
    c.rect((206, 212, 218), 0, 0.05, 1, 0.09)
    # The departure board: rows of flights shown as calm blocks.
    c.rect((40, 50, 70), 0.62, 0.12, 0.96, 0.42, 0.008)
    c.rect((52, 64, 88), 0.63, 0.14, 0.95, 0.175, 0.004)
    rng = random.Random(9)
    for row in range(6):
        y = 0.195 + row * 0.037
        c.rect((230, 196, 110), 0.64, y, 0.64 + 0.05, y + 0.018, 0.002)
        c.rect((220, 226, 236), 0.705, y, 0.705 + rng.uniform(0.08, 0.13), y + 0.018, 0.002)
        status = (130, 200, 150) if row != 2 else (236, 170, 110)
        c.rect(status, 0.88, y, 0.94, y + 0.018, 0.002)
    # Floor and the check-in desk.
    c.gradient((200, 198, 192), (176, 174, 168), 0, 0.64, 1, 1)
    for i in range(12):
        c.line((188, 186, 180), [(i / 11, 0.64), (i / 11 + (i / 11 - 0.5) * 0.5, 1.0)], 0.002)
    c.rect((74, 96, 124), 0, 0.8, 1, 1)
    c.rect((226, 230, 236), 0, 0.785, 1, 0.815)
    c.rect((96, 120, 150), 0.06, 0.84, 0.94, 0.845)
    c.rect((236, 190, 96), 0.0, 0.9, 1.0, 0.91)
    c.rect((60, 66, 78), 0.8, 0.64, 0.93, 0.785, 0.008)
    c.rect((130, 170, 196), 0.81, 0.655, 0.92, 0.77, 0.005)
    c.rect((60, 66, 78), 0.06, 0.7, 0.14, 0.79, 0.006)
    c.rect((240, 236, 226), 0.07, 0.71, 0.13, 0.75, 0.004)


def _service_desk(c: _Canvas) -> None:
    c.gradient((230, 226, 236), (218, 212, 224), 0, 0, 1, 0.76)
    c.gradient((172, 166, 176), (156, 150, 160), 0, 0.76, 1, 1)
    # Wooden slat panel behind the desk with a round emblem.
    c.rect((196, 164, 128), 0.22, 0.08, 0.78, 0.7)
    for i in range(28):
        x = 0.225 + i * 0.02
        c.rect((182, 148, 112), x, 0.08, x + 0.006, 0.7)
    # Off to one side, so the emblem never sits like a halo behind the customer's head.
    c.circle((244, 240, 232), 0.69, 0.2, 0.085)
    c.circle((96, 140, 150), 0.69, 0.2, 0.07)
    # Two linked rings: a simple, text-free emblem.
    ring = 0.032 * c.h / c.w
    for dx in (-ring * 0.62, ring * 0.62):
        c.circle((244, 240, 232), 0.69 + dx, 0.2, 0.032, 0.009)
    # A queue number display and waiting chairs.
    c.rect((52, 60, 76), 0.06, 0.14, 0.17, 0.26, 0.008)
    for i in range(3):
        c.rect((150, 210, 190), 0.08 + i * 0.025, 0.17, 0.097 + i * 0.025, 0.23, 0.003)
    for i in range(2):
        x = 0.83 + i * 0.075
        c.rect((110, 140, 160), x, 0.5, x + 0.065, 0.62, 0.012)
        c.rect((96, 124, 144), x, 0.6, x + 0.065, 0.64, 0.006)
        c.rect((90, 96, 104), x + 0.008, 0.64, x + 0.014, 0.72)
        c.rect((90, 96, 104), x + 0.05, 0.64, x + 0.056, 0.72)
    _plant(c, 0.13, 0.76, 0.34, (110, 120, 140))
    # The reception desk in front, with a bell and a monitor.
    c.rect((236, 232, 226), 0, 0.8, 1, 1)
    c.rect((196, 164, 128), 0, 0.8, 1, 0.84)
    c.rect((96, 140, 150), 0, 0.84, 1, 0.852)
    c.rect((210, 204, 196), 0, 0.78, 1, 0.805, 0.004)
    c.oval((200, 168, 90), 0.2, 0.76, 0.03, 0.03)
    c.rect((150, 130, 90), 0.165, 0.765, 0.235, 0.78, 0.004)
    c.circle((120, 110, 80), 0.2, 0.725, 0.006)
    c.rect((60, 66, 78), 0.74, 0.62, 0.9, 0.775, 0.008)
    c.rect((160, 172, 190), 0.75, 0.635, 0.89, 0.76, 0.005)
    c.rect((60, 66, 78), 0.81, 0.775, 0.83, 0.79)


_PAINTERS: dict[str, Callable[[_Canvas], None]] = {
    "shop_counter": _shop_counter,
    "call_centre": _call_centre,
    "office": _office,
    "airport": _airport,
    "service_desk": _service_desk,
    **_SHOP_PAINTERS,
    **_ROOM_PAINTERS,
}


def _soften(surface: pygame.Surface) -> None:
    """Mute the picture a little and darken its lower edge so text and portraits stand out."""
    w, h = surface.get_size()
    veil = pygame.Surface((w, h), pygame.SRCALPHA)
    veil.fill((236, 232, 226, 34))
    surface.blit(veil, (0, 0))
    fade = pygame.Surface((1, 64), pygame.SRCALPHA)
    for y in range(64):
        fade.set_at((0, y), (24, 22, 30, round(46 * (y / 63) ** 2)))
    surface.blit(pygame.transform.smoothscale(fade, (w, max(1, h // 3))), (0, h - max(1, h // 3)))


def render_scene(setting: str, size: tuple[int, int]) -> pygame.Surface:
    """An opaque backdrop for the setting at the given size, cached per (setting, size)."""
    name = setting if setting in _PAINTERS and setting in vocab.SETTINGS else "service_desk"
    w, h = max(16, int(size[0])), max(16, int(size[1]))
    key = (name, w, h)
    cached = _cache.get(key)
    if cached is not None:
        return cached

    def paint(canvas: pygame.Surface, _factor: float) -> None:
        _PAINTERS[name](_Canvas(canvas))

    def make() -> pygame.Surface:
        picture = supersampled((w, h), 2 if w * h <= 1_500_000 else 1, paint, alpha=False)
        _soften(picture)
        return picture

    _cache.make_room((w, h))
    return _cache.put(key, for_display(cached_picture("scene", key, make, (w, h)), alpha=False))


_COLOURS: dict[str, RGB] = {
    "shop_counter": (226, 212, 190), "call_centre": (200, 212, 222), "office": (220, 214, 204),
    "airport": (214, 218, 224), "service_desk": (218, 212, 224), "pharmacy": (224, 232, 228),
    "garden_centre": (206, 224, 226), "boutique": (230, 218, 214), "restaurant": (228, 212, 194),
    "meeting_room": (218, 220, 224), "help_desk": (210, 220, 224), "hotel_reception": (228, 218, 202),
}


def scene_colour(setting: str) -> RGB:
    """A representative colour of the backdrop (for loading screens or borders)."""
    return _COLOURS.get(setting, (220, 216, 210))


def clear_cache() -> None:
    _cache.clear()
