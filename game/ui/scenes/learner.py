"""Who is playing: a small form for a name and an optional e-mail or account id, and a chooser of learners.

Both are overlays over the screen that opened them (the title screen, settings). The form pops with "saved"
or None; the chooser with "chosen" or None.
"""

from __future__ import annotations

from typing import Any

import pygame

from ...userdata.learners import Learner, check_contact, clean_name
from ..context import Context
from ..scene import Pop, Push, Scene, Transition
from ..widgets import Button, FocusGroup, blit_paragraph, blit_text, focus_ring, panel, paragraph_height

WELCOME = ("Your name is kept on this computer with your progress, so several people can share it. With an "
           "e-mail address or your organisation's account id, your trainer's records can find your results too.")
FIELDS = ("Your name", "E-mail or organisation account id (optional)")
MAX_FIELD = (60, 120)


class _Overlay(Scene):
    """A dimmed overlay with a centred box."""

    opaque = False

    def _veil(self, surface: pygame.Surface, ctx: Context) -> None:
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 170))
        surface.blit(veil, (0, 0))

    def layout_changed(self, ctx: Context) -> None:
        self._key = None
        self.dirty = True


class NameEntryScene(_Overlay):
    """Type a name (and optionally an e-mail or account id); Tab moves between fields, Enter saves, Esc skips."""

    def __init__(self, learner: Learner | None = None, first_start: bool = False) -> None:
        super().__init__()
        self.learner = learner  # None: a new learner; else this one is renamed (keeping their progress)
        self.first_start = first_start
        self.values = [learner.name if learner else "", (learner.email or learner.account) if learner else ""]
        self.focus = 0  # 0, 1: the fields; 2: Save; 3: Skip / Cancel
        self.error = ""
        self._key: tuple | None = None
        self.box = pygame.Rect(0, 0, 1, 1)
        self.field_rects: list[pygame.Rect] = []
        self.buttons: list[Button] = []

    @property
    def title(self) -> str:
        if self.first_start:
            return "Welcome! Who is playing?"
        return "Change your details" if self.learner else "Someone new"

    def enter(self, ctx: Context) -> None:
        pygame.key.start_text_input()

    def _leave(self, result: Any) -> Transition:
        pygame.key.stop_text_input()
        return Pop(result)

    def _ensure_layout(self, ctx: Context) -> None:
        vp, th = ctx.viewport, ctx.theme
        key = (vp.window, th.name, th.font_scale)
        if key == self._key:
            return
        self._key = key
        width = min(vp.width - 60, 760)
        inner = width - 56
        body = th.px("body")
        field_h = body * 1.25 + 18
        label_h = ctx.text.line_height(ctx.px("small")) / vp.scale
        intro_h = paragraph_height(ctx, WELCOME, vp.px(inner), "small") / vp.scale
        title_h = th.px("title") * 1.4
        button_h = max(50, body * 1.2 + 18)
        height = 24 + title_h + intro_h + 14 + 2 * (label_h + 4 + field_h + 12) + label_h + 16 + button_h + 24
        left, top = (vp.width - width) / 2, max(8, (vp.height - height) / 2)
        self.box = pygame.Rect(round(left), round(top), round(width), round(height))
        y = top + 24 + title_h + intro_h + 14
        self.field_rects = []
        for _ in FIELDS:
            y += label_h + 4
            self.field_rects.append(pygame.Rect(round(left + 28), round(y), round(inner), round(field_h)))
            y += field_h + 12
        self.error_top = y
        y += label_h + 16
        labels = ("Save", "Skip for now" if self.first_start else "Cancel")
        widths = [ctx.text.font(ctx.px("body")).size(t)[0] / vp.scale + 48 for t in labels]
        x = left + width - 28
        self.buttons = []
        for label, w in zip(reversed(labels), reversed(widths), strict=True):
            x -= w
            self.buttons.insert(0, Button(label, (x, y, w, button_h)))
            x -= 12

    # ---- input -------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        self._ensure_layout(ctx)
        if event.type == pygame.TEXTINPUT and self.focus < 2:
            text = "".join(ch for ch in event.text if ch.isprintable())
            self.values[self.focus] = (self.values[self.focus] + text)[: MAX_FIELD[self.focus]]
            self.error, self.dirty = "", True
        elif event.type == pygame.KEYDOWN:
            return self._key_down(event, ctx)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            x, y = ctx.viewport.to_logical(event.pos)
            for i, rect in enumerate(self.field_rects):
                if rect.collidepoint(x, y):
                    self.focus, self.dirty = i, True
            for i, b in enumerate(self.buttons):
                if b.hit(ctx, event.pos):
                    self.focus = 2 + i
                    return self._activate(ctx)
        return None

    def _key_down(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        self.dirty = True
        key = event.key
        shift = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
        if key == pygame.K_ESCAPE:
            return self._leave(None)
        if key == pygame.K_BACKSPACE and self.focus < 2:
            self.values[self.focus] = self.values[self.focus][:-1]
        elif key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_UP):
            step = -1 if key == pygame.K_UP or (key == pygame.K_TAB and shift) else 1
            self.focus = (self.focus + step) % 4
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._activate(ctx)  # from a field: save
        return None

    def _activate(self, ctx: Context) -> Transition | None:
        if self.focus == 3:
            return self._leave(None)
        name = clean_name(self.values[0])
        if not name:
            self.error, self.focus = "Please type a name: any name you like.", 0
            return None
        try:
            email, account = check_contact(self.values[1])
        except ValueError as exc:
            self.error, self.focus = str(exc), 1
            return None
        ctx.progress.save_learner(name, email, account, self.learner.id if self.learner else None)
        ctx.audio.play("click")
        return self._leave("saved")

    # ---- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        self._ensure_layout(ctx)
        vp, th = ctx.viewport, ctx.theme
        self._veil(surface, ctx)
        box = self.box
        panel(surface, vp.rect(*box), ctx, colour=th.background, border=th.border, width=2)
        blit_text(surface, ctx, self.title, vp.point(box.left + 28, box.top + 24), "title", bold=True)
        y = box.top + 24 + th.px("title") * 1.4
        blit_paragraph(surface, ctx, WELCOME, vp.rect(box.left + 28, y, box.width - 56, 400), "small",
                       th.text_muted)
        label_h = ctx.text.line_height(ctx.px("small")) / vp.scale
        for i, (label, rect) in enumerate(zip(FIELDS, self.field_rects, strict=True)):
            blit_text(surface, ctx, label, vp.point(rect.left, rect.top - label_h - 4), "small", th.text)
            area = vp.rect(*rect)
            panel(surface, area, ctx, colour=th.surface, border=th.accent if i == self.focus else th.border,
                  width=2, radius=8)
            shown = self.values[i] + ("|" if i == self.focus and int(ctx.time * 2) % 2 == 0 else "")
            clip = surface.get_clip()
            surface.set_clip(area.inflate(-vp.px(8), 0))
            blit_text(surface, ctx, shown or " ", (area.left + vp.px(12), area.centery), "body", th.text,
                      anchor="midleft")
            surface.set_clip(clip)
            if i == self.focus:
                focus_ring(surface, area, ctx)
        if self.error:
            blit_text(surface, ctx, self.error, vp.point(box.left + 28, self.error_top), "small", th.bad)
        for i, b in enumerate(self.buttons):
            b.draw(surface, ctx, focused=self.focus == 2 + i)

    def animating(self) -> bool:
        return self.focus < 2  # the caret blinks


