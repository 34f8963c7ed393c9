"""The pause menu: an overlay that dims the screen below. Pops with "resume", "restart" or "menu".

Restart asks once before it throws the play away (Yes / No, by keys or mouse; No and Esc go back to the menu)."""

from __future__ import annotations

from typing import Any

import pygame

from ..context import Context
from ..scene import Pop, Push, Scene, Transition
from ..widgets import Button, FocusGroup, blit_paragraph, blit_text, panel, paragraph_height

RESUME, RESTART, MENU, QUIT = "resume", "restart", "menu", "quit"
YES, NO = "yes", "no"
CONFIRM_TITLE = "Start again from the beginning?"
CONFIRM_TEXT = "Your decisions so far will be lost."
CONFIRM_ENTRIES = [("Yes", YES), ("No", NO)]


class PauseScene(Scene):
    """Resume, Restart, Settings and Quit to menu. Esc resumes."""

    opaque = False

    def __init__(self, restart: bool = True, quit_label: str = "Quit to menu", quit_result: str = MENU,
                 title: str = "Paused", entries: list[tuple[str, str]] | None = None,
                 hint: str = "Esc to resume") -> None:
        super().__init__()
        self.title = title
        self.hint = hint
        self.entries: list[tuple[str, str]] = [("Resume", RESUME)]
        if restart:
            self.entries.append(("Restart", RESTART))
        self.entries += [("Settings", "settings"), (quit_label, quit_result)]
        if entries is not None:
            self.entries = list(entries)
        self.menu = (self.title, self.hint, list(self.entries))
        self.confirming = False  # asking whether to restart
        self.message = ""
        self.group = FocusGroup([])
        self._key: tuple | None = None
        self._veil: pygame.Surface | None = None
        self._veil_key: tuple | None = None
        self.box = pygame.Rect(0, 0, 1, 1)
        self._title_h = 0.0

    def _title_lines(self, ctx: Context, width: float) -> list[str]:
        return ctx.text.wrap(self.title, ctx.px("title"), max(1, ctx.viewport.px(width - 56)), True)

    def _message_height(self, ctx: Context, width: float) -> float:
        if not self.message:
            return 0.0
        return paragraph_height(ctx, self.message, max(1, ctx.viewport.px(width - 56))) / ctx.viewport.scale + 16

    def _ensure_layout(self, ctx: Context) -> None:
        th = ctx.theme
        key = (ctx.viewport.window, th.name, th.font_scale, self.confirming)
        if key == self._key:
            return
        self._key = key
        vp = ctx.viewport
        body = th.px("body")
        button_h = max(56, body * 1.2 + 22)
        gap = 12
        widest = max(ctx.text.font(ctx.px("body")).size(label)[0] for label, _ in self.entries) / vp.scale
        needed = widest + body + 12 + 16 * 3 + 56  # label, number badge, button paddings, box margins
        if self.confirming:  # room for the question on one line when the screen allows it
            needed = max(needed, ctx.text.width(self.title, ctx.px("title"), True) / vp.scale + 56 + 8)
        width = min(vp.width - 80, max(360 + body * 6, needed))
        title_h = th.px("title") * 1.4 + (len(self._title_lines(ctx, width)) - 1) * (
            ctx.text.line_height(ctx.px("title"), True) / vp.scale)
        message_h = self._message_height(ctx, width)
        height = 28 + title_h + message_h + len(self.entries) * (button_h + gap) + 40
        left = (vp.width - width) / 2
        top = max(8, (vp.height - height) / 2)
        self.box = pygame.Rect(round(left), round(top), round(width), round(height))
        self._title_h = title_h
        focus = self.group.focus
        first = top + 28 + title_h + message_h
        buttons = [Button(label, (left + 28, first + i * (button_h + gap), width - 56, button_h),
                          number=i + 1) for i, (label, _) in enumerate(self.entries)]
        self.group = FocusGroup(buttons, focus=focus)

    def _ask_to_restart(self) -> None:
        """Put the question in place of the menu, with No (the safe answer) focused."""
        self.confirming = True
        self.title, self.message, self.hint = CONFIRM_TITLE, CONFIRM_TEXT, "Esc to go back"
        self.entries = list(CONFIRM_ENTRIES)
        self.group = FocusGroup([], focus=0)
        self.group.focus = 1
        self._key = None
        self.dirty = True

    def _back_to_menu(self) -> None:
        self.confirming = False
        self.title, self.hint, entries = self.menu
        self.entries = list(entries)
        self.message = ""
        self.group = FocusGroup([])
        self.group.focus = next((i for i, (_, r) in enumerate(self.entries) if r == RESTART), 0)
        self._key = None
        self.dirty = True

    def layout_changed(self, ctx: Context) -> None:
        self._key = None
        self.dirty = True

    def resume(self, ctx: Context, result: Any = None) -> None:
        self._key = None
        self.dirty = True

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        self._ensure_layout(ctx)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            if self.confirming:
                self._back_to_menu()
                return None
            return Pop(RESUME)
        before = (self.group.focus, self.group.hover)
        chosen = self.group.handle(event, ctx)
        if (self.group.focus, self.group.hover) != before or event.type == pygame.KEYDOWN:
            self.dirty = True
        if chosen is None:
            return None
        ctx.audio.play("click")
        result = self.entries[chosen][1]
        if result == RESTART:
            self._ask_to_restart()
            return None
        if result == NO:
            self._back_to_menu()
            return None
        if result == YES:
            return Pop(RESTART)
        if result == "settings":
            from .settings import SettingsScene

            return Push(SettingsScene())
        return Pop(result)

    def _veil_surface(self, ctx: Context) -> pygame.Surface:
        th = ctx.theme
        key = (ctx.viewport.window, th.background)
        if key != self._veil_key or self._veil is None:
            self._veil_key = key
            self._veil = pygame.Surface(ctx.viewport.window, pygame.SRCALPHA)
            shade = (0, 0, 0) if sum(th.background) < 384 else (20, 24, 30)
            self._veil.fill((*shade, 170))
        return self._veil

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        self._ensure_layout(ctx)
        th = ctx.theme
        vp = ctx.viewport
        surface.blit(self._veil_surface(ctx), (0, 0))
        box = vp.rect(*self.box)
        panel(surface, box, ctx, colour=th.background, border=th.border, width=2)
        lines = self._title_lines(ctx, self.box.width)
        step = ctx.text.line_height(ctx.px("title"), True) / vp.scale
        y = self.box.top + 28 + th.px("title") * 0.7 - 6
        for line in lines:
            blit_text(surface, ctx, line, vp.point(self.box.centerx, y), "title", bold=True, anchor="center")
            y += step
        if self.message:
            top = self.box.top + 28 + self._title_h
            area = vp.rect(self.box.left + 28, top, self.box.width - 56, self._message_height(ctx, self.box.width))
            blit_paragraph(surface, ctx, self.message, area, "body", th.text)
        self.group.draw(surface, ctx)
        blit_text(surface, ctx, self.hint, vp.point(self.box.centerx, self.box.bottom - 22), "small",
                  th.text_muted, anchor="center")
