"""What was said so far, and an overlay to read it again (H or the mouse wheel; H, Esc or Enter closes)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...engine import TIMEOUT, Playthrough
from ..context import Context
from ..scene import Pop, Scene, Transition
from ..widgets import blit_paragraph, blit_text, panel, paragraph_height
from .speech import speaker_label


@dataclass(frozen=True)
class Entry:
    """One line of the conversation: who ('' for the narrator), what, and whether it was the player."""

    who: str
    text: str
    mine: bool = False


def history_entries(play: Playthrough, upcoming: bool = True) -> list[Entry]:
    """The conversation up to now, rebuilt by replaying the decisions: each voice of a node on its own line,
    the player's words, and the customer's reply to them (texts as they were shown). `upcoming` False leaves
    out the node the play has moved on to (after a choice, while her reply or the coach's card shows)."""
    replay = Playthrough(play.scenario, start=play.start, seed=play.seed)
    out: list[Entry] = []
    for step in play.history:
        out.extend(Entry(speaker_label(b.speaker), b.text) for b in replay.beats)
        out.append(Entry("You" if step.kind != TIMEOUT else "Time ran out", step.text, mine=True))
        if step.reply is not None:
            out.append(Entry(speaker_label(step.reply.speaker), step.reply.text))
        if step.kind == TIMEOUT:
            replay.timeout()
        else:
            replay.choose(step.number - 1)
    if upcoming and replay.node is not None:
        out.extend(Entry(speaker_label(b.speaker), b.text) for b in replay.beats)
    return out


class HistoryOverlay(Scene):
    """A scrollable panel of the conversation over the paused play screen."""

    opaque = False
    CLOSE_KEYS = (pygame.K_h, pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER)

    def __init__(self, entries: list[Entry], title: str = "What was said") -> None:
        super().__init__()
        self.entries = entries
        self.title = title
        self.scroll = 0  # window pixels from the bottom of the content
        self._veil: pygame.Surface | None = None

    def _panel(self, ctx: Context) -> pygame.Rect:
        vp = ctx.viewport
        w = min(900, vp.width - 80)
        return pygame.Rect(round((vp.width - w) / 2), 40, w, vp.height - 80)

    def _content_height(self, ctx: Context, width: int) -> int:
        total = 0
        for e in self.entries:
            total += self._entry_height(ctx, e, width)
        return total

    def _entry_height(self, ctx: Context, e: Entry, width: int) -> int:
        gap = ctx.viewport.px(14)
        name = ctx.text.line_height(ctx.px("small"), True) if e.who else 0
        return name + paragraph_height(ctx, e.text, width, "body") + gap

    def _max_scroll(self, ctx: Context) -> int:
        body = self._body(ctx)
        return max(0, self._content_height(ctx, body.width) - body.height)

    def _body(self, ctx: Context) -> pygame.Rect:
        vp = ctx.viewport
        r = self._panel(ctx)
        return vp.rect(r.left + 28, r.top + 70, r.width - 56, r.height - 70 - 48)

    def _scroll_by(self, ctx: Context, dy: int) -> None:
        new = max(0, min(self._max_scroll(ctx), self.scroll + dy))
        if new != self.scroll:
            self.scroll = new
            self.dirty = True

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        step = ctx.viewport.px(60)
        if event.type == pygame.KEYDOWN:
            if event.key in self.CLOSE_KEYS:
                return Pop("history")
            if event.key == pygame.K_UP:
                self._scroll_by(ctx, step)
            elif event.key == pygame.K_DOWN:
                self._scroll_by(ctx, -step)
            elif event.key == pygame.K_PAGEUP:
                self._scroll_by(ctx, self._body(ctx).height - step)
            elif event.key == pygame.K_PAGEDOWN:
                self._scroll_by(ctx, -(self._body(ctx).height - step))
            elif event.key == pygame.K_HOME:
                self._scroll_by(ctx, 10**9)
            elif event.key == pygame.K_END:
                self._scroll_by(ctx, -(10**9))
        elif event.type == pygame.MOUSEWHEEL:
            if event.y < 0 and self.scroll == 0:
                return Pop("history")
            self._scroll_by(ctx, event.y * step)
        elif (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
              and not ctx.viewport.rect(*self._panel(ctx)).collidepoint(event.pos)):
            return Pop("history")
        return None

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        if self._veil is None or self._veil.get_size() != surface.get_size():
            self._veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        self._veil.fill((*th.background, 215))
        surface.blit(self._veil, (0, 0))
        box = self._panel(ctx)
        panel(surface, vp.rect(*box), ctx, colour=th.surface, border=th.border, width=2)
        blit_text(surface, ctx, self.title, vp.point(box.left + 28, box.top + 20), "large", th.text, bold=True)
        body = self._body(ctx)
        total = self._content_height(ctx, body.width)
        y = body.top + min(0, body.height - total) + self.scroll
        clip = surface.get_clip()
        surface.set_clip(body)
        for e in self.entries:
            h = self._entry_height(ctx, e, body.width)
            if y + h >= body.top and y <= body.bottom:
                ty = y
                if e.who:
                    blit_text(surface, ctx, e.who, (body.left, y), "small", th.accent if not e.mine else th.good,
                              bold=True)
                    ty += ctx.text.line_height(ctx.px("small"), True)
                colour = th.text if e.who else th.text_muted
                blit_paragraph(surface, ctx, e.text, pygame.Rect(body.left, ty, body.width, h), "body", colour)
            y += h
        surface.set_clip(clip)
        hint = "↑ ↓ or the mouse wheel to scroll · H, Esc or Enter to close"
        blit_text(surface, ctx, hint, vp.point(box.centerx, box.bottom - 14), "small", th.text_muted,
                  anchor="midbottom")
