"""The ending: how the story finished, the customer's last expression, the final meters and the coach's summary."""

from __future__ import annotations

import pygame

from ...engine import TIMEOUT, Playthrough
from ...userdata.progress import Attempt
from ..context import Context
from ..play import art
from ..play.backdrop import draw_stage
from ..play.chrome import button_width, chip, draw_top_bar, outcome_colour, outcome_line, text_width
from ..play.layout import GAP, MARGIN, TOP_BAR, line_height, logical_height, meters_height
from ..play.meters import MeterPanel
from ..scene import Replace, Transition
from ..widgets import Button, FocusGroup, blit_paragraph, blit_text, panel
from .after_ending import PausableAfterEnding

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
                      value.net if value else 0.0, facilitator=ctx.facilitator, learner_id=ctx.progress.learner_id)
    try:
        ctx.progress.record(attempt)
    except Exception as exc:  # saving progress must never end the game
        return f"Your progress could not be saved ({exc})."
    return ctx.progress.problem


class EndingScene(PausableAfterEnding):
    """Shows the ending; Enter or the button moves on to the lifetime-value screen."""

    def __init__(self, play: Playthrough, record: bool = True) -> None:
        super().__init__()
        self.play = play
        self.scenario = play.scenario
        self.record = record
        self.problem: str | None = None
        self.meters = MeterPanel(play.scenario.meters, play.meters)
        self.group = FocusGroup([])
        self.scroll = 0.0
        self.max_scroll = 0.0

    def enter(self, ctx: Context) -> None:
        if self.record:
            self.problem = record_attempt(ctx, self.play)
        ctx.audio.play("reveal")
        ctx.audio.ambience.music()  # the soft music bed through the ending, value and debrief screens
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

    def _blocks(self, ctx: Context, width: float, title_token: str, text_token: str,
                summary_token: str) -> list[tuple]:
        """(kind, text, token, logical height) for each piece of the ending card, top to bottom."""
        ending = self.play.ending
        if ending is None:
            return []
        name = self.play.scenario.customer.name
        chip_h = line_height(ctx, "small", True) + 10 + 14
        out: list[tuple] = [("chip", outcome_line(ending.outcome, name), "small", chip_h)]
        out.append(("title", ending.title, title_token, logical_height(ctx, ending.title, width, title_token, True)
                    + 12))
        out.append(("story", self.play.text, text_token, logical_height(ctx, self.play.text, width, text_token)
                    + GAP + 4))
        if ending.summary:
            out.append(("head", "The coach's view", "small", line_height(ctx, "small", True) + 4))
            out.append(("summary", ending.summary, summary_token, logical_height(ctx, ending.summary, width,
                                                                                  summary_token)))
        return out

    def _fit_blocks(self, ctx: Context, view: pygame.Rect) -> list[tuple]:
        """The largest text sizes whose card fits; the smallest (then scrolling) when none does."""
        blocks: list[tuple] = []
        for tokens in (("title", "body", "body"), ("large", "body", "body"), ("large", "body", "small"),
                       ("large", "small", "small")):
            blocks = self._blocks(ctx, view.width, *tokens)
            if sum(b[-1] for b in blocks) <= view.height:
                break
        return blocks

    def _next(self) -> Transition:
        from .value import ValueScene

        return Replace(ValueScene(self.play))

    def on_event(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if self.max_scroll > 0:
            step = 0
            if event.type == pygame.MOUSEWHEEL:
                step = -event.y * 60
            elif event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN):
                step = 60 if event.key == pygame.K_DOWN else -60
            if step:
                self.scroll = max(0.0, min(self.max_scroll, self.scroll + step))
                self.dirty = True
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
        draw_stage(surface, ctx, stage, ending.scene or scenario.setting, c.appearance,
                   art.mood_for(ending.mood, sat), False, c.name, "")
        self.meters.draw(surface, ctx, meters)
        bottom = vp.height - MARGIN - BUTTON_H - GAP
        card = pygame.Rect(right.left - 4, right.top, right.width + 4, bottom - right.top)
        panel(surface, vp.rect(*card), ctx, colour=th.surface, border=th.border, width=2)
        right = right.inflate(-40, 0)
        right.left = card.left + 20
        bottom -= 16
        if self.problem:
            note = f"⚠ {self.problem}"
            ph = logical_height(ctx, note, right.width, "small")
            blit_paragraph(surface, ctx, note, vp.rect(right.left, bottom - ph, right.width, ph + 4), "small", th.text)
            bottom -= ph + 12
        top = right.top + 18
        view = pygame.Rect(right.left, top, right.width, bottom - top)
        blocks = self._fit_blocks(ctx, view)
        total = sum(b[-1] for b in blocks)
        self.max_scroll = max(0.0, total - view.height)
        self.scroll = min(self.scroll, self.max_scroll)
        clip = surface.get_clip()
        surface.set_clip(vp.rect(view.left - 4, view.top - 4, view.width + 8, view.height + 8))
        y = view.top - self.scroll
        for kind, text, token, h in blocks:
            if kind == "chip":
                chip(surface, ctx, text, vp.point(view.left, y), outcome_colour(ctx, ending.outcome))
            elif kind == "head":
                blit_text(surface, ctx, text, vp.point(view.left, y), token, th.accent, bold=True)
            else:
                colour = th.text_muted if kind == "summary" else th.text
                blit_paragraph(surface, ctx, text, vp.rect(view.left, y, view.width, h), token, colour,
                               bold=kind == "title")
            y += h
        surface.set_clip(clip)
        if self.max_scroll > 0:
            more = "↑ ↓ to read on" if self.scroll < self.max_scroll else "↑ to go back up"
            x = MARGIN + left.width + GAP + 12
            room = vp.px(self.group.buttons[0].logical[0] - GAP - x)
            if text_width(ctx, more, "small") <= room:
                blit_text(surface, ctx, more, vp.point(x, vp.height - MARGIN - BUTTON_H / 2), "small", th.text_muted,
                          anchor="midleft")
        self.group.draw(surface, ctx)
