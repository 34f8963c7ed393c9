"""Scenario select: a card per scenario file, customers and co-workers apart, broken files shown with their error."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from ...userdata.saves import SavedPlay
from ..art.disk_cache import problems as art_problems
from ..context import Context
from ..menu.backdrop import Backdrop
from ..menu.cards import CardText, PortraitCache, Section, card_text, class_plays, draw_card, section_of, sections
from ..menu.fit import fit_px
from ..menu.notices import draw_notices
from ..menu.scroll import Scroller
from ..menu.select_draw import draw_header, draw_scrollbar, draw_section_head
from ..menu.select_layout import MARGIN, MIN_CARDS_IN_VIEW, Placed, lay_out, neighbour, page
from ..scene import Pop, Push, Replace, Scene, Transition
from ..widgets import Button, blit_paragraph, paragraph_height
from .resume import after_menu, continue_menu, saved_for

if TYPE_CHECKING:  # the engine's loader is imported by the background load; waiting on it would stall a frame
    from ...engine import LoadResult, Scenario

WHEEL_STEP = 70
TITLE = "Choose a conversation"
HINT = "Choose with the arrow keys or the mouse. Enter starts, Esc opens the menu, Backspace goes back."
SHORT_HINT = "Arrow keys choose · Enter starts · Esc menu · Backspace back"
FACILITATOR = "Facilitator mode is on: scenarios open for leading a group. "
SHORT_FACILITATOR = "Facilitator mode is on. "


def start_scene(scenario: Scenario, ctx: Context) -> Scene:
    """The screen that plays a scenario: the facilitator's view when facilitator mode is on."""
    if ctx.facilitator:
        try:
            from ..facilitator import facilitator_scene
        except ImportError:
            pass  # the facilitator's view is not installed: the ordinary play screen serves
        else:
            return facilitator_scene(scenario, shuffle=True)
    from .play import PlayScene

    return PlayScene(scenario, shuffle=True)


