"""The coach's card after each choice: the principle, what the choice did, and the meter changes."""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from ...engine import TIMEOUT, Step
from ..context import Context
from ..widgets import Button, blit_paragraph, blit_text, focus_ring, panel
from .chrome import button_width
from .layout import line_height, logical_height
from .meters import delta_text

PAD = 20
BUTTON_H = 50
CONTINUE = "Continue"


def said_line(step: Step) -> str:
    """What the player did, in a short line."""
    if step.kind == TIMEOUT:
        return f"Time ran out: {step.text}"
    return f"You: {step.text}"


def delta_parts(step: Step, labels: Mapping[str, str]) -> list[tuple[str, int]]:
    """(text, sign) for each meter that moved, e.g. ('Satisfaction ▲ +6', 1)."""
    out = []
    for mid, d in step.deltas.items():
        if d and mid in labels:
            out.append((f"{labels[mid]} {delta_text(d)}", 1 if d > 0 else -1))
    return out


class FeedbackCard:
    """Shows a Step's feedback; Enter, Space or a click on the card (or its button) dismisses it."""

    def __init__(self, step: Step, labels: Mapping[str, str]) -> None:
        self.step = step
        self.labels = dict(labels)
        self.parts = delta_parts(step, labels)
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

    def height(self, ctx: Context, width: float) -> float:
        inner = width - 2 * PAD
        h = PAD + line_height(ctx, "large", True) + 8
        h += logical_height(ctx, said_line(self.step), inner, "small") + 10
        h += logical_height(ctx, self.step.feedback or "No comment from the coach here.", inner, self.token) + 12
        h += line_height(ctx, "small", True) + 14
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
        if self.step.principle:
            chip_text = self.step.principle
            px = ctx.px("small")
            img = ctx.text.render(chip_text, px, th.accent_text, True)
            chip = img.get_rect(midleft=(title.right + vp.px(14), title.centery)).inflate(vp.px(20), vp.px(8))
            chip.left = title.right + vp.px(14)
            pygame.draw.rect(surface, th.accent, chip, border_radius=chip.height // 2)
            surface.blit(img, img.get_rect(center=chip.center))
        y += line_height(ctx, "large", True) + 8
        said = said_line(self.step)
        h = logical_height(ctx, said, inner_w, "small")
        blit_paragraph(surface, ctx, said, vp.rect(left, y, inner_w, h + 4), "small", th.text_muted)
        y += h + 10
        text = self.step.feedback or "No comment from the coach here."
        h = logical_height(ctx, text, inner_w, self.token)
        blit_paragraph(surface, ctx, text, vp.rect(left, y, inner_w, h + 4), self.token, th.text)
        y += h + 12
        x = vp.point(left, y)[0]
        for part, sign in self.parts:
            r = blit_text(surface, ctx, part, (x, vp.point(0, y)[1]), "small", th.good if sign > 0 else th.bad,
                          bold=True)
            x = r.right + vp.px(24)
        if not self.parts:
            blit_text(surface, ctx, "No change to the meters", vp.point(left, y), "small", th.text_muted)
        btn = self.button(ctx, logical)
        btn.selected = True
        btn.draw(surface, ctx, hovered=self.hover)
        if self.hover:
            focus_ring(surface, btn.rect(ctx), ctx)
