"""The pause menu: an overlay that dims the screen below. Pops with "resume", "restart" or "menu"."""

from __future__ import annotations

from typing import Any

import pygame

from ..context import Context
from ..scene import Pop, Push, Scene, Transition
from ..widgets import Button, FocusGroup, blit_text, panel

RESUME, RESTART, MENU, QUIT = "resume", "restart", "menu", "quit"


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
        self.group = FocusGroup([])
        self._key: tuple | None = None
        self._veil: pygame.Surface | None = None
        self._veil_key: tuple | None = None
        self.box = pygame.Rect(0, 0, 1, 1)

    def _ensure_layout(self, ctx: Context) -> None:
        th = ctx.theme
        key = (ctx.viewport.window, th.name, th.font_scale)
        if key == self._key:
            return
        self._key = key
        vp = ctx.viewport
        body = th.px("body")
        button_h = max(56, body * 1.2 + 22)
        gap = 12
        title_h = th.px("title") * 1.4
        widest = max(ctx.text.font(ctx.px("body")).size(label)[0] for label, _ in self.entries) / vp.scale
        needed = widest + body + 12 + 16 * 3 + 56  # label, number badge, button paddings, box margins
        width = min(vp.width - 80, max(360 + body * 6, needed))
        height = 28 + title_h + len(self.entries) * (button_h + gap) + 40
        left = (vp.width - width) / 2
        top = max(8, (vp.height - height) / 2)
        self.box = pygame.Rect(round(left), round(top), round(width), round(height))
        focus = self.group.focus
        buttons = [Button(label, (left + 28, top + 28 + title_h + i * (button_h + gap), width - 56, button_h),
                          number=i + 1) for i, (label, _) in enumerate(self.entries)]
        self.group = FocusGroup(buttons, focus=focus)

    def layout_changed(self, ctx: Context) -> None:
        self._key = None
        self.dirty = True

    def resume(self, ctx: Context, result: Any = None) -> None:
        self._key = None
        self.dirty = True

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        self._ensure_layout(ctx)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop(RESUME)
        before = (self.group.focus, self.group.hover)
        chosen = self.group.handle(event, ctx)
        if (self.group.focus, self.group.hover) != before or event.type == pygame.KEYDOWN:
            self.dirty = True
        if chosen is None:
            return None
        ctx.audio.play("click")
        result = self.entries[chosen][1]
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
        title_h = th.px("title") * 1.4
        blit_text(surface, ctx, self.title, vp.point(self.box.centerx, self.box.top + 28 + title_h / 2 - 6),
                  "title", bold=True, anchor="center")
        self.group.draw(surface, ctx)
        blit_text(surface, ctx, self.hint, vp.point(self.box.centerx, self.box.bottom - 22), "small",
                  th.text_muted, anchor="center")
