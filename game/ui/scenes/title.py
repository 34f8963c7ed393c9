"""The title screen: the game's name and promise, a welcoming picture, and the main menu."""

from __future__ import annotations

from typing import Any

import pygame

from ..context import Context
from ..menu import icons
from ..menu.backdrop import Backdrop
from ..menu.fit import fit_px
from ..menu.notices import draw_notices, notices_height
from ..menu.prefs import apply_settings
from ..scene import Push, Quit, Scene, Transition
from ..widgets import Button, FocusGroup, blit_paragraph, panel, paragraph_height
from .learner import LearnersScene, NameEntryScene, learner_label, needs_name

NAME = "Customer Chain"
PROMISE = "Practise the conversations that keep a customer for life."
FIGURES = ("A regular who spends $22 a week is worth $11,440 over ten years, and $183,040 once the 16 people "
           "she tells are counted. Every answer you give moves that number.")
GREETER = {"skin": "brown", "hair": "curly", "hair_colour": "black", "outfit": "teal", "glasses": False,
           "age": "adult"}
GREETER_MOOD = "pleased"
SCENERY_VERSION = 1  # raise when the way the title's picture is put together changes


def _portrait(size: tuple[int, int]) -> pygame.Surface | None:
    try:
        from ..art.portrait import render_portrait
    except ImportError:
        return None
    try:
        image = render_portrait(GREETER, GREETER_MOOD, size)
    except (pygame.error, ValueError, KeyError, TypeError):
        return None
    return image if image.get_size() == size else pygame.transform.smoothscale(image, size)


