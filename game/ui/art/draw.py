"""Small drawing helpers shared by the art modules: colour mixing, smooth strokes, supersampled canvases."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence

import pygame

RGB = tuple[int, int, int]
Point = tuple[float, float]


def mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    """Blend colour a toward b by t (0 = a, 1 = b)."""
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def shade(colour: Sequence[int], amount: float) -> RGB:
    """Darker (amount > 0) or lighter (amount < 0) version of a colour."""
    return mix(colour, (0, 0, 0), amount) if amount >= 0 else mix(colour, (255, 255, 255), -amount)


def with_alpha(colour: Sequence[int], alpha: int) -> tuple[int, int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]), max(0, min(255, int(alpha))))


def bezier(p0: Point, p1: Point, p2: Point, steps: int = 16) -> list[Point]:
    """Points along a quadratic Bézier curve."""
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append((u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
                    u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1]))
    return out


def stroke(surface: pygame.Surface, colour: Sequence[int], points: Sequence[Point], width: float) -> None:
    """A thick polyline with round ends and joints."""
    if not points:
        return
    w = max(1, round(width))
    r = max(1, round(width / 2))
    pts = [(round(x), round(y)) for x, y in points]
    if len(pts) > 1:
        pygame.draw.lines(surface, colour, False, pts, w)
    for p in pts:
        pygame.draw.circle(surface, colour, p, r)


def tapered(surface: pygame.Surface, colour: Sequence[int], points: Sequence[Point], w0: float, w1: float) -> None:
    """A filled stroke whose width goes from w0 to w1 along the points (for eyebrows and lashes)."""
    if len(points) < 2:
        return
    left: list[Point] = []
    right: list[Point] = []
    n = len(points)
    for i, (x, y) in enumerate(points):
        a = points[max(0, i - 1)]
        b = points[min(n - 1, i + 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length, dx / length
        half = (w0 + (w1 - w0) * i / (n - 1)) / 2
        left.append((x + nx * half, y + ny * half))
        right.append((x - nx * half, y - ny * half))
    pygame.draw.polygon(surface, colour, left + right[::-1])
    pygame.draw.circle(surface, colour, (round(points[0][0]), round(points[0][1])), max(1, round(w0 / 2)))
    pygame.draw.circle(surface, colour, (round(points[-1][0]), round(points[-1][1])), max(1, round(w1 / 2)))


def ellipse(surface: pygame.Surface, colour: Sequence[int], centre: Point, rx: float, ry: float,
            width: int = 0) -> None:
    """An ellipse given by centre and radii."""
    rect = pygame.Rect(0, 0, max(1, round(rx * 2)), max(1, round(ry * 2)))
    rect.center = (round(centre[0]), round(centre[1]))
    pygame.draw.ellipse(surface, colour, rect, width)


def vertical_gradient(size: tuple[int, int], top: Sequence[int], bottom: Sequence[int]) -> pygame.Surface:
    """A surface filled with a top-to-bottom gradient."""
    w, h = max(1, size[0]), max(1, size[1])
    column = pygame.Surface((1, h))
    for y in range(h):
        column.set_at((0, y), mix(top, bottom, y / max(1, h - 1)))
    return pygame.transform.scale(column, (w, h))


def supersampled(size: tuple[int, int], factor: int, paint: Callable[[pygame.Surface, float], None],
                 alpha: bool = True) -> pygame.Surface:
    """Paint at `factor` times the size, then scale down smoothly: cheap anti-aliasing for flat shapes."""
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    flags = pygame.SRCALPHA if alpha else 0
    big = pygame.Surface((w * factor, h * factor), flags)
    paint(big, float(factor))
    if factor == 1:
        return big
    small = pygame.transform.smoothscale(big, (w, h))
    if alpha:
        # smoothscale's filter rounds solid alpha down to about 253; lift every visible pixel a little so
        # solid areas are truly opaque while fully transparent ones stay untouched.
        lift = pygame.mask.from_surface(small, 0).to_surface(setcolor=(0, 0, 0, 4), unsetcolor=(0, 0, 0, 0))
        small.blit(lift, (0, 0), special_flags=pygame.BLEND_RGBA_ADD)
    return small


def for_display(surface: pygame.Surface, alpha: bool) -> pygame.Surface:
    """The surface in the display's pixel format when a window exists (faster to blit every frame). A
    transparent picture already in that format (a portrait read from the art cache is) is kept as it is:
    converting it would copy it, twice its memory while it is made, for the same pixels."""
    if pygame.display.get_surface() is None:
        return surface
    try:
        if not alpha:
            return surface.convert()
        if _same_format(surface, pygame.Surface((1, 1), pygame.SRCALPHA).convert_alpha()):
            return surface
        return surface.convert_alpha()
    except pygame.error:
        return surface


def _same_format(a: pygame.Surface, b: pygame.Surface) -> bool:
    return (a.get_bitsize() == b.get_bitsize() and a.get_masks() == b.get_masks()
            and bool(a.get_flags() & pygame.SRCALPHA) == bool(b.get_flags() & pygame.SRCALPHA))


def surface_bytes(surface: pygame.Surface | None) -> int:
    """The pixel memory of a surface (what a cache of pictures holds)."""
    if surface is None:
        return 0
    w, h = surface.get_size()
    return w * h * surface.get_bytesize()


MAX_CACHE_BYTES = 12 << 20  # a cache of pictures holds at most this much pixel memory (six 1080p stage portraits)


class LRU:
    """A least-recently-used cache of rendered surfaces, bounded by count and by pixel bytes (the most recent
    picture is always kept, however large)."""

    def __init__(self, limit: int, max_bytes: int = MAX_CACHE_BYTES) -> None:
        self.limit = limit
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[Hashable, pygame.Surface] = OrderedDict()

    def get(self, key: Hashable) -> pygame.Surface | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def make_room(self, size: tuple[int, int]) -> None:
        """Before a picture of `size` (32-bit) is made or loaded: let go now of what putting it would push out,
        so the old pictures and the new one are not all in memory at once."""
        need = max(0, size[0]) * max(0, size[1]) * 4
        while self._items and (len(self._items) >= self.limit or self.bytes + need > self.max_bytes):
            _, dropped = self._items.popitem(last=False)
            self.bytes -= surface_bytes(dropped)

    def put(self, key: Hashable, value: pygame.Surface) -> pygame.Surface:
        old = self._items.pop(key, None)
        self.bytes += surface_bytes(value) - surface_bytes(old)
        self._items[key] = value
        while len(self._items) > 1 and (len(self._items) > self.limit or self.bytes > self.max_bytes):
            _, dropped = self._items.popitem(last=False)
            self.bytes -= surface_bytes(dropped)
        return value

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)
