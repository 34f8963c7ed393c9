"""Vertical scrolling for a list taller than its window: wheel, page keys and keeping the focus in view."""

from __future__ import annotations

from dataclasses import dataclass

EASE_PER_SECOND = 14.0  # how quickly the view glides to its target


@dataclass
class Scroller:
    """Offsets are logical pixels: 0 shows the top of the content."""

    view: float = 1.0
    content: float = 0.0
    offset: float = 0.0
    target: float = 0.0

    @property
    def limit(self) -> float:
        return max(0.0, self.content - self.view)

    def resize(self, view: float, content: float) -> None:
        self.view, self.content = max(1.0, view), max(0.0, content)
        self.target = self._clamp(self.target)
        self.offset = self._clamp(self.offset)

    def _clamp(self, value: float) -> float:
        return max(0.0, min(self.limit, value))

    def scroll_by(self, delta: float) -> None:
        self.target = self._clamp(self.target + delta)

    def show(self, top: float, bottom: float, margin: float = 12.0) -> None:
        """Scroll just enough for the span top..bottom (content coordinates) to be in view."""
        if bottom - top > self.view - 2 * margin or top - margin < self.target:
            self.target = self._clamp(top - margin)
        elif bottom + margin > self.target + self.view:
            self.target = self._clamp(bottom + margin - self.view)

    def jump(self) -> None:
        """Arrive at the target at once (used when the layout is rebuilt)."""
        self.offset = self.target

    def update(self, dt: float) -> bool:
        """Glide towards the target; True when the offset changed."""
        if self.moving:
            gap = self.target - self.offset
            step = gap * min(1.0, dt * EASE_PER_SECOND)
            self.offset = self.target if abs(gap - step) < 0.5 else self.offset + step
            return True
        return False

    @property
    def moving(self) -> bool:
        return self.offset != self.target
