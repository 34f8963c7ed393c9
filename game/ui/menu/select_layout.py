"""Where the select screen's notices, section headings and cards go, and moving between cards by key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..context import Context
from ..widgets import paragraph_height
from .cards import CardText, Section, card_height
from .notices import notices_height

if TYPE_CHECKING:  # annotations only: the engine loader is imported by the background load
    from ...engine import LoadResult

MARGIN = 32
GAP = 18
MIN_CARDS_IN_VIEW = 3  # fewer full cards than this fit: the cards go compact


@dataclass
class Placed:
    """Something in the scrolling list, in content coordinates (logical)."""

    x: float
    y: float
    w: float
    h: float

    def span(self) -> tuple[float, float]:
        return self.y, self.y + self.h


@dataclass
class ListLayout:
    """The scrolling content: the notices box, each section's heading and every card, and the total height."""

    notice: Placed | None = None
    headers: list[tuple[Section, Placed]] = field(default_factory=list)
    places: list[Placed] = field(default_factory=list)
    height: float = 0.0

    def cards_in_view(self, view: float) -> float:
        """How many cards of typical height the view shows at once, counting the cards side by side in a row."""
        if not self.places:
            return float("inf")
        heights = sorted(p.h for p in self.places)
        per_row = sum(1 for p in self.places if p.y == self.places[0].y)
        return per_row * view / max(1.0, heights[len(heights) // 2])


def section_head_height(ctx: Context, section: Section, width: float) -> float:
    vp = ctx.viewport
    title = ctx.text.line_height(ctx.px("large"), True) / vp.scale
    blurb = paragraph_height(ctx, section.blurb, vp.px(width - 60), "small") / vp.scale
    return max(title + 2 + blurb, 44) + 4


def lay_out(ctx: Context, sections: Sequence[Section], cards: Sequence[LoadResult], texts: Sequence[CardText],
            notes: Sequence[str]) -> ListLayout:
    """Notices, then each section's heading and its cards in a grid of one or two columns."""
    vp = ctx.viewport
    width = vp.width - 2 * MARGIN
    cols = 2 if (width - GAP) / 2 >= 17 * ctx.theme.px("body") else 1
    card_w = (width - GAP * (cols - 1)) / cols
    out = ListLayout()
    y = 8.0
    if notes:
        h = notices_height(ctx, list(notes), width)
        out.notice = Placed(MARGIN, y, width, h)
        y += h + GAP
    index = 0
    for section in sections:
        head_h = section_head_height(ctx, section, width)
        out.headers.append((section, Placed(MARGIN, y, width, head_h)))
        y += head_h + 8
        for row_start in range(0, len(section.cards), cols):
            row = range(index + row_start, index + min(row_start + cols, len(section.cards)))
            h = max(card_height(ctx, texts[i], cards[i], card_w) for i in row)
            for c in range(len(row)):
                out.places.append(Placed(MARGIN + c * (card_w + GAP), y, card_w, h))
            y += h + GAP
        index += len(section.cards)
        y += 10
    out.height = y
    return out


def neighbour(places: Sequence[Placed], focus: int, dx: int, dy: int) -> int:
    """The nearest card in a direction; left and right run on through the list at the row's ends."""
    here = places[focus]
    cx, cy = here.x + here.w / 2, here.y + here.h / 2
    best, best_score = None, None
    for i, p in enumerate(places):
        if i == focus:
            continue
        px, py = p.x + p.w / 2, p.y + p.h / 2
        ahead = (px - cx) * dx + (py - cy) * dy
        if ahead <= 1:
            continue
        side = abs((px - cx) * dy) + abs((py - cy) * dx)
        if dx and side > here.h / 2:
            continue  # left/right stay on the row
        score = (ahead + 2 * side, i)
        if best_score is None or score < best_score:
            best, best_score = i, score
    if best is not None:
        return best
    if dx:
        return max(0, min(len(places) - 1, focus + dx))
    return focus


def page(places: Sequence[Placed], focus: int, direction: int, view: float) -> int:
    """The card about a screenful up or down from the focused one (the first or last at the ends)."""
    here = places[focus]
    goal = here.y + direction * view * 0.85
    order = range(len(places)) if direction > 0 else range(len(places) - 1, -1, -1)
    chosen = focus
    for i in order:
        y = places[i].y
        if (direction > 0 and y <= goal and i > focus) or (direction < 0 and y >= goal and i < focus):
            chosen = i
    if chosen == focus:
        chosen = len(places) - 1 if direction > 0 else 0
    return chosen
