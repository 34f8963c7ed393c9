"""The coach's card after each choice: the principle, what the choice did, and the meter changes."""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from ...engine import TIMEOUT, Step
from ..context import Context
from ..widgets import Button, blit_paragraph, blit_text, focus_ring, panel
from .chrome import button_width, chip, fit_text, text_width
from .layout import line_height, logical_height
from .meters import delta_text, judge_change
from .runs import Run, draw_runs, runs_height

PAD = 20
BUTTON_H = 50
CONTINUE = "Continue"


def said_line(step: Step) -> str:
    """What the player did, in a short line."""
    if step.kind == TIMEOUT:
        return f"Time ran out: {step.text}"
    return f"You: {step.text}"


def delta_parts(step: Step, labels: Mapping[str, str],
                polarity: Mapping[str, int] | None = None) -> list[tuple[str, int]]:
    """(text, judgement) for each meter that moved, e.g. ('Satisfaction ▲ +6', 1), in the meters' order.

    The judgement is +1 for good news and -1 for bad, for the person served (see `judge_change`): talk time
    spent on a choice that pleased her is good news, spent on one that upset her is bad.
    """
    out = []
    for mid, label in labels.items():
        d = step.deltas.get(mid, 0)
        if d:
            out.append((f"{label} {delta_text(d)}", judge_change(mid, step.deltas, polarity or {})))
    return out


class FeedbackCard:
    """Shows a Step's feedback; Enter, Space or a click on the card (or its button) dismisses it."""

    def __init__(self, step: Step, labels: Mapping[str, str], polarity: Mapping[str, int] | None = None) -> None:
        self.step = step
        self.labels = dict(labels)
        self.parts = delta_parts(step, labels, polarity)
        self.hover = False
        self.token = "body"  # the feedback's text size; "small" when the card would not fit otherwise

    def fit(self, ctx: Context, width: float, room: float) -> float:
        """Pick the text size so the card fits `room` logical pixels if it can; returns the card's height."""
        self.token = "body"
        h = self.height(ctx, width)
        if h > room:
            self.token = "small"
            h = self.height(ctx, width)
        return h

    def _runs(self, ctx: Context) -> list[Run]:
        th = ctx.theme
        if not self.parts:
            return [("No change to the meters", th.text_muted)]
        return [(part, th.good if sign > 0 else th.bad) for part, sign in self.parts]

    def _chip_below(self, ctx: Context, width: float) -> bool:
        """Whether the principle goes under the word 'Coach' (when they do not fit on one line)."""
        if not self.step.principle:
            return False
        need = text_width(ctx, "Coach", "large", True) + text_width(ctx, self.step.principle, "small", True)
        return need / ctx.viewport.scale + 14 + 20 > width - 2 * PAD

    def height(self, ctx: Context, width: float) -> float:
        inner = width - 2 * PAD
        h = PAD + line_height(ctx, "large", True) + 8
        if self._chip_below(ctx, width):
            h += line_height(ctx, "small", True) + 16
        h += logical_height(ctx, said_line(self.step), inner, "small") + 10
        h += logical_height(ctx, self.step.feedback or "No comment from the coach here.", inner, self.token) + 12
        h += runs_height(ctx, self._runs(ctx), ctx.viewport.px(inner), "small", True) / ctx.viewport.scale + 14
        return h + BUTTON_H + PAD

    def button(self, ctx: Context, logical: pygame.Rect) -> Button:
        label = f"{CONTINUE}  ⏎"
        w = button_width(ctx, label)
        return Button(label, (logical.right - PAD - w, logical.bottom - PAD - BUTTON_H, w, BUTTON_H))

    def handle(self, event: pygame.event.Event, ctx: Context, logical: pygame.Rect) -> bool:
        """True when the player dismissed the card."""
        if event.type == pygame.KEYDOWN:
            return event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
        if event.type == pygame.MOUSEMOTION:
            self.hover = self.button(ctx, logical).hit(ctx, event.pos)
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return ctx.viewport.rect(*logical).collidepoint(event.pos)
        return False

    def draw(self, surface: pygame.Surface, ctx: Context, logical: pygame.Rect) -> None:
        th = ctx.theme
        vp = ctx.viewport
        rect = vp.rect(*logical)
        panel(surface, rect, ctx, colour=th.surface, border=th.accent, width=3)
        left = logical.left + PAD
        inner_w = logical.width - 2 * PAD
        y = logical.top + PAD
        title = blit_text(surface, ctx, "Coach", vp.point(left, y), "large", th.accent, bold=True)
        y += line_height(ctx, "large", True) + 8
        if self.step.principle:
            if self._chip_below(ctx, logical.width):
                chip(surface, ctx, fit_text(ctx, self.step.principle, "small", vp.px(inner_w - 24), True),
                     vp.point(left, y), th.accent)
                y += line_height(ctx, "small", True) + 16
            else:
                chip(surface, ctx, self.step.principle, (title.right + vp.px(14), title.centery), th.accent,
                     anchor="midleft")
        said = said_line(self.step)
        h = logical_height(ctx, said, inner_w, "small")
        blit_paragraph(surface, ctx, said, vp.rect(left, y, inner_w, h + 4), "small", th.text_muted)
        y += h + 10
        text = self.step.feedback or "No comment from the coach here."
        h = logical_height(ctx, text, inner_w, self.token)
        blit_paragraph(surface, ctx, text, vp.rect(left, y, inner_w, h + 4), self.token, th.text)
        y += h + 12
        draw_runs(surface, ctx, self._runs(ctx), vp.point(left, y), vp.px(inner_w), "small", True)
        btn = self.button(ctx, logical)
        btn.selected = True
        btn.draw(surface, ctx, hovered=self.hover)
        if self.hover:
            focus_ring(surface, btn.rect(ctx), ctx)
