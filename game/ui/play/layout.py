"""Where everything goes on the play screen, in logical coordinates, for widths 960 to 1280.

The left column holds the stage (backdrop, portrait, countdown) above the meters; the right column holds the
speech panel above the choices. Text is measured, and the layout tries narrower stages and smaller choice text
until everything fits on the 720-high screen.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..context import Context
from ..widgets import paragraph_height

MARGIN = 24
GAP = 16
TOP_BAR = 52
SPEECH_PAD = 20
CHOICE_GAP = 10
CHOICE_PAD_Y = 14
METER_BAR = 12
METER_PAD = 12
# (stage share of the width, choice text token), tried in order until the right column fits.
_CANDIDATES = ((0.36, "body"), (0.30, "body"), (0.36, "small"), (0.28, "small"), (0.22, "small"))
# When nothing fits, the right column scrolls; the stage then keeps enough width for the meters to read.
_SCROLLING = (0.30, "small")


@dataclass(frozen=True)
class PlayLayout:
    """Logical rectangles of the play screen."""

    width: int
    height: int
    top_bar: pygame.Rect
    stage: pygame.Rect
    meters: pygame.Rect
    speech: pygame.Rect
    choices: tuple[pygame.Rect, ...]
    choice_token: str
    lower: pygame.Rect  # the area below the speech panel (choices, or the coach's card)
    fits: bool

    @property
    def right(self) -> pygame.Rect:
        """The whole right column."""
        return pygame.Rect(self.speech.left, self.speech.top, self.speech.width, self.height - MARGIN
                           - self.speech.top)


def logical_height(ctx: Context, text: str, width: float, token: str, bold: bool = False) -> float:
    """Height in logical pixels of text wrapped to a logical width.

    Measured one window pixel narrower than the width: a rectangle drawn from rounded corners can come out
    a pixel narrower than the rounded length, and then a line that just fitted would wrap when drawn."""
    if not text:
        return 0.0
    return paragraph_height(ctx, text, max(1, ctx.viewport.px(width) - 1), token, bold) / ctx.viewport.scale


def line_height(ctx: Context, token: str, bold: bool = False) -> float:
    return ctx.text.line_height(ctx.px(token), bold) / ctx.viewport.scale


def meter_row(ctx: Context) -> float:
    """Logical height of one meter row: a line of text above a bar."""
    return line_height(ctx, "body", True) + max(METER_BAR + 4, line_height(ctx, "small", True)) + 10


def meters_height(ctx: Context, count: int) -> int:
    return round(2 * METER_PAD + max(1, count) * meter_row(ctx))


def badge_space(ctx: Context, token: str) -> float:
    """Logical width taken by a choice button's number badge and paddings, measured in window pixels the way
    widgets.Button draws them (three paddings, the badge), plus a pixel for rounding."""
    vp = ctx.viewport
    return (3 * vp.px(16) + ctx.px(token) + vp.px(12) + 1) / vp.scale


def speech_height(ctx: Context, width: float, speaker: str, text: str) -> float:
    inner = width - 2 * SPEECH_PAD
    named = bool(speaker.strip()) and speaker.strip().lower() != "narrator"
    name = line_height(ctx, "large", True) + 6 if named else 0
    return 2 * SPEECH_PAD + name + max(line_height(ctx, "body"), logical_height(ctx, text, inner, "body"))


def choice_height(ctx: Context, width: float, text: str, token: str) -> float:
    inner = width - badge_space(ctx, token)
    return max(54.0, logical_height(ctx, text, inner, token) + 2 * CHOICE_PAD_Y)


def compute_layout(ctx: Context, speaker: str, text: str, choice_texts: list[str], meter_count: int = 2,
                   reserve: float = 0.0) -> PlayLayout:
    """Lay out the play screen for the current viewport; `reserve` keeps extra logical height below the
    speech (e.g. for a coach's card taller than the choices)."""
    width, height = ctx.viewport.width, ctx.viewport.height
    top = TOP_BAR + 8
    bottom = height - MARGIN
    chosen = None
    for share, token in (*_CANDIDATES, _SCROLLING):
        stage_w = round(width * share)
        right_x = MARGIN + stage_w + GAP + 4
        right_w = width - MARGIN - right_x
        sp_h = speech_height(ctx, right_w, speaker, text)
        heights = [choice_height(ctx, right_w, c, token) for c in choice_texts]
        lower_h = max(sum(heights) + CHOICE_GAP * max(0, len(heights) - 1), reserve)
        need = sp_h + GAP + lower_h
        chosen = (stage_w, right_x, right_w, sp_h, heights, token, need <= bottom - top)
        if chosen[-1]:
            break
    assert chosen is not None
    stage_w, right_x, right_w, sp_h, heights, token, fits = chosen
    m_h = meters_height(ctx, meter_count)
    meters = pygame.Rect(MARGIN, bottom - m_h, stage_w, m_h)
    stage = pygame.Rect(MARGIN, top, stage_w, meters.top - GAP - top)
    speech = pygame.Rect(right_x, top, right_w, round(sp_h))
    y = float(speech.bottom + GAP)
    rects = []
    for h in heights:
        rects.append(pygame.Rect(right_x, round(y), right_w, round(h)))
        y += h + CHOICE_GAP
    lower = pygame.Rect(right_x, speech.bottom + GAP, right_w, bottom - speech.bottom - GAP)
    return PlayLayout(width, height, pygame.Rect(0, 0, width, TOP_BAR), stage, meters, speech, tuple(rects),
                      token, lower, fits)
