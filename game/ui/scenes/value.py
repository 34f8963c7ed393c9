"""The lifetime-value screen: the customer's economics, the arithmetic step by step, and the chart.

The arithmetic and the chart sit side by side; when the text is too big for that, they take turns on the
whole screen (the arithmetic first, then Enter for the chart). Nothing waits for the exploration: the arithmetic
and the bar of this ending start on the first frame, and the best reachable outcome fills in when it is known."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...engine import LifetimeValue, Playthrough, fmt_amount
from ..context import Context
from ..outcomes import FAILED, WORKING, OutcomeJob, outcomes_for
from ..play.chrome import button_width, draw_top_bar, fit_text, quoted, text_width
from ..play.layout import GAP, MARGIN, TOP_BAR, line_height, logical_height
from ..play.value_chart import Bar, bar_for, draw_chart
from ..scene import Replace, Transition
from ..widgets import Button, FocusGroup, blit_paragraph, blit_text, panel
from .after_ending import PausableAfterEnding

STEP_SECONDS = 0.25  # one line of arithmetic appears every this many seconds
CHART_SECONDS = 1.4  # while the chart grows beside it over this long
BUTTON_H = 56
CONTINUE = "See the debrief"
CHART_HEAD = "Over the years, with word of mouth"
TO_CHART = "See the chart"
EXPLAIN = ("Kept is what {name} goes on spending with you. Won is new business from the people {name} tells, "
           "more of it the happier they are. Lost is spending that goes elsewhere; when an unhappy customer "
           "leaves, the people they tell stay away too.")


@dataclass(frozen=True)
class Row:
    """One line of the arithmetic: whether the working sits beside the label, and the logical heights."""

    beside: bool
    label_h: float
    height: float


@dataclass(frozen=True)
class Plan:
    """How the screen is set: side by side or in turns, with or without the customer's note, and the rows."""

    paged: bool
    note: bool
    token: str
    label_w: float
    rows: tuple[Row, ...]


