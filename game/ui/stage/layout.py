"""Where everything goes on the stage, in logical coordinates (720 high, 960 to 1280 wide).

The setting fills the screen. The person stands large on the left, their face clear of everything; the
dialogue box runs along the bottom with a nameplate tab above its edge; the HUD (meters) and any countdown
sit in the top-right corner; choices and the coach's card rise in the column right of the face, above the
box. The box is sized for the node's widest line, so its beats never move it. When the text is too big for
that (very large type), the box and the choices stack in the right column, which then scrolls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from ..context import Context
from ..play.layout import choice_height, line_height
from .textlog import paragraph_px

EDGE = 16  # space between the screen's edge and the panels
GAP = 12
BOX_PAD_X = 24
BOX_PAD_Y = 16
MARK_ROOM = 28  # the continue mark's column at the right of the dialogue box
CHOICE_GAP = 10
PERSON_SHARE = 0.66  # the person's height (head to the bottom of the picture) as a share of the screen
SHOULDERS = 0.21  # how much of the person shows below the chin above the box, as a share of their height
FIGURE_ASPECT = 0.86 / 0.88  # a portrait at this width / height fills its picture edge to edge
CHIN = 0.59  # from the top of the picture to below the chin, as a share of its height
FACE_HALF = 0.235  # half the head's width (with hair), as a share of the picture's height
MAX_BOX_SHARE = 0.46  # a dialogue box taller than this share of the screen moves into the scrolling column
MIN_LINES = 3
RIGHT, LEFT, UNDER = "right", "left", "under"  # where the HUD goes (UNDER: top right, the choices over it)
Said = Sequence[tuple[str, bool]]  # a node's lines: (text, narrated)
Hud = Callable[[float], tuple[float, float]]  # the HUD's (width, height) when at most this wide
HUD_SHARE = 0.38  # the widest a HUD in the top-right corner may be, as a share of the screen's width


@dataclass(frozen=True)
class StageLayout:
    """Logical rectangles of one node's stage."""

    width: int
    height: int
    stage: pygame.Rect  # the whole screen: the setting
    person: pygame.Rect  # the portrait's picture (may run past the bottom edge, behind the box)
    face: pygame.Rect  # the head within it, which nothing may cover
    speech: pygame.Rect  # the dialogue box
    tab_h: float  # how far the nameplate stands above the box
    choices: tuple[pygame.Rect, ...]
    choice_token: str
    lower: pygame.Rect  # where choices, banners and the coach's card go (the column right of the face)
    hud: pygame.Rect
    countdown: pygame.Rect | None
    title: pygame.Rect
    column: pygame.Rect  # what scrolls when the content does not fit
    stacked: bool  # True when the box sits in the scrolling column instead of along the bottom
    fits: bool
    hud_under: bool = False  # the choices, while shown, cover the HUD (there was no room beside it)

    @property
    def call(self) -> pygame.Rect:
        """Where a caller's call card goes: left of the column, between the title and the nameplate."""
        top = (self.hud.bottom if self.stacked else self.title.bottom) + GAP
        bottom = (self.speech.top - self.tab_h - GAP) if not self.stacked else self.height - EDGE
        return pygame.Rect(EDGE, top, self.lower.left - GAP - EDGE, bottom - top)


def tab_height(ctx: Context) -> float:
    """Height of the nameplate tab (a bold name with padding)."""
    return line_height(ctx, "body", True) + 10


def speech_height(ctx: Context, width: float, said: Said) -> float:
    """Height of a dialogue box `width` wide that holds each (text, narrated) line, at least three lines high.
    Measured as drawn: narration leans, so it wraps a little narrower."""
    vp = ctx.viewport
    inner = vp.px(width - 2 * BOX_PAD_X - MARK_ROOM) - 1  # a pixel for the rounding of the drawn box
    most = max((paragraph_px(ctx, text, inner, "body", slanted=narrated) for text, narrated in said), default=0)
    return max(MIN_LINES * line_height(ctx, "body"), most / vp.scale) + 2 * BOX_PAD_Y


def title_rect(ctx: Context, right: float) -> pygame.Rect:
    """The title chip's place at the top left (its text is fitted by the drawing)."""
    return pygame.Rect(EDGE, EDGE, round(max(120.0, right - EDGE)), round(line_height(ctx, "body", True) + 12))


