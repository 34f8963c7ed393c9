"""How the classroom draws each step of a session on the stage (the same stage as solo play): the intro, the
node's words a page at a time, the choices, the pick, her reply and the coach's card, and the ending."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine.playthrough import Beat
from ...facilitation.session import CHOICES, CHOSEN, CONSEQUENCES, DEBRIEF, ENDING, INTRO, TEXT
from ..context import Context
from ..stage.dialogue import glass
from ..stage.textlog import paragraph, paragraph_px
from .cards import CoachCard, EndingCard, chosen_line
from .choices_screen import ChoicesScreen
from .pages import NARRATOR, Page

HINTS = {
    INTRO: "Page Down or F5 to begin · F1 keys",
    TEXT: "Next: show the choices · B blank · F1 keys",
    CHOICES: "1-9 vote · 0 clear · ↑↓ pick · Next takes option {n}",
    CHOSEN: "Next: reveal the consequences · Page Up to change",
    CONSEQUENCES: "Next: continue · Page Up: what if? · W compare",
    ENDING: "Next: class debrief · Page Up: what if?",
}
SHORT_HINTS = {  # when the full hint would not fit on the line (large text on a 4:3 projector)
    CHOICES: "1-9 vote · 0 clear · ↑↓ pick · Next: {n}",
    CHOSEN: "Next: consequences · Page Up: change",
    CONSEQUENCES: "Next: continue · Page Up: what if?",
}
MORE_HINT = "Next: more of the story · B blank · F1 keys"
CARD_HINT = "Next: the coach's card · Page Up: what if?"
DETOUR_HINTS = {
    CHOICES: "What if · marked: the class's pick · Next takes {n}",
    ENDING: "What if: Next returns to the class's path · A keeps this path",
}
ASK = "Ask the room: what would you do or say next?"


class ClassroomScreens(ChoicesScreen):
    """The drawing half of the classroom scene (mixed into ClassroomScene)."""

    labels: dict[str, str]
    leaving: Any  # the question before the session ends, while it is asked
    text_page: int  # which page of a long node's words is on screen
    card_shown: bool  # whether the coach's card that waited for her line is up

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        self.rec.clear()
        self._drawn_layout = None
        self.person = pygame.Rect(0, 0, 0, 0)
        s = self.session
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
        self._foot(surface, ctx, self._hint(ctx))
        if self.leaving is not None:
            self.leaving.draw(surface, ctx, self.rec)

    def _hint(self, ctx: Context) -> list[str]:
        """The key hints for the step on screen, the fullest first (the first that fits is shown)."""
        s = self.session
        n = s.selected + 1
        if s.stage == CHOICES and len(self.option_pages(ctx)) > 1:
            pages = self.pages_line(ctx)
            if self.shown_page(ctx) < len(self.option_pages(ctx)) - 1:
                return [f"{pages} · 1-9 vote · ↑↓ pick", pages]
            return [f"{pages} · Next takes option {n}", f"{pages} · Next: {n}", pages]
        hint = (DETOUR_HINTS.get(s.stage) if s.in_detour else None) or HINTS.get(s.stage, "")
        if s.stage == TEXT and self.text_page < len(self.text_pages(ctx)) - 1:
            hint = MORE_HINT
        if self.card_waits(ctx):
            hint = CARD_HINT
        short = SHORT_HINTS.get(s.stage)
        hints = [hint.format(n=n), *([short.format(n=n)] if short else [])]
        if s.in_detour and s.stage not in DETOUR_HINTS:  # the title chip may have no room to say so
            hints = [f"What if · {h}" for h in hints] + hints
        return hints

    def _status(self) -> str:
        s = self.session
        if s.stage == INTRO:
            return "Class session"
        where = "Ending" if s.stage in (ENDING, DEBRIEF) else f"Decision {s.decision_number}"
        if s.stage == TEXT and s.timer_seconds is not None:
            where += f" · timed {s.timer_seconds} s"
        return f"What if · {where}" if s.in_detour else where

    # ---- the intro ---------------------------------------------------------------------------
    def _draw_intro(self, surface: pygame.Surface, ctx: Context) -> None:
        """The scenario's summary in the box, the customer in the setting, a card with who she is and the
        skills practised rising beside her."""
        sc = self.scenario
        c = sc.customer
        page = Page("", c.name, "neutral", ((sc.summary, True),))
        lay = self._stage(ctx, [page.said])
        self._scene(surface, ctx, lay, sc.setting, page, [Beat(c.name, sc.summary, "neutral")], hud=False)
        who = f"{c.name}: {c.role}" if c.role else c.name
        skills = ", ".join(sc.skills)
        self._card(surface, ctx, lay, sc.title, [who, f"Skills: {skills}" if skills else ""])

    def _card(self, surface: pygame.Surface, ctx: Context, lay, title: str, extras: list[str]) -> None:
        """A card in the column, resting on the box: a title (smaller when that fits) and the lines after it
        that have room."""
        th = ctx.theme
        vp = ctx.viewport
        col = vp.rect(*lay.lower)
        pad = vp.px(20)
        inner = col.width - 2 * pad
        kept = [e for e in extras if e]
        for token in ("title", "large", "body"):
            title_h = paragraph_px(ctx, title, inner, token, True)
            while kept and title_h + sum(paragraph_px(ctx, e, inner, "small") + vp.px(8) for e in kept) \
                    + 2 * pad + vp.px(8) > col.height:
                kept.pop()
            if title_h + 2 * pad <= col.height:
                break
        else:
            return  # no room even for the title in body type: it is on the title chip
        h = title_h + sum(paragraph_px(ctx, e, inner, "small") + vp.px(8) for e in kept) + 2 * pad + vp.px(8)
        card = pygame.Rect(col.left, col.bottom - h, col.width, h)
        glass(surface, card, th.surface, 246, vp.px(th.radius), th.accent, max(1, vp.px(3)))
        y = card.top + pad
        y += paragraph(surface, ctx, self.rec, title, pygame.Rect(card.left + pad, y, inner, 1), token, th.accent,
                       bold=True, box=card) + vp.px(8)
        for extra in kept:
            y += paragraph(surface, ctx, self.rec, extra, pygame.Rect(card.left + pad, y, inner, 1), "small",
                           th.text, box=card) + vp.px(8)

    # ---- the node's words --------------------------------------------------------------------
    def text_pages(self, ctx: Context) -> list[Page]:
        """The node's words in pages that fit in the box: its beats, as many to a page as fit."""
        return self.pages_of(ctx, self.session.play.beats) or [Page("", NARRATOR, "neutral", (("", True),))]

    def _draw_text(self, surface: pygame.Surface, ctx: Context) -> None:
        s = self.session
        pages = self.text_pages(ctx)
        page = pages[min(self.text_page, len(pages) - 1)]
        lay = self._stage(ctx, [p.said for p in pages])  # the box keeps its size from page to page ...
        if lay.stacked:
            lay = self._stage(ctx, [page.said])  # ... unless that would move it off the bottom
        self._scene(surface, ctx, lay, self._setting(), page, s.play.beats, node_id=s.play.location)
        if self.text_page >= len(pages) - 1 and s.choices:
            notes = [(ASK, ctx.theme.text)]
            if s.timer_seconds is not None:
                notes.append((f"Timed decision: {s.timer_seconds} seconds", ctx.theme.warn))
            self._notes(surface, ctx, lay, notes)

    # ---- her reply and the coach's card ------------------------------------------------------
    def _consequences(self, ctx: Context):
        """What the consequences show: the page in the box (her reply, or without one her last line), the
        stage, the coach's card and its place, whether the HUD and the box stay in view."""
        s = self.session
        step = s.last_step
        assert step is not None
        before = self._decided()
        reply = step.reply
        if reply is not None:
            narrated = reply.speaker.strip().lower() == NARRATOR
            page = Page("" if narrated else reply.speaker, reply.speaker, reply.mood, ((reply.text, narrated),))
        else:
            pages = self.pages_of(ctx, before.beats)
            page = pages[-1] if pages else Page("", NARRATOR, "neutral", ((chosen_line(step), True),))
        lay = self._stage(ctx, [page.said])
        card = CoachCard(step, self.labels, s.shown_votes, self.scenario.polarity, what_if=s.in_detour)
        where, hud, box = self._place_card(ctx, lay, card, self._readout(dict(step.deltas)), lead=True)
        return before, page, lay, card, where, hud, box

    def _draw_consequences(self, surface: pygame.Surface, ctx: Context) -> None:
        """Her reply in the box (with the face she answers with) alone first, so the room sees how she takes
        it; the next step brings the coach's card into the column above it (or, too tall for that, in the
        box's place)."""
        if self.session.last_step is None:
            return
        before, page, lay, card, where, hud, box = self._consequences(ctx)
        if self.card_waits(ctx):
            self._scene(surface, ctx, lay, self._setting_of(before), page, before.beats, answering=True,
                        node_id=before.location)
            return
        self._scene(surface, ctx, lay, self._setting_of(before), page, before.beats, answering=True,
                    node_id=before.location, hud=hud,
                    title_right=_beside(lay, where), box=box)
        card.draw(surface, ctx, self.rec, where)
        self.rec.parts["card"] = ctx.viewport.rect(*where)

    def card_waits(self, ctx: Context) -> bool:
        """Whether her line is on screen alone and Next shows the coach's card."""
        s = self.session
        if s.stage != CONSEQUENCES or s.last_step is None or self.card_shown:
            return False
        return s.last_step.reply is not None or not self._consequences(ctx)[-1]  # the customer before the coach

    # ---- the ending --------------------------------------------------------------------------
    def _draw_ending(self, surface: pygame.Surface, ctx: Context) -> None:
        s = self.session
        ending = s.play.ending
        if ending is None:
            return
        c = self.scenario.customer
        page = Page("", c.name, ending.mood, ((s.play.text, True),))
        lay = self._stage(ctx, [page.said])
        card = EndingCard(ending.title, ending.outcome, c.name, s.play.lifetime_value())
        where, hud, _ = self._place_card(ctx, lay, card)
        self._scene(surface, ctx, lay, ending.scene or self.scenario.setting, page,
                    [Beat(c.name, s.play.text, ending.mood)], hud=hud, title_right=_beside(lay, where))
        card.draw(surface, ctx, self.rec, where)
        self.rec.parts["card"] = ctx.viewport.rect(*where)

    def layout_fits(self, ctx: Context) -> bool:
        """Whether the current stage's text fitted without anything spilling (for tests)."""
        return self._drawn_layout is None or self._drawn_layout.fits


def _beside(lay, card: pygame.Rect) -> int | None:
    """Where the title chip must end to keep clear of a card reaching the top of the screen (None: free)."""
    return card.left - 12 if card.top < lay.title.bottom + 12 else None
