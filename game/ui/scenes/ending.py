"""The ending: how the story finished, the customer's last expression, the final meters and the coach's summary."""

from __future__ import annotations

import pygame

from ...engine import TIMEOUT, Playthrough
from ...userdata.progress import Attempt
from ..context import Context
from ..play import art
from ..play.backdrop import draw_stage
from ..play.chrome import button_width, chip, draw_top_bar, outcome_colour, outcome_line
from ..play.layout import GAP, MARGIN, TOP_BAR, line_height, logical_height, meters_height
from ..play.meters import MeterPanel
from ..scene import Replace, Scene, Transition
from ..widgets import Button, FocusGroup, blit_paragraph, blit_text, panel

BUTTON_H = 56
CONTINUE = "See what it is worth"


def record_attempt(ctx: Context, play: Playthrough) -> str | None:
    """Save the finished play to the player's progress; returns a plain problem sentence if it was not saved."""
    ending = play.ending
    if ending is None:
        return None
    value = play.lifetime_value()
    path = [TIMEOUT if s.kind == TIMEOUT else str(s.number) for s in play.history]
    attempt = Attempt(play.scenario.id, play.scenario.version, path, dict(play.meters), ending.id, ending.outcome,
                      value.net if value else 0.0, facilitator=ctx.facilitator)
    try:
        ctx.progress.record(attempt)
    except Exception as exc:  # saving progress must never end the game
        return f"Your progress could not be saved ({exc})."
    return ctx.progress.problem


class EndingScene(Scene):
    """Shows the ending; Enter or the button moves on to the lifetime-value screen."""

    def __init__(self, play: Playthrough, record: bool = True) -> None:
        super().__init__()
        self.play = play
        self.record = record
        self.problem: str | None = None
        self.meters = MeterPanel(play.scenario.meters, play.meters)
        self.group = FocusGroup([])

    def enter(self, ctx: Context) -> None:
        if self.record:
            self.problem = record_attempt(ctx, self.play)
        ctx.audio.play("reveal")
        self.layout_changed(ctx)

    def layout_changed(self, ctx: Context) -> None:
        self.dirty = True
        vp = ctx.viewport
        label = f"{CONTINUE}  ⏎"
        w = button_width(ctx, label)
        right = self._columns(ctx)[1]
        self.group = FocusGroup([Button(label, (right.right - w, vp.height - MARGIN - BUTTON_H, w,
                                                            BUTTON_H))])

    def _columns(self, ctx: Context) -> tuple[pygame.Rect, pygame.Rect]:
        vp = ctx.viewport
        stage_w = round(vp.width * 0.34)
        top = TOP_BAR + 8
        left = pygame.Rect(MARGIN, top, stage_w, vp.height - MARGIN - top)
        x = MARGIN + stage_w + GAP + 12
        right = pygame.Rect(x, top, vp.width - MARGIN - x, vp.height - MARGIN - top)
        return left, right

    def _next(self) -> Transition:
        from .value import ValueScene

        return Replace(ValueScene(self.play))

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type == pygame.MOUSEMOTION:
            before = self.group.hover
            self.group.handle(event, ctx)
            self.dirty = self.dirty or self.group.hover != before
            return None
        if self.group.handle(event, ctx) is not None:
            ctx.audio.play("click")
            return self._next()
        return None

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        scenario = self.play.scenario
        ending = self.play.ending
        if ending is None:
            return
        draw_top_bar(surface, ctx, scenario.title, "Enter to continue")
        left, right = self._columns(ctx)
        m_h = meters_height(ctx, len(self.meters.gauges))
        meters = pygame.Rect(left.left, left.bottom - m_h, left.width, m_h)
        stage = pygame.Rect(left.left, left.top, left.width, meters.top - GAP - left.top)
        sat = self.play.percent("satisfaction") if "satisfaction" in self.play.meters else 50
        c = scenario.customer
        draw_stage(surface, ctx, stage, scenario.setting, c.appearance, art.mood_for(ending.mood, sat), False,
                   c.name, "")
        self.meters.draw(surface, ctx, meters)
        bottom = vp.height - MARGIN - BUTTON_H - GAP
        card = pygame.Rect(right.left - 4, right.top, right.width + 4, bottom - right.top)
        panel(surface, vp.rect(*card), ctx, colour=th.surface, border=th.border, width=2)
        right = right.inflate(-40, 0)
        right.left = card.left + 20
        y = right.top + 18
        r = chip(surface, ctx, outcome_line(ending.outcome, c.name), vp.point(right.left, y),
                 outcome_colour(ctx, ending.outcome))
        y += (r.height / vp.scale) + 14
        title_h = logical_height(ctx, ending.title, right.width, "title", True)
        blit_paragraph(surface, ctx, ending.title, vp.rect(right.left, y, right.width, title_h + 4), "title",
                       th.text, bold=True)
        y += title_h + 12
        bottom -= 16
        if self.problem:
            note = f"⚠ {self.problem}"
            ph = logical_height(ctx, note, right.width, "small")
            blit_paragraph(surface, ctx, note, vp.rect(right.left, bottom - ph, right.width, ph + 4), "small", th.text)
            bottom -= ph + 12
        text_token = "body"
        story_h = logical_height(ctx, self.play.text, right.width, "body")
        summary_h = logical_height(ctx, ending.summary, right.width, "body")
        head = line_height(ctx, "small", True) + 4
        if y + story_h + GAP + head + summary_h > bottom:
            text_token = "small"
            story_h = logical_height(ctx, self.play.text, right.width, "small")
            summary_h = logical_height(ctx, ending.summary, right.width, "small")
        blit_paragraph(surface, ctx, self.play.text, vp.rect(right.left, y, right.width, story_h + 4), text_token,
                       th.text)
        y += story_h + GAP + 4
        if ending.summary:
            blit_text(surface, ctx, "The coach's view", vp.point(right.left, y), "small", th.accent, bold=True)
            y += head
            blit_paragraph(surface, ctx, ending.summary, vp.rect(right.left, y, right.width, summary_h + 4),
                           text_token, th.text_muted)
        self.group.draw(surface, ctx)