def compute_stage(ctx: Context, said: Said, choice_texts: list[str], hud: Hud,
                  countdown: tuple[float, float] | None = None, title_w: float = 0.0, choice_room: float = 0.0,
                  foot: float = 0.0) -> StageLayout:
    """Lay out a node: the box holds the tallest of its lines `said`; `hud(max_width)` is the HUD's size,
    `countdown` a timer's, `title_w` the least width the title chip needs; `choice_room` is kept free at each
    choice's right (the classroom's vote bars) and `foot` along the screen's bottom (its key hints).
    Tried in turn: the HUD top right, the choices under it; the HUD top left above a smaller person (still
    half the screen high); the HUD top right, the choices rising over it while they are shown (in a column
    that scrolls if they still do not fit); when the box itself is too tall, the box and the choices stacked
    in a scrolling column."""
    height = ctx.viewport.height
    box_h = speech_height(ctx, ctx.viewport.width - 2 * EDGE, said)
    if box_h <= height * MAX_BOX_SHARE:
        for place in (RIGHT, LEFT, UNDER):
            lay = _along_the_bottom(ctx, box_h, choice_texts, hud, countdown, place, title_w, choice_room, foot)
            if lay is not None:
                return lay
    return _stacked(ctx, said, choice_texts, hud, countdown, choice_room, foot)


def _person(width: int, top: float, person_h: float) -> tuple[pygame.Rect, pygame.Rect, int]:
    """The portrait's rect, its face's rect and the left edge of the column right of the face."""
    cx = max(width * 0.27, person_h * FIGURE_ASPECT * 0.46)
    pw = person_h * FIGURE_ASPECT
    half = FACE_HALF * person_h
    person = pygame.Rect(round(cx - pw / 2), round(top), round(pw), round(person_h))
    face = pygame.Rect(round(cx - half), round(top), round(2 * half), round(CHIN * person_h))
    return person, face, round(cx + half + GAP + 4)


def _along_the_bottom(ctx: Context, box_h: float, choice_texts: list[str],
                      hud: Hud, countdown: tuple[float, float] | None,
                      place: str, title_w: float, choice_room: float = 0.0,
                      foot: float = 0.0) -> StageLayout | None:
    """The box along the bottom, the timer top right, the HUD top right (or LEFT, above the person), the
    choices rising in the column right of the face (from the top, over the HUD, when the HUD is UNDER them);
    None when they do not fit, or the person would be small."""
    width, height = ctx.viewport.width, ctx.viewport.height
    tab_h = tab_height(ctx)
    speech = pygame.Rect(EDGE, round(height - EDGE - foot - box_h), width - 2 * EDGE, round(box_h))
    person_h = height * PERSON_SHARE
    _, _, col_left = _person(width, 0, person_h)
    cd_rect = None
    if countdown is not None:
        cd_rect = pygame.Rect(round(width - EDGE - countdown[0]), EDGE, round(countdown[0]), round(countdown[1]))
    if place == LEFT:
        title = title_rect(ctx, col_left - GAP)
        hud_w, hud_h = hud(col_left - GAP - EDGE)
        hud_rect = pygame.Rect(EDGE, title.bottom + GAP, round(hud_w), round(hud_h))
        above = hud_rect.bottom + GAP if hud_h else title.bottom + 4
    else:  # the HUD beside the timer if the title keeps its room, else under it
        hud_w, hud_h = hud(width * HUD_SHARE)
        hud_rect = pygame.Rect(round(width - EDGE - hud_w), EDGE, round(hud_w), round(hud_h))
        if cd_rect is not None:
            hud_rect.right = cd_rect.left - GAP
            if hud_rect.left - GAP - EDGE < title_w:
                hud_rect.topright = (cd_rect.right, cd_rect.bottom + GAP)
        title = title_rect(ctx, min(r.left for r in (hud_rect, cd_rect) if r is not None and r.top == EDGE) - GAP)
        above = title.bottom + 4
    chin = speech.top - max(tab_h + 4, SHOULDERS * person_h)
    top = max(above, chin - CHIN * person_h)
    if top + CHIN * person_h > chin:  # not enough room above the box: a smaller person, face still clear
        person_h = (chin - top) / CHIN
    if person_h < height / 2:
        return None
    if speech.bottom < top + person_h < height:  # its lower edge would show below the box
        top = speech.bottom - person_h
    person, face, col_left = _person(width, top, person_h)
    col_top = max(hud_rect.bottom + GAP if place == RIGHT else EDGE, cd_rect.bottom + GAP if cd_rect else EDGE)
    if col_top < title.bottom:  # the column starts at the top: the title keeps left of it, or it starts lower
        if col_left - GAP - EDGE >= title_w:
            title.width = min(title.width, col_left - GAP - EDGE)
        else:
            col_top = title.bottom + GAP
    lower = pygame.Rect(col_left, col_top, width - EDGE - col_left, speech.top - GAP - col_top)
    for token in ("body", "small"):
        heights = [choice_height(ctx, lower.width - choice_room, c, token) for c in choice_texts]
        need = sum(heights) + CHOICE_GAP * max(0, len(heights) - 1)
        if need <= lower.height:
            rects = _stack(col_left, lower.width, lower.bottom - need, heights)  # the choices rise from the box
            return StageLayout(width, height, pygame.Rect(0, 0, width, height), person, face, speech, tab_h, rects,
                               token, lower, hud_rect, cd_rect, title, lower, False, True, place == UNDER)
    if place != UNDER:
        return None
    rects = _stack(col_left, lower.width, lower.top, heights)  # from the top of the column, which scrolls
    return StageLayout(width, height, pygame.Rect(0, 0, width, height), person, face, speech, tab_h, rects, "small",
                       lower, hud_rect, cd_rect, title, lower, False, False, True)


