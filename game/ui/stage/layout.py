"""Where everything goes on the stage, in logical coordinates (720 high, 960 to 1280 wide).

The setting fills the screen. The person stands large on the left, their face clear of everything; the
dialogue box runs along the bottom with a nameplate tab above its edge; when two people share the node
(`pair`), the second stands a little back at the far left (or a caller's call card sits there) and the first
moves right to make room; the HUD (meters) and any countdown
sit in the top-right corner; choices and the coach's card rise in the column right of the face, above the
box. The box is sized for the node's widest line, so its beats never move it. When the text is too big for
that (very large type), the box and the choices stack in the right column, which then scrolls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from math import ceil

import pygame

from ...userdata.settings import FONT_SCALES
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
SIDE_SCALE = 0.8  # the second person stands a little back: this much of the first one's height
SIDE_DROP = 0.1  # and this share of the first one's height lower, so their chins keep level
SIDE_GAP = 6  # between the two faces
BADGE = 24  # how far a call card's handset badge stands out past its top-right corner


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
    side: pygame.Rect | None = None  # the second person's picture, a little back at the left (with `pair`)
    side_face: pygame.Rect | None = None  # the second person's head, which nothing may cover

    @property
    def side_call(self) -> pygame.Rect:
        """Where a caller's call card goes when someone stands at the desk: left of the first person's face."""
        top = self.face.top + BADGE  # the handset badge stands over the card's corner
        bottom = max(top + 40, (self.speech.top - self.tab_h - GAP) if not self.stacked else self.height - EDGE)
        right = self.face.left - GAP - BADGE
        w = max(40, right - EDGE)
        h = min(bottom - top, round(w * 1.2))
        return pygame.Rect(EDGE, top, w, h)

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


def more_height(ctx: Context) -> float:
    """Logical height of the strip under a scrolling column of choices that says how many are below it."""
    return line_height(ctx, "small", True) + 12


def title_rect(ctx: Context, right: float) -> pygame.Rect:
    """The title chip's place at the top left (its text is fitted by the drawing)."""
    return pygame.Rect(EDGE, EDGE, round(max(120.0, right - EDGE)), round(line_height(ctx, "body", True) + 12))


def compute_stage(ctx: Context, said: Said, choice_texts: list[str], hud: Hud,
                  countdown: tuple[float, float] | None = None, title_w: float = 0.0,
                  pair: bool = False, choice_room: float = 0.0, foot: float = 0.0) -> StageLayout:
    """Lay out a node: the box holds the tallest of its lines `said`; `hud(max_width)` is the HUD's size,
    `countdown` a timer's, `title_w` the least width the title chip needs, `pair` whether a second person (or a
    caller's card) shares the stage; `choice_room` is kept free at each choice's right (the classroom's vote
    bars) and `foot` along the screen's bottom (its key hints).
    Tried in turn, with the choices at the dialogue's size and then (projector) one step smaller: the HUD top
    right, the choices under it; the HUD top left above a smaller person (still half the screen high); the HUD
    top right, the choices rising over it while they are shown. Then the box and the choices stacked in the
    right column; when that does not fit either, the box along the bottom and the choices in a column that
    scrolls (or, when the box itself is too tall, the stacked column scrolls)."""
    height = ctx.viewport.height
    box_h = speech_height(ctx, ctx.viewport.width - 2 * EDGE, said)
    tokens = choice_tokens(ctx)
    stacked = _stacked(ctx, said, choice_texts, hud, countdown, pair, tokens, choice_room, foot)
    if box_h <= height * MAX_BOX_SHARE:
        for token in tokens:  # the dialogue's size in every place before a smaller one anywhere
            for place in (RIGHT, LEFT, UNDER):
                lay = _along_the_bottom(ctx, box_h, choice_texts, hud, countdown, place, title_w, pair, token,
                                        choice_room=choice_room, foot=foot)
                if lay is not None:
                    return _with_side(lay, pair)
        if not stacked.fits:  # nothing fits without scrolling: the box stays along the bottom, the choices scroll
            lay = _along_the_bottom(ctx, box_h, choice_texts, hud, countdown, UNDER, title_w, pair, tokens[-1],
                                    scroll=True, choice_room=choice_room, foot=foot)
            return _with_side(lay, pair) if lay is not None else _with_side(stacked, pair)
    return _with_side(stacked, pair)


def choice_tokens(ctx: Context) -> tuple[str, ...]:
    """The text sizes the choices may take, largest first: the dialogue's ("body"), and "small" only when it
    is no more than one text-size step below it (the projector's sizes), so the choices grow with the text."""
    scales = sorted(FONT_SCALES.values())
    now = FONT_SCALES.get(ctx.settings.text_size, 1.0)
    below = [s for s in scales if s < now]
    step = (below[-1] / now) if below else (now / min((s for s in scales if s > now), default=now * 1.25))
    return ("body", "small") if ctx.theme.px("small") >= ctx.theme.px("body") * step else ("body",)


def _with_side(lay: StageLayout, pair: bool) -> StageLayout:
    """The layout with the second person's place, left of the first, a little back and lower."""
    if not pair:
        return lay
    h1 = lay.person.height
    h = h1 * SIDE_SCALE
    half = FACE_HALF * h
    cx = lay.face.left - SIDE_GAP - half
    top = lay.person.top + SIDE_DROP * h1
    side = pygame.Rect(round(cx - h * FIGURE_ASPECT / 2), round(top), round(h * FIGURE_ASPECT), round(h))
    face = pygame.Rect(round(cx - half), round(top), round(2 * half), round(CHIN * h))
    return replace(lay, side=side, side_face=face)


