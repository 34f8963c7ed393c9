"""Where things go on the classroom screens (logical coordinates, widths 960 to 1280, 720 high).

Text is measured at the real size; each layout tries roomier arrangements first and falls back until the
text fits, and says whether it did.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from ..context import Context
from ..play.layout import choice_height, meters_height, speech_height
from .draw import FOOTER_H, MARGIN, TOP_H

GAP = 16
VOTE_W = 170  # the vote column beside each option
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
    sp_h = speech_height(ctx, width - 2 * MARGIN, speaker, text)
    fits = TOP + sp_h <= bottom
    return TextLayout(None, None, pygame.Rect(MARGIN, TOP, width - 2 * MARGIN, round(min(sp_h, bottom - TOP))), fits)


@dataclass(frozen=True)
class ChoicesLayout:
    prompt: pygame.Rect | None  # the speech, when there is room to keep it on screen
    countdown: pygame.Rect | None
    buttons: tuple[pygame.Rect, ...]
    votes: tuple[pygame.Rect, ...]
    token: str
    fits: bool


def choices_layout(ctx: Context, speaker: str, text: str, choice_texts: list[str], timed: bool) -> ChoicesLayout:
    """Options across the whole width with a vote column; the speech above them when it fits; the countdown
    top right on timed nodes."""
    width = ctx.viewport.width
    bottom = _bottom(ctx)
    button_w = width - 2 * MARGIN - VOTE_W - GAP
    attempt = None
    for token, keep_prompt in (("body", True), ("body", False), ("small", False)):
        heights = [choice_height(ctx, button_w, c, token) for c in choice_texts]
        list_h = sum(heights) + CHOICE_GAP * max(0, len(heights) - 1)
        head_w = width - 2 * MARGIN - ((BOX[0] + GAP) if timed else 0)
        head_h = speech_height(ctx, head_w, speaker, text) if keep_prompt else 0.0
        if timed:
            head_h = max(head_h, BOX[1])
        top = TOP + (head_h + GAP if head_h else 0)
        attempt = (token, keep_prompt, heights, head_w, head_h, top, top + list_h <= bottom)
        if attempt[-1]:
            break
    assert attempt is not None
    token, keep_prompt, heights, head_w, head_h, top, fits = attempt
    prompt = pygame.Rect(MARGIN, TOP, head_w, round(head_h)) if keep_prompt else None
    countdown = pygame.Rect(width - MARGIN - BOX[0], TOP, *BOX) if timed else None
    buttons, votes = [], []
    y = float(top)
    for h in heights:
        buttons.append(pygame.Rect(MARGIN, round(y), button_w, round(h)))
        votes.append(pygame.Rect(width - MARGIN - VOTE_W, round(y), VOTE_W, round(h)))
        y += h + CHOICE_GAP
    return ChoicesLayout(prompt, countdown, tuple(buttons), tuple(votes), token, fits)


@dataclass(frozen=True)
class SplitLayout:
    """A stage with meters on the left, a card on the right (consequences, the ending). When the card needs
    more room it is drawn compact, then across the whole width with the meters below it (or alone)."""

    stage: pygame.Rect | None
    meters: pygame.Rect | None
    card: pygame.Rect
    fits: bool
    compact: bool = False


def split_layout(ctx: Context, card_height: Callable[[float, bool], float], labels: list[str]) -> SplitLayout:
    width = ctx.viewport.width
    bottom = _bottom(ctx)
    m_h = meters_height(ctx, len(labels))
    for compact in (False, True):
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
    card_h = card_height(full, False)
    card = pygame.Rect(MARGIN, TOP, full, round(min(card_h, bottom - TOP)))
    meters_w = min(full, max(round(full / 2), round(meters_min_width(ctx, labels))))
    if TOP + card_h + GAP + m_h <= bottom:
        return SplitLayout(None, pygame.Rect(MARGIN, bottom - m_h, meters_w, m_h), card, True)
    return SplitLayout(None, None, card, TOP + card_h <= bottom)