def _stacked(ctx: Context, said: Said, choice_texts: list[str], hud: Hud,
             countdown: tuple[float, float] | None, choice_room: float = 0.0, foot: float = 0.0) -> StageLayout:
    """Very large text: title and HUD top left above the person; the box and the choices stack in the right
    column (under any timer), which scrolls when they are taller than the screen."""
    width, height = ctx.viewport.width, ctx.viewport.height
    tab_h = tab_height(ctx)
    person_h = height * PERSON_SHARE
    _, _, col_left = _person(width, 0, person_h)
    title = title_rect(ctx, col_left - GAP)
    hud_w, hud_h = hud(col_left - GAP - EDGE)
    hud_rect = pygame.Rect(EDGE, title.bottom + GAP, round(hud_w), round(hud_h))
    top = max(hud_rect.bottom + GAP if hud_h else title.bottom + 4, height - 0.96 * person_h)
    person, face, _ = _person(width, top, person_h)  # runs off the bottom edge: nothing covers it here
    col_w = width - EDGE - col_left
    cd_rect = None
    col_top = EDGE
    if countdown is not None:
        cd_rect = pygame.Rect(round(width - EDGE - countdown[0]), EDGE, round(countdown[0]), round(countdown[1]))
        col_top = cd_rect.bottom + GAP
    column = pygame.Rect(col_left, col_top, col_w, height - EDGE - foot - col_top)
    speech = pygame.Rect(col_left, round(col_top + tab_h), col_w, round(speech_height(ctx, col_w, said)))
    for token in ("body", "small"):
        heights = [choice_height(ctx, col_w - choice_room, c, token) for c in choice_texts]
        rects = _stack(col_left, col_w, speech.bottom + GAP, heights)
        fits = (rects[-1].bottom if rects else speech.bottom) <= column.bottom
        if fits:
            break
    lower = pygame.Rect(col_left, speech.bottom + GAP, col_w, column.bottom - speech.bottom - GAP)
    return StageLayout(width, height, pygame.Rect(0, 0, width, height), person, face, speech, tab_h, rects, token,
                       lower, hud_rect, cd_rect, title, column, True, fits)


def _stack(left: int, width: int, y: float, heights: list[float]) -> tuple[pygame.Rect, ...]:
    rects = []
    for h in heights:
        rects.append(pygame.Rect(left, round(y), width, round(h)))
        y += h + CHOICE_GAP
    return tuple(rects)
