"""Scenario cards for the select screen: what each card says, how tall it is, and how it is drawn."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import pygame

from ... import sources
from ...userdata.progress import Attempt, ScenarioProgress
from ..context import Context
from ..theme import contrast_ratio
from ..widgets import blit_paragraph, blit_text, focus_ring, panel, paragraph_height
from . import icons

if TYPE_CHECKING:  # annotations only: the engine loader is imported by the background load
    from ...engine import LoadResult, Scenario

SETTING_WORDS = {
    "shop_counter": "Shop counter", "call_centre": "Call centre", "office": "Office",
    "airport": "Airport gate", "service_desk": "Service desk", "pharmacy": "Pharmacy",
    "garden_centre": "Garden centre", "boutique": "Boutique counter", "restaurant": "Restaurant",
    "meeting_room": "Meeting room", "help_desk": "Help desk", "hotel_reception": "Hotel reception",
}
OUTCOME_WORDS = {"leaves": "walked away", "stays": "stayed", "advocate": "became an advocate"}
PAD = 16
PORTRAIT = 92  # logical width of the portrait column


@dataclass(frozen=True)
class Section:
    kind: str  # "external", "internal", "own" or "broken"
    title: str
    blurb: str
    cards: tuple[LoadResult, ...]


SECTION_WORDS = {
    "external": ("Customers", "People who buy from you: at the counter, on the phone, at the gate."),
    "internal": ("Co-workers", "Colleagues inside your organisation who rely on you to do their jobs."),
    "own": ("Your own scenarios", "Written by you or your trainer: the files in your own scenario folder, "
                                  "{folder}, and in any folders you named. P previews one: it reloads each "
                                  "time the file is saved."),
    "broken": ("Files that need fixing", "These scenario files have a problem and cannot be played yet. "
                                         "Everything else still plays."),
}
TAGS = {"external": "CUSTOMER", "internal": "CO-WORKER", "broken": "NEEDS FIXING"}
OWN_SOURCES = (sources.USER, sources.EXTRA)


def section_of(result: LoadResult) -> str:
    """Which heading a file is listed under: the trainer's own files have theirs, whoever they are about."""
    if result.scenario is None:
        return "broken"
    if result.source in OWN_SOURCES:
        return "own"
    return kind_of(result)


def sections(library: list[LoadResult]) -> list[Section]:
    """Group the library: customers, co-workers, the trainer's own, then broken files; by order, then title."""
    groups: dict[str, list[LoadResult]] = {"external": [], "internal": [], "own": [], "broken": []}
    for result in library:
        groups[section_of(result)].append(result)
    for kind in ("external", "internal", "own"):
        groups[kind].sort(key=lambda r: (r.scenario.order, r.scenario.title.lower()))
    groups["broken"].sort(key=lambda r: os.path.basename(r.path).lower())
    out = []
    for kind, cards in groups.items():
        if cards:
            title, blurb = SECTION_WORDS[kind]
            out.append(Section(kind, title, blurb.format(folder=sources.user_dir()), tuple(cards)))
    return out


def kind_of(result: LoadResult) -> str:
    s = result.scenario
    return "broken" if s is None else ("internal" if s.audience == "internal" else "external")


def progress_words(scenario: Scenario, progress: ScenarioProgress | None) -> tuple[str, str]:
    """The progress line and its tone ('muted', 'good', 'warn', 'bad')."""
    if progress is None or progress.attempts == 0:
        return "Not played yet", "muted"
    total = len(scenario.endings)
    found = len(progress.endings_found & set(scenario.endings))
    plays = "once" if progress.attempts == 1 else f"{progress.attempts} times"
    who = "Co-worker" if scenario.audience == "internal" else "Customer"
    best = OUTCOME_WORDS.get(progress.best_outcome or "", "")
    tone = {"advocate": "good", "stays": "warn", "leaves": "bad"}.get(progress.best_outcome or "", "muted")
    head = f"Best: {who.lower()} {best}" if best else "Played"
    return f"{head} · {found} of {total} endings found · played {plays}", tone


def first_error(result: LoadResult) -> str:
    errors = result.errors
    if errors:
        return errors[0].format()
    return f"{result.path}: this file could not be loaded"


@dataclass
class Block:
    text: str
    token: str
    tone: str = "text"
    bold: bool = False


