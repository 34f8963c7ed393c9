"""Settings: text size and speed, sound and volume, colours, full screen, facilitator mode. Saved as you go."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..context import Context
from ..menu.backdrop import Backdrop
from ..menu.fit import line_at, paragraph_at
from ..menu.options import ROWS, OptionRow
from ..menu.prefs import apply_settings
from ..scene import Pop, Push, Scene, Transition
from ..widgets import Button, blit_paragraph, blit_text, focus_ring, panel, paragraph_height

SAMPLE = "\u201cThanks for waiting. Let me see what I can do for you right now.\u201d"
PREVIEW_FIELDS = ("text_speed", "text_size", "theme")
DEFAULT_HINT = "Your choices are kept for next time."
FITS = (1.0, 0.92, 0.84, 0.76, 0.68, 0.6)  # text shrinks in these steps when the chosen size cannot fit
SAVE_PROBLEM_SAMPLE = ("Your settings could not be saved (No space left on device). They will last until you "
                       "close the game.")  # sizes the message area


@dataclass
class RowGeometry:
    row: pygame.Rect  # logical
    left: pygame.Rect
    value: pygame.Rect
    right: pygame.Rect


def arrow(surface: pygame.Surface, box: pygame.Rect, direction: int, colour) -> None:
    """A small triangle pointing left (-1) or right (+1) in the middle of box."""
    half = max(3, box.height // 5)
    cx, cy = box.center
    tip = (cx + direction * half, cy)
    back = cx - direction * half
    pygame.draw.polygon(surface, colour, [tip, (back, cy - half), (back, cy + half)])


class SettingsScene(Scene):
    """Up/Down pick a row, Left/Right change it, Enter moves it on; Esc or Done goes back."""

    def __init__(self) -> None:
        super().__init__()
        self.focus = 0
        self.hover: int | None = None
        self.hover_part: str | None = None
        self.message: str | None = None
        self.backdrop = Backdrop("office", veil=190)
        self._key: tuple | None = None
        self.rows: list[RowGeometry] = []
        self.done = Button("Done", (0, 0, 10, 10))
        self.panel_rect = pygame.Rect(0, 0, 1, 1)
        self.preview_rect: pygame.Rect | None = None
        self.hint_top = 0
        self.hint_h = 0.0
        self._shown = 0.0
        self.fit = 1.0
        self.records_line = ""  # who is playing and the LRS state, in words (when plays are recorded)
        self.records_top = 0.0
        self._records_age = 0.0

    @property
    def done_index(self) -> int:
        return len(ROWS)

    # ---- layout (logical coordinates) ----------------------------------------------------------
    def _px(self, ctx: Context, token: str) -> int:
        """A text size in window pixels, shrunk by the fit factor this layout needed."""
        return max(8, round(ctx.px(token) * self.fit))

    def _text_w(self, ctx: Context, text: str, token: str, bold: bool = False) -> float:
        return ctx.text.font(self._px(ctx, token), bold).size(text)[0] / ctx.viewport.scale

    def _ensure_layout(self, ctx: Context) -> None:
        th = ctx.theme
        key = (ctx.viewport.window, th.name, th.font_scale)
        if key == self._key:
            return
        self._key = key
        # The largest text (at most the chosen size) at which every row, the hint and the dialogue preview (at
        # the real dialogue size, so it shows what play will look like) fit the window; the preview gives way
        # only when nothing else would fit.
        for fit in FITS:
            self.fit = fit
            if self._layout(ctx):
                return
        for fit in FITS:
            self.fit = fit
            if self._layout(ctx, preview=False):
                return

    def _preview_height(self, ctx: Context, width: float) -> float:
        """The dialogue preview's logical height: its label, then the sample at the real dialogue size."""
        vp = ctx.viewport
        label = ctx.text.line_height(ctx.px("small")) / vp.scale
        sample = paragraph_height(ctx, SAMPLE, vp.px(width) - 2 * vp.px(14)) / vp.scale
        return 4 + label + 6 + sample + 14

    def _layout(self, ctx: Context, preview: bool = True) -> bool:
        """Lay out at the current fit factor; False when the rows, the hint or (when `preview`) the dialogue
        preview would not fit."""
        th = ctx.theme
        vp = ctx.viewport
        body = th.px("body") * self.fit
        title_h = th.px("title") * self.fit * 1.3
        gap = 6
        width = min(vp.width - 60, 880)
        left = (vp.width - width) / 2
        top = 24
        hints = [row.hint for row in ROWS] + [DEFAULT_HINT, SAVE_PROBLEM_SAMPLE]
        small = self._px(ctx, "small")
        hint_w = vp.px(width - 16)
        hint_h = max(len(ctx.text.wrap(h, small, hint_w)) for h in hints) * ctx.text.line_height(small) / vp.scale
        records_h = 8 + paragraph_height(ctx, self.records_line, hint_w, "small") / vp.scale if self.records_line \
            else 0.0
        preview_h = self._preview_height(ctx, width) if preview else 0.0
        # The room for the rows: what is left after the title, the hint (and records line) and the preview, with
        # the same margins as `needed_h` below.
        room = vp.height - (top + title_h + 20) - (6 + hint_h + records_h + 16 + 8) - (preview_h + 14 if preview else 0)
        line = ctx.text.line_height(self._px(ctx, "body"), True) / vp.scale
        row_h = max(line + 10, min(max(52, body * 1.2 + 18), room / len(ROWS) - gap))
        words = [row.words(v) for row in ROWS for v in row.values]
        value_w = max(max(self._text_w(ctx, w, "body", bold=True) for w in words) + 36, 200 * self.fit)
        label_w = max(self._text_w(ctx, row.label, "body", bold=True) for row in ROWS)
        arrow = row_h - 14
        needed_w = 18 + label_w + 16 + 2 * (arrow + 8) + value_w + 12
        needed_h = top + title_h + 20 + len(ROWS) * (row_h + gap) + 6 + hint_h + records_h + 16 + 8
        if preview:
            needed_h += preview_h + 14
        if (self.fit > FITS[-1] or preview) and (needed_w > width or needed_h > vp.height):
            return False
        self.rows = []
        y = top + title_h + 20
        for _ in ROWS:
            row = pygame.Rect(round(left), round(y), round(width), round(row_h))
            right = pygame.Rect(row.right - 12 - arrow, row.top + 7, arrow, arrow)
            value = pygame.Rect(right.left - 8 - value_w, row.top + 7, value_w, arrow)
            left_btn = pygame.Rect(value.left - 8 - arrow, row.top + 7, arrow, arrow)
            self.rows.append(RowGeometry(row, left_btn, value, right))
            y += row_h + gap
        self.hint_top = y + 6
        self.hint_h = hint_h
        self.records_top = self.hint_top + hint_h + 8
        hint_h += records_h
        done_w = ctx.text.font(ctx.px("body")).size("Done")[0] / vp.scale + 40
        done_h = min(title_h, max(row_h, ctx.text.line_height(ctx.px("body")) / vp.scale + 14))
        self.done = Button("Done", (left + width - done_w, top + (title_h - done_h) / 2, done_w, done_h))
        preview_top = self.hint_top + hint_h + 14
        bottom_text = self.hint_top + hint_h
        if preview and preview_top + preview_h <= vp.height - 12:
            self.preview_rect = pygame.Rect(round(left), round(preview_top), round(width), round(preview_h))
        else:
            self.preview_rect = None
        bottom = (self.preview_rect.bottom if self.preview_rect else bottom_text) + 16
        self.panel_rect = pygame.Rect(round(left - 20), 8, round(width + 40), round(min(vp.height - 16, bottom)))
        return True

    # ---- scene contract ------------------------------------------------------------------------
    def enter(self, ctx: Context) -> None:
        self._restart_preview(ctx)
        self._read_records(ctx)

    def _read_records(self, ctx: Context) -> None:
        """Who is playing and the LRS state ("12 records waiting to be sent..."), re-read every few seconds."""
        self._records_age = 0.0
        if ctx.records is None:
            return
        current = ctx.progress.current
        line = f"Playing as {current.label if current else 'Player'} (L to change). {ctx.records.status_words()}"
        if line != self.records_line:
            self.records_line, self._key, self.dirty = line, None, True

    def resume(self, ctx: Context, result: object = None) -> None:
        self.dirty = True
        self._read_records(ctx)

    def layout_changed(self, ctx: Context) -> None:
        self._key = None
        self.dirty = True

    def animating(self) -> bool:
        return self.preview_rect is not None and self._shown < len(SAMPLE)

    def update(self, dt: float, ctx: Context) -> Transition | None:
        self._records_age += dt
        if self._records_age >= 3.0:
            self._read_records(ctx)
        if self.animating():
            self._shown = min(float(len(SAMPLE)), self._shown + dt * ctx.settings.chars_per_second)
        return None

    def _restart_preview(self, ctx: Context) -> None:
        self._shown = float(len(SAMPLE)) if ctx.settings.instant_text else 0.0

    def _change(self, ctx: Context, row: OptionRow, direction: int) -> None:
        if row.at_end(ctx.settings, direction):
            return
        old = ctx.settings
        new = row.step(old, direction)
        self.message = apply_settings(ctx, new)
        if row.key in PREVIEW_FIELDS:
            self._restart_preview(ctx)
        if row.key == "sound" and not new.sound:
            return
        ctx.audio.play("click")

    def _activate(self, ctx: Context, index: int, direction: int = 1) -> Transition | None:
        if index == self.done_index:
            return Pop()
        self._change(ctx, ROWS[index], direction)
        return None

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        self._ensure_layout(ctx)
        count = len(ROWS) + 1
        if event.type == pygame.KEYDOWN:
            self.dirty = True
            key = event.key
            shift = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
            if key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
                return Pop()
            if key == pygame.K_l and ctx.records is not None:
                from .learner import LearnersScene

                return Push(LearnersScene())
            if key == pygame.K_DOWN or (key == pygame.K_TAB and not shift):
                self.focus = (self.focus + 1) % count
            elif key == pygame.K_UP or (key == pygame.K_TAB and shift):
                self.focus = (self.focus - 1) % count
            elif key in (pygame.K_HOME, pygame.K_PAGEUP):
                self.focus = 0
            elif key in (pygame.K_END, pygame.K_PAGEDOWN):
                self.focus = self.done_index
            elif key in (pygame.K_LEFT, pygame.K_RIGHT) and self.focus < len(ROWS):
                self._change(ctx, ROWS[self.focus], -1 if key == pygame.K_LEFT else 1)
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self._activate(ctx, self.focus)
            elif pygame.K_1 <= key <= pygame.K_9 and key - pygame.K_1 < count:
                self.focus = key - pygame.K_1
        elif event.type == pygame.MOUSEMOTION:
            hover = self._hit(ctx, event.pos)
            if hover != (self.hover, self.hover_part):
                self.hover, self.hover_part = hover
                self.dirty = True
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            index, part = self._hit(ctx, event.pos)
            if index is None:
                return None
            self.focus = index
            self.dirty = True
            return self._activate(ctx, index, -1 if part == "left" else 1)
        return None

    def _hit(self, ctx: Context, pos: tuple[int, int]) -> tuple[int | None, str | None]:
        x, y = ctx.viewport.to_logical(pos)
        if self.done.rect(ctx).collidepoint(pos):
            return self.done_index, "button"
        for i, g in enumerate(self.rows):
            if g.row.collidepoint(x, y):
                if g.left.collidepoint(x, y):
                    return i, "left"
                if g.right.collidepoint(x, y):
                    return i, "right"
                return i, "row"
        return None, None

    # ---- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        self._ensure_layout(ctx)
        th = ctx.theme
        vp = ctx.viewport
        self.backdrop.draw(surface, ctx)
        panel(surface, vp.rect(*self.panel_rect), ctx, colour=th.background, border=th.border, width=1)
        first = self.rows[0].row
        title_h = first.top - 20 - 24
        line_at(surface, ctx, "Settings", vp.point(first.left, 24 + title_h / 2), self._px(ctx, "title"), th.text,
                bold=True, anchor="midleft")
        self.done.draw(surface, ctx, hovered=self.hover == self.done_index, focused=self.focus == self.done_index)
        for i, (row, g) in enumerate(zip(ROWS, self.rows, strict=True)):
            self._draw_row(surface, ctx, row, g, i)
        hint_row = ROWS[self.focus] if self.focus < len(ROWS) else None
        hint = hint_row.hint if hint_row else DEFAULT_HINT
        if self.message:
            hint = self.message
        area = vp.rect(first.left + 8, self.hint_top, first.width - 16, self.hint_h + 20)
        paragraph_at(surface, ctx, hint, area, self._px(ctx, "small"), th.bad if self.message else th.text_muted)
        if self.records_line:
            area = vp.rect(first.left + 8, self.records_top, first.width - 16, self.hint_h + 60)
            paragraph_at(surface, ctx, self.records_line, area, self._px(ctx, "small"), th.text)
        if self.preview_rect is not None:
            self._draw_preview(surface, ctx)

    def _draw_row(self, surface: pygame.Surface, ctx: Context, row: OptionRow, g: RowGeometry, i: int) -> None:
        th = ctx.theme
        vp = ctx.viewport
        focused = i == self.focus
        hovered = i == self.hover
        rect = vp.rect(*g.row)
        panel(surface, rect, ctx, colour=th.surface_alt if hovered else th.surface,
              border=th.accent if focused or hovered else th.border, width=2)
        body = self._px(ctx, "body")
        line_at(surface, ctx, row.label, (rect.left + vp.px(18), rect.centery), body, th.text, bold=focused,
                anchor="midleft")
        settings = ctx.settings
        value_rect = vp.rect(*g.value)
        panel(surface, value_rect, ctx, colour=th.background, border=th.border, width=1, radius=8)
        if row.key == "volume":
            fill = value_rect.inflate(-vp.px(16), 0)
            fill.height = vp.px(4)
            fill.bottom = value_rect.bottom - vp.px(5)
            pygame.draw.rect(surface, th.border, fill)
            fill.width = round(fill.width * settings.volume)
            pygame.draw.rect(surface, th.accent, fill)
        centre = (value_rect.centerx, value_rect.centery - (vp.px(4) if row.key == "volume" else 0))
        line_at(surface, ctx, row.shown(settings), centre, body, th.text, bold=True, anchor="center")
        for part, direction in (("left", -1), ("right", 1)):
            box = vp.rect(*getattr(g, part))
            lit = hovered and self.hover_part == part
            disabled = row.at_end(settings, direction)
            panel(surface, box, ctx, colour=th.accent if lit and not disabled else th.surface_alt,
                  border=th.border, width=1, radius=8)
            colour = th.accent_text if lit and not disabled else (th.border if disabled else th.text)
            arrow(surface, box, direction, colour)
        if focused:
            focus_ring(surface, rect, ctx)

    def _draw_preview(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        rect = vp.rect(*self.preview_rect)
        panel(surface, rect, ctx, colour=th.surface, border=th.border, width=1)
        pad = vp.px(14)
        label = blit_text(surface, ctx, "How dialogue will look:", (rect.left + pad, rect.top + pad // 2 + 4),
                          "small", th.text_muted)
        area = pygame.Rect(rect.left + pad, label.bottom + vp.px(6), rect.width - 2 * pad, rect.bottom - label.bottom)
        blit_paragraph(surface, ctx, SAMPLE, area, "body", max_chars=int(self._shown))
