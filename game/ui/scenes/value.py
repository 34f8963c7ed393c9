"""The lifetime-value screen: the customer's economics, the arithmetic step by step, and the chart."""

from __future__ import annotations

import pygame

from ...engine import LifetimeValue, Playthrough, all_paths, fmt_amount
from ..context import Context
from ..play.chrome import button_width, draw_top_bar, fit_text, text_width
from ..play.layout import GAP, MARGIN, TOP_BAR, line_height, logical_height
from ..play.value_chart import Bar, bar_for, draw_chart
from ..scene import Replace, Scene, Transition
from ..widgets import Button, FocusGroup, blit_paragraph, blit_text, panel

STEP_SECONDS = 0.6  # one line of arithmetic appears every this many seconds
CHART_SECONDS = 1.4  # then the chart grows over this long
BUTTON_H = 56
CHART_MIN = 220  # logical height below which the chart drops the explanation to keep its bars readable
CONTINUE = "See the debrief"
EXPLAIN = ("Kept is what {name} goes on spending with you. Won is new business from the people {name} tells, "
           "more of it the happier they are. Lost is spending that goes elsewhere; when an unhappy customer "
           "leaves, the people they tell stay away too.")


class ValueScene(Scene):
    """Reveals the value arithmetic line by line, then grows the chart; any key or click shows it all."""

    def __init__(self, play: Playthrough) -> None:
        super().__init__()
        self.play = play
        self.value: LifetimeValue | None = play.lifetime_value()
        self.best: LifetimeValue | None = None
        self.best_title = ""
        self.t = 0.0
        self.group = FocusGroup([])
        self._sounded: set[int] = set()

    # ---- state -------------------------------------------------------------------------------
    def enter(self, ctx: Context) -> None:
        try:
            report = all_paths(self.play.scenario)
        except Exception:  # the chart then shows this outcome alone
            report = None
        if report is not None and report.best is not None:
            self.best = report.best.value
            ending = self.play.scenario.endings.get(report.best.ending)
            self.best_title = ending.title if ending else ""
        self.layout_changed(ctx)

    @property
    def steps_total(self) -> int:
        return len(self.value.steps) if self.value else 0

    @property
    def total_seconds(self) -> float:
        return self.steps_total * STEP_SECONDS + CHART_SECONDS

    @property
    def steps_shown(self) -> int:
        return min(self.steps_total, int(self.t / STEP_SECONDS) + 1)

    @property
    def chart_progress(self) -> float:
        return max(0.0, min(1.0, (self.t - self.steps_total * STEP_SECONDS) / CHART_SECONDS))

    @property
    def done(self) -> bool:
        return self.t >= self.total_seconds

    def finish(self) -> None:
        """Show everything at once."""
        self.t = self.total_seconds
        self.dirty = True

    def bars(self) -> list[Bar]:
        out = []
        if self.value is not None:
            out.append(bar_for("Your ending", self.value))
        if self.best is not None:
            out.append(bar_for("Best you could reach", self.best))
        return out

    # ---- layout ------------------------------------------------------------------------------
    def _note_height(self, ctx: Context) -> float:
        note = self.play.scenario.customer.economics.note
        return logical_height(ctx, note, ctx.viewport.width - 2 * MARGIN, "small") + 10 if note else 0.0

    def _columns(self, ctx: Context) -> tuple[pygame.Rect, pygame.Rect]:
        vp = ctx.viewport
        top = round(TOP_BAR + self._note_height(ctx) + 8)
        left_w = round(vp.width * 0.5) - MARGIN
        left = pygame.Rect(MARGIN, top, left_w, vp.height - MARGIN - BUTTON_H - GAP - top)
        x = left.right + GAP + 8
        right = pygame.Rect(x, top, vp.width - MARGIN - x, left.height)
        return left, right

    def layout_changed(self, ctx: Context) -> None:
        self.dirty = True
        vp = ctx.viewport
        label = f"{CONTINUE}  ⏎"
        w = button_width(ctx, label)
        self.group = FocusGroup([Button(label, (vp.width - MARGIN - w, vp.height - MARGIN - BUTTON_H,
                                                            w, BUTTON_H))])

    # ---- events ------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type == pygame.MOUSEMOTION:
            before = self.group.hover
            self.group.handle(event, ctx)
            self.dirty = self.dirty or self.group.hover != before
            return None
        if not self.done:
            if event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1):
                self.finish()
                self._sound(ctx)
            return None
        if self.group.handle(event, ctx) is not None:
            ctx.audio.play("click")
            from .debrief import DebriefScene

            return Replace(DebriefScene(self.play))
        return None

    def update(self, dt: float, ctx: Context) -> Transition | None:
        if not self.done:
            before = (self.steps_shown, self.chart_progress)
            self.t = min(self.total_seconds, self.t + dt)
            if (self.steps_shown, self.chart_progress) != before:
                self.dirty = True
            self._sound(ctx)
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
        return not self.done

    # ---- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        scenario = self.play.scenario
        name = scenario.customer.name
        draw_top_bar(surface, ctx, f"What {name} is worth", "Enter to continue" if self.done else
                     "Any key to show it all")
        left, right = self._columns(ctx)
        value = self.value
        if value is None:
            return
        note = scenario.customer.economics.note
        if note:
            h = self._note_height(ctx)
            blit_paragraph(surface, ctx, note, vp.rect(MARGIN, TOP_BAR, vp.width - 2 * MARGIN, h), "small", th.text)
        panel(surface, vp.rect(*left), ctx, colour=th.surface, border=th.border, width=2)
        x, w = left.left + 20, left.width - 40
        y = left.top + 16
        amount_w = max(text_width(ctx, fmt_amount(st.amount, value.unit, signed=True), "body", True)
                       for st in value.steps) / vp.scale
        label_w = w - amount_w - 16
        room = left.bottom - 16 - y - (line_height(ctx, "large", True) + 18)
        token, heights = self._rows(ctx, label_w, room)
        rows = len(value.steps)
        ry = y
        for i, st in enumerate(value.steps[: self.steps_shown]):
            colour = th.bad if st.amount < 0 else (th.good if i >= 4 else th.text)
            amount = fmt_amount(st.amount, value.unit, signed=i >= 4)
            blit_text(surface, ctx, amount, vp.point(x + w, ry), token, colour, bold=True, anchor="topright")
            lh = logical_height(ctx, st.label, label_w, token)
            blit_paragraph(surface, ctx, st.label, vp.rect(x, ry, label_w, lh + 4), token, th.text)
            blit_text(surface, ctx, fit_text(ctx, st.working, "small", vp.px(w)), vp.point(x, ry + lh), "small",
                      th.text_muted)
            ry += heights[i]
        y += sum(heights)
        if self.steps_shown >= rows:
            ny = y + 6
            pygame.draw.line(surface, th.border, vp.point(x, ny), vp.point(x + w, ny), max(1, vp.px(2)))
            net = value.net
            colour = th.good if net > 0 else th.bad if net < 0 else th.text
            amount = fmt_amount(net, value.unit, signed=True)
            a = blit_text(surface, ctx, amount, vp.point(x + w, ny + 10), "large", colour, bold=True,
                          anchor="topright")
            room = a.left - vp.px(x) - vp.px(16)
            label = next((t for t in ("Net for the business", "Net value", "Net")
                          if text_width(ctx, t, "large", True) <= room), "Net")
            blit_text(surface, ctx, label, vp.point(x, ny + 10), "large", th.text, bold=True)
        self._draw_chart_side(surface, ctx, right)
        self.group.draw(surface, ctx, show_focus=self.done)

    def _rows(self, ctx: Context, label_w: float, room: float) -> tuple[str, list[float]]:
        """The label size and each row's height: body text, or small when body would not fit."""
        steps = self.value.steps if self.value else ()
        heights: list[float] = []
        for token in ("body", "small"):
            heights = [logical_height(ctx, st.label, label_w, token) + line_height(ctx, "small") + 10
                       for st in steps]
            if sum(heights) <= room:
                return token, heights
        return "small", heights

    def _draw_chart_side(self, surface: pygame.Surface, ctx: Context, right: pygame.Rect) -> None:
        th = ctx.theme
        vp = ctx.viewport
        panel(surface, vp.rect(*right), ctx, colour=th.surface, border=th.border, width=2)
        x, w = right.left + 20, right.width - 40
        y = right.top + 16
        head = "Over the years, with word of mouth"
        hh = logical_height(ctx, head, w, "body", True)
        blit_paragraph(surface, ctx, head, vp.rect(x, y, w, hh + 4), "body", th.text, bold=True)
        y += hh + 8
        caption = self.caption()
        explain = EXPLAIN.format(name=self.play.scenario.customer.name)
        cap_h = logical_height(ctx, caption, w, "body") + 12 if caption else 0
        exp_h = logical_height(ctx, explain, w, "small")
        want = 120 * len(self.bars()) + 40
        room = right.bottom - 16 - y - cap_h - exp_h - 12
        if room < min(want, CHART_MIN):  # the chart matters more than the note on colours
            explain, exp_h = "", 0
            room = right.bottom - 16 - y - cap_h - 12
        chart = pygame.Rect(x, y, w, max(80, min(room, want)))
        if self.chart_progress > 0:
            draw_chart(surface, ctx, vp.rect(*chart), self.bars(), self.chart_progress)
        else:
            blit_text(surface, ctx, "…", vp.point(chart.centerx, chart.centery), "title", th.text_muted,
                      anchor="center")
        y = chart.bottom + 12
        if self.chart_progress >= 1:
            if caption:
                blit_paragraph(surface, ctx, caption, vp.rect(x, y, w, cap_h), "body", th.text, bold=False)
                y += cap_h
            if explain:
                blit_paragraph(surface, ctx, explain, vp.rect(x, y, w, exp_h + 4), "small", th.text_muted)

    def caption(self) -> str:
        """One sentence comparing this ending with the best reachable one."""
        if self.best is None or self.value is None:
            return ""
        if self.best.net <= self.value.net:
            return "You reached the best outcome this story allows."
        gap = fmt_amount(self.best.net - self.value.net, self.value.unit)
        return f"The best ending here, \u201c{self.best_title}\u201d, is worth {gap} more."