class ValueScene(PausableAfterEnding):
    """Reveals the value arithmetic line by line, then grows the chart; any key or click shows it all."""

    def __init__(self, play: Playthrough) -> None:
        super().__init__()
        self.play = play
        self.scenario = play.scenario
        self.value: LifetimeValue | None = play.lifetime_value()
        self.best: LifetimeValue | None = None
        self.best_title = ""
        self.best_complete = True
        self.job: OutcomeJob | None = None
        self.t = 0.0  # the arithmetic's clock
        self.ct = 0.0  # the chart's clock
        self.page = 0  # when paged: 0 the arithmetic, 1 the chart
        self.paged = False
        self.group = FocusGroup([])
        self._sounded: set[int] = set()
        self._plan: Plan | None = None
        self._plan_key: tuple | None = None

    # ---- state -------------------------------------------------------------------------------
    def enter(self, ctx: Context) -> None:
        self.job = outcomes_for(self.play.scenario)  # worked out in a worker process: the screen shows at once
        self._take_outcomes(ctx)
        self.layout_changed(ctx)

    @property
    def working(self) -> bool:
        """True while the best reachable outcome is still being worked out."""
        return self.job is not None and self.best is None and not self.job.done

    def _take_outcomes(self, ctx: Context) -> None:
        job = self.job
        if job is None or not job.done or self.best is not None or job.result is None or job.result.best is None:
            return
        best = job.result.best
        self.best, self.best_title = best.value, self.play.scenario.endings[best.ending].title
        self.best_complete = job.result.complete
        self._plan = None
        self.layout_changed(ctx)

    @property
    def steps_total(self) -> int:
        return len(self.value.steps) if self.value else 0

    @property
    def steps_seconds(self) -> float:
        return self.steps_total * STEP_SECONDS

    @property
    def steps_shown(self) -> int:
        return min(self.steps_total, int(self.t / STEP_SECONDS) + 1)

    @property
    def steps_done(self) -> bool:
        return self.t >= self.steps_seconds

    @property
    def chart_running(self) -> bool:
        """The chart grows from the start beside the arithmetic, or once its own page shows."""
        return self.page == 1 if self.paged else True

    @property
    def chart_progress(self) -> float:
        return max(0.0, min(1.0, self.ct / CHART_SECONDS))

    @property
    def done(self) -> bool:
        return self.steps_done and self.chart_progress >= 1

    def finish(self) -> None:
        """Show everything there is to show on this page at once."""
        self.t = self.steps_seconds
        if self.chart_running:
            self.ct = CHART_SECONDS
        self.dirty = True

    def bars(self) -> list[Bar]:
        out = []
        if self.value is not None:
            out.append(bar_for("Your ending", self.value))
        if self.best is not None:
            out.append(bar_for("Best you could reach" if self.best_complete else "Best found", self.best))
        return out

    # ---- layout ------------------------------------------------------------------------------
    def _note_text(self) -> str:
        """Why a kept customer still loses money (when she does), then where the figures come from."""
        why = self.value.why if self.value is not None else ""
        return " ".join(t for t in (why, self.play.scenario.customer.economics.note) if t)

    def _note_height(self, ctx: Context) -> float:
        note = self._note_text()
        return logical_height(ctx, note, ctx.viewport.width - 2 * MARGIN, "small") + 10 if note else 0.0

    def _columns(self, ctx: Context, note: bool, paged: bool) -> tuple[pygame.Rect, pygame.Rect]:
        """(arithmetic, chart) panels in logical pixels; the same whole-width rect for both when paged."""
        vp = ctx.viewport
        top = round(TOP_BAR + (self._note_height(ctx) if note else 0) + 8)
        height = vp.height - MARGIN - BUTTON_H - GAP - top
        if paged:
            whole = pygame.Rect(MARGIN, top, vp.width - 2 * MARGIN, height)
            return whole, whole
        left = pygame.Rect(MARGIN, top, round(vp.width * 0.5) - MARGIN, height)
        x = left.right + GAP + 8
        return left, pygame.Rect(x, top, vp.width - MARGIN - x, height)

    def chart_need(self, ctx: Context) -> float:
        """Logical height the chart needs for readable bars with their labels and legend."""
        small = line_height(ctx, "small")
        return self._bar_slots() * (3 * small + 40) + small + 20

    def _bar_slots(self) -> int:
        """Bars the chart makes room for: the best one too while it is being worked out, so nothing jumps."""
        return max(1, len(self.bars()) + (1 if self.working else 0))

    def _chart_head_height(self, ctx: Context, width: float) -> float:
        return logical_height(ctx, CHART_HEAD, width - 40, "body", True) + 8

    def _amount_width(self, ctx: Context) -> float:
        if self.value is None:
            return 0.0
        unit = self.value.unit
        widths = [text_width(ctx, fmt_amount(st.amount, unit, signed=True), "body", True) for st in self.value.steps]
        return max(widths, default=0) / ctx.viewport.scale

    def _rows(self, ctx: Context, label_w: float, token: str, inline: bool) -> tuple[Row, ...]:
        """Each line of arithmetic: the working beside its label when `inline` allows and it fits, else below."""
        rows = []
        small = line_height(ctx, "small")
        for st in self.value.steps if self.value else ():
            label_h = logical_height(ctx, st.label, label_w, token)
            one_line = label_h <= line_height(ctx, token) + 1
            beside = (inline and one_line and text_width(ctx, st.label, token) / ctx.viewport.scale + 16
                      + text_width(ctx, st.working, "small") / ctx.viewport.scale <= label_w)
            height = (max(label_h, small) if beside else label_h + small) + (6 if inline else 10)
            rows.append(Row(beside, label_h, height))
        return tuple(rows)

    def plan(self, ctx: Context) -> Plan:
        """The largest text that fits side by side; failing that, in turns. The note gives way before the
        text shrinks, and the working moves beside its label before that."""
        vp = ctx.viewport
        key = (vp.width, vp.height, vp.scale, ctx.theme.font_scale, ctx.theme.name, self._bar_slots())
        if self._plan is not None and self._plan_key == key:
            return self._plan
        net_h = line_height(ctx, "large", True) + 18
        plan = None
        for paged in (False, True):
            for token, note, inline in (("body", True, False), ("body", True, True), ("body", False, False),
                                        ("body", False, True), ("small", True, True), ("small", False, True)):
                left, right = self._columns(ctx, note, paged)
                chart_fits = paged or right.height - 32 - self._chart_head_height(ctx, right.width) >= \
                    self.chart_need(ctx)
                label_w = left.width - 40 - self._amount_width(ctx) - 16
                rows = self._rows(ctx, label_w, token, inline)
                plan = Plan(paged, note, token, label_w, rows)
                if chart_fits and sum(r.height for r in rows) <= left.height - 32 - net_h:
                    return self._keep(plan, key)
        assert plan is not None
        return self._keep(plan, key)

    def _keep(self, plan: Plan, key: tuple) -> Plan:
        self._plan, self._plan_key = plan, key
        self.paged = plan.paged
        return plan

    def layout_changed(self, ctx: Context) -> None:
        self.dirty = True
        self.plan(ctx)
        vp = ctx.viewport
        label = f"{TO_CHART if self.paged and self.page == 0 else CONTINUE}  ⏎"
        w = button_width(ctx, label)
        self.group = FocusGroup([Button(label, (vp.width - MARGIN - w, vp.height - MARGIN - BUTTON_H, w, BUTTON_H))])

    # ---- events ------------------------------------------------------------------------------
    def on_event(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        pressed = event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1)
        if not self.steps_done or (self.chart_running and not self.done):
            if pressed:
                self.finish()
                self._sound(ctx)
            return None
        if self.group.handle(event, ctx) is None:
            return None
        ctx.audio.play("click")
        if self.paged and self.page == 0:
            self.page = 1
            self.layout_changed(ctx)
            return None
        from .debrief import DebriefScene

        return Replace(DebriefScene(self.play))

    def on_update(self, dt: float, ctx: Context) -> Transition | None:
        before = (self.steps_shown, self.chart_progress, self.working)
        self._take_outcomes(ctx)
        if not self.steps_done:
            self.t = min(self.steps_seconds, self.t + dt)
            self._sound(ctx)
        if self.chart_running and self.ct < CHART_SECONDS:
            self.ct = min(CHART_SECONDS, self.ct + dt)
        if (self.steps_shown, self.chart_progress, self.working) != before:
            self.dirty = True
        return None

    def _sound(self, ctx: Context) -> None:
        """A coin sound as each outcome line (kept, won or lost) appears."""
        if self.value is None:
            return
        for i in range(self.steps_shown):
            if i in self._sounded:
                continue
            self._sounded.add(i)
            if i >= 4 and self.value.steps[i].amount:
                ctx.audio.play("coin_gain" if self.value.steps[i].amount > 0 else "coin_loss")

    def animating(self) -> bool:
        return self.working or not self.steps_done or (self.chart_running and self.ct < CHART_SECONDS)

    # ---- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        scenario = self.play.scenario
        plan = self.plan(ctx)
        waiting = not self.steps_done or (self.chart_running and not self.done)
        draw_top_bar(surface, ctx, f"What {scenario.value_holder} is worth",
                     "Any key to show it all" if waiting else "Enter to continue")
        if self.value is None:
            return
        note = self._note_text()
        if note and plan.note:
            h = self._note_height(ctx)
            blit_paragraph(surface, ctx, note, vp.rect(MARGIN, TOP_BAR, vp.width - 2 * MARGIN, h), "small", th.text)
        left, right = self._columns(ctx, plan.note, plan.paged)
        if not plan.paged or self.page == 0:
            self._draw_arithmetic(surface, ctx, left, plan)
        if not plan.paged or self.page == 1:
            self._draw_chart_side(surface, ctx, right)
        self.group.draw(surface, ctx, show_focus=not waiting)

    def _draw_arithmetic(self, surface: pygame.Surface, ctx: Context, left: pygame.Rect, plan: Plan) -> None:
        th = ctx.theme
        vp = ctx.viewport
        value = self.value
        if value is None:
            return
        panel(surface, vp.rect(*left), ctx, colour=th.surface, border=th.border, width=2)
        x, w = left.left + 20, left.width - 40
        y = left.top + 16
        token = plan.token
        for i, (st, row) in enumerate(zip(value.steps[: self.steps_shown], plan.rows, strict=False)):
            colour = th.bad if st.amount < 0 else (th.good if i >= 4 else th.text)
            amount = fmt_amount(st.amount, value.unit, signed=i >= 4)
            blit_text(surface, ctx, amount, vp.point(x + w, y), token, colour, bold=True, anchor="topright")
            if row.beside:
                lab = blit_text(surface, ctx, st.label, vp.point(x, y), token, th.text)
                blit_text(surface, ctx, st.working, (lab.right + vp.px(16), lab.bottom), "small", th.text_muted,
                          anchor="bottomleft")
            else:
                blit_paragraph(surface, ctx, st.label, vp.rect(x, y, plan.label_w, row.label_h + 4), token, th.text)
                blit_text(surface, ctx, fit_text(ctx, st.working, "small", vp.px(w)), vp.point(x, y + row.label_h),
                          "small", th.text_muted)
            y += row.height
        if self.steps_shown < len(value.steps):
            return
        y += 6
        pygame.draw.line(surface, th.border, vp.point(x, y), vp.point(x + w, y), max(1, vp.px(2)))
        net = value.net
        colour = th.good if net > 0 else th.bad if net < 0 else th.text
        a = blit_text(surface, ctx, fmt_amount(net, value.unit, signed=True), vp.point(x + w, y + 10), "large",
                      colour, bold=True, anchor="topright")
        room = a.left - vp.point(x, y)[0] - vp.px(16)
        label = next((t for t in ("Net for the business", "Net value", "Net")
                      if text_width(ctx, t, "large", True) <= room), "Net")
        blit_text(surface, ctx, label, vp.point(x, y + 10), "large", th.text, bold=True)

    def _draw_chart_side(self, surface: pygame.Surface, ctx: Context, right: pygame.Rect) -> None:
        th = ctx.theme
        vp = ctx.viewport
        panel(surface, vp.rect(*right), ctx, colour=th.surface, border=th.border, width=2)
        x, w = right.left + 20, right.width - 40
        y = right.top + 16
        hh = self._chart_head_height(ctx, right.width)
        blit_paragraph(surface, ctx, CHART_HEAD, vp.rect(x, y, w, hh), "body", th.text, bold=True)
        y += hh
        caption = self.caption()
        explain = EXPLAIN.format(name=self.play.scenario.value_holder)
        need = self.chart_need(ctx)
        avail = right.bottom - 16 - y - 12
        # What gives way when space is short: the note on colours, then the caption's size, then the caption.
        cap_token, cap_h, exp_h = "", 0.0, 0.0
        for cap_token, keep_explain in (("body", True), ("body", False), ("small", False), ("", False)):
            cap_h = logical_height(ctx, caption, w, cap_token) + 12 if caption and cap_token else 0.0
            exp_h = logical_height(ctx, explain, w, "small") if keep_explain else 0.0
            if avail - cap_h - exp_h >= need:
                break
        explain = explain if exp_h else ""
        caption = caption if cap_h else ""
        chart = pygame.Rect(x, y, w, max(80, min(avail - cap_h - exp_h, need + 40)))
        draw_chart(surface, ctx, vp.rect(*chart), self.bars(), max(0.01, self.chart_progress))
        y = chart.bottom + 12
        if self.chart_progress >= 1 or self.working:  # the working line shows at once, not after the growth
            if caption:
                blit_paragraph(surface, ctx, caption, vp.rect(x, y, w, cap_h), cap_token, th.text)
                y += cap_h
            if explain:
                blit_paragraph(surface, ctx, explain, vp.rect(x, y, w, exp_h + 4), "small", th.text_muted)

    def caption(self) -> str:
        """One sentence comparing this ending with the best reachable one (or saying it is being worked out)."""
        if self.working:
            return WORKING
        if self.best is None and self.job is not None and self.job.problem:
            return FAILED
        if self.best is None or self.value is None:
            return ""
        if self.best.net <= self.value.net:
            if not self.best_complete:
                return "No better ending was found: not every path could be explored."
            return "You reached the best outcome this story allows."
        gap = fmt_amount(self.best.net - self.value.net, self.value.unit)
        if not self.best_complete:
            return f"The best ending found is worth {gap} more: {quoted(self.best_title)}"
        return f"The best ending here is worth {gap} more: {quoted(self.best_title)}"
