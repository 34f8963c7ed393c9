"""Where things go on the classroom screens (logical coordinates, widths 960 to 1280, 720 high).

Text is measured at the real size; each layout tries roomier arrangements first and falls back until the
text fits, and says whether it did.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from ..context import Context
from ..play.backdrop import PORTRAIT_ASPECT
from ..play.layout import CHOICE_PAD_Y, speech_height
from .draw import FOOTER_H, MARGIN, TOP_H

GAP = 16
VOTE_W = 170  # the vote column beside each option
VOTE_W_NARROW = 120  # ... narrowed when long options need the width
CHOICE_GAP = 10
TOP = TOP_H + GAP
PERSON_SHARE = 0.505  # the person stands at least half the screen's height tall
STAGE_MIN_W = 392  # also room for a caller's call card that tall
OVER_STAGE = 0.74  # the options start this far across the stage column (right of her face)
BOX = (220, 132)  # the countdown: taller than the play screen's so projector type clears the ring


def meters_min_width(ctx: Context, labels: list[str]) -> float:
    """Logical width the meter panel needs so a label, its change and its number share a line unclipped."""
    if not labels:
        return 0.0
    body = ctx.text.font(ctx.px("body"), True)
    small = ctx.text.font(ctx.px("small"), True)
    widest = max(body.size(label)[0] for label in labels)
    extra = small.size("▼ −88")[0] + body.size("100")[0]
    return (widest + extra) / ctx.viewport.scale + 2 * 16 + 16 + 12


def button_height(ctx: Context, width: float, text: str, token: str) -> float:
    """Logical height of a numbered choice button `width` wide, wrapping its text exactly as widgets.Button
    does in window pixels (measuring in logical units can round a line short and let the text spill)."""
    vp = ctx.viewport
    inner = vp.px(width) - 3 * vp.px(16) - (ctx.px(token) + vp.px(12)) - 1  # the 1: the rect's own rounding
    lines = len(ctx.text.wrap(text, ctx.px(token), max(1, inner)))
    return max(54.0, lines * ctx.text.line_height(ctx.px(token)) / vp.scale + 2 * CHOICE_PAD_Y)


def stage_width(ctx: Context) -> int:
    """Logical width of the stage column: room for a person PERSON_SHARE of the screen's height tall, and for
    the longest meter name on one line above her head."""
    vp = ctx.viewport
    screen_h = vp.window[1] / vp.scale  # the window's height in logical units
    return max(STAGE_MIN_W, math.ceil(PERSON_SHARE * screen_h * PORTRAIT_ASPECT) + 28)


def person_min_height(ctx: Context) -> float:
    """Logical height the person must have on the stage."""
    vp = ctx.viewport
    return PERSON_SHARE * vp.window[1] / vp.scale


def stage_rect(ctx: Context) -> pygame.Rect:
    """The stage column on the left, from under the top bar to above the footer."""
    return pygame.Rect(MARGIN, TOP, stage_width(ctx), _bottom(ctx) - TOP)


def _right(ctx: Context, over: bool = False) -> tuple[int, int]:
    """Left edge and width of what is beside the stage (`over`: the options, which rise over the stage's
    right edge, past the person's face)."""
    x = MARGIN + (round(stage_width(ctx) * OVER_STAGE) if over else stage_width(ctx) + GAP)
    return x, ctx.viewport.width - MARGIN - x


def _bottom(ctx: Context, footer: bool = True) -> int:
    return ctx.viewport.height - (FOOTER_H + GAP if footer else MARGIN)


@dataclass(frozen=True)
class TextLayout:
    stage: pygame.Rect | None  # None: the speech needed the whole width
    meters: pygame.Rect | None
    speech: pygame.Rect
    fits: bool
    token: str = "body"  # "small" when even the whole width could not hold the words at body size
    hud: bool = False  # whether the meters have room above the person (the speech is beside the stage)


def speech_height_at(ctx: Context, width: float, speaker: str, text: str, token: str) -> float:
    """speech_height for the words set in any text size (the speaker's name stays large)."""
    if token == "body":
        return speech_height(ctx, width, speaker, text)
    from ..play.layout import SPEECH_PAD

    named = bool(speaker.strip()) and speaker.strip().lower() != "narrator"
    name = ctx.text.line_height(ctx.px("large"), True) / ctx.viewport.scale + 6 if named else 0
    vp = ctx.viewport
    words = len(ctx.text.wrap(text, ctx.px(token), vp.px(width - 2 * SPEECH_PAD))) * ctx.text.line_height(
        ctx.px(token)) / vp.scale
    return 2 * SPEECH_PAD + name + words


def text_layout(ctx: Context, speaker: str, text: str, labels: list[str]) -> TextLayout:
    """The stage (with the meters over it) on the left, the speech on the right, a size smaller when it
    would not fit; only a speech too long even then takes the whole width."""
    width = ctx.viewport.width
    bottom = _bottom(ctx)
    for over in (False, True):  # beside the stage (the meters above her head), else over its edge
        right_x, right_w = _right(ctx, over)
        for token in ("body", "small"):
            sp_h = speech_height_at(ctx, right_w, speaker, text, token)
            if TOP + sp_h <= bottom:
                return TextLayout(stage_rect(ctx), None, pygame.Rect(right_x, TOP, right_w, round(sp_h)), True,
                                  token, not over)
    for token in ("body", "small"):  # the whole width; smaller words only when the text would not fit
        sp_h = speech_height_at(ctx, width - 2 * MARGIN, speaker, text, token)
        fits = TOP + sp_h <= bottom
        if fits:
            break
    speech = pygame.Rect(MARGIN, TOP, width - 2 * MARGIN, round(min(sp_h, bottom - TOP)))
    return TextLayout(None, None, speech, fits, token)


@dataclass(frozen=True)
class ChoicesLayout:
    prompt: pygame.Rect | None  # the speech, when there is room to keep it on screen
    countdown: pygame.Rect | None
    buttons: tuple[pygame.Rect, ...]
    votes: tuple[pygame.Rect, ...]
    token: str
    fits: bool
    heading: bool = False  # "What does the class do?" above the options, in place of the speech
    stage: pygame.Rect | None = None  # the person, left of the options (None: the options need the width)


def choices_layout(ctx: Context, speaker: str, text: str, choice_texts: list[str], timed: bool) -> ChoicesLayout:
    """Options beside the stage with a vote column; the speech above them when it fits, else a short
    question for the room; the countdown top right on timed nodes. Only options too long for the room
    beside the stage take the whole width."""
    width = ctx.viewport.width
    bottom = _bottom(ctx)
    right_x, right_w = _right(ctx, over=True)
    attempt = None
    tries = [(True, token, head, vote_w) for token, head, vote_w in (
        ("body", "speech", VOTE_W), ("body", "heading", VOTE_W), ("body", "", VOTE_W),
        ("body", "", VOTE_W_NARROW), ("small", "", VOTE_W_NARROW))]
    tries += [(False, "small", "", VOTE_W_NARROW)]
    for staged, token, head, vote_w in tries:
        left, region = (right_x, right_w) if staged else (MARGIN, width - 2 * MARGIN)
        button_w = region - vote_w - GAP
        heights = [button_height(ctx, button_w, c, token) for c in choice_texts]
        list_h = sum(heights) + CHOICE_GAP * max(0, len(heights) - 1)
        head_w = region - ((BOX[0] + GAP) if timed else 0)
        head_h = {"speech": speech_height(ctx, head_w, speaker, text) if head == "speech" else 0.0,
                  "heading": ctx.text.line_height(ctx.px("large"), True) / ctx.viewport.scale + 12,
                  "": 0.0}[head]
        if timed:
            head_h = max(head_h, BOX[1])
        top = TOP + (head_h + GAP if head_h else 0)
        attempt = (staged, left, region, token, head, vote_w, heights, head_w, head_h, top, top + list_h <= bottom)
        if attempt[-1]:
            break
    assert attempt is not None
    staged, left, region, token, head, vote_w, heights, head_w, head_h, top, fits = attempt
    button_w = region - vote_w - GAP
    prompt = pygame.Rect(left, TOP, head_w, round(head_h)) if head == "speech" else None
    countdown = pygame.Rect(left + region - BOX[0], TOP, *BOX) if timed else None
    buttons, votes = [], []
    y = float(top)
    for h in heights:
        buttons.append(pygame.Rect(left, round(y), button_w, round(h)))
        votes.append(pygame.Rect(left + region - vote_w, round(y), vote_w, round(h)))
        y += h + CHOICE_GAP
    heading = prompt is None and (timed or head == "heading")
    return ChoicesLayout(prompt, countdown, tuple(buttons), tuple(votes), token, fits, heading,
                         stage_rect(ctx) if staged else None)


@dataclass(frozen=True)
class SplitLayout:
    """A stage with meters on the left, a card on the right (consequences, the ending). When the card needs
    more room it is drawn compact, then across the whole width with the meters below it, then alone and
    tighter still."""

    stage: pygame.Rect | None
    meters: pygame.Rect | None
    card: pygame.Rect
    fits: bool
    compact: int = 0  # how tightly the card is set (see CoachCard.height)
    hud: bool = False  # whether the meters have room above the person (the card is beside the stage)


def split_layout(ctx: Context, card_height: Callable[[float, int], float], labels: list[str]) -> SplitLayout:
    """The stage on the left, the card beside it (tighter when it needs the room), or over the stage's edge
    when it needs more width (the meters' changes are on the card); only a card too tall even then takes
    the whole width."""
    width = ctx.viewport.width
    bottom = _bottom(ctx)
    right_x, right_w = _right(ctx)
    over_x, over_w = _right(ctx, over=True)
    for (x, w), hud in (((right_x, right_w), True), ((over_x, over_w), False)):
        for compact in (0, 1, 2, 3):  # beside the stage, with the meters; else over its edge, past her face
            card_h = card_height(w, compact)
            if TOP + card_h <= bottom:
                return SplitLayout(stage_rect(ctx), None, pygame.Rect(x, TOP, w, round(card_h)), True, compact, hud)
    full = width - 2 * MARGIN
    for compact in (0, 1, 2, 3):
        card_h = card_height(full, compact)
        if TOP + card_h <= bottom:
            return SplitLayout(None, None, pygame.Rect(MARGIN, TOP, full, round(card_h)), True, compact)
    card_h = card_height(full, 3)
    return SplitLayout(None, None, pygame.Rect(MARGIN, TOP, full, round(min(card_h, bottom - TOP))), False, 3)
