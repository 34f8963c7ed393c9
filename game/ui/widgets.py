"""Small themed widgets: panels, buttons with number badges and visible focus, and a focus group."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .context import Context
from .text import is_rtl, line_x


def panel(surface: pygame.Surface, rect: pygame.Rect, ctx: Context, colour=None, border=None,
          radius: int | None = None, width: int = 0) -> None:
    """A rounded panel in window pixels, filled with the theme's surface colour by default."""
    th = ctx.theme
    r = ctx.viewport.px(th.radius if radius is None else radius)
    pygame.draw.rect(surface, colour or th.surface, rect, border_radius=r)
    if border is not None or width:
        pygame.draw.rect(surface, border or th.border, rect, width=max(1, ctx.viewport.px(width or 1)),
                         border_radius=r)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, ctx: Context) -> None:
    th = ctx.theme
    pad = ctx.viewport.px(th.focus_width)
    pygame.draw.rect(surface, th.focus, rect.inflate(pad * 2, pad * 2), width=pad,
                     border_radius=ctx.viewport.px(th.radius + th.focus_width))


def blit_text(surface: pygame.Surface, ctx: Context, text: str, pos: tuple[int, int], token: str = "body",
              colour=None, bold: bool = False, anchor: str = "topleft") -> pygame.Rect:
    """Draw one line of cached text at a window-pixel position; returns its rect."""
    img = ctx.text.render(text, ctx.px(token), colour or ctx.theme.text, bold)
    rect = img.get_rect(**{anchor: pos})
    surface.blit(img, rect)
    return rect


def blit_paragraph(surface: pygame.Surface, ctx: Context, text: str, rect: pygame.Rect, token: str = "body",
                   colour=None, bold: bool = False, max_chars: int | None = None) -> int:
    """Draw wrapped text inside rect (window pixels); returns the height used.

    max_chars reveals only the first characters (a typewriter): whole lines come from the cache and the
    line being typed is the cached full line clipped, so no new surface is made per character.
    """
    px = ctx.px(token)
    colour = colour or ctx.theme.text
    lines = ctx.text.wrap(text, px, rect.width, bold)
    step = ctx.text.line_height(px, bold)
    y = rect.top
    left = max_chars
    for line in lines:
        if left is not None and left <= 0:
            break
        if line:
            img = ctx.text.render(line, px, colour, bold)
            x = line_x(line, rect.left, rect.width, img.get_width())
            if left is not None and left < len(line):  # right to left, the typed part is the right end
                width = min(img.get_width(), ctx.text.width(line[:left], px, bold))
                start = img.get_width() - width if is_rtl(line) else 0
                surface.blit(img, (x + start, y), pygame.Rect(start, 0, width, img.get_height()))
            else:
                surface.blit(img, (x, y))
        if left is not None:
            left -= len(line) + 1
        y += step
    return len(lines) * step


def paragraph_height(ctx: Context, text: str, width: int, token: str = "body", bold: bool = False) -> int:
    px = ctx.px(token)
    return len(ctx.text.wrap(text, px, width, bold)) * ctx.text.line_height(px, bold)


@dataclass
class Button:
    """A button laid out in logical coordinates; drawn with its number badge, hover and focus states."""

    label: str
    logical: tuple[float, float, float, float]
    number: int | None = None
    enabled: bool = True
    selected: bool = False
    token: str = "body"

    def rect(self, ctx: Context) -> pygame.Rect:
        return ctx.viewport.rect(*self.logical)

    def hit(self, ctx: Context, pos: tuple[int, int]) -> bool:
        return self.enabled and self.rect(ctx).collidepoint(pos)

    def draw(self, surface: pygame.Surface, ctx: Context, hovered: bool = False, focused: bool = False) -> None:
        th = ctx.theme
        rect = self.rect(ctx)
        if self.selected:
            fill, fg = th.accent, th.accent_text
        elif hovered and self.enabled:
            fill, fg = th.surface_alt, th.text
        else:
            fill, fg = th.surface, th.text if self.enabled else th.text_muted
        panel(surface, rect, ctx, colour=fill, border=th.accent if (hovered or focused) else th.border, width=2)
        pad = ctx.viewport.px(16)
        text_left = rect.left + pad
        if self.number is not None:
            badge_d = ctx.px(self.token) + ctx.viewport.px(12)
            badge = pygame.Rect(0, 0, badge_d, badge_d)
            badge.midleft = (rect.left + pad, rect.centery)
            pygame.draw.ellipse(surface, th.accent if not self.selected else th.accent_text, badge)
            blit_text(surface, ctx, str(self.number), badge.center, self.token,
                      th.accent_text if not self.selected else th.accent, bold=True, anchor="center")
            text_left = badge.right + pad
        inner = pygame.Rect(text_left, rect.top, rect.right - pad - text_left, rect.height)
        h = paragraph_height(ctx, self.label, inner.width, self.token)
        inner.top = rect.centery - h // 2
        blit_paragraph(surface, ctx, self.label, inner, self.token, fg)
        if focused:
            focus_ring(surface, rect, ctx)


class FocusGroup:
    """Keyboard and mouse selection over a list of buttons: arrows/Tab move, Enter/Space activate,
    number keys pick directly, the mouse hovers and clicks. `handle` returns the activated index."""

    def __init__(self, buttons: list[Button], focus: int = 0, vertical: bool = True) -> None:
        self.buttons = buttons
        self.focus = min(focus, max(0, len(buttons) - 1))
        self.hover: int | None = None
        self.vertical = vertical

    def _move(self, step: int) -> None:
        if not self.buttons:
            return
        n = len(self.buttons)
        for _ in range(n):
            self.focus = (self.focus + step) % n
            if self.buttons[self.focus].enabled:
                return

    def handle(self, event: pygame.event.Event, ctx: Context) -> int | None:
        nxt, prev = (pygame.K_DOWN, pygame.K_UP) if self.vertical else (pygame.K_RIGHT, pygame.K_LEFT)
        if event.type == pygame.KEYDOWN:
            if event.key in (nxt, pygame.K_TAB) and not (event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT):
                self._move(1)
            elif event.key == prev or (event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT):
                self._move(-1)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if self.buttons and self.buttons[self.focus].enabled:
                    return self.focus
            elif pygame.K_1 <= event.key <= pygame.K_9 or pygame.K_KP1 <= event.key <= pygame.K_KP9:
                base = pygame.K_1 if event.key <= pygame.K_9 else pygame.K_KP1
                number = event.key - base + 1
                for i, b in enumerate(self.buttons):
                    if b.number == number and b.enabled:
                        self.focus = i
                        return i
        elif event.type == pygame.MOUSEMOTION:
            self.hover = next((i for i, b in enumerate(self.buttons) if b.hit(ctx, event.pos)), None)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, b in enumerate(self.buttons):
                if b.hit(ctx, event.pos):
                    self.focus = i
                    return i
        return None

    def track_hover(self, event: pygame.event.Event, ctx: Context) -> bool:
        """Follow the mouse; True when the hovered button changed (the screen needs redrawing)."""
        before = self.hover
        self.handle(event, ctx)
        return self.hover != before

    def draw(self, surface: pygame.Surface, ctx: Context, show_focus: bool = True) -> None:
        for i, b in enumerate(self.buttons):
            b.draw(surface, ctx, hovered=(i == self.hover), focused=show_focus and i == self.focus)
