"""Drawing helpers for the classroom screens that also record where text went, so tests can prove nothing
is clipped: every text block's rect must sit inside its panel and inside the screen."""

from __future__ import annotations

import pygame

from ..context import Context
from ..play.chrome import fit_text
from ..stage.textlog import TextLog
from ..text import line_x
from ..widgets import blit_text

FOOTER_H = 52
TOP_H = 60
MARGIN = 24


CUTS: list[str] | None = None  # a list (in tests) collects every text these helpers had to shorten to fit


def note_cut(text: str) -> None:
    if CUTS is not None:
        CUTS.append(text)


#: The classroom screens record their text like the stage does (one recorder, one `problems()` for tests).
Recorder = TextLog


def lines_for(ctx: Context, text: str, token: str, width: int, bold: bool = False,
              max_lines: int | None = None) -> list[str]:
    """Wrapped lines; with max_lines, the last kept line ends with an ellipsis when text was cut."""
    lines = ctx.text.wrap(text, ctx.px(token), max(1, width), bold)
    if max_lines is not None and len(lines) > max_lines:
        note_cut(text)
        kept = lines[:max_lines]
        kept[-1] = fit_text(ctx, kept[-1] + " …", token, width, bold)
        if not kept[-1].endswith("…"):
            kept[-1] = fit_text(ctx, kept[-1].rstrip(" .") + "…", token, width, bold)
        return kept
    return lines


def text_height(ctx: Context, text: str, token: str, width: int, bold: bool = False,
                max_lines: int | None = None) -> int:
    """Window-pixel height of a paragraph."""
    n = len(lines_for(ctx, text, token, width, bold, max_lines))
    return n * ctx.text.line_height(ctx.px(token), bold)


def logical_text_height(ctx: Context, text: str, token: str, width: float, bold: bool = False,
                        max_lines: int | None = None) -> float:
    vp = ctx.viewport
    return text_height(ctx, text, token, vp.px(width), bold, max_lines) / vp.scale


def logical_line(ctx: Context, token: str, bold: bool = False) -> float:
    return ctx.text.line_height(ctx.px(token), bold) / ctx.viewport.scale


def paragraph(surface: pygame.Surface, ctx: Context, rec: Recorder, text: str, rect: pygame.Rect,
              token: str = "body", colour=None, bold: bool = False, max_lines: int | None = None,
              box: pygame.Rect | None = None) -> int:
    """Draw wrapped text at rect (window px) and record it against `box` (default: rect). Returns height."""
    px = ctx.px(token)
    step = ctx.text.line_height(px, bold)
    colour = colour or ctx.theme.text
    lines = lines_for(ctx, text, token, rect.width, bold, max_lines)
    spans: list[tuple[int, int]] = []
    y = rect.top
    for line in lines:
        if line:
            img = ctx.text.render(line, px, colour, bold)
            x = line_x(line, rect.left, rect.width, img.get_width())
            surface.blit(img, (x, y))
            spans.append((x, x + img.get_width()))
        y += step
    lo = min((a for a, _ in spans), default=rect.left)
    hi = max((b for _, b in spans), default=rect.left)
    used = pygame.Rect(lo, rect.top, hi - lo, len(lines) * step)
    rec.add(text, used, box or rect)
    return used.height


def line(surface: pygame.Surface, ctx: Context, rec: Recorder, text: str, pos: tuple[int, int],
         token: str = "body", colour=None, bold: bool = False, anchor: str = "topleft",
         box: pygame.Rect | None = None, max_width: int | None = None) -> pygame.Rect:
    """One line (shortened with an ellipsis to max_width), recorded against box (default: the screen)."""
    if max_width is not None:
        fitted = fit_text(ctx, text, token, max_width, bold)
        if fitted != text:
            note_cut(text)
        text = fitted
    r = blit_text(surface, ctx, text, pos, token, colour, bold, anchor)
    rec.add(text, r, box or surface.get_rect())
    return r


def top_bar(surface: pygame.Surface, ctx: Context, rec: Recorder, title: str, right: str = "",
            right_colour=None) -> None:
    """The title on the left and a status on the right, on a band across the top."""
    th = ctx.theme
    vp = ctx.viewport
    band = vp.rect(0, 0, vp.width, TOP_H)
    pygame.draw.rect(surface, th.surface, band)
    pygame.draw.line(surface, th.border, band.bottomleft, (band.right - 1, band.bottom), max(1, vp.px(2)))
    y = TOP_H / 2
    room = vp.px(vp.width - 2 * MARGIN)
    if right:
        r = line(surface, ctx, rec, right, vp.point(vp.width - MARGIN, y), "small", right_colour or th.accent,
                 bold=True, anchor="midright", box=band, max_width=room // 2)
        room = r.left - vp.px(MARGIN + 16) - band.left
    line(surface, ctx, rec, title, vp.point(MARGIN, y), "large", th.text, bold=True, anchor="midleft", box=band,
         max_width=room)


def footer(surface: pygame.Surface, ctx: Context, rec: Recorder, hint: str, notice: str = "") -> None:
    """The next step on a band across the bottom, where the facilitator looks for it. A notice takes the
    band's place when it fits on one line; a longer one (an export folder) sits in a box just above it."""
    th = ctx.theme
    vp = ctx.viewport
    band = vp.rect(0, vp.height - FOOTER_H, vp.width, FOOTER_H)
    pygame.draw.rect(surface, th.surface, band)
    pygame.draw.line(surface, th.border, band.topleft, (band.right - 1, band.top), max(1, vp.px(2)))
    room = vp.px(vp.width - 2 * MARGIN)
    short = notice and ctx.text.font(ctx.px("small"), True).size(notice)[0] <= room
    text, colour = (notice, th.warn) if short else (hint, th.text_muted)
    line(surface, ctx, rec, text, vp.point(MARGIN, vp.height - FOOTER_H / 2), "small", colour,
         bold=bool(short), anchor="midleft", box=band, max_width=room)
    if notice and not short:
        inner = room - 2 * vp.px(16)
        h = text_height(ctx, notice, "small", inner, True, max_lines=3)
        box = pygame.Rect(vp.point(MARGIN, 0)[0], band.top - h - 2 * vp.px(12) - vp.px(8), room,
                          h + 2 * vp.px(12))
        pygame.draw.rect(surface, th.surface, box, border_radius=vp.px(th.radius))
        pygame.draw.rect(surface, th.warn, box, width=max(1, vp.px(3)), border_radius=vp.px(th.radius))
        paragraph(surface, ctx, rec, notice, box.inflate(-2 * vp.px(16), -2 * vp.px(12)), "small", th.warn,
                  bold=True, max_lines=3, box=box)
