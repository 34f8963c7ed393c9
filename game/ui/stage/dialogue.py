"""The dialogue box along the bottom of the stage: a nameplate tab above its edge, the line being said, and a
continue mark when the line waits for a key. Narration has no nameplate and leans, in a muted colour."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..context import Context
from ..play.chrome import text_width
from .glass import glass
from .layout import BOX_PAD_X, BOX_PAD_Y, MARK_ROOM
from .textlog import TextLog, line, paragraph

MARK = "▼"
BLINK_SECONDS = 3.0  # the continue mark blinks this long after it appears, then stays (so the screen can sleep)


def mark_showing(waited: float, now: float) -> bool:
    """Whether the blinking continue mark is lit: on and off twice a second for a while, then steadily on."""
    return waited >= BLINK_SECONDS or int(now * 2.5) % 2 == 0


def draw_nameplate(surface: pygame.Surface, ctx: Context, log: TextLog | None, box: pygame.Rect, tab_h: float,
                   name: str, detail: str = "", max_right: int | None = None) -> pygame.Rect:
    """The speaker's name on a tab standing on the box's top edge, and their role beside it when the tab
    then still ends before `max_right` (window pixels; the box's width by default)."""
    th = ctx.theme
    vp = ctx.viewport
    pad = vp.px(16)
    name_w = text_width(ctx, name, "body", True)
    left = box.left + vp.px(BOX_PAD_X) - pad
    room = (box.right - vp.px(BOX_PAD_X) if max_right is None else max_right) - left
    detail_w = text_width(ctx, detail, "small") + vp.px(14) if detail else 0
    if name_w + detail_w + 2 * pad > room:
        detail_w = 0
    h = vp.px(tab_h)
    tab = pygame.Rect(left, box.top - h + vp.px(6), name_w + detail_w + 2 * pad, h)
    pygame.draw.rect(surface, th.accent, tab, border_radius=vp.px(10))
    line(surface, ctx, log, name, (tab.left + pad, tab.centery), "body", th.accent_text, tab, bold=True,
         anchor="midleft")
    if detail_w:
        line(surface, ctx, log, detail, (tab.left + pad + name_w + vp.px(14), tab.centery), "small",
             th.accent_text, tab, anchor="midleft")
    return tab


def draw_dialogue(surface: pygame.Surface, ctx: Context, log: TextLog | None, logical: pygame.Rect, tab_h: float,
                  name: str, text: str, chars: int | None = None, detail: str = "", waiting: bool = False,
                  mark_on: bool = True, tab_right: int | None = None,
                  parts: Sequence[tuple[str, bool]] = ()) -> None:
    """The box at `logical`: `name` ('' for narration) on its tab, `text` typed up to `chars`, and the
    continue mark when `waiting` (lit when `mark_on`); the nameplate's role stops before `tab_right`.
    `parts` (text, narrated), when given, are shown in turn in place of `text`, each in its own style
    (the classroom shows a page of a node's lines at once)."""
    th = ctx.theme
    vp = ctx.viewport
    box = vp.rect(*logical)
    narration = not name
    fill = th.surface_alt if narration else th.surface
    glass(surface, box, fill, 250, vp.px(th.radius), th.accent if not narration else th.border,
          max(1, vp.px(2)))
    inner = pygame.Rect(box.left + vp.px(BOX_PAD_X), box.top + vp.px(BOX_PAD_Y),
                        box.width - vp.px(2 * BOX_PAD_X + MARK_ROOM), box.height - vp.px(2 * BOX_PAD_Y))
    inside = box.inflate(-vp.px(8), -vp.px(4))
    if parts:
        gap = ctx.text.line_height(ctx.px("body"))
        for said, narrated in parts:
            used = paragraph(surface, ctx, log, said, inner, "body", th.text_muted if narrated else th.text,
                             slanted=narrated, box=inside)
            inner = pygame.Rect(inner.left, inner.top + used + gap, inner.width, inner.height)
    else:
        colour = th.text_muted if narration else th.text
        paragraph(surface, ctx, log, text, inner, "body", colour, max_chars=chars, slanted=narration, box=inside)
    if name:
        draw_nameplate(surface, ctx, log, box, tab_h, name, detail, tab_right)
    if waiting and mark_on:
        pos = (box.right - vp.px(BOX_PAD_X - 6), box.bottom - vp.px(BOX_PAD_Y - 4))
        line(surface, ctx, log, MARK, pos, "small", th.accent, box, bold=True, anchor="bottomright")
