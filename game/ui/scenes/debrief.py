"""The debrief: each decision on the path, its meter changes and feedback, and what the other options would
have done; then try again or go back to the menu."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...engine import TIMEOUT, Outcome, Playthrough, Step, fmt_amount
from ..context import Context
from ..play.chrome import (
    button_width,
    chip,
    draw_top_bar,
    fit_text,
    outcome_colour,
    outcome_line,
    quoted,
    text_width,
)
from ..play.layout import GAP, MARGIN, TOP_BAR, line_height, logical_height
from ..play.meters import delta_text, judge_change
from ..play.runs import Run, draw_runs, runs_height
from ..scene import Pop, Replace, Transition
from ..widgets import Button, FocusGroup, blit_paragraph, blit_text, panel
from .after_ending import PausableAfterEnding

BUTTON_H = 56
PAD = 16
TRY_AGAIN, MENU = "Try again", "Back to menu"


@dataclass(frozen=True)
class Decision:
    """One decision for the debrief: where it was, what was said, what the player did, and the alternatives."""

    number: int
    speaker: str
    said: str
    step: Step
    others: tuple[Outcome, ...]
    leads: tuple[str, ...] = ()  # for each other option, in plain words, what would have come of it


def lead(outcome: Outcome, step: Step) -> str:
    """What would have come of another option: the answer it would have had, and the ending if it ends there."""
    said = ""
    if step.reply is not None:
        who = step.reply.speaker.strip()
        said = step.reply.text if not who or who.lower() == "narrator" else f"{who} would answer: {step.reply.text}"
    if outcome.ending is not None:
        end = f"Then it ends: {quoted(outcome.ending.title)}"
        return f"{said} {end}" if said else end
    return said or "The conversation would go on from there."


def _leads(replay: Playthrough, others: tuple[Outcome, ...]) -> tuple[str, ...]:
    out = []
    for o in others:
        what_if = replay.fork()
        out.append(lead(o, what_if.timeout() if o.number is None else what_if.choose(o.number - 1)))
    return tuple(out)


def decisions(play: Playthrough) -> list[Decision]:
    """Replay the path, asking the engine at each decision what every other option would have done (and how
    she would have answered it)."""
    replay = Playthrough(play.scenario, start=play.start, seed=play.seed)
    out = []
    for n, step in enumerate(play.history, start=1):
        options = replay.options()
        if step.kind == TIMEOUT:
            others = tuple(o for o in options if o.number is not None)
        else:
            others = tuple(o for o in options if o.number != step.number)
        last = replay.beats[-1] if replay.beats else None  # the line the player answered, in its own voice
        speaker, said = (last.speaker, last.text) if last is not None else (replay.speaker, replay.text)
        out.append(Decision(n, speaker, said, step, others, _leads(replay, others)))
        if step.kind == TIMEOUT:
            replay.timeout()
        else:
            replay.choose(step.number - 1)
    return out


def delta_runs(ctx: Context, deltas: dict[str, int], labels: dict[str, str],
               polarity: dict[str, int] | None = None) -> list[Run]:
    """Each meter change in its colour (good or bad news for the person served), with the arrow and sign too."""
    th = ctx.theme
    pol = polarity or {}
    runs = [(f"{label} {delta_text(deltas[k])}", th.good if judge_change(k, deltas, pol) > 0 else th.bad)
            for k, label in labels.items() if deltas.get(k)]
    return runs or [("No change to the meters", th.text_muted)]


class DebriefScene(PausableAfterEnding):
    """A scrollable review of the path; Try again replays the scenario, Back to menu (the default) returns to the
    list."""

    def __init__(self, play: Playthrough) -> None:
        super().__init__()
        self.play = play
        self.scenario = play.scenario
        self.labels = {m.id: m.label for m in play.scenario.meters if m.visible}
        self.items: list[Decision] = []
        self.scroll = 0.0
        self.group = FocusGroup([], vertical=False)
        self._heights: list[float] = []
        self._height_key: tuple | None = None

    def enter(self, ctx: Context) -> None:
        self.items = decisions(self.play)
        self.layout_changed(ctx)

    def layout_changed(self, ctx: Context) -> None:
        self.dirty = True
        vp = ctx.viewport
        w = max(button_width(ctx, TRY_AGAIN), button_width(ctx, MENU))
        y = vp.height - MARGIN - BUTTON_H
        # Back to menu has the focus first: a stray Space or Enter must not throw the play away and start again.
        focus = self.group.focus if self.group.buttons else 1
        self.group = FocusGroup([
            Button(TRY_AGAIN, (vp.width - MARGIN - 2 * w - GAP, y, w, BUTTON_H)),
            Button(MENU, (vp.width - MARGIN - w, y, w, BUTTON_H)),
        ], focus=focus, vertical=False)
        self._height_key = None
        self.scroll = min(self.scroll, self.max_scroll(ctx))

    # ---- geometry ----------------------------------------------------------------------------
    def viewport_rect(self, ctx: Context) -> pygame.Rect:
        """The scrolling area (logical)."""
        vp = ctx.viewport
        top = TOP_BAR + 8 + self._summary_height(ctx) + 12
        return pygame.Rect(MARGIN, top, vp.width - 2 * MARGIN, vp.height - MARGIN - BUTTON_H - GAP - top)

    def _summary_parts(self, ctx: Context) -> tuple[str, str, str, bool]:
        """(outcome chip, quoted title, net value, whether the title needs its own line)."""
        ending = self.play.ending
        if ending is None:
            return "", "", "", False
        scenario = self.play.scenario
        title = quoted(ending.title)
        value = self.play.lifetime_value()
        net = f"Net value {fmt_amount(value.net, value.unit, signed=True)}" if value else ""
        chip_text = outcome_line(ending.outcome, scenario.customer.name)
        used = (text_width(ctx, chip_text, "small", True) + text_width(ctx, net, "body", True)
                + text_width(ctx, title, "body", True) + ctx.viewport.px(22 + 16 + 24))
        return chip_text, title, net, used > ctx.viewport.px(ctx.viewport.width - 2 * MARGIN)

    def _summary_height(self, ctx: Context) -> float:
        one = line_height(ctx, "body", True) + 14
        return 2 * one if self._summary_parts(ctx)[3] else one

    def _draw_summary(self, surface: pygame.Surface, ctx: Context) -> None:
        """The outcome, the ending's title and the net value, above the cards."""
        ending = self.play.ending
        if ending is None:
            return
        th = ctx.theme
        vp = ctx.viewport
        chip_text, title, net, two_rows = self._summary_parts(ctx)
        y = TOP_BAR + 8
        r = chip(surface, ctx, chip_text, vp.point(MARGIN, y), outcome_colour(ctx, ending.outcome))
        right = vp.px(vp.width - MARGIN)
        value = self.play.lifetime_value()
        if net and value is not None:
            colour = th.good if value.net > 0 else th.bad if value.net < 0 else th.text
            n = blit_text(surface, ctx, net, (right, r.centery), "body", colour, bold=True, anchor="midright")
            right = n.left - vp.px(24)
        if two_rows:
            pos = vp.point(MARGIN, y + line_height(ctx, "body", True) + 14)
            width = vp.px(vp.width - 2 * MARGIN)
            blit_text(surface, ctx, fit_text(ctx, title, "body", width, True), pos, "body", th.text, bold=True)
        else:
            blit_text(surface, ctx, title, (r.right + vp.px(16), r.centery), "body", th.text, bold=True,
                      anchor="midleft")

    def _columns(self, width: float) -> tuple[float, float]:
        left = round((width - 3 * PAD) * 0.56)
        return left, width - 3 * PAD - left

    def _card_heights(self, ctx: Context) -> list[float]:
        area = self.viewport_rect(ctx)
        key = (ctx.viewport.scale, ctx.viewport.width, ctx.theme.font_scale, ctx.theme.name, len(self.items))
        if key != self._height_key:
            self._heights = [self._card(ctx, d, area.width, None, 0) for d in self.items]
            self._height_key = key
        return self._heights

    def content_height(self, ctx: Context) -> float:
        return sum(self._card_heights(ctx)) + GAP * max(0, len(self.items) - 1)

    def max_scroll(self, ctx: Context) -> float:
        return max(0.0, self.content_height(ctx) - self.viewport_rect(ctx).height)

    def scroll_by(self, ctx: Context, dy: float) -> None:
        new = max(0.0, min(self.max_scroll(ctx), self.scroll + dy))
        if new != self.scroll:
            self.scroll = new
            self.dirty = True

    def card_tops(self, ctx: Context) -> list[float]:
        """Where each decision's card starts, in scroll units."""
        tops, y = [], 0.0
        for h in self._card_heights(ctx):
            tops.append(y)
            y += h + GAP
        return tops

    def page(self, ctx: Context, direction: int) -> None:
        """Scroll a page, stopping at a card's top edge so no card is cut at the top (handouts print cleanly)."""
        view = self.viewport_rect(ctx).height
        tops = self.card_tops(ctx)
        if direction > 0:  # to the first card not wholly on screen
            target = self.scroll + view
            cut = [t for t, h in zip(tops, self._card_heights(ctx), strict=True) if t + h > target + 0.5]
            snapped = cut[0] if cut and cut[0] > self.scroll else None
        else:
            target = self.scroll - view
            snapped = min((t for t in tops if target <= t < self.scroll), default=None)
        self.scroll_by(ctx, (snapped if snapped is not None else target) - self.scroll)

    # ---- events ------------------------------------------------------------------------------
    def on_event(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            self.dirty = True
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                self.page(ctx, 1 if event.key == pygame.K_PAGEDOWN else -1)
                return None
            keys = {pygame.K_DOWN: 60, pygame.K_UP: -60, pygame.K_END: 10**9, pygame.K_HOME: -(10**9)}
            if event.key in keys:
                self.scroll_by(ctx, keys[event.key])
                return None
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll_by(ctx, -event.y * 60)
            return None
        picked = self.group.handle(event, ctx)
        if picked is None:
            return None
        ctx.audio.play("click")
        if self.group.buttons[picked].label == TRY_AGAIN:
            from .play import PlayScene

            return Replace(PlayScene(self.play.scenario, shuffle=self.play.seed is not None))
        return Pop()

    # ---- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        scenario = self.play.scenario
        draw_top_bar(surface, ctx, f"Debrief: {scenario.title}", "↑ ↓ scroll · Tab and Enter")
        self._draw_summary(surface, ctx)
        area = self.viewport_rect(ctx)
        clip = surface.get_clip()
        surface.set_clip(vp.rect(*area))
        cy = area.top - self.scroll
        for d, h in zip(self.items, self._card_heights(ctx), strict=True):
            if cy + h >= area.top and cy <= area.bottom:
                panel(surface, vp.rect(MARGIN, cy, area.width, h), ctx, colour=th.surface, border=th.border, width=2)
                self._card(ctx, d, area.width, surface, cy)
            cy += h + GAP
        surface.set_clip(clip)
        self._scrollbar(surface, ctx, area)
        self.group.draw(surface, ctx)

    def _scrollbar(self, surface: pygame.Surface, ctx: Context, area: pygame.Rect) -> None:
        total = self.content_height(ctx)
        if total <= area.height:
            return
        th = ctx.theme
        vp = ctx.viewport
        track = pygame.Rect(area.right + 6, area.top, 8, area.height)
        pygame.draw.rect(surface, th.surface_alt, vp.rect(*track), border_radius=vp.px(4))
        h = max(30, area.height * area.height / total)
        y = area.top + (area.height - h) * (self.scroll / max(1, self.max_scroll(ctx)))
        pygame.draw.rect(surface, th.text_muted, vp.rect(track.left, y, 8, h), border_radius=vp.px(4))
        more = "More below ↓" if self.scroll < self.max_scroll(ctx) - 1 else ""
        if more:
            blit_text(surface, ctx, more, vp.point(area.left, vp.height - MARGIN - BUTTON_H / 2), "small",
                      th.text_muted, anchor="midleft")

    def _card(self, ctx: Context, d: Decision, width: float, surface: pygame.Surface | None,
              top: float) -> float:
        """Measure (surface None) or draw one decision card; returns its logical height."""
        th = ctx.theme
        vp = ctx.viewport
        left_w, right_w = self._columns(width)
        x = MARGIN + PAD
        y = top + PAD
        step = d.step
        draw = surface is not None
        heading = f"Decision {d.number}" + (f" · {step.principle}" if step.principle else "")
        h = logical_height(ctx, heading, left_w, "small", True)  # a long principle wraps, clear of the right column
        if draw:
            blit_paragraph(surface, ctx, heading, vp.rect(x, y, left_w, h + 4), "small", th.accent, bold=True)
        y += h + 4
        said = f"{d.speaker}: {d.said}" if d.speaker.strip().lower() != "narrator" else d.said
        h = logical_height(ctx, said, left_w, "small")  # wrapped whole, never cut short
        if draw:
            blit_paragraph(surface, ctx, said, vp.rect(x, y, left_w, h + 4), "small", th.text_muted)
        y += h + 6
        mine = (f"You chose {step.number}: {step.text}" if step.kind != TIMEOUT
                else f"Time ran out: {step.text}")
        h = logical_height(ctx, mine, left_w, "body")
        if draw:
            blit_paragraph(surface, ctx, mine, vp.rect(x, y, left_w, h + 4), "body", th.text)
        y += h + 4
        runs = delta_runs(ctx, step.deltas, self.labels, self.scenario.polarity)
        h = runs_height(ctx, runs, vp.px(left_w), "small", True) / vp.scale
        if draw:
            draw_runs(surface, ctx, runs, vp.point(x, y), vp.px(left_w), "small", True)
        y += h + 6
        fb = step.feedback or "No comment from the coach here."
        h = logical_height(ctx, fb, left_w, "small")
        if draw:
            blit_paragraph(surface, ctx, fb, vp.rect(x, y, left_w, h + 4), "small", th.text)
        left_bottom = y + h
        rx = x + left_w + PAD
        ry = top + PAD
        other = "The other options" if d.others else "There was no other option"
        h = logical_height(ctx, other, right_w, "small", True)
        if draw:
            blit_paragraph(surface, ctx, other, vp.rect(rx, ry, right_w, h + 4), "small", th.accent, bold=True)
        ry += h + 4
        for o, where in zip(d.others, d.leads, strict=True):
            label = f"{o.number}. {o.label}" if o.number is not None else f"If time ran out: {o.label}"
            h = logical_height(ctx, label, right_w, "small")
            if draw:
                blit_paragraph(surface, ctx, label, vp.rect(rx, ry, right_w, h + 4), "small", th.text)
            ry += h
            runs = delta_runs(ctx, o.deltas, self.labels, self.scenario.polarity)
            h = runs_height(ctx, runs, vp.px(right_w), "small") / vp.scale
            if draw:
                draw_runs(surface, ctx, runs, vp.point(rx, ry), vp.px(right_w), "small")
            ry += h
            h = logical_height(ctx, where, right_w, "small")
            if draw:
                blit_paragraph(surface, ctx, where, vp.rect(rx, ry, right_w, h + 4), "small", th.text_muted)
            ry += h + 8
        return max(left_bottom, ry) + PAD - top

