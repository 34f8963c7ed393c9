"""Where things go on the classroom screens (logical coordinates, widths 960 to 1280, 720 high).

Text is measured at the real size; each layout tries roomier arrangements first and falls back until the
text fits, and says whether it did.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from ..context import Context
from ..play.layout import CHOICE_PAD_Y, meters_height, speech_height
from .draw import FOOTER_H, MARGIN, TOP_H

GAP = 16
VOTE_W = 170  # the vote column beside each option
VOTE_W_NARROW = 120  # ... narrowed when long options need the width
CHOICE_GAP = 10
TOP = TOP_H + GAP
_STAGE_SHARES = (0.34, 0.28, 0.22)
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


def _stage_width(ctx: Context, share: float, labels: list[str]) -> int:
    width = ctx.viewport.width
    return round(min(width * 0.45, max(width * share, meters_min_width(ctx, labels))))


def _bottom(ctx: Context, footer: bool = True) -> int:
    return ctx.viewport.height - (FOOTER_H + GAP if footer else MARGIN)


@dataclass(frozen=True)
class TextLayout:
    stage: pygame.Rect | None  # None: the speech needed the whole width
    meters: pygame.Rect | None
    speech: pygame.Rect
    fits: bool
    token: str = "body"  # "small" when even the whole width could not hold the words at body size


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
    """The stage and meters on the left, the speech on the right (stage narrower until the speech fits);
    a long speech on a narrow screen takes the whole width."""
    width = ctx.viewport.width
    bottom = _bottom(ctx)
    m_h = meters_height(ctx, len(labels))
    for share in _STAGE_SHARES:
        stage_w = _stage_width(ctx, share, labels)
        right_x = MARGIN + stage_w + GAP
        right_w = width - MARGIN - right_x
        sp_h = speech_height(ctx, right_w, speaker, text)
        if TOP + sp_h <= bottom:
            meters = pygame.Rect(MARGIN, bottom - m_h, stage_w, m_h)
            stage = pygame.Rect(MARGIN, TOP, stage_w, meters.top - GAP - TOP)
            return TextLayout(stage, meters, pygame.Rect(right_x, TOP, right_w, round(sp_h)), True)
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


def choices_layout(ctx: Context, speaker: str, text: str, choice_texts: list[str], timed: bool) -> ChoicesLayout:
    """Options across the whole width with a vote column; the speech above them when it fits, else a short
    question for the room; the countdown top right on timed nodes."""
    width = ctx.viewport.width
    bottom = _bottom(ctx)
    attempt = None
    for token, head, vote_w in (("body", "speech", VOTE_W), ("body", "heading", VOTE_W), ("body", "", VOTE_W),
                                ("small", "", VOTE_W), ("small", "", VOTE_W_NARROW)):
        button_w = width - 2 * MARGIN - vote_w - GAP
        heights = [button_height(ctx, button_w, c, token) for c in choice_texts]
        list_h = sum(heights) + CHOICE_GAP * max(0, len(heights) - 1)
        head_w = width - 2 * MARGIN - ((BOX[0] + GAP) if timed else 0)
        head_h = {"speech": speech_height(ctx, head_w, speaker, text) if head == "speech" else 0.0,
                  "heading": ctx.text.line_height(ctx.px("large"), True) / ctx.viewport.scale + 12,
                  "": 0.0}[head]
        if timed:
            head_h = max(head_h, BOX[1])
        top = TOP + (head_h + GAP if head_h else 0)
        attempt = (token, head, vote_w, heights, head_w, head_h, top, top + list_h <= bottom)
        if attempt[-1]:
            break
    assert attempt is not None
    token, head, vote_w, heights, head_w, head_h, top, fits = attempt
    button_w = width - 2 * MARGIN - vote_w - GAP
    prompt = pygame.Rect(MARGIN, TOP, head_w, round(head_h)) if head == "speech" else None
    countdown = pygame.Rect(width - MARGIN - BOX[0], TOP, *BOX) if timed else None
    buttons, votes = [], []
    y = float(top)
    for h in heights:
        buttons.append(pygame.Rect(MARGIN, round(y), button_w, round(h)))
        votes.append(pygame.Rect(width - MARGIN - vote_w, round(y), vote_w, round(h)))
        y += h + CHOICE_GAP
    heading = prompt is None and (timed or head == "heading")
    return ChoicesLayout(prompt, countdown, tuple(buttons), tuple(votes), token, fits, heading)


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


def split_layout(ctx: Context, card_height: Callable[[float, int], float], labels: list[str]) -> SplitLayout:
    width = ctx.viewport.width
    bottom = _bottom(ctx)
    m_h = meters_height(ctx, len(labels))
    for compact in (0, 1):
        for share in _STAGE_SHARES:
            stage_w = _stage_width(ctx, share, labels)
            right_x = MARGIN + stage_w + GAP
            right_w = width - MARGIN - right_x
            card_h = card_height(right_w, compact)
            if TOP + card_h <= bottom:
                meters = pygame.Rect(MARGIN, bottom - m_h, stage_w, m_h)
                stage = pygame.Rect(MARGIN, TOP, stage_w, meters.top - GAP - TOP)
                return SplitLayout(stage, meters, pygame.Rect(right_x, TOP, right_w, round(card_h)), True, compact)
    full = width - 2 * MARGIN
    meters_w = min(full, max(round(full / 2), round(meters_min_width(ctx, labels))))
    for with_meters, compact in ((True, 0), (True, 1), (False, 0), (False, 1), (False, 2), (False, 3)):
        card_h = card_height(full, compact)
        if TOP + card_h + ((GAP + m_h) if with_meters else 0) <= bottom:
            meters = pygame.Rect(MARGIN, bottom - m_h, meters_w, m_h) if with_meters else None
            return SplitLayout(None, meters, pygame.Rect(MARGIN, TOP, full, round(card_h)), True, compact)
    card_h = card_height(full, 3)
    return SplitLayout(None, None, pygame.Rect(MARGIN, TOP, full, round(min(card_h, bottom - TOP))), False, 3)
