"""The class debrief: the path the class took with the votes at each decision, then where it ended and what
that was worth against the best and worst reachable outcomes, then the ending's lesson. One screen per page;
each exports as a PNG."""

from __future__ import annotations

import pygame

from ...facilitation import ClassSession, Debrief, DecisionReport, build_debrief
from ..context import Context
from ..outcomes import FAILED, WORKING, OutcomeJob, outcomes_for
from ..play.chrome import outcome_colour, outcome_line
from ..play.meters import MeterPanel, delta_text, judge_change
from ..play.runs import Run, draw_runs, runs_height
from ..scene import Pop, Push, Scene, Transition
from ..widgets import panel
from .cards import outcome_label
from .draw import FOOTER_H, MARGIN, TOP_H, Recorder, footer, line, logical_line, logical_text_height, paragraph, top_bar
from .layout import meters_min_width
from .value_chart import draw_value_chart

ROW_GAP = 10
PAD = 14
HINT = "Page Down/Up: pages · E export · Esc back"
DELTA_SEP = "   "  # between one meter's change and the next


class DebriefScene(Scene):
    """Pages: the class's path (as many pages as it needs), then the value, then the ending's lesson."""

    def __init__(self, session: ClassSession) -> None:
        super().__init__()
        self.session = session
        self.debrief: Debrief | None = None
        self.page = 0
        self.notice = ""
        self.rec = Recorder()
        self._pages: list[list[DecisionReport]] | None = None
        self._pages_key: tuple | None = None
        self.job: OutcomeJob | None = None
        self._with_outcomes = False

    def enter(self, ctx: Context) -> None:
        self.job = outcomes_for(self.session.scenario)  # best and worst: on a worker thread, never this one
        self.debrief = None
        self._with_outcomes = False

    @property
    def working(self) -> bool:
        """True while the best and worst reachable outcomes are still being worked out."""
        return self.job is not None and not self.job.done

    def wait_for_outcomes(self, seconds: float) -> None:
        """Let the exploration finish (bounded) before every page is drawn at once, for an export."""
        if self.job is not None:
            self.job.wait(seconds)

    @property
    def data(self) -> Debrief:
        ready = self.job is not None and self.job.done
        if self.debrief is None or (ready and not self._with_outcomes):
            result = self.job.result if ready and self.job is not None else None
            self.debrief = build_debrief(self.session, with_benchmarks=False, outcomes=result)
            self._with_outcomes = ready
        return self.debrief

    def update(self, dt: float, ctx: Context) -> Transition | None:
        if self.job is not None and self.job.done and not self._with_outcomes:
            self.dirty = True
        return None

    def animating(self) -> bool:
        return self.working

    # ---- pages -------------------------------------------------------------------------------
    def path_pages(self, ctx: Context) -> list[list[DecisionReport]]:
        key = (ctx.viewport, ctx.theme.name, ctx.theme.font_scale)
        if self._pages is None or self._pages_key != key:
            pages: list[list[DecisionReport]] = [[]]
            y = self._rows_top(ctx)
            bottom = ctx.viewport.height - 52 - 12
            for d in self.data.decisions:
                h = self._row_height(ctx, d)
                if pages[-1] and y + h > bottom:
                    pages.append([])
                    y = self._rows_top(ctx)
                pages[-1].append(d)
                y += h + ROW_GAP
            self._pages, self._pages_key = pages, key
        return self._pages

    @property
    def has_lesson(self) -> bool:
        """Whether the ending has a lesson in the author's words: it gets a page of its own after the value."""
        return self.data.value is not None and bool(self.data.summary.strip())

    def page_count(self, ctx: Context) -> int:
        return len(self.path_pages(ctx)) + 1 + (1 if self.has_lesson else 0)

    def page_name(self, ctx: Context, index: int) -> str:
        paths = len(self.path_pages(ctx))
        if index < paths:
            return f"path-{index + 1}"
        return "value" if index == paths else "lesson"

    # ---- keys --------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 3):
            step = 1 if event.button == 1 else -1
            self.page = max(0, min(self.page_count(ctx) - 1, self.page + step))
            self.notice = ""
            self.dirty = True
            return None
        if event.type != pygame.KEYDOWN:
            return None
        key = event.key
        self.dirty = True
        if key in (pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.page = min(self.page + 1, self.page_count(ctx) - 1)
            self.notice = ""  # read once: it would cover the foot of every page
        elif key in (pygame.K_PAGEUP, pygame.K_LEFT):
            if self.page == 0:
                return Pop()
            self.page -= 1
            self.notice = ""
        elif key == pygame.K_e:
            from .export import ExportNotice, export_debrief

            result = export_debrief(ctx, self.session, self)
            self.notice = result.message
            return Push(ExportNotice(result))  # a page of its own: it covers nothing
        elif key in (pygame.K_ESCAPE, pygame.K_d, pygame.K_q):
            return Pop()
        elif key in (pygame.K_b, pygame.K_PERIOD):
            from .overlays import BlankScene

            return Push(BlankScene())
        elif key == pygame.K_F1 or event.unicode == "?":
            from .overlays import HelpOverlay

            return Push(HelpOverlay())
        return None

    # ---- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        self.draw_page(surface, ctx, self.page)

    def draw_page(self, surface: pygame.Surface, ctx: Context, index: int, notice: str = "",
                  handout: bool = False) -> None:
        """Draw one page on any surface of the window's size (the screen, or an export image: a `handout`
        page is clean, without the keys' hints)."""
        th = ctx.theme
        self.rec.clear()
        surface.fill(th.background)
        pages = self.path_pages(ctx)
        total = self.page_count(ctx)
        top_bar(surface, ctx, self.rec, self.session.scenario.title, f"Debrief {index + 1} of {total}")
        if index < len(pages):
            self._draw_path(surface, ctx, pages[index], index, len(pages))
        elif self.page_name(ctx, index) == "lesson":
            self._draw_lesson(surface, ctx)
        else:
            self._draw_value(surface, ctx)
        footer(surface, ctx, self.rec, "" if handout else HINT, "" if handout else notice)

    @staticmethod
    def _page_box(ctx: Context) -> pygame.Rect:
        """The page between the top bar and the footer, in window pixels."""
        vp = ctx.viewport
        return vp.rect(0, TOP_H, vp.width, vp.height - TOP_H - FOOTER_H)

    def _rows_top(self, ctx: Context) -> float:
        return TOP_H + 12 + logical_line(ctx, "large", True) + 8

    def _text_w(self, ctx: Context) -> float:
        return ctx.viewport.width - 2 * MARGIN - 2 * PAD - 56

    def _detail(self, d: DecisionReport) -> str:
        total = sum(d.votes)
        if not total:
            room = "No votes recorded"
        else:
            room = f"Room: {d.votes[d.chosen]} of {total} hands"
            lead = d.room_lead
            if lead is not None and lead != d.chosen:
                room += f"; most hands for option {lead + 1}"
        return room

    def _deltas(self, ctx: Context, d: DecisionReport) -> list[Run]:
        """Each meter change in its own colour, good or bad news for the person served (talk time spent on a choice
        that pleased her is good news; see judge_change); the arrow and sign carry the direction too."""
        th = ctx.theme
        s = self.session.scenario
        runs = [(f"{m.label} {delta_text(d.deltas[m.id])}",
                 th.good if judge_change(m.id, d.deltas, s.polarity) > 0 else th.bad)
                for m in s.meters if m.visible and d.deltas.get(m.id)]  # in the meters' order
        return runs or [("No change to the meters", th.text_muted)]

    def _one_line(self, ctx: Context, d: DecisionReport) -> bool:
        """Whether the room's vote and the meter changes share one line."""
        font = ctx.text.font(ctx.px("small"))
        runs = [text for text, _ in self._deltas(ctx, d)]
        width = font.size(self._detail(d) + " · ")[0] + font.size(DELTA_SEP.join(runs))[0]
        return width <= ctx.viewport.px(self._text_w(ctx))

    def _row_height(self, ctx: Context, d: DecisionReport) -> float:
        w = self._text_w(ctx)
        h = 2 * PAD + logical_text_height(ctx, d.chosen_text, "body", w)
        if self._one_line(ctx, d):
            return h + logical_line(ctx, "small")
        runs_h = runs_height(ctx, self._deltas(ctx, d), ctx.viewport.px(w), sep=DELTA_SEP) / ctx.viewport.scale
        return h + logical_text_height(ctx, self._detail(d), "small", w) + runs_h

    def _draw_path(self, surface: pygame.Surface, ctx: Context, rows: list[DecisionReport], index: int,
                   count: int) -> None:
        th = ctx.theme
        vp = ctx.viewport
        room = vp.px(vp.width - 2 * MARGIN)
        heading = "The path the class took"
        if count > 1 and rows:  # which decisions this page holds (the top bar counts the pages)
            span = f"{rows[0].number}–{rows[-1].number}" if len(rows) > 1 else str(rows[0].number)
            total = len(self.data.decisions)
            heading = f"{heading} ({span} of {total})"
            if ctx.text.font(ctx.px("large"), True).size(heading)[0] > room:
                heading = f"The class's decisions {span} of {total}"
        line(surface, ctx, self.rec, heading, vp.point(MARGIN, TOP_H + 12), "large", th.text, bold=True,
             max_width=room)
        if not rows:
            paragraph(surface, ctx, self.rec, "The class has not taken a decision yet.",
                      vp.rect(MARGIN, self._rows_top(ctx), vp.width - 2 * MARGIN, 1), "body", th.text_muted,
                      box=self._page_box(ctx))
            return
        y = self._rows_top(ctx)
        w = self._text_w(ctx)
        for d in rows:
            h = self._row_height(ctx, d)
            logical = pygame.Rect(MARGIN, round(y), vp.width - 2 * MARGIN, round(h))
            box = vp.rect(*logical)
            panel(surface, box, ctx, colour=th.surface, border=th.border, width=2)
            line(surface, ctx, self.rec, str(d.number), vp.point(MARGIN + PAD + 20, y + PAD), "body", th.accent,
                 bold=True, anchor="midtop", box=box)
            x = MARGIN + PAD + 56
            ty = y + PAD
            text = d.chosen_text
            ty += paragraph(surface, ctx, self.rec, text, vp.rect(x, ty, w, 1), "body", th.text, box=box) / vp.scale
            runs = self._deltas(ctx, d)
            if self._one_line(ctx, d):
                r = line(surface, ctx, self.rec, self._detail(d) + " · ", vp.point(x, ty), "small", th.text_muted,
                         box=box)
                start, room = r.topright, vp.px(x + w) - r.right
            else:
                ty += paragraph(surface, ctx, self.rec, self._detail(d), vp.rect(x, ty, w, 1), "small",
                                th.text_muted, box=box) / vp.scale
                start, room = vp.point(x, ty), vp.px(w)
            used = draw_runs(surface, ctx, runs, start, room, sep=DELTA_SEP)
            widest = min(room, ctx.text.font(ctx.px("small")).size(DELTA_SEP.join(t for t, _ in runs))[0])
            self.rec.add(DELTA_SEP.join(t for t, _ in runs), pygame.Rect(*start, widest, used), box)
            y += h + ROW_GAP

    def _draw_value(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        data = self.data
        s = self.session.scenario
        y = TOP_H + 12
        width = vp.width - 2 * MARGIN
        if data.value is None:
            paragraph(surface, ctx, self.rec, "The class has not reached an ending yet.", vp.rect(MARGIN, y, width, 1),
                      "large", th.text_muted, bold=True, box=self._page_box(ctx))
            return
        colour = outcome_colour(ctx, data.outcome or "")
        y += paragraph(surface, ctx, self.rec, data.ending_title or "", vp.rect(MARGIN, y, width, 1), "title",
                       th.text, bold=True, box=self._page_box(ctx)) / vp.scale + 6
        label = outcome_line(data.outcome or "", s.customer.name)
        h = outcome_label(surface, ctx, self.rec, label, vp.rect(MARGIN, y, width, 1), colour, self._page_box(ctx))
        y += h / vp.scale + 16
        labels = [m.label for m in s.meters if m.visible]  # wide enough for each label beside its number
        left_w = round(min(width * 0.45, max(width * 0.34, meters_min_width(ctx, labels))))
        from ..play.layout import meters_height

        m_h = meters_height(ctx, len([m for m in s.meters if m.visible]))
        meters = MeterPanel(s.meters, data.meters)
        meters.draw(surface, ctx, pygame.Rect(MARGIN, round(y), left_w, m_h))
        bottom = vp.height - FOOTER_H - 12
        chart = pygame.Rect(MARGIN + left_w + 16, round(y), width - left_w - 16, bottom - round(y))
        found = self.job is None or self.job.result is None or self.job.result.complete
        chart.height = min(chart.height, round(draw_value_chart(surface, ctx, self.rec, chart, self.data, found,
                                                                self._outcome_status())))
        # How the room voted: under the meters, or under the chart when the meters leave no room.
        under_meters = pygame.Rect(MARGIN, round(y) + m_h + 16, left_w, bottom - round(y) - m_h - 16)
        under_chart = pygame.Rect(chart.left, chart.bottom + 16, chart.width, bottom - chart.bottom - 16)
        if not self._draw_room(surface, ctx, under_meters):
            self._draw_room(surface, ctx, under_chart)

    def _draw_room(self, surface: pygame.Surface, ctx: Context, logical: pygame.Rect) -> bool:
        """How the room decided: decisions taken, how many had a vote, how often the class followed its lead.
        False when there is no room for it."""
        th = ctx.theme
        vp = ctx.viewport
        box = vp.rect(*logical)
        decisions = self.data.decisions
        voted = [d for d in decisions if any(d.votes)]
        followed = sum(1 for d in voted if d.room_lead == d.chosen)
        facts = [f"{len(decisions)} decisions", f"{len(voted)} put to a vote"]
        if voted:
            facts.append(f"{followed} took the most-voted option")
        width = logical.width - 2 * PAD
        listed = logical_line(ctx, "small", True) + 6 + logical_line(ctx, "small") * len(facts) + 2 * PAD
        sentence = "The room: " + ", ".join(facts) + "."
        if listed <= logical.height:  # a heading and a fact a line
            box.height = vp.px(listed)
            panel(surface, box, ctx, colour=th.surface, border=th.border, width=2)
            y = logical.top + PAD
            line(surface, ctx, self.rec, "The room", vp.point(logical.left + PAD, y), "small", th.text_muted,
                 bold=True, box=box)
            y += logical_line(ctx, "small", True) + 6
            for fact in facts:
                line(surface, ctx, self.rec, fact, vp.point(logical.left + PAD, y), "small", th.text, box=box,
                     max_width=vp.px(width))
                y += logical_line(ctx, "small")
            return True
        compact = logical_text_height(ctx, sentence, "small", width) + 2 * PAD  # or one short paragraph
        if compact > logical.height:
            return False
        box.height = vp.px(compact)
        panel(surface, box, ctx, colour=th.surface, border=th.border, width=2)
        paragraph(surface, ctx, self.rec, sentence, vp.rect(logical.left + PAD, logical.top + PAD, width, 1), "small",
                  th.text, box=box)
        return True

    def _outcome_status(self) -> str:
        """A line under the bars while the best and worst are worked out, or when they could not be."""
        if self.working:
            return WORKING
        if self.job is not None and self.job.result is None:
            return FAILED
        if self.job is not None and not self.job.result.complete:
            return "Not every path could be explored: these are the best and worst found."
        return ""

    def _draw_lesson(self, surface: pygame.Surface, ctx: Context) -> None:
        """The ending's lesson in the author's words, large enough to read from the back of the room."""
        th = ctx.theme
        vp = ctx.viewport
        data = self.data
        width = vp.width - 2 * MARGIN
        y = TOP_H + 12
        line(surface, ctx, self.rec, "What this ending teaches", vp.point(MARGIN, y), "large", th.text, bold=True,
             max_width=vp.px(width))
        y += logical_line(ctx, "large", True) + 4
        if data.ending_title:
            line(surface, ctx, self.rec, f"“{data.ending_title}”", vp.point(MARGIN, y), "small",
                 th.text_muted, bold=True, max_width=vp.px(width))
            y += logical_line(ctx, "small", True)
        y += 12
        area = pygame.Rect(MARGIN, round(y), width, round(vp.height - FOOTER_H - 12 - y))
        inner = area.width - 2 * 24
        room = area.height - 2 * 20
        token = next((t for t in ("large", "body") if logical_text_height(ctx, data.summary, t, inner) <= room),
                     "small")
        lines = max(1, int(room // logical_line(ctx, token)))
        area.height = round(min(area.height, logical_text_height(ctx, data.summary, token, inner, max_lines=lines)
                                + 2 * 20))
        box = vp.rect(*area)
        panel(surface, box, ctx, colour=th.surface, border=th.border, width=2)
        paragraph(surface, ctx, self.rec, data.summary, vp.rect(area.left + 24, area.top + 20, inner, 1), token,
                  th.text, max_lines=lines, box=box)
