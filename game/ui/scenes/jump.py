"""A small text-entry overlay: type a node id (Tab completes), Enter jumps there, Esc closes."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import pygame

from ..context import Context
from ..scene import Pop, Scene, Transition
from ..widgets import blit_text, panel

SHOWN = 6  # matching ids listed under the entry


@dataclass(frozen=True)
class JumpTo:
    """What the overlay pops with when the author picks an id."""

    node: str


class JumpOverlay(Scene):
    opaque = False

    def __init__(self, nodes: list[str], endings: list[str] | None = None) -> None:
        super().__init__()
        self.ids = [*nodes, *(endings or [])]
        self.text = ""
        self.message = ""

    def matches(self) -> list[str]:
        typed = self.text.strip()
        starts = [i for i in self.ids if i.startswith(typed)]
        return starts + [i for i in self.ids if typed and typed in i and i not in starts]

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type != pygame.KEYDOWN:
            return None
        self.dirty = True
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            typed = self.text.strip()
            if typed in self.ids:
                return Pop(JumpTo(typed))
            close = difflib.get_close_matches(typed, self.ids, n=1, cutoff=0.6)
            self.message = f"There is no node '{typed}'" + (f"; did you mean '{close[0]}'?" if close else ".")
            return None
        if event.key == pygame.K_BACKSPACE:
            self.text, self.message = self.text[:-1], ""
        elif event.key == pygame.K_TAB:
            found = self.matches()
            if found:
                self.text = found[0]
        elif getattr(event, "unicode", "") and event.unicode.isprintable() and len(self.text) < 64:
            self.text, self.message = self.text + event.unicode, ""
        return None

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th, vp = ctx.theme, ctx.viewport
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 140))
        surface.blit(veil, (0, 0))
        box = vp.rect(vp.width / 2 - 300, 120, 600, 150 + 30 * SHOWN)
        panel(surface, box, ctx, colour=th.surface, border=th.accent, width=2)
        x, y = box.left + vp.px(24), box.top + vp.px(20)
        blit_text(surface, ctx, "Jump to a node (Tab completes, Enter jumps, Esc closes)", (x, y), "small",
                  th.text_muted)
        y += vp.px(34)
        caret = "|" if int(ctx.time * 2) % 2 == 0 else " "
        blit_text(surface, ctx, self.text + caret, (x, y), "large", th.text, True)
        y += vp.px(46)
        if self.message:
            blit_text(surface, ctx, self.message, (x, y), "small", th.bad)
            y += vp.px(30)
        for nid in self.matches()[:SHOWN]:
            blit_text(surface, ctx, nid, (x, y), "small", th.text)
            y += vp.px(28)