@dataclass
class CardText:
    tag: str
    corner: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class ClassPlays:
    """How often a scenario was led with a class (facilitator-mode sessions of any learner), and when last."""

    count: int = 0
    last: str = ""  # ISO time of the latest


def class_plays(attempts: Iterable[Attempt], scenario_id: str) -> ClassPlays:
    """Read the class sessions of one scenario from the progress records (attempts made in facilitator mode)."""
    times = [a.finished_at for a in attempts if a.scenario_id == scenario_id and a.facilitator]
    return ClassPlays(len(times), max(times, default=""))


def class_words(plays: ClassPlays) -> str:
    """'Played in class twice · last on 1 December 2026', or '' when never."""
    if plays.count <= 0:
        return ""
    times = {1: "once", 2: "twice"}.get(plays.count, f"{plays.count} times")
    words = f"Played in class {times}"
    try:
        day = datetime.fromisoformat(plays.last).date()
    except ValueError:
        return words
    return f"{words} · last on {day.day} {day:%B} {day.year}"


def card_text(result: LoadResult, progress: ScenarioProgress | None, plays: ClassPlays | None = None,
              compact: bool = False) -> CardText:
    """What a card says; `compact` keeps the title, where and who, and the progress (for small screens)."""
    s = result.scenario
    kind = kind_of(result)
    if s is None:
        name = os.path.basename(result.path)
        return CardText(TAGS[kind], "", [
            Block(name, "large", bold=True),
            Block(first_error(result), "small", "bad"),
            Block(f"Fix it, then check it with: python run.py check {result.path}", "small", "muted"),
        ])
    setting = SETTING_WORDS.get(s.setting, s.setting.replace("_", " ").capitalize())
    words, tone = progress_words(s, progress)
    in_class = [Block(line, "small") for line in (class_words(plays or ClassPlays()),) if line]
    if compact:
        return CardText("", "", [
            Block(s.title, "large", bold=True),
            Block(f"{setting} · {s.customer.name} · about {s.minutes} min", "small", "muted"),
            *in_class,
            Block(words, "small", tone, bold=tone != "muted"),
        ])
    return CardText(TAGS[kind], f"about {s.minutes} min", [
        Block(s.title, "large", bold=True),
        Block(s.summary, "small"),
        Block(f"{setting} · {s.customer.name}, {s.customer.role}", "small", "muted"),
        Block("Practise: " + ", ".join(s.skills), "small"),
        *in_class,
        Block(words, "small", tone, bold=tone != "muted"),
    ])


def _has_portrait(result: LoadResult) -> bool:
    return result.scenario is not None


def _text_width(width: float, result: LoadResult) -> float:
    return width - PAD * 2 - 4 - (PORTRAIT + PAD if _has_portrait(result) else 0)  # 4: the coloured band


def _corner_inline(ctx: Context, text: CardText, inner: int) -> bool:
    """Whether the tag and the corner note fit side by side on the card's first line."""
    small = ctx.px("small")
    tag = ctx.text.font(small, True).size(text.tag)[0] + ctx.text.line_height(small, True) + ctx.viewport.px(8)
    return tag + ctx.text.font(small).size(text.corner)[0] + ctx.viewport.px(16) <= inner


def card_height(ctx: Context, text: CardText, result: LoadResult, width: float) -> float:
    """Logical height the card needs at this width."""
    vp = ctx.viewport
    inner = vp.px(_text_width(width, result))
    line = ctx.text.line_height(ctx.px("small"), True)
    total = vp.px(PAD) + (line + vp.px(6) if text.tag or text.corner else 0)
    if text.corner and not _corner_inline(ctx, text, inner):
        total += line
    for block in text.blocks:
        total += paragraph_height(ctx, block.text, inner, block.token, block.bold) + vp.px(6)
    total += vp.px(PAD)
    return max(total / vp.scale, PORTRAIT + PAD * 2 + 24 if _has_portrait(result) else 0)


class PortraitCache:
    """Customer portraits for the cards, rendered once per size."""

    def __init__(self) -> None:
        self._images: dict[tuple, pygame.Surface | None] = {}

    def get(self, scenario: Scenario, size: tuple[int, int]) -> pygame.Surface | None:
        key = (scenario.id, scenario.version, size)
        if key not in self._images:
            self._images[key] = _portrait(scenario, size)
        return self._images[key]


