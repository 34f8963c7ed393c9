"""Map a logical layout (720 px high, 16:9 or wider down to 4:3) onto any window size."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

LOGICAL_HEIGHT = 720
MIN_LOGICAL_WIDTH = 960  # 4:3
MAX_LOGICAL_WIDTH = 1280  # 16:9; wider windows are centred


@dataclass(frozen=True)
class Viewport:
    """Logical coordinates are scaled by `scale` and shifted by `offset` to reach window pixels."""

    window: tuple[int, int]
    scale: float
    offset: tuple[int, int]
    width: int  # logical width
    height: int  # logical height

    @classmethod
    def fit(cls, window: tuple[int, int]) -> Viewport:
        w, h = max(1, window[0]), max(1, window[1])
        scale = h / LOGICAL_HEIGHT
        if w / scale < MIN_LOGICAL_WIDTH:
            scale = w / MIN_LOGICAL_WIDTH
        logical_w = min(MAX_LOGICAL_WIDTH, round(w / scale))
        logical_h = min(round(h / scale), LOGICAL_HEIGHT) if w / scale >= MIN_LOGICAL_WIDTH else LOGICAL_HEIGHT
        off_x = round((w - logical_w * scale) / 2)
        off_y = round((h - logical_h * scale) / 2)
        return cls((w, h), scale, (off_x, off_y), logical_w, logical_h)

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """A logical rectangle in window pixels."""
        s = self.scale
        left, top = round(self.offset[0] + x * s), round(self.offset[1] + y * s)
        return pygame.Rect(left, top, round(self.offset[0] + (x + w) * s) - left,
                           round(self.offset[1] + (y + h) * s) - top)

    def point(self, x: float, y: float) -> tuple[int, int]:
        return round(self.offset[0] + x * self.scale), round(self.offset[1] + y * self.scale)

    def px(self, logical: float) -> int:
        """A logical length (a font size, a border) in window pixels, at least 1."""
        return max(1, round(logical * self.scale))

    def to_logical(self, pos: tuple[int, int]) -> tuple[float, float]:
        return (pos[0] - self.offset[0]) / self.scale, (pos[1] - self.offset[1]) / self.scale
