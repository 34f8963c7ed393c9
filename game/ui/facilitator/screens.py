"""How the classroom screen draws each stage (intro, text, choices, consequences, ending) and records its text."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import Scenario
from ...facilitation import ClassSession
from ...facilitation.session import CHOICES, CHOSEN, CONSEQUENCES, DEBRIEF, ENDING, INTRO, TEXT
from ..context import Context
from ..play import art
from ..play.backdrop import NARRATOR, colleague_appearance, draw_stage
from ..play.layout import SPEECH_PAD
from ..play.meters import MeterPanel
from ..play.speech import draw_speech
from ..widgets import blit_paragraph, blit_text, panel
from .cards import CoachCard, EndingCard
from .choices_screen import ChoicesScreen
from .draw import FOOTER_H, MARGIN, TOP_H, Recorder, footer, paragraph, top_bar
from .hud import draw_hud, hud_height
from .layout import GAP, TOP, person_min_height, split_layout, text_layout

HINTS = {
    INTRO: "Page Down or F5 to begin · F1 keys",
    TEXT: "Next: show the choices · B blank · F1 keys",
    CHOICES: "1-9 vote · 0 clear · ↑↓ pick · Next takes option {n}",
    CHOSEN: "Next: reveal the consequences · Page Up to change",
    CONSEQUENCES: "Next: continue · Page Up: what if? · W compare",
    ENDING: "Next: class debrief · Page Up: what if?",
}
SHORT_HINTS = {  # when the full hint would be cut (large text on a 4:3 projector)
    CHOICES: "1-9 vote · 0 clear · ↑↓ pick · Next: {n}",
    CHOSEN: "Next: consequences · Page Up: change",
    CONSEQUENCES: "Next: continue · Page Up: what if?",
}
MORE_HINT = "Next: more of the story · B blank · F1 keys"
DETOUR_HINTS = {
    CHOICES: "What if · marked: the class's pick · Next takes {n}",
    ENDING: "What if: Next returns to the class's path · A keeps this path",
}


HUD_INSET = 8  # the meters' panel inside the stage's edge


class ClassroomScreens(ChoicesScreen):
    """The drawing half of the classroom scene (mixed into ClassroomScene)."""

    scenario: Scenario
    session: ClassSession
    labels: dict[str, str]
    meters: MeterPanel
    rec: Recorder
    notice: str
    _layout_cache: dict[tuple, Any]
    _drawn_layout: Any
    _memo: dict[tuple, tuple[str, str, list[str]]]
    _memo_main: dict[tuple, int | None]
    leaving: Any  # the question before the session ends, while it is asked
    text_page: int  # which page of a long node's words is on screen
    person: pygame.Rect  # the window rect the person was last drawn into (empty when nobody stands there)

    # ---- layout ------------------------------------------------------------------------------
    def _key(self, ctx: Context, *extra: object) -> tuple:
        th = ctx.theme
        path = tuple((d.kind, d.source_index) for d in self.session.path)
        return (ctx.viewport, th.name, th.font_scale, self.session.stage, path, self.session.in_detour, *extra)

    def _cached(self, key: tuple, make):
        if key not in self._layout_cache:
            if len(self._layout_cache) > 16:
                self._layout_cache.clear()
            self._layout_cache[key] = make()
        self._drawn_layout = self._layout_cache[key]
        return self._drawn_layout

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        self.rec.clear()
        self._drawn_layout = None
        self.person = pygame.Rect(0, 0, 0, 0)
        s = self.session
        status = self._status()
        top_bar(surface, ctx, self.rec, self.scenario.title, status,
                ctx.theme.warn if s.in_detour else ctx.theme.accent)
        vp = ctx.viewport
        # Very large text (the player's 'huge' size on a 4:3 projector) may not fit: it never covers the bars.
        surface.set_clip(vp.rect(0, TOP_H, vp.width, vp.height - TOP_H - FOOTER_H))
        if s.stage == INTRO:
            self._draw_intro(surface, ctx)
        elif s.stage == TEXT:
            self._draw_text(surface, ctx)
        elif s.stage in (CHOICES, CHOSEN):
            self._draw_choices(surface, ctx)
        elif s.stage == CONSEQUENCES:
            self._draw_consequences(surface, ctx)
        elif s.stage in (ENDING, DEBRIEF):
            self._draw_ending(surface, ctx)
        surface.set_clip(None)
        hint = (DETOUR_HINTS.get(s.stage) if s.in_detour else None) or HINTS.get(s.stage, "")
        if s.stage == TEXT and self.text_page < len(self.text_pages(ctx)) - 1:
            hint = MORE_HINT
        hint = hint.format(n=s.selected + 1)
        short = SHORT_HINTS.get(s.stage)
        if short and not s.in_detour and ctx.text.font(ctx.px("small")).size(hint)[0] > vp.px(vp.width - 2 * MARGIN):
            hint = short.format(n=s.selected + 1)
        footer(surface, ctx, self.rec, hint, self.notice)
        if self.leaving is not None:
            self.leaving.draw(surface, ctx, self.rec)

    def _status(self) -> str:
        s = self.session
        if s.stage == INTRO:
            return "Class session"
        where = "Ending" if s.stage in (ENDING, DEBRIEF) else f"Decision {s.decision_number}"
        if s.stage == TEXT and s.timer_seconds is not None:
            where += f" · timed {s.timer_seconds} s"
        return f"What if · {where}" if s.in_detour else where

    def _portrait_for(self, speaker: str):
        """Who stands on the stage and whether they are on a call: the speaker, or the customer while a
        narrator tells the scene (the person in it stays on stage)."""
        who = speaker.strip()
        if not who or who.lower() == NARRATOR:
            who = self.scenario.customer.name
        person = self.scenario.people.get(who)
        appearance = self.scenario.appearance_for(who) or colleague_appearance(who)
        return appearance, bool(person is not None and person.call)

    def _draw_stage(self, surface: pygame.Surface, ctx: Context, logical: pygame.Rect, speaker: str,
                    mood: str, setting: str, below_hud: float = 0.0, hud: bool = True) -> float:
        """The setting filling the stage column, the person standing large in it and the meters above the
        person's head. Returns the logical y under the meters, for `below_hud` more (a timer chip)."""
        appearance, on_call = self._portrait_for(speaker)
        if appearance is self.scenario.customer.appearance:
            sat = self.session.shown_meters.get("satisfaction")
            mood = art.mood_for(mood, 50 if sat is None else self._percent("satisfaction", sat))
        box = pygame.Rect(logical.left + HUD_INSET, logical.top + HUD_INSET, logical.width - 2 * HUD_INSET, 0)
        box.height = round(hud_height(ctx, self.meters, box.width)) if hud and not on_call else 0
        if logical.height - (box.bottom - logical.top + HUD_INSET) - below_hud < person_min_height(ctx):
            box.height = 0  # no room above her head: the meters are left to the consequences' card
        clear = (box.bottom - logical.top + HUD_INSET if box.height else 0) + below_hud
        self.person = draw_stage(surface, ctx, logical, setting, appearance, mood, False, "", "", clear,
                                 on_call=on_call)
        if box.height:
            draw_hud(surface, ctx, self.rec, box, self.meters)
            return box.bottom + HUD_INSET
        return logical.top + HUD_INSET

    def _percent(self, meter_id: str, value: int) -> int:
        m = self.scenario.meter(meter_id)
        return round(100 * (value - m.min) / max(1, m.max - m.min))

    def _setting(self) -> str:
        node = self.session.play.node
        return (node.scene if node is not None and node.scene else "") or self.scenario.setting

    def _draw_intro(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        c = self.scenario.customer
        lay = text_layout(ctx, "", self.scenario.summary, list(self.labels.values()))
        bottom = vp.height - FOOTER_H - GAP
        if lay.stage is not None:
            self._draw_stage(surface, ctx, lay.stage, c.name, "neutral", self.scenario.setting)
        card = vp.rect(lay.speech.left, TOP, lay.speech.width, bottom - TOP)
        pygame.draw.rect(surface, th.surface, card, border_radius=vp.px(th.radius))
        pad = vp.px(24)
        x, y, w = card.left + pad, card.top + pad, card.width - 2 * pad
        title_token = "title" if len(ctx.text.wrap(self.scenario.title, ctx.px("title"), w, True)) <= 2 else "large"
        y += paragraph(surface, ctx, self.rec, self.scenario.title, pygame.Rect(x, y, w, 1), title_token, th.accent,
                       bold=True, box=card, max_lines=2) + vp.px(12)
        body_line = ctx.text.line_height(ctx.px("body"))
        room = max(1, (card.bottom - pad - y) // body_line)
        y += paragraph(surface, ctx, self.rec, self.scenario.summary, pygame.Rect(x, y, w, 1), "body", th.text,
                       box=card, max_lines=room) + vp.px(16)
        who = f"{c.name}: {c.role}" if c.role else c.name
        skills = ", ".join(self.scenario.skills)
        for extra in (who, f"Skills: {skills}" if skills else ""):
            h = ctx.text.line_height(ctx.px("small")) * len(ctx.text.wrap(extra, ctx.px("small"), w)) if extra else 0
            if not extra or y + h > card.bottom - pad:
                continue
            y += paragraph(surface, ctx, self.rec, extra, pygame.Rect(x, y, w, 1), "small", th.text_muted,
                           box=card) + vp.px(12)

    def text_pages(self, ctx: Context) -> list[str]:
        """The node's words in pages that fit beside the person: its beats, as many to a page as fit."""
        key = self._key(ctx, "pages")
        if key not in self._layout_cache:
            play = self.session.play
            speaker, whole = self._speech()
            node = play.node
            parts = [b.text if b.narration else f"{b.speaker}: {b.text}" for b in play.beats] \
                if node is not None and node.lines else [whole]
            labels = list(self.labels.values())
            pages: list[list[str]] = []
            for part in parts:
                if pages and text_layout(ctx, speaker, "\n\n".join([*pages[-1], part]), labels).stage is not None:
                    pages[-1].append(part)
                else:
                    pages.append([part])
            if len(pages) > 1 and text_layout(ctx, speaker, whole, labels).stage is not None:
                pages = [parts]
            self._layout_cache[key] = ["\n\n".join(p) for p in pages] or [whole]
        return self._layout_cache[key]

    def _draw_text(self, surface: pygame.Surface, ctx: Context) -> None:
        s = self.session
        speaker, _ = self._speech()
        pages = self.text_pages(ctx)
        page = min(self.text_page, len(pages) - 1)
        text = pages[page]
        lay = self._cached(self._key(ctx, "text", page),
                           lambda: text_layout(ctx, speaker, text, list(self.labels.values())))
        node = s.play.node
        if lay.stage is not None:
            chip_h = self._timer_chip_height(ctx) if s.timer_left is not None else 0.0
            y = self._draw_stage(surface, ctx, lay.stage, s.play.speaker, node.mood if node else "neutral",
                                 self._setting(), chip_h, hud=lay.hud)
            if s.timer_left is not None:
                self._draw_timer_chip(surface, ctx, lay.stage, y)
        if lay.token == "body":
            draw_speech(surface, ctx, lay.speech, s.play.speaker, text)
        else:
            self._draw_long_speech(surface, ctx, lay.speech, speaker, text, lay.token)
        self._record_speech(ctx, lay.speech, speaker, text, lay.token)
        self._draw_prompt(surface, ctx, lay.speech)

    def _draw_long_speech(self, surface: pygame.Surface, ctx: Context, logical: pygame.Rect, speaker: str,
                          text: str, token: str) -> None:
        """The speech panel with its words in a smaller size (a long passage on a 4:3 projector at large text)."""
        th = ctx.theme
        vp = ctx.viewport
        rect = vp.rect(*logical)
        panel(surface, rect, ctx, colour=th.surface, border=th.border, width=2)
        inner = rect.inflate(-2 * vp.px(SPEECH_PAD), -2 * vp.px(SPEECH_PAD))
        y = inner.top
        if speaker:
            blit_text(surface, ctx, speaker, (inner.left, y), "large", th.accent, bold=True)
            y += ctx.text.line_height(ctx.px("large"), True) + vp.px(6)
        blit_paragraph(surface, ctx, text, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), token,
                       th.text if speaker else th.text_muted)

    def _draw_prompt(self, surface: pygame.Surface, ctx: Context, speech: pygame.Rect) -> None:
        """Below the speech, when there is room: a nudge for the room before the options appear."""
        th = ctx.theme
        vp = ctx.viewport
        if not self.session.choices:
            return
        text = "Ask the room: what would you do or say next?"
        top = speech.bottom + GAP
        area = pygame.Rect(speech.left, top, speech.width, vp.height - FOOTER_H - GAP - top)
        inner = area.width - 40
        from .draw import logical_text_height

        need = logical_text_height(ctx, text, "small", inner) + 32
        if need > area.height:
            return
        box = vp.rect(area.left, area.top, area.width, round(need))
        pygame.draw.rect(surface, th.surface_alt, box, border_radius=vp.px(th.radius))
        paragraph(surface, ctx, self.rec, text, vp.rect(area.left + 20, area.top + 16, inner, 1), "small", th.text,
                  box=box)

    def _record_speech(self, ctx: Context, logical: pygame.Rect, speaker: str, text: str,
                       token: str = "body") -> None:
        vp = ctx.viewport
        box = vp.rect(*logical)
        inner = box.inflate(-2 * vp.px(SPEECH_PAD), -2 * vp.px(SPEECH_PAD))
        name_h = (ctx.text.line_height(ctx.px("large"), True) + vp.px(6)) if speaker else 0
        px = ctx.px(token)
        lines = ctx.text.wrap(text, px, inner.width)
        widest = max((ctx.text.font(px).size(x)[0] for x in lines), default=0)
        used = pygame.Rect(inner.left, inner.top, widest, name_h + len(lines) * ctx.text.line_height(px))
        self.rec.add(text, used, box)

    def _timer_chip_height(self, ctx: Context) -> float:
        return (ctx.text.font(ctx.px("small"), True).get_height() + ctx.viewport.px(10)) / ctx.viewport.scale + 8

    def _draw_timer_chip(self, surface: pygame.Surface, ctx: Context, stage: pygame.Rect, y: float) -> None:
        th = ctx.theme
        vp = ctx.viewport
        room = vp.px(stage.width - 24)
        font = ctx.text.font(ctx.px("small"), True)
        seconds = self.session.timer_seconds
        label = next((t for t in (f"Timed: {seconds} seconds", f"Timed: {seconds} s", f"{seconds} s")
                      if font.size(t)[0] + vp.px(22) <= room), f"{seconds} s")
        from ..play.chrome import chip

        r = chip(surface, ctx, label, vp.point(stage.left + HUD_INSET, y), th.warn)
        self.rec.add(label, r, vp.rect(*stage))

    def _draw_consequences(self, surface: pygame.Surface, ctx: Context) -> None:
        s = self.session
        step = s.last_step
        if step is None:
            return
        card = CoachCard(step, self.labels, s.shown_votes, self.scenario.polarity, what_if=s.in_detour)
        lay = self._cached(self._key(ctx, "consequences"),
                           lambda: split_layout(ctx, lambda w, c: card.height(ctx, w, c), list(self.labels.values())))
        node = self.scenario.nodes.get(step.node)
        speaker = node.speaker if node else ""
        speaker = s.play.say(speaker) if speaker else self.scenario.customer.name
        nxt = s.play.node or s.play.ending
        mood = nxt.mood if nxt is not None else "neutral"
        if lay.stage is not None:
            self._draw_stage(surface, ctx, lay.stage, speaker, mood, self._setting(), hud=lay.hud)
        card.draw(surface, ctx, self.rec, lay.card, lay.compact)

    def _draw_ending(self, surface: pygame.Surface, ctx: Context) -> None:
        s = self.session
        ending = s.play.ending
        if ending is None:
            return
        card = EndingCard(ending.title, ending.outcome, s.play.text, self.scenario.customer.name,
                          s.play.lifetime_value())
        lay = self._cached(self._key(ctx, "ending"),
                           lambda: split_layout(ctx, lambda w, c: card.height(ctx, w, c), list(self.labels.values())))
        if lay.stage is not None:
            self._draw_stage(surface, ctx, lay.stage, self.scenario.customer.name, ending.mood,
                             ending.scene or self.scenario.setting, hud=lay.hud)
        card.draw(surface, ctx, self.rec, lay.card)

    def layout_fits(self, ctx: Context) -> bool:
        """Whether the current stage's text fitted without falling back to cutting (for tests)."""
        s = self.session
        if s.stage in (CHOICES, CHOSEN):
            return self._choices_layout(ctx).fits
        return self._drawn_layout is None or self._drawn_layout.fits