class TitleScene(Scene):
    """Start, Facilitator mode on/off, Settings, Quit. Esc opens the pause menu."""

    def __init__(self) -> None:
        super().__init__()
        self.backdrop = Backdrop("shop_counter", veil=120)
        self.group = FocusGroup([])
        self._key: tuple | None = None
        self._pending: Transition | None = None
        self._portrait: pygame.Surface | None = None
        self._portrait_key: tuple | None = None
        self._scenery: pygame.Surface | None = None
        self._scenery_key: tuple | None = None
        self.column = pygame.Rect(0, 0, 1, 1)
        self.title_px = 0
        self.promise_token: str | None = "large"
        self.show_figures = True
        self.message: str | None = None

    # ---- layout (logical coordinates) ----------------------------------------------------------
    def _labels(self, ctx: Context) -> list[str]:
        mode = "On" if ctx.facilitator else "Off"
        learner = [learner_label(ctx)] if ctx.records is not None else []  # the learner chooser
        return ["Start", f"Facilitator mode: {mode}", "Settings", *learner, "Quit"]

    def _ensure_layout(self, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        key = (vp.window, th.name, th.font_scale, ctx.facilitator)
        if key == self._key:
            return
        self._key = key
        labels = self._labels(ctx)
        left = 64 if vp.width >= 1100 else 40
        width = min(560, vp.width * 0.5) if vp.width >= 1100 else min(540, vp.width - 400)
        widest = max(ctx.text.font(ctx.px("body")).size(label)[0] for label in labels) / vp.scale
        needed = widest + th.px("body") + 12 + 16 * 3 + 40  # label, number badge, paddings, column margins
        width = min(vp.width - 2 * left, max(width, 460, needed))
        # The name as large as fits the column; then the promise and figures in whatever room the menu leaves.
        inner = vp.px(width - 40)
        px = self.title_px = fit_px(ctx, NAME, "huge", inner)
        head = 36 + 56 + ctx.text.line_height(px, True) / vp.scale + 14
        body = th.px("body")
        button_h = max(54, body * 1.2 + 20)
        gap = 12
        menu_h = len(labels) * (button_h + gap) - gap
        room = vp.height - 40 - menu_h - head - 18
        # The largest promise that leaves room for the figures too; failing that, the largest that fits alone.
        figures_h = paragraph_height(ctx, FIGURES, inner, "small") / vp.scale
        heights = {t: paragraph_height(ctx, PROMISE, inner, t, True) / vp.scale for t in ("large", "body", "small")}
        with_figures = [t for t, h in heights.items() if h + 10 + figures_h <= room]
        alone = [t for t, h in heights.items() if h <= room]
        self.promise_token = (with_figures or alone or [None])[0]
        promise_h = heights[self.promise_token] if self.promise_token else 0.0
        self.show_figures = bool(with_figures)
        menu_top = head + promise_h + (10 + figures_h if self.show_figures else 0) + (18 if promise_h else 0)
        buttons = [Button(label, (left + 20, menu_top + i * (button_h + gap), width - 40, button_h), number=i + 1)
                   for i, label in enumerate(labels)]
        self.group = FocusGroup(buttons, focus=self.group.focus)
        bottom = menu_top + menu_h + 20
        self.column = pygame.Rect(left, 20, round(width), round(bottom - 20))

    # ---- scene contract ------------------------------------------------------------------------
    def enter(self, ctx: Context) -> None:
        ctx.audio.ambience.music()

    def covered(self) -> None:
        self.backdrop.release()
        self._portrait, self._portrait_key = None, None
        self._scenery, self._scenery_key = None, None

    def layout_changed(self, ctx: Context) -> None:
        self._key = None
        self.dirty = True

    def resume(self, ctx: Context, result: Any = None) -> None:
        self._key = None
        self.dirty = True
        ctx.audio.ambience.music()
        if result == "quit":
            self._pending = Quit()

    def update(self, dt: float, ctx: Context) -> Transition | None:
        pending, self._pending = self._pending, None
        if pending is None and needs_name(ctx) and not ctx.records.asked_name:
            ctx.records.asked_name = True  # on a first start, once: who is playing?
            return Push(NameEntryScene(ctx.progress.current, first_start=True))
        return pending

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        self._ensure_layout(ctx)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from .pause import PauseScene

            return Push(PauseScene(restart=False, quit_label="Quit the game", quit_result="quit",
                                   title="Menu"))
        before = (self.group.focus, self.group.hover)
        chosen = self.group.handle(event, ctx)
        if (self.group.focus, self.group.hover) != before or event.type == pygame.KEYDOWN:
            self.dirty = True
        if chosen is None:
            return None
        ctx.audio.play("click")
        if chosen == 0:
            from .select import SelectScene

            return Push(SelectScene())
        if chosen == 1:
            self.message = apply_settings(ctx, ctx.settings.with_changes(facilitator=not ctx.facilitator))
            self._key = None
            self.dirty = True
            return None
        if chosen == 2:
            from .settings import SettingsScene

            return Push(SettingsScene())
        if chosen == 3 and ctx.records is not None:
            return Push(LearnersScene())
        return Quit()

    # ---- drawing -------------------------------------------------------------------------------
    def _greeter(self, ctx: Context, size: tuple[int, int]) -> pygame.Surface | None:
        if self._portrait_key != size:
            self._portrait_key = size
            self._portrait = _portrait(size)
        return self._portrait

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        self._ensure_layout(ctx)
        th = ctx.theme
        vp = ctx.viewport
        surface.blit(self._scenery_picture(ctx), (0, 0))
        col = self.column
        panel(surface, vp.rect(*col), ctx, colour=th.background, border=th.border, width=1)
        x = col.left + 20
        mark = vp.rect(x, 36, 120, 48)
        icons.chain(surface, mark, th.accent, max(2, vp.px(7)))
        img = ctx.text.render(NAME, self.title_px, th.text, True)
        y = 36 + 56
        surface.blit(img, vp.point(x, y))
        y += ctx.text.line_height(self.title_px, True) / vp.scale + 14
        inner = col.width - 40
        if self.promise_token is not None:
            y += blit_paragraph(surface, ctx, PROMISE, vp.rect(x, y, inner, 400), self.promise_token, th.text,
                                True) / vp.scale
        if self.show_figures:
            blit_paragraph(surface, ctx, FIGURES, vp.rect(x, y + 10, inner, 400), "small", th.text_muted)
        self.group.draw(surface, ctx)
        self._draw_notices(surface, ctx)

    def _greeter_rect(self, ctx: Context) -> pygame.Rect | None:
        """Where the greeter stands (window pixels), or None when the column leaves no room for her."""
        vp = ctx.viewport
        free_left = self.column.right + 24
        free_w = vp.width - free_left - 24
        if free_w < 220:
            return None
        side = min(free_w, 460, vp.height - 120)
        return vp.rect(free_left + (free_w - side) / 2, vp.height - side, side, side)

    def _scenery_picture(self, ctx: Context) -> pygame.Surface:
        """The veiled shop and the greeter as one picture, kept on disk like the art: the first frame of a new
        start loads one image instead of painting or decoding two and importing the painters."""
        from ..art.disk_cache import cached_picture

        th = ctx.theme
        rect = self._greeter_rect(ctx)
        key = (SCENERY_VERSION, ctx.viewport.window, th.name, th.background, th.surface_alt, self.backdrop.setting,
               self.backdrop.veil, tuple(rect) if rect else None, tuple(sorted(GREETER.items())), GREETER_MOOD)
        if key != self._scenery_key or self._scenery is None:
            self._scenery_key = key
            picture = cached_picture("title", key, lambda: self._paint_scenery(ctx, rect), ctx.viewport.window)
            self._scenery = picture.convert() if pygame.display.get_surface() is not None else picture
        return self._scenery

    def _paint_scenery(self, ctx: Context, rect: pygame.Rect | None) -> pygame.Surface:
        picture = self.backdrop.surface(ctx)
        image = self._greeter(ctx, rect.size) if rect is not None else None
        if image is not None:
            picture.blit(image, rect)
        self.backdrop.release()  # the picture is the scenery's now; the parts are not needed again
        self._portrait, self._portrait_key = None, None
        return picture

    def _draw_notices(self, surface: pygame.Surface, ctx: Context) -> None:
        notes = list(dict.fromkeys([*ctx.notices, *([self.message] if self.message else [])]))[-3:]
        if not notes:
            return
        vp = ctx.viewport
        free_left = self.column.right + 24
        width = vp.width - free_left - 24
        if width < 300:  # no room beside the menu: under the menu, over the picture
            free_left, width = self.column.left, self.column.width
        height = notices_height(ctx, notes, width)
        draw_notices(surface, ctx, notes, (free_left, max(20, vp.height - 20 - height), width))
