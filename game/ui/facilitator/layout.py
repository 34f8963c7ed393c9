"""Where the classroom puts things on the stage (stage.layout.compute_stage, logical coordinates): the same
stage as solo play, with room for a vote bar at each option's right and a key-hint line along the bottom.
Options too long to sit beside the person all at once are shown a page at a time (the key-hint line says
which, and Next shows the others)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from ..context import Context
from ..play.layout import line_height
from ..stage.layout import EDGE, GAP, Hud, Said, StageLayout, compute_stage
from .timer import timer_size

VOTE_W = 66  # the count of hands and its bar at a choice card's right


def foot_height(ctx: Context) -> float:
    """The key-hint line along the screen's bottom: small type, a little padding."""
    return line_height(ctx, "small") + 10


def classroom_stage(ctx: Context, said: Said, choice_texts: Sequence[str], hud: Hud, timed: bool,
                    title_w: float) -> StageLayout:
    """The stage for the classroom: the box for the tallest of `said`, the options with their vote room."""
    return compute_stage(ctx, said, list(choice_texts), hud, timer_size(ctx) if timed else None, title_w,
                         choice_room=VOTE_W if choice_texts else 0.0, foot=foot_height(ctx))


@dataclass(frozen=True)
class ChoicesStage:
    """A decision's stage: the layout, whether the HUD shows (the meters make way for crowded options, as
    they did on the classroom's choices screen) and where the countdown goes."""

    lay: StageLayout
    hud: bool
    countdown: pygame.Rect | None

    @property
    def fits(self) -> bool:
        return self.lay.fits


def _no_hud(max_width: float) -> tuple[float, float]:
    return 0.0, 0.0


def choices_stage(ctx: Context, said: Said, texts: Sequence[str], hud: Hud, timed: bool,
                  title_w: float) -> ChoicesStage:
    """The options beside her with the HUD and any countdown top right; when they do not fit, without the
    HUD and with the countdown in the corner the options leave free as they rise from the box."""
    lay = classroom_stage(ctx, said, texts, hud, timed, title_w)
    shown = not lay.hud_under and not any(r.colliderect(lay.hud) for r in lay.choices)
    if lay.fits and not lay.stacked:
        return ChoicesStage(lay, shown, lay.countdown)
    bare = classroom_stage(ctx, said, texts, _no_hud, False, title_w)
    w, h = timer_size(ctx)
    corner = pygame.Rect(round(bare.width - EDGE - w), EDGE, round(w), round(h)) if timed else None
    clear = corner is None or all(r.top >= corner.bottom + GAP for r in bare.choices)
    if bare.fits and not bare.stacked and clear:
        return ChoicesStage(bare, False, corner)
    return ChoicesStage(lay, shown, lay.countdown)


def page_note(page: range, total: int) -> str:
    """Which options a page shows, e.g. 'Options 1-3 of 5'."""
    first, last = page.start + 1, page.stop
    return f"Options {first}-{last} of {total}" if last > first else f"Option {first} of {total}"


def option_pages(ctx: Context, said: Said, texts: Sequence[str], hud: Hud, timed: bool,
                 title_w: float) -> list[range]:
    """The options in pages that fit beside the person: all at once when they fit, else as many to a page
    as fit (at least one)."""
    n = len(texts)
    pages: list[range] = []
    start = 0
    while start < n:
        end = start + 1
        while end < n and choices_stage(ctx, said, texts[start:end + 1], hud, timed, title_w).fits:
            end += 1
        pages.append(range(start, end))
        start = end
    return pages or [range(0)]


def meters_min_width(ctx: Context, labels: list[str]) -> float:
    """Logical width a meter panel needs so a label, its change and its number share a line unclipped."""
    if not labels:
        return 0.0
    body = ctx.text.font(ctx.px("body"), True)
    small = ctx.text.font(ctx.px("small"), True)
    widest = max(body.size(label)[0] for label in labels)
    extra = small.size("▼ −88")[0] + body.size("100")[0]
    return (widest + extra) / ctx.viewport.scale + 2 * 16 + 16 + 12