class SelectScene(Scene):
    """Arrow keys move between cards, Page keys and the wheel scroll, Enter or a click starts."""

    def __init__(self, root: bool = False) -> None:
        super().__init__()
        self.root = root  # at the bottom of the stack: "back" replaces it with the title screen
        self.focus = 0
        self.hover: int | None = None
        self.header_hover: int | None = None
        self.scroller = Scroller()
        self.backdrop = Backdrop("service_desk", veil=225)
        self.portraits = PortraitCache()
        self.sections: list[Section] = []
        self.cards: list[LoadResult] = []
        self.texts: list[CardText] = []
        self._full: list[CardText] = []
        self._compact: list[CardText] = []
        self.compact = False  # the cards show title, where and progress only (too few fit the screen otherwise)
        self._saved: list[SavedPlay | None] = []
        self.places: list[Placed] = []
        self.headers: list[tuple[Section, Placed]] = []
        self.notice_place: Placed | None = None
        self.notes: list[str] = []
        self.header_h = 100.0
        self.title_px = 1
        self.hint_top = 60.0
        self.hint = HINT
        self.header_buttons: list[Button] = []
        self.message: str | None = None
        self._key: tuple | None = None
        self._library_id: int | None = None
        self._pending: Transition | None = None
        self._child: str | None = None
        self._keyboard_moved = False
        self._arriving = False

    # ---- content -------------------------------------------------------------------------------
    def _library(self, ctx: Context) -> tuple[list[LoadResult], object]:
        """The cards to show and what identifies them: while the library loads, the files loaded so far."""
        if ctx.library_loading:
            so_far = ctx.library_so_far
            return so_far, ("loading", len(so_far))
        return ctx.library, id(ctx.library)

    def _refresh(self, ctx: Context) -> None:
        """Read the library and progress again; keep the focus on the same file."""
        focused = self.cards[self.focus].path if self.cards and self.focus < len(self.cards) else None
        library, ident = self._library(ctx)
        self.sections = sections(library)
        self.cards = [r for s in self.sections for r in s.cards]
        attempts = ctx.progress.all_attempts()
        progress = [(ctx.progress.summary(r.scenario.id, include_facilitator=False),
                     class_plays(attempts, r.scenario.id)) if r.scenario else (None, None) for r in self.cards]
        self._full = [card_text(r, mine, plays) for r, (mine, plays) in zip(self.cards, progress, strict=True)]
        self._saved = [saved_for(ctx, r, text) for r, text in zip(self.cards, self._full, strict=True)]
        self._compact = [card_text(r, mine, plays, compact=True) for r, (mine, plays) in zip(self.cards, progress,
                                                                                           strict=True)]
        for text, full, saved in zip(self._compact, self._full, self._saved, strict=True):
            if saved is not None:
                text.blocks.append(full.blocks[-1])  # the "continue" line saved_for added
        self.texts = self._compact if self.compact else self._full
        paths = [r.path for r in self.cards]
        self.focus = paths.index(focused) if focused in paths else min(self.focus, max(0, len(paths) - 1))
        self.notes = self._collect_notes(ctx)
        self._library_id = ident
        self._key = None

    def _collect_notes(self, ctx: Context) -> list[str]:
        """Messages for the player: damaged or unsaved data (some arrive from the background load), then ours."""
        found = [*ctx.notices, *art_problems, ctx.progress.problem or "", self.message or ""]
        return [n for n in dict.fromkeys(found) if n]

    def _ensure_layout(self, ctx: Context) -> None:
        if self._library_id != self._library(ctx)[1]:
            self._refresh(ctx)
        self.notes = self._collect_notes(ctx)
        th = ctx.theme
        vp = ctx.viewport
        key = (vp.window, th.name, th.font_scale, ctx.facilitator, tuple(self.notes))
        if key == self._key:
            return
        self._key = key
        width = vp.width - 2 * MARGIN
        # Header: title and key hint on the left, Settings and Back buttons on the right.
        body = th.px("body")
        button_h = max(46, body * 1.1 + 16)
        labels = ("Settings", "Back")
        widths = [ctx.text.font(ctx.px("body")).size(t)[0] / vp.scale + 44 for t in labels]
        right = vp.width - MARGIN
        self.header_buttons = []
        for label, w in zip(reversed(labels), reversed(widths), strict=True):
            right -= w
            self.header_buttons.insert(0, Button(label, (right, 22, w, button_h)))
            right -= 12
        self.title_px = fit_px(ctx, TITLE, "title", vp.px(right - MARGIN - 12))
        title_h = ctx.text.line_height(self.title_px, True) / vp.scale
        self.hint_top = max(16 + title_h, 22 + button_h) + 4
        self.hint = self._hint(ctx, vp.px(width))
        hint_h = paragraph_height(ctx, self.hint, vp.px(width), "small") / vp.scale
        self.header_h = self.hint_top + hint_h + 12
        # Content: notices, then each section's heading and its cards; compact cards when too few would show.
        view = vp.height - self.header_h - 8
        self.compact = False
        layout = lay_out(ctx, self.sections, self.cards, self._full, self.notes)
        if self._compact and layout.cards_in_view(view) < MIN_CARDS_IN_VIEW:
            self.compact = True
            layout = lay_out(ctx, self.sections, self.cards, self._compact, self.notes)
        self.texts = self._compact if self.compact else self._full
        self.notice_place, self.headers, self.places = layout.notice, layout.headers, layout.places
        y = layout.height
        self.scroller.resize(view, y)
        if self.places:
            self._show_focus()
        self.scroller.jump()

    @staticmethod
    def _hint(ctx: Context, width: int) -> str:
        """The fullest key hint that takes at most two lines (large text on a 4:3 screen gets the short one)."""
        heads = (FACILITATOR, SHORT_FACILITATOR) if ctx.facilitator else ("",)
        options = [head + hint for hint in (HINT, SHORT_HINT) for head in heads]
        line = ctx.text.line_height(ctx.px("small"))
        return next((h for h in options if paragraph_height(ctx, h, width, "small") <= 2 * line), options[-1])

    def _show_focus(self) -> None:
        top, bottom = self.places[self.focus].span()
        first_in_section = 0
        for section, head in self.headers:
            if self.focus < first_in_section + len(section.cards) and self.focus == first_in_section:
                top = head.y  # bring the section's heading into view with its first card
            first_in_section += len(section.cards)
        if self.focus == 0:
            top = 0
        if self.focus == len(self.places) - 1 and bottom - top < self.scroller.view:
            bottom = self.scroller.content  # the last card: all the way down
        self.scroller.show(top, bottom)

    # ---- scene contract ------------------------------------------------------------------------
    def enter(self, ctx: Context) -> None:
        self._refresh(ctx)
        if self.cards and self.cards[self.focus].scenario is None:
            playable = [i for i, r in enumerate(self.cards) if r.scenario is not None]
            self.focus = playable[0] if playable else 0

    def resume(self, ctx: Context, result: Any = None) -> None:
        child, self._child = self._child, None
        self.dirty = True
        ctx.audio.ambience.music()  # back at the list (from a play, a class, a preview): the music bed again
        if child == "pause" and result == "menu":
            self._pending = self._back()
            return
        if child == "continue" and (scene := after_menu(ctx, self.cards[self.focus], result, start_scene)):
            self._child, self._pending = "play", Push(scene)
        self._refresh(ctx)

    def covered(self) -> None:
        self.backdrop.release()
        self.portraits = PortraitCache()  # the card portraits come back from the art caches when shown again

    def layout_changed(self, ctx: Context) -> None:
        self._key = None
        self.dirty = True

    def animating(self) -> bool:
        return self.scroller.moving or self._arriving

    def update(self, dt: float, ctx: Context) -> Transition | None:
        if self.scroller.update(dt):
            self.dirty = True
        self._arriving = ctx.library_loading  # cards still arriving: keep looking for them
        if self._library_id != self._library(ctx)[1]:
            self.dirty = True
        pending, self._pending = self._pending, None
        return pending

    def _back(self) -> Transition:
        if self.root:
            from .title import TitleScene

            return Replace(TitleScene())
        return Pop()

    def start(self, ctx: Context, index: int) -> Transition | None:
        """Start the card's scenario, or say why it cannot start."""
        if not (0 <= index < len(self.cards)):
            return None
        scenario = self.cards[index].scenario
        if scenario is None:
            ctx.audio.play("bad")
            return None
        if index < len(self._saved) and self._saved[index] is not None:
            ctx.audio.play("click")
            self.focus, self._child = index, "continue"
            return Push(continue_menu(self._saved[index]))
        try:
            scene = start_scene(scenario, ctx)
        except ModuleNotFoundError as exc:
            self.message = f"This screen is not ready yet ({exc.name}). Please try again after an update."
            self._refresh(ctx)
            return None
        ctx.audio.play("click")
        self._child = "play"
        return Push(scene)

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        self._ensure_layout(ctx)
        if event.type == pygame.KEYDOWN:
            return self._key_down(event, ctx)
        if event.type == pygame.MOUSEMOTION:
            self._motion(event.pos, ctx)
        elif event.type == pygame.MOUSEWHEEL:
            self.scroller.scroll_by(-event.y * WHEEL_STEP)
            self.dirty = True
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._click(event.pos, ctx)
        return None

    def _key_down(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        self.dirty = True
        key = event.key
        shift = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
        if key == pygame.K_ESCAPE:
            from .pause import PauseScene

            self._child = "pause"
            quit_label = "Back to the title screen"
            return Push(PauseScene(restart=False, quit_label=quit_label, quit_result="menu", title="Menu"))
        if key == pygame.K_BACKSPACE:
            return self._back()
        if not self.cards:
            return None
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return self.start(ctx, self.focus)
        if key == pygame.K_p:
            return self.preview(self.focus)
        n = len(self.cards)
        moves = {pygame.K_DOWN: (0, 1), pygame.K_UP: (0, -1), pygame.K_RIGHT: (1, 0), pygame.K_LEFT: (-1, 0)}
        if key in moves:
            self.focus = neighbour(self.places, self.focus, *moves[key])
        elif key == pygame.K_TAB:
            self.focus = (self.focus + (-1 if shift else 1)) % n
        elif key in (pygame.K_HOME,):
            self.focus = 0
        elif key in (pygame.K_END,):
            self.focus = n - 1
        elif key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.focus = page(self.places, self.focus, 1 if key == pygame.K_PAGEDOWN else -1, self.scroller.view)
        else:
            return None
        self._show_focus()
        return None

    def preview(self, index: int) -> Transition | None:
        """P on one of the trainer's own scenarios: the author's preview, which reloads as the file is saved."""
        result = self.cards[index]
        if result.scenario is None or section_of(result) != "own":
            return None
        from .preview import PreviewScene

        try:
            data = Path(result.path).read_bytes()
        except OSError:
            return None
        return Push(PreviewScene(result.path, result.scenario, data, None))

    def _content_point(self, pos: tuple[int, int], ctx: Context) -> tuple[float, float] | None:
        x, y = ctx.viewport.to_logical(pos)
        if y < self.header_h:
            return None
        return x, y - self.header_h + self.scroller.offset

    def _card_at(self, pos: tuple[int, int], ctx: Context) -> int | None:
        point = self._content_point(pos, ctx)
        if point is None:
            return None
        x, y = point
        for i, p in enumerate(self.places):
            if p.x <= x < p.x + p.w and p.y <= y < p.y + p.h:
                return i
        return None

    def _motion(self, pos: tuple[int, int], ctx: Context) -> None:
        """The card under the mouse takes the focus (one highlighted card, as with the play screen's choices)."""
        hover = self._card_at(pos, ctx)
        header = next((i for i, b in enumerate(self.header_buttons) if b.hit(ctx, pos)), None)
        if hover is not None and hover != self.hover:
            self.focus = hover
        if (hover, header) != (self.hover, self.header_hover):
            self.hover, self.header_hover = hover, header
            self.dirty = True

    def _click(self, pos: tuple[int, int], ctx: Context) -> Transition | None:
        for i, b in enumerate(self.header_buttons):
            if b.hit(ctx, pos):
                ctx.audio.play("click")
                if i == 0:
                    from .settings import SettingsScene

                    self._child = "settings"
                    return Push(SettingsScene())
                return self._back()
        index = self._card_at(pos, ctx)
        if index is None:
            return None
        self.focus = index
        self.dirty = True
        return self.start(ctx, index)

    # ---- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        self._ensure_layout(ctx)
        vp = ctx.viewport
        self.backdrop.draw(surface, ctx)
        view = vp.rect(0, self.header_h, vp.width, vp.height - self.header_h)
        clip = surface.get_clip()
        surface.set_clip(view.clip(clip))
        offset = self.header_h - self.scroller.offset
        if self.notice_place is not None:
            p = self.notice_place
            draw_notices(surface, ctx, self.notes, (p.x, p.y + offset, p.w))
        for section, p in self.headers:
            if self._visible(p):
                draw_section_head(surface, ctx, section, p, offset)
        for i, p in enumerate(self.places):
            if self._visible(p):
                draw_card(surface, ctx, self.cards[i], self.texts[i], (p.x, p.y + offset, p.w, p.h), self.portraits,
                          focused=i == self.focus, hovered=False)
        if not self.cards:
            words = ("Finding the scenarios..." if self._arriving or ctx.library_loading
                     else f"No scenario files were found in {ctx.scenario_dir}.")
            blit_paragraph(surface, ctx, words, vp.rect(MARGIN, self.header_h + 20, vp.width - 2 * MARGIN, 200),
                           "body")
        surface.set_clip(clip)
        draw_scrollbar(surface, ctx, self.scroller, self.header_h)
        draw_header(surface, ctx, TITLE, self.title_px, self.hint, self.hint_top, self.header_h, self.header_buttons,
                    self.header_hover)

    def _visible(self, p: Placed) -> bool:
        top = p.y - self.scroller.offset
        return top + p.h > -20 and top < self.scroller.view + 20
