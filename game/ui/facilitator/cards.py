"""The cards of the classroom stage: the coach's card for the class, and the ending card."""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from ...engine import TIMEOUT, LifetimeValue, Step, fmt_amount
from ..context import Context
from ..play.chrome import chip, outcome_colour, outcome_line
from ..play.feedback import delta_parts
from ..stage.dialogue import glass
from .draw import Recorder, line, logical_line, logical_text_height, paragraph

PAD = 20


def chosen_line(step: Step, what_if: bool = False) -> str:
    """What was taken: by the class, by the clock, or (on a what-if) by no one yet."""
    if what_if:
        if step.kind == TIMEOUT:
            return f"What if we had let the time run out: {step.text}"
        return f"What if we had chosen {step.number}: {step.text}"
    return f"Time ran out: {step.text}" if step.kind == TIMEOUT else f"The class chose: {step.text}"


def votes_line(votes: Mapping[int, int], step: Step) -> str:
    total = sum(votes.values())
    if not total:
        return ""
    hands = votes.get(step.number or 0, 0) if step.kind != TIMEOUT else 0
    return f"The room: {hands} of {total} hands for this option."


class CoachCard:
    """What the class's decision did: the principle, the coach's words, the meter changes and the room's vote
    (her reply is in the dialogue box, said before the card rises)."""

    def __init__(self, step: Step, labels: Mapping[str, str], votes: Mapping[int, int],
                 polarity: Mapping[str, int] | None = None, what_if: bool = False) -> None:
        self.step = step
        self.said = chosen_line(step, what_if)
        self.what_if = what_if
        self.said_short = self.said.split(":")[0] + "." if what_if else ""  # e.g. "What if we had chosen 2."
        self.parts = delta_parts(step, labels, polarity)  # judged: a rise in talk time is bad news
        self.votes = votes_line(votes, step)
        self.feedback = step.feedback or "No comment from the coach here."
        self.compact = 0
        self.readout: list[tuple[str, str, str, int]] = []  # see show_meters

    def show_meters(self, rows: list[tuple[str, str, str, int]]) -> None:
        """Carry every meter (name, value, change, judgement) in place of the changes alone: the card then
        stands where the HUD would be."""
        self.readout = rows

    def _readout_split(self, ctx: Context, inner: float) -> list[bool]:
        """For each meter of the readout, whether its value and change go on a line of their own."""
        scale = ctx.viewport.scale
        out = []
        for name, value, change, _ in self.readout:
            w = sum(ctx.text.width(t, ctx.px("small"), True) for t in (name, value, change)) / scale + 2 * 16
            out.append(w > inner)
        return out

    def fit(self, ctx: Context, width: float, max_height: float) -> float:
        """The height at `width`, set as loosely as fits in `max_height` (the tightest when none does)."""
        for compact in (0, 1, 2, 3):
            self.compact = compact
            h = self.height(ctx, width, compact)
            if h <= max_height:
                return h
        return h

    def height(self, ctx: Context, width: float, compact: int = 0) -> float:
        """Logical height at a width; compact 1 sets the coach's words a size smaller, 2 also leaves out the
        room's vote, 3 also what the class chose (on the screen just before; a what-if keeps it): the last resorts
        before anything would be cut."""
        inner = width - 2 * PAD
        h = PAD + self._header_height(ctx, inner) + 10
        if self._said(compact):
            h += logical_text_height(ctx, self._said_text(compact), "small", inner) + 10
        h += logical_text_height(ctx, self.feedback, self._words(compact), inner) + 12
        h += self._parts_height(ctx, inner)
        if self.votes and compact < 2:
            h += 8 + logical_text_height(ctx, self.votes, "small", inner)
        return h + PAD

    def _said_text(self, compact: int) -> str:
        """What was chosen, written out; at the tightest a what-if only says which option it tries."""
        return self.said_short if compact >= 3 and self.said_short else self.said

    def _said(self, compact: int) -> bool:
        """Whether what was chosen is written out (it is on screen in full just before; a what-if always
        says it is one)."""
        return compact < 3 or self.what_if

    @staticmethod
    def _words(compact: int) -> str:
        return "small" if compact >= 1 else "body"

    def _header_mode(self, ctx: Context, inner: float) -> str:
        """'both' (Coach and the principle's chip), 'coach', 'chip' alone, or 'text' (a long principle)."""
        label = self.step.principle
        if not label:
            return "coach"
        vp = ctx.viewport
        chip_w = ctx.text.font(ctx.px("small"), True).size(label)[0] + vp.px(22)
        coach_w = ctx.text.font(ctx.px("large"), True).size("Coach")[0]
        if coach_w + vp.px(14) + chip_w <= vp.px(inner):
            return "both"
        return "chip" if chip_w <= vp.px(inner) else "text"

    def _header_height(self, ctx: Context, inner: float) -> float:
        if self._header_mode(ctx, inner) == "text":
            return logical_text_height(ctx, self.step.principle, "small", inner, True)
        return logical_line(ctx, "large", True)

    def _parts_rows(self, ctx: Context, inner: float) -> list[list[tuple[str, int]]]:
        rows: list[list[tuple[str, int]]] = [[]]
        used = 0.0
        font = ctx.text.font(ctx.px("small"), True)
        items: list[tuple[str, int]] = []
        for text, sign in self.parts or [("No change to the meters", 0)]:
            if font.size(text)[0] / ctx.viewport.scale > inner and text.count(" ") >= 2:
                label, arrow, number = text.rsplit(" ", 2)  # too wide: the change goes under its meter's name
                items += [(label, sign), (f"{arrow} {number}", sign)]
            else:
                items.append((text, sign))
        for text, sign in items:
            w = font.size(text)[0] / ctx.viewport.scale + 24
            if rows[-1] and used + w > inner:
                rows.append([])
                used = 0.0
            rows[-1].append((text, sign))
            used += w
        return rows

    def _parts_height(self, ctx: Context, inner: float) -> float:
        if self.readout:
            return sum(2 if apart else 1 for apart in self._readout_split(ctx, inner)) * logical_line(ctx, "small",
                                                                                                   True)
        return len(self._parts_rows(ctx, inner)) * logical_line(ctx, "small", True)

    def draw(self, surface: pygame.Surface, ctx: Context, rec: Recorder, logical: pygame.Rect) -> None:
        th = ctx.theme
        vp = ctx.viewport
        box = vp.rect(*logical)
        compact = self.compact
        glass(surface, box, th.surface, 248, vp.px(th.radius), th.accent, max(1, vp.px(3)))
        left, inner = logical.left + PAD, logical.width - 2 * PAD
        y = logical.top + PAD
        mode = self._header_mode(ctx, inner)
        title_y = vp.point(left, y)
        label = self.step.principle
        if mode in ("both", "coach"):
            title = line(surface, ctx, rec, "Coach", title_y, "large", th.accent, bold=True, box=box)
            if mode == "both":
                at = (title.right + vp.px(14), title.centery)
                rec.add(label, chip(surface, ctx, label, at, th.accent, anchor="midleft"), box)
        elif mode == "chip":  # no room for both: the principle says more than the word "Coach"
            at = (title_y[0], title_y[1] + ctx.text.line_height(ctx.px("large"), True) // 2)
            rec.add(label, chip(surface, ctx, label, at, th.accent, anchor="midleft"), box)
        else:  # a principle too long for a chip: written out in the accent colour
            paragraph(surface, ctx, rec, label, vp.rect(left, y, inner, 1), "small", th.accent, bold=True, box=box)
        y += self._header_height(ctx, inner) + 10
        if self._said(compact):
            h = paragraph(surface, ctx, rec, self._said_text(compact), vp.rect(left, y, inner, 1), "small",
                          th.text_muted, box=box)
            y += h / vp.scale + 10
        h = paragraph(surface, ctx, rec, self.feedback, vp.rect(left, y, inner, 1), self._words(compact), th.text,
                      box=box)
        y += h / vp.scale + 12
        if self.readout:
            y = self._draw_readout(surface, ctx, rec, box, left, inner, y)
        for row in [] if self.readout else self._parts_rows(ctx, inner):
            x = vp.point(left, y)[0]
            for text, sign in row:
                colour = th.good if sign > 0 else th.bad if sign < 0 else th.text_muted
                r = line(surface, ctx, rec, text, (x, vp.point(0, y)[1]), "small", colour, bold=True, box=box)
                x = r.right + vp.px(24)
            y += logical_line(ctx, "small", True)
        if self.votes and compact < 2:
            paragraph(surface, ctx, rec, self.votes, vp.rect(left, y + 8, inner, 1), "small", th.text_muted, box=box)


    def _draw_readout(self, surface: pygame.Surface, ctx: Context, rec: Recorder, box: pygame.Rect, left: float,
                      inner: float, y: float) -> float:
        """Each meter on a line: its name, then its value and this decision's change at the right."""
        th = ctx.theme
        vp = ctx.viewport
        step = logical_line(ctx, "small", True)
        right = vp.point(left + inner, 0)[0]
        for (name, value, change, sign), apart in zip(self.readout, self._readout_split(ctx, inner), strict=True):
            line(surface, ctx, rec, name, vp.point(left, y), "small", th.text, bold=True, box=box)
            if apart:
                y += step
            at = vp.point(0, y)[1]
            x = right
            if change:
                colour = th.good if sign > 0 else th.bad if sign < 0 else th.text_muted
                x = line(surface, ctx, rec, change, (x, at), "small", colour, bold=True, anchor="topright",
                         box=box).left - vp.px(16)
            line(surface, ctx, rec, value, (x, at), "small", th.text, bold=True, anchor="topright", box=box)
            y += step
        return y


def vp_w(ctx: Context, logical_width: float) -> int:
    return ctx.viewport.px(logical_width)


def outcome_label_height(ctx: Context, label: str, width: int) -> int:
    """Window-pixel height of an outcome label: a chip when it fits on one line, else wrapped bold text."""
    vp = ctx.viewport
    font = ctx.text.font(ctx.px("small"), True)
    if font.size(label)[0] + vp.px(22) <= width:
        return font.get_height() + vp.px(10)
    return len(ctx.text.wrap(label, ctx.px("small"), width, True)) * ctx.text.line_height(ctx.px("small"), True)


def outcome_label(surface: pygame.Surface, ctx: Context, rec: Recorder, label: str, rect: pygame.Rect, colour,
                  box: pygame.Rect) -> int:
    """Draw the outcome (e.g. 'Ms. Ling leaves') as a coloured chip, or as coloured text when too long."""
    vp = ctx.viewport
    font = ctx.text.font(ctx.px("small"), True)
    if font.size(label)[0] + vp.px(22) <= rect.width:
        r = chip(surface, ctx, label, rect.topleft, colour)
        rec.add(label, r, box)
        return r.height
    return paragraph(surface, ctx, rec, label, rect, "small", colour, bold=True, box=box)


class EndingCard:
    """How the story ended for the class, and what the customer is now worth (the ending's words are in the
    dialogue box)."""

    def __init__(self, title: str, outcome: str, customer: str, value: LifetimeValue | None) -> None:
        self.title = title
        self.outcome = outcome
        self.customer = customer
        self.value = value
        self.token = "title"

    def fit(self, ctx: Context, width: float, max_height: float) -> float:
        """The height at `width`, its title a size smaller when that is what fits in `max_height`."""
        for token in ("title", "large", "body"):
            self.token = token
            h = self.height(ctx, width)
            if h <= max_height:
                return h
        return h

    def value_line(self) -> str:
        v = self.value
        if v is None:
            return ""
        u = v.unit
        if v.won:
            return f"Kept {fmt_amount(v.kept, u)} · won {fmt_amount(v.won, u)} by word of mouth"
        if v.kept:
            return f"Kept {fmt_amount(v.kept, u)} · lost {fmt_amount(v.lost, u)}"
        return f"Lost {fmt_amount(v.lost, u)}, word of mouth included"

    def height(self, ctx: Context, width: float) -> float:
        inner = width - 2 * PAD
        h = PAD + logical_text_height(ctx, self.title, self.token, inner, True) + 10
        h += outcome_label_height(ctx, outcome_line(self.outcome, self.customer), vp_w(ctx, inner)) / \
            ctx.viewport.scale + 10
        h += logical_text_height(ctx, self.value_line(), "body", inner, True) if self.value else 0
        return h + PAD

    def draw(self, surface: pygame.Surface, ctx: Context, rec: Recorder, logical: pygame.Rect) -> None:
        th = ctx.theme
        vp = ctx.viewport
        box = vp.rect(*logical)
        colour = outcome_colour(ctx, self.outcome)
        glass(surface, box, th.surface, 248, vp.px(th.radius), colour, max(1, vp.px(3)))
        left, inner = logical.left + PAD, logical.width - 2 * PAD
        y = logical.top + PAD
        h = paragraph(surface, ctx, rec, self.title, vp.rect(left, y, inner, 1), self.token, th.text, bold=True,
                      box=box)
        y += h / vp.scale + 10
        label = outcome_line(self.outcome, self.customer)
        h = outcome_label(surface, ctx, rec, label, vp.rect(left, y, inner, 1), colour, box)
        y += h / vp.scale + 10
        if self.value is not None:
            paragraph(surface, ctx, rec, self.value_line(), vp.rect(left, y, inner, 1), "body", colour,
                      bold=True, box=box)
