"""The speech panel: who speaks and what they say, with an optional typewriter reveal."""

from __future__ import annotations

import pygame

from ..context import Context
from ..widgets import blit_paragraph, blit_text, panel
from .layout import SPEECH_PAD


class Typewriter:
    """Reveals text at a number of characters per second; `complete()` shows it all at once."""

    def __init__(self, text: str, chars_per_second: float) -> None:
        self.text = text
        self.cps = max(1.0, chars_per_second)
        self.shown = float(len(text)) if self.cps >= 10_000 else 0.0

    @property
    def done(self) -> bool:
        return self.shown >= len(self.text)

    @property
    def chars(self) -> int:
        return len(self.text) if self.done else int(self.shown)

    def update(self, dt: float) -> bool:
        """Advance; True when more text became visible."""
        if self.done:
            return False
        before = int(self.shown)
        self.shown = min(float(len(self.text)), self.shown + self.cps * dt)
        return int(self.shown) != before

    def complete(self) -> bool:
        """Show everything; True if anything was still hidden."""
        if self.done:
            return False
        self.shown = float(len(self.text))
        return True


def speaker_label(speaker: str) -> str:
    """How a speaker is named on screen ('' for the narrator, whose words are set in italics-like muted text)."""
    return "" if speaker.strip().lower() == "narrator" else speaker


def draw_speech(surface: pygame.Surface, ctx: Context, logical: pygame.Rect, speaker: str, text: str,
                chars: int | None = None) -> None:
    """Draw the speech panel: the speaker's name (omitted for the narrator) and the text up to `chars`."""
    th = ctx.theme
    rect = ctx.viewport.rect(*logical)
    panel(surface, rect, ctx, colour=th.surface, border=th.border, width=2)
    pad = ctx.viewport.px(SPEECH_PAD)
    inner = rect.inflate(-2 * pad, -2 * pad)
    y = inner.top
    name = speaker_label(speaker)
    if name:
        r = blit_text(surface, ctx, name, (inner.left, y), "large", th.accent, bold=True)
        y = r.top + ctx.text.line_height(ctx.px("large"), True) + ctx.viewport.px(6)
    colour = th.text if name else th.text_muted
    blit_paragraph(surface, ctx, text, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), "body", colour,
                   max_chars=chars)