class LearnersScene(_Overlay):
    """Choose who is playing, add someone new, or change the current learner's details."""

    MAX_SHOWN = 6

    def __init__(self) -> None:
        super().__init__()
        self.group = FocusGroup([])
        self.entries: list[tuple[str, str]] = []
        self._key: tuple | None = None
        self._pending: Transition | None = None
        self.box = pygame.Rect(0, 0, 1, 1)

    def _entries(self, ctx: Context) -> list[tuple[str, str]]:
        store = ctx.progress
        current = store.current
        people = sorted(store.learners(), key=lambda p: p.id != (current.id if current else ""))
        out = [(p.label + ("  (playing now)" if current and p.id == current.id else ""), p.id)
               for p in people[: self.MAX_SHOWN]]
        out.append(("Someone new", "+new"))
        if current is not None:
            out.append(("Change my name or e-mail", "+edit"))
        out.append(("Back", "+back"))
        return out

    def _ensure_layout(self, ctx: Context) -> None:
        vp, th = ctx.viewport, ctx.theme
        key = (vp.window, th.name, th.font_scale, tuple(p for p in ctx.progress.learners()))
        if key == self._key:
            return
        self._key = key
        self.entries = self._entries(ctx)
        body = th.px("body")
        button_h = max(50, body * 1.2 + 18)
        gap = 10
        title_h = th.px("title") * 1.4
        width = min(vp.width - 60, 720)
        height = 24 + title_h + len(self.entries) * (button_h + gap) + 40
        left, top = (vp.width - width) / 2, max(8, (vp.height - height) / 2)
        self.box = pygame.Rect(round(left), round(top), round(width), round(height))
        buttons = [Button(label, (left + 28, top + 24 + title_h + i * (button_h + gap), width - 56, button_h),
                          number=i + 1 if i < 9 else None) for i, (label, _) in enumerate(self.entries)]
        self.group = FocusGroup(buttons, focus=self.group.focus)

    def resume(self, ctx: Context, result: Any = None) -> None:
        self._key = None
        self.dirty = True
        if result == "saved":
            self._pending = Pop("chosen")

    def update(self, dt: float, ctx: Context) -> Transition | None:
        pending, self._pending = self._pending, None
        return pending

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        self._ensure_layout(ctx)
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
            return Pop(None)
        before = (self.group.focus, self.group.hover)
        chosen = self.group.handle(event, ctx)
        if (self.group.focus, self.group.hover) != before or event.type == pygame.KEYDOWN:
            self.dirty = True
        if chosen is None:
            return None
        ctx.audio.play("click")
        what = self.entries[chosen][1]
        if what == "+back":
            return Pop(None)
        if what == "+new":
            return Push(NameEntryScene())
        if what == "+edit":
            return Push(NameEntryScene(ctx.progress.current))
        ctx.progress.choose_learner(what)
        return Pop("chosen")

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        self._ensure_layout(ctx)
        vp, th = ctx.viewport, ctx.theme
        self._veil(surface, ctx)
        panel(surface, vp.rect(*self.box), ctx, colour=th.background, border=th.border, width=2)
        blit_text(surface, ctx, "Who is playing?", vp.point(self.box.left + 28, self.box.top + 24), "title",
                  bold=True)
        self.group.draw(surface, ctx)


def learner_label(ctx: Context) -> str:
    """'Playing as: Ana Silva' for menus."""
    current = ctx.progress.current
    return f"Playing as: {current.shown if current else 'Player'}"


def needs_name(ctx: Context) -> bool:
    """True on a first start: the game records plays and nobody has given a name yet."""
    current = ctx.progress.current
    return ctx.records is not None and (current is None or current.needs_name)