def _person(width: int, top: float, person_h: float, pair: bool = False) -> tuple[pygame.Rect, pygame.Rect, int]:
    """The portrait's rect, its face's rect and the left edge of the column right of the face (further right
    when a second person stands at the left, their face clear of the screen's edge)."""
    cx = max(width * 0.27, person_h * FIGURE_ASPECT * 0.46)
    if pair:
        cx = max(cx, EDGE + 2 * FACE_HALF * SIDE_SCALE * person_h + SIDE_GAP + FACE_HALF * person_h)
    pw = person_h * FIGURE_ASPECT
    half = FACE_HALF * person_h
    person = pygame.Rect(round(cx - pw / 2), round(top), round(pw), round(person_h))
    face = pygame.Rect(round(cx - half), round(top), round(2 * half), round(CHIN * person_h))
    return person, face, round(cx + half + GAP + 4)


def _along_the_bottom(ctx: Context, box_h: float, choice_texts: list[str],
                      hud: Hud, countdown: tuple[float, float] | None,
                      place: str, title_w: float, pair: bool = False, token: str = "body",
                      scroll: bool = False, choice_room: float = 0.0, foot: float = 0.0) -> StageLayout | None:
    """The box along the bottom, the timer top right, the HUD top right (or LEFT, above the person), the
    choices rising in the column right of the face (from the top, over the HUD, when the HUD is UNDER them);
    None when they do not fit, or the person would be small."""
    width, height = ctx.viewport.width, ctx.viewport.height
    tab_h = tab_height(ctx)
    speech = pygame.Rect(EDGE, round(height - EDGE - foot - box_h), width - 2 * EDGE, round(box_h))
    person_h = height * PERSON_SHARE
    _, _, col_left = _person(width, 0, person_h, pair)
    cd_rect = None
    if countdown is not None:
        cd_rect = pygame.Rect(round(width - EDGE - countdown[0]), EDGE, round(countdown[0]), round(countdown[1]))
    if place == LEFT:
        title = title_rect(ctx, col_left - GAP)
        hud_w, hud_h = hud(col_left - GAP - EDGE)
        hud_rect = pygame.Rect(EDGE, title.bottom + GAP, ceil(hud_w), ceil(hud_h))
        above = hud_rect.bottom + GAP if hud_h else title.bottom + 4
    else:  # the HUD beside the timer if the title keeps its room, else under it
        hud_w, hud_h = hud(width * HUD_SHARE)
        hud_rect = pygame.Rect(width - EDGE - ceil(hud_w), EDGE, ceil(hud_w), ceil(hud_h))  # as wide as measured
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
    person, face, col_left = _person(width, top, person_h, pair)
    col_top = max(hud_rect.bottom + GAP if place == RIGHT else EDGE, cd_rect.bottom + GAP if cd_rect else EDGE)
    if col_top < title.bottom:  # the column starts at the top: the title keeps left of it, or it starts lower
        if col_left - GAP - EDGE >= title_w:
            title.width = min(title.width, col_left - GAP - EDGE)
        else:
            col_top = title.bottom + GAP
    lower = pygame.Rect(col_left, col_top, width - EDGE - col_left, speech.top - GAP - col_top)
    heights = [choice_height(ctx, lower.width - choice_room, c, token) for c in choice_texts]
    need = sum(heights) + CHOICE_GAP * max(0, len(heights) - 1)
    if need <= lower.height:
        rects = _stack(col_left, lower.width, lower.bottom - need, heights)  # the choices rise from the box
        return StageLayout(width, height, pygame.Rect(0, 0, width, height), person, face, speech, tab_h, rects,
                           token, lower, hud_rect, cd_rect, title, lower, False, True, place == UNDER)
    if not scroll:
        return None
    lower.height -= round(more_height(ctx)) + 4  # a strip under the column says an option is out of sight
    rects = _stack(col_left, lower.width, lower.top, heights)  # from the top of the column, which scrolls
    return StageLayout(width, height, pygame.Rect(0, 0, width, height), person, face, speech, tab_h, rects, token,
                       lower, hud_rect, cd_rect, title, lower, False, False, True)


def _stacked(ctx: Context, said: Said, choice_texts: list[str], hud: Hud,
             countdown: tuple[float, float] | None, pair: bool = False,
             tokens: tuple[str, ...] = ("body", "small"), choice_room: float = 0.0,
             foot: float = 0.0) -> StageLayout:
    """Very large text: title and HUD top left above the person; the box and the choices stack in the right
    column (under any timer), which scrolls when they are taller than the screen."""
    width, height = ctx.viewport.width, ctx.viewport.height
    tab_h = tab_height(ctx)
    person_h = height * PERSON_SHARE
    _, _, col_left = _person(width, 0, person_h, pair)
    title = title_rect(ctx, col_left - GAP)
    hud_w, hud_h = hud(col_left - GAP - EDGE)
    hud_rect = pygame.Rect(EDGE, title.bottom + GAP, ceil(hud_w), ceil(hud_h))
    top = max(hud_rect.bottom + GAP if hud_h else title.bottom + 4, height - 0.96 * person_h)
    person, face, _ = _person(width, top, person_h, pair)  # runs off the bottom edge: nothing covers it here
    col_w = width - EDGE - col_left
    cd_rect = None
    col_top = EDGE
    if countdown is not None:
        cd_rect = pygame.Rect(round(width - EDGE - countdown[0]), EDGE, round(countdown[0]), round(countdown[1]))
        col_top = cd_rect.bottom + GAP
    column = pygame.Rect(col_left, col_top, col_w, height - EDGE - foot - col_top)
    speech = pygame.Rect(col_left, round(col_top + tab_h), col_w, round(speech_height(ctx, col_w, said)))
    for token in tokens:
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
