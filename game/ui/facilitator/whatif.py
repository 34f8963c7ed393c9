"""What if: every option at a decision side by side, what it would do to each meter and where it leads;
jump back to any earlier decision and play another branch (the class's record is kept)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...engine import Outcome, Playthrough
from ...facilitation import ClassSession
from ...facilitation.session import CHOICES, TEXT
from ..context import Context
from ..play.meters import delta_text, judge_change
from ..scene import Pop, Push, Scene, Transition
from ..widgets import panel
from .draw import FOOTER_H, MARGIN, TOP_H, Recorder, footer, line, logical_line, logical_text_height, paragraph, top_bar

ROW_PAD = 8
ROW_GAP = 6
BADGE_W = 52
HINTS = ("↑↓ decision · ←→ option · Enter or click plays it · Esc back",  # the longest that fits is shown
         "↑↓ decision · ←→ option · Enter plays it · Esc back",
         "↑↓ decision · ←→ option · Enter plays · Esc",
         "↑↓ ←→ choose · Enter plays · Esc back")
_PLAY_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_F5)
_CLOSE_KEYS = (pygame.K_ESCAPE, pygame.K_w, pygame.K_q)


@dataclass(frozen=True)
class _Row:
    label: str
    number: int | None
    deltas: dict[str, int]
    leads: str
    taken: bool


class WhatIfScene(Scene):
    """Pushed over the classroom; pops with a notice for the facilitator after a branch is chosen."""

    def __init__(self, session: ClassSession) -> None:
        super().__init__()
        self.session = session
        self.labels = {m.id: m.label for m in session.scenario.meters if m.visible}
        self.last = len(session.path) if session.stage in (TEXT, CHOICES) and session.play.node else \
            len(session.path) - 1
        self.step = max(0, self.last)
        self.highlight = 0
        self.rec = Recorder()
        self._rows: dict[int, tuple[str, list[_Row]]] = {}
        self._row_rects: list[pygame.Rect] = []  # window rects of the rows as last drawn, for the mouse
        self._pick_default()

    # ---- data --------------------------------------------------------------------------------
    def rows(self, step: int) -> tuple[str, list[_Row]]:
        """The prompt and the options at decision `step` (cached: each needs a replay)."""
        if step not in self._rows:
            s = self.session
            if step >= len(s.path):
                before, outcomes, taken = s.play, s.play.options(), None
            else:
                before = Playthrough(s.scenario, [(d.kind, d.source_index) for d in s.path[:step]])
                outcomes, taken = s.options_at(step), s.taken_at(step)
            rows = [_Row(self._label(o), o.number, dict(o.deltas), self._leads(o, before), i == taken)
                    for i, o in enumerate(outcomes)]
            self._rows[step] = (before.text, rows)
        return self._rows[step]

    @staticmethod
    def _label(o: Outcome) -> str:
        return o.label if o.number is not None else f"Let the timer run out: {o.label}"

    def _leads(self, o: Outcome, before: Playthrough) -> str:
        if o.ending is not None:
            return f"Ending: {o.ending.title}"
        node = self.session.scenario.nodes.get(o.location)
        if node is None:
            return o.location
        speaker = before.say(node.speaker) if node.speaker else ""
        text = before.say(node.text)
        named = speaker and speaker.lower() != "narrator" and not text.startswith(speaker)
        return f"{speaker}: {text}" if named else text

    def _pick_default(self) -> None:
        _, rows = self.rows(self.step)
        taken = next((i for i, r in enumerate(rows) if r.taken), None)
        self.highlight = 0 if taken is None else (taken + 1) % max(1, len(rows))

    # ---- keys --------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            hit = next((i for i, r in enumerate(self._row_rects) if r.collidepoint(event.pos)), None)
            if hit is not None and event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                return self.play(hit)
            if hit is not None and hit != self.highlight:
                self.highlight = hit
                self.dirty = True
            return None
        if event.type == pygame.MOUSEWHEEL:
            self.step = max(0, min(self.last, self.step - event.y))
            self._pick_default()
            self.dirty = True
            return None
        if event.type != pygame.KEYDOWN:
            return None
        key = event.key
        _, rows = self.rows(self.step)
        self.dirty = True
        if key == pygame.K_UP and self.step > 0:
            self.step -= 1
            self._pick_default()
        elif key == pygame.K_DOWN and self.step < self.last:
            self.step += 1
            self._pick_default()
        elif key in (pygame.K_LEFT, pygame.K_PAGEUP) and rows:
            self.highlight = (self.highlight - 1) % len(rows)
        elif key in (pygame.K_RIGHT, pygame.K_PAGEDOWN) and rows:
            self.highlight = (self.highlight + 1) % len(rows)
        elif key in _PLAY_KEYS:
            return self.play(self.highlight)
        elif pygame.K_1 <= key <= pygame.K_9:
            n = key - pygame.K_1
            if n < len(rows) and rows[n].number is not None:
                return self.play(n)
        elif key in _CLOSE_KEYS:
            return Pop()
        elif key in (pygame.K_b, pygame.K_PERIOD):
            from .overlays import BlankScene

            return Push(BlankScene())
        elif key == pygame.K_F1 or event.unicode == "?":
            from .overlays import HelpOverlay

            return Push(HelpOverlay())
        return None

    def play(self, index: int) -> Transition | None:
        """Take option `index` at the decision shown, as a what-if branch."""
        step = self.step if self.step < len(self.session.path) else None
        _, rows = self.rows(self.step)
        if not 0 <= index < len(rows) or not self.session.explore(index, step):
            return None
        # One short line, so it sits in the footer instead of covering the options (the footer says what Next does)
        return Pop(f"What if: option {index + 1} at decision {self.step + 1} · Esc: back to the class's path")

    # ---- drawing -----------------------------------------------------------------------------
    # Each row stacks the option's words (full width), a line of meter changes, and where it leads:
    # on a 4:3 projector, meter columns would squeeze the words into a narrow, truncated strip.
    def _text_w(self, ctx: Context) -> float:
        return ctx.viewport.width - 2 * MARGIN - BADGE_W - 2 * ROW_PAD

    def _chips(self, ctx: Context, r: _Row) -> list[tuple[str, int, float, float]]:
        """Meter changes as (text, judgement, x, line): laid left to right, wrapping when the row is full."""
        font = ctx.text.font(ctx.px("small"), True)
        width = self._text_w(ctx)
        out, x, row = [], 0.0, 0
        for mid, label in self.labels.items():
            d = r.deltas.get(mid, 0)
            text = f"{label} {delta_text(d) if d else '–'}"
            w = font.size(text)[0] / ctx.viewport.scale
            if x > 0 and x + w > width:
                x, row = 0.0, row + 1
            out.append((text, judge_change(mid, r.deltas, self.session.scenario.polarity), x, row))  # good or bad news
            x += w + 24
        return out

    def _deltas_h(self, ctx: Context, r: _Row) -> float:
        rows = 1 + max((c[3] for c in self._chips(ctx, r)), default=0)
        return rows * logical_line(ctx, "small", True) + 2

    def _row_height(self, ctx: Context, r: _Row, plan: tuple[bool, bool], lit: bool = False) -> float:
        w = self._text_w(ctx)
        text = logical_text_height(ctx, r.label, "small", w, lit) if plan[0] else 0.0
        leads = logical_text_height(ctx, "→ " + r.leads, "small", w) if plan[1] else 0.0
        return max(text + self._deltas_h(ctx, r) + leads, logical_line(ctx, "small", True)) + 2 * ROW_PAD

    def _lines(self, ctx: Context, rows: list[_Row], top: float, bottom: float) -> tuple[tuple[bool, bool], ...]:
        """What each row shows, (its words, where it leads), all in full: the highlighted row keeps the most;
        what does not fit is left out, never cut short."""
        for other, lit in (((True, True), (True, True)), ((True, False), (True, True)),
                           ((True, False), (True, False)), ((False, False), (True, True)),
                           ((False, False), (True, False))):
            plan = tuple(lit if i == self.highlight else other for i in range(len(rows)))
            total = sum(self._row_height(ctx, r, plan[i], i == self.highlight) + ROW_GAP for i, r in enumerate(rows))
            if top + total <= bottom:
                return plan
        return tuple((i == self.highlight, False) for i in range(len(rows)))

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        self.rec.clear()
        total = max(1, self.last + 1)
        now = " (now)" if self.step >= len(self.session.path) else ""
        top_bar(surface, ctx, self.rec, "What if…", f"Decision {self.step + 1} of {total}{now}", th.warn)
        prompt, rows = self.rows(self.step)
        y = TOP_H + 10
        bottom = vp.height - FOOTER_H - 8
        prompt_h = logical_text_height(ctx, prompt, "small", vp.width - 2 * MARGIN) + 10
        full = self._lines(ctx, rows, y + prompt_h, bottom)
        if full[self.highlight] == (True, True) and full == self._lines(ctx, rows, y, bottom):
            # the decision's words above the options when they fit in full without taking the options' room
            h = paragraph(surface, ctx, self.rec, prompt, vp.rect(MARGIN, y, vp.width - 2 * MARGIN, 1), "small",
                          th.text_muted, box=vp.rect(0, TOP_H, vp.width, vp.height - TOP_H))
            y += h / vp.scale + 10
        plan = self._lines(ctx, rows, y, bottom)
        self._row_rects = []
        for i, r in enumerate(rows):
            rh = self._row_height(ctx, r, plan[i], i == self.highlight)
            self._draw_row(surface, ctx, r, i, pygame.Rect(MARGIN, round(y), vp.width - 2 * MARGIN, round(rh)),
                           plan[i])
            y += rh + ROW_GAP
        taken = next((i + 1 for i, r in enumerate(rows) if r.taken), None)
        note = f" · the class took {taken}" if taken else ""
        font = ctx.text.font(ctx.px("small"))
        room = vp.px(vp.width - 2 * MARGIN)
        hint = next((h for h in [*(h + note for h in HINTS), *HINTS] if font.size(h)[0] <= room), HINTS[-1])
        footer(surface, ctx, self.rec, hint)

    def _draw_row(self, surface: pygame.Surface, ctx: Context, r: _Row, i: int, logical: pygame.Rect,
                  plan: tuple[bool, bool]) -> None:
        th = ctx.theme
        vp = ctx.viewport
        box = vp.rect(*logical)
        self._row_rects.append(box)
        lit = i == self.highlight
        panel(surface, box, ctx, colour=th.surface_alt if r.taken else th.surface,
              border=th.accent if lit else th.border, width=4 if lit else 2)
        badge = "◷" if r.number is None else str(i + 1)
        line(surface, ctx, self.rec, badge, vp.point(logical.left + BADGE_W / 2, logical.top + ROW_PAD), "small",
             th.warn if r.taken else th.accent, bold=True, anchor="midtop", box=box)
        text_w = self._text_w(ctx)
        left = logical.left + BADGE_W
        h = paragraph(surface, ctx, self.rec, r.label, vp.rect(left, logical.top + ROW_PAD, text_w, 1), "small",
                      th.text, bold=lit, box=box) if plan[0] else 0
        my = logical.top + ROW_PAD + h / vp.scale
        step = logical_line(ctx, "small", True)
        for text, sign, x, row in self._chips(ctx, r):
            colour = th.good if sign > 0 else th.bad if sign < 0 else th.text_muted
            line(surface, ctx, self.rec, text, vp.point(left + x, my + row * step), "small", colour, bold=True,
                 box=box)
        ty = my + self._deltas_h(ctx, r)
        if plan[1]:
            paragraph(surface, ctx, self.rec, "→ " + r.leads, vp.rect(left, ty, text_w, 1), "small",
                      th.warn if r.leads.startswith("Ending") else th.text_muted, box=box)
