"""A desk phone icon that shakes and sends out ring arcs in time with the phone_ring sound."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from ..theme import contrast_ratio
from .draw import LRU, RGB, shade, stroke, supersampled

#: The ring's rhythm, matching assets/sounds/phone_ring.wav: two bursts, then a pause, every 3 seconds.
RING_PERIOD = 3.0
RING_BURSTS = ((0.0, 0.4), (0.6, 0.4))
BODY: RGB = (58, 66, 84)
LIGHT_BODY: RGB = (226, 232, 240)  # for dark grounds such as the projector theme's navy
MIN_CONTRAST = 3.0  # WCAG's ratio for graphics that carry meaning
KEYS: RGB = (222, 228, 236)
ACCENT: RGB = (222, 124, 40)
_sprites = LRU(16)


def ring_strength(ring_phase: float) -> float:
    """0..1: how strongly the phone is ringing at this moment of the cadence (0 between bursts)."""
    t = ring_phase % RING_PERIOD
    for start, length in RING_BURSTS:
        if start <= t <= start + length:
            u = (t - start) / length
            return min(1.0, u / 0.1, (1 - u) / 0.15)
    return 0.0


def _paint_phone(canvas: pygame.Surface, lifted: bool, body: RGB) -> None:
    w, h = canvas.get_size()
    s = w / 1.4
    cx, cy = w / 2, h / 2

    def p(x: float, y: float) -> tuple[float, float]:
        return (cx + x * s, cy + y * s)

    def rect(x: float, y: float, rw: float, rh: float) -> pygame.Rect:
        return pygame.Rect(round(cx + x * s), round(cy + y * s), round(rw * s), round(rh * s))

    light = shade(body, -0.22)
    keys = KEYS if sum(body) < 400 else BODY  # the keypad stands out on a dark or a light body
    dark = shade(body, 0.25)
    # Shadow on the desk.
    pygame.draw.ellipse(canvas, (0, 0, 0, 46), rect(-0.56, 0.36, 1.12, 0.12))
    # The base: a rounded wedge, lit from the top.
    base = [p(-0.5, 0.4), p(0.5, 0.4), p(0.38, -0.08), p(-0.38, -0.08)]
    pygame.draw.polygon(canvas, dark, base)
    pygame.draw.polygon(canvas, body, [p(-0.47, 0.37), p(0.47, 0.37), p(0.36, -0.06), p(-0.36, -0.06)])
    for x, y in ((-0.38, -0.08), (0.38, -0.08)):
        pygame.draw.circle(canvas, dark, p(x, y + 0.04), round(0.045 * s))
    pygame.draw.rect(canvas, light, rect(-0.36, -0.08, 0.72, 0.05), border_radius=round(0.03 * s))
    # Keypad: three rows of three keys on a lighter panel.
    pygame.draw.rect(canvas, shade(body, -0.1), rect(-0.23, 0.02, 0.46, 0.32), border_radius=round(0.05 * s))
    for row in range(3):
        for col in range(3):
            key = rect(-0.19 + col * 0.135, 0.05 + row * 0.095, 0.1, 0.07)
            pygame.draw.rect(canvas, keys, key, border_radius=round(0.025 * s))
    # The handset resting in (or jumping off) its cradle.
    lift = -0.06 if lifted else 0.0
    grip = rect(-0.36, -0.25 + lift, 0.72, 0.1)
    for colour, dy in ((dark, 0.02), (body, 0.0)):
        moved = grip.move(0, round(dy * s))
        pygame.draw.rect(canvas, colour, moved, border_radius=round(0.05 * s))
        for side in (-1, 1):
            cup = rect(side * 0.4 - 0.13, -0.27 + lift + dy, 0.26, 0.17)
            pygame.draw.ellipse(canvas, colour, cup)
    pygame.draw.rect(canvas, light, rect(-0.3, -0.245 + lift, 0.6, 0.03), border_radius=round(0.015 * s))
    # The curly cord down the left side.
    coil = [p(-0.5 - 0.035 * math.sin(i * 1.3), -0.16 + i * 0.045) for i in range(10)]
    stroke(canvas, dark, coil, 0.022 * s)


def _sprite(size: int, lifted: bool, body: RGB) -> pygame.Surface:
    key = (size, lifted, body)
    sprite = _sprites.get(key)
    if sprite is None:
        box = max(8, round(size * 1.4))
        sprite = _sprites.put(key, supersampled((box, box), 3, lambda c, _f: _paint_phone(c, lifted, body)))
    return sprite


def _arcs(surface: pygame.Surface, center: tuple[int, int], size: int, ring_phase: float, strength: float,
          colour: Sequence[int]) -> None:
    """Two or three arcs either side of the phone, spreading outward while it rings."""
    layer_size = (size * 3, size * 2)
    lc = (layer_size[0] / 2, layer_size[1] / 2 - size * 0.05)
    travel = (ring_phase * 2.5) % 1.0
    rgb = (int(colour[0]), int(colour[1]), int(colour[2]))
    for i in range(3):
        k = (i + travel) / 3
        radius = size * (0.62 + 0.5 * k)
        alpha = round(255 * strength * (1 - k) ** 0.8)
        if alpha <= 4:
            continue
        # Each arc is drawn opaque on its own layer, then faded as a whole, so the stroke stays even.
        layer = pygame.Surface(layer_size, pygame.SRCALPHA)
        for side in (-1, 1):
            points = []
            for j in range(13):
                a = math.radians(-32 + 64 * j / 12)
                points.append((lc[0] + side * radius * math.cos(a), lc[1] + radius * math.sin(a)))
            stroke(layer, rgb, points, max(2.0, size * 0.06))
        layer.set_alpha(alpha)
        surface.blit(layer, (center[0] - layer_size[0] // 2, center[1] - layer_size[1] // 2))


def ground_colour(surface: pygame.Surface, center: tuple[int, int], size: int) -> RGB:
    """The average colour of what the icon will be drawn on (a few points around its centre)."""
    w, h = surface.get_size()
    half = size // 2
    points = [(center[0] + dx * half, center[1] + dy * half) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    inside = [(min(w - 1, max(0, x)), min(h - 1, max(0, y))) for x, y in points]
    colours = [surface.get_at(p) for p in inside]
    return tuple(round(sum(c[i] for c in colours) / len(colours)) for i in range(3))  # type: ignore[return-value]


def body_for(ground: RGB) -> RGB:
    """The dark body on light grounds, a light one where the dark would not stand out (at least 3:1 if either does)."""
    if contrast_ratio(BODY, ground) >= MIN_CONTRAST:
        return BODY
    return max((LIGHT_BODY, BODY), key=lambda c: contrast_ratio(c, ground))


def draw_phone(surface: pygame.Surface, center: tuple[int, int], size: int, ring_phase: float, ringing: bool,
               accent: Sequence[int] = ACCENT, body: Sequence[int] | None = None) -> None:
    """Draw the phone centred at `center`, `size` pixels wide; while ringing it shakes and shows ring arcs.
    Without a `body` colour the phone takes one that stands out from what is under it, in any theme."""
    size = max(12, int(size))
    strength = ring_strength(ring_phase) if ringing else 0.0
    if body is None:
        body = body_for(ground_colour(surface, center, size))
    body_rgb: RGB = (int(body[0]), int(body[1]), int(body[2]))
    sprite = _sprite(size, strength > 0.3, body_rgb)
    if strength > 0:
        _arcs(surface, center, size, ring_phase, strength, accent)
        angle = math.sin(ring_phase * 2 * math.pi * 14) * 8 * strength
        sprite = pygame.transform.rotozoom(sprite, angle, 1.0)
    rect = sprite.get_rect(center=center)
    surface.blit(sprite, rect)


def draw_hourglass(surface: pygame.Surface, center: tuple[int, int], size: int, colour: tuple[int, int, int],
                   sand: tuple[int, int, int], fraction_left: float) -> None:
    """An hourglass for timers that are not a phone: the top bulb empties as time runs out."""
    cx, cy = center
    half_w, half_h = size * 0.32, size * 0.45
    neck = max(1.0, size * 0.04)
    top = [(cx - half_w, cy - half_h), (cx + half_w, cy - half_h), (cx + neck, cy), (cx - neck, cy)]
    bottom = [(cx - neck, cy), (cx + neck, cy), (cx + half_w, cy + half_h), (cx - half_w, cy + half_h)]
    f = max(0.0, min(1.0, fraction_left))
    if f > 0:  # sand left in the top bulb: a smaller triangle resting on the neck
        y = cy - half_h * f
        w = neck + (half_w - neck) * f
        pygame.draw.polygon(surface, sand, [(cx - w, y), (cx + w, y), (cx + neck, cy), (cx - neck, cy)])
    if f < 1:  # sand fallen into the bottom bulb
        y = cy + half_h * f
        w = neck + (half_w - neck) * f
        pygame.draw.polygon(surface, sand, [(cx - w, y), (cx + w, y), (cx + half_w, cy + half_h),
                                            (cx - half_w, cy + half_h)])
    width = max(2, round(size * 0.06))
    pygame.draw.polygon(surface, colour, top, width)
    pygame.draw.polygon(surface, colour, bottom, width)
    bar = max(2, round(size * 0.08))
    for y in (cy - half_h, cy + half_h - bar):
        pygame.draw.rect(surface, colour, pygame.Rect(round(cx - half_w - bar), round(y), round(2 * (half_w + bar)),
                                                      bar), border_radius=bar // 2)