def _portrait(scenario: Scenario, size: tuple[int, int]) -> pygame.Surface | None:
    try:
        from ..art.portrait import render_portrait
    except ImportError:
        return None
    try:
        image = render_portrait(scenario.customer.appearance, "neutral", size)
    except (pygame.error, ValueError, KeyError, TypeError):
        return None
    if image.get_size() != size:
        image = pygame.transform.smoothscale(image, size)
    return image


def _draw_tag_line(surface: pygame.Surface, ctx: Context, text: CardText, kind: str, where: tuple[int, int, int],
                   band_colour, fill, inner: int) -> int:
    """The card's first line: its kind (icon and tag) and the corner note; returns the top of what follows."""
    th = ctx.theme
    vp = ctx.viewport
    left, top, right = where
    tag_h = ctx.text.line_height(ctx.px("small"), True)
    if kind == "external":
        icons.customer(surface, (left + tag_h // 2, top + tag_h // 2), tag_h, band_colour)
    elif kind == "internal":
        icons.coworkers(surface, (left + tag_h // 2, top + tag_h // 2), tag_h, band_colour, fill)
    else:
        icons.warning(surface, (left + tag_h // 2, top + tag_h // 2), tag_h, th.bad, fill)
    blit_text(surface, ctx, text.tag, (left + tag_h + vp.px(8), top), "small",
              th.bad if kind == "broken" else th.text_muted, bold=True)
    if text.corner and _corner_inline(ctx, text, inner):
        blit_text(surface, ctx, text.corner, (right, top), "small", th.text_muted, anchor="topright")
    elif text.corner:
        top += tag_h
        blit_text(surface, ctx, text.corner, (left, top), "small", th.text_muted)
    return top + tag_h + vp.px(6)


def tone_colour(ctx: Context, tone: str, fill) -> tuple[int, int, int]:
    """The colour for a tone, or plain text colour where the tone would be hard to read on this fill."""
    th = ctx.theme
    colour = {"text": th.text, "muted": th.text_muted, "good": th.good, "warn": th.warn, "bad": th.bad}[tone]
    return colour if contrast_ratio(colour, fill) >= 4.5 else th.text


def draw_card(surface: pygame.Surface, ctx: Context, result: LoadResult, text: CardText, logical: tuple,
              portraits: PortraitCache, focused: bool, hovered: bool) -> None:
    """Draw one card at a logical (x, y, w, h); text wraps exactly as card_height measured it."""
    rect = ctx.viewport.rect(*logical)
    inner = ctx.viewport.px(_text_width(logical[2], result))
    th = ctx.theme
    vp = ctx.viewport
    kind = kind_of(result)
    fill = th.surface  # the same fill focused or not, so every line keeps its colour token
    edge = th.accent if (focused or hovered) else th.border
    panel(surface, rect, ctx, colour=fill, border=edge, width=2)
    band_colour = {"external": th.accent, "internal": th.text_muted, "broken": th.bad}[kind]
    band = pygame.Rect(rect.left, rect.top, vp.px(8), rect.height)
    pygame.draw.rect(surface, band_colour, band, border_top_left_radius=vp.px(th.radius),
                     border_bottom_left_radius=vp.px(th.radius))
    pad = vp.px(PAD)
    left = rect.left + pad + vp.px(4)
    if _has_portrait(result):
        side = vp.px(PORTRAIT)
        frame = pygame.Rect(left, rect.top + pad, side, side)
        image = portraits.get(result.scenario, frame.size)
        pygame.draw.rect(surface, th.surface_alt, frame, border_radius=vp.px(10))
        if image is not None:
            surface.blit(image, frame)
        else:
            icons.person(surface, frame.center, int(side * 0.7), th.text_muted)
        pygame.draw.rect(surface, th.border, frame, width=max(1, vp.px(1)), border_radius=vp.px(10))
        left = frame.right + pad
    right = left + inner
    top = rect.top + pad
    if text.tag or text.corner:
        top = _draw_tag_line(surface, ctx, text, kind, (left, top, right), band_colour, fill, inner)
    for block in text.blocks:
        area = pygame.Rect(left, top, right - left, rect.bottom - top)
        top += blit_paragraph(surface, ctx, block.text, area, block.token, tone_colour(ctx, block.tone, fill),
                              block.bold) + vp.px(6)
    if focused:
        focus_ring(surface, rect, ctx)
