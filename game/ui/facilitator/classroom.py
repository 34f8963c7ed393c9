"""The classroom screen: a scenario revealed step by step on a projector, driven by a presenter clicker."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import EngineError, Scenario
from ...facilitation import ClassSession, action_for
from ...facilitation import keys as k
from ...facilitation.session import CHOICES, CHOSEN, CONSEQUENCES, DEBRIEF, ENDING, INTRO, TEXT
from ..context import Context
from ..play.meters import MeterPanel
from ..scene import Pop, Push, Scene, Transition
from .class_records import note_start, record_class
from .draw import MARGIN, Recorder
from .leave import LEAVE, STAY, LeaveDialog
from .screens import ClassroomScreens


class ClassroomScene(ClassroomScreens, Scene):
    """Shows a ClassSession; every key goes through the facilitator's key map."""

    def __init__(self, scenario: Scenario, session: ClassSession | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        self.session = session or ClassSession(scenario)
        self.labels = {m.id: m.label for m in scenario.meters if m.visible}
        self.meters = MeterPanel(scenario.meters, self.session.shown_meters)
        self.rec = Recorder()
        self.notice = ""
        self._layout_cache: dict[tuple, Any] = {}
        self._drawn_layout: Any = None
        self.person = pygame.Rect(0, 0, 0, 0)
        self.text_page = 0
        self.option_page = 0
        self.card_shown = False
        self._option_rects: list[tuple[int, pygame.Rect]] = []
        self.leaving: LeaveDialog | None = None
        self._memo_main: dict[tuple, int | None] = {}
        self._stage_seen = self.session.stage
        self._path_seen = len(self.session.path)
        self._detour_seen = self.session.in_detour

    # ---- keys --------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if self.leaving is not None:
            return self._answer_leave(event, ctx)
        if event.type == pygame.KEYDOWN:
            action = action_for(pygame.key.name(event.key), event.unicode)
            if action is None:
                return None
            try:
                return self.act(action, ctx)
            except EngineError as exc:  # content that cannot be played never crashes the room's session
                self.notice = f"This scenario cannot go on from here: {exc}"
                self.dirty = True
                return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.session.stage == CHOICES:
            for i, r in self._option_rects:
                if r.collidepoint(event.pos):
                    self.session.choose(i)
                    self._changed(ctx)
                    break
        return None

    def act(self, action: k.Action, ctx: Context) -> Transition | None:
        s = self.session
        self.notice = ""
        name = action.name
        selected = s.selected
        if name == k.NEXT and s.stage == TEXT and self.text_page < len(self.text_pages(ctx)) - 1:
            self.text_page += 1  # a long node is read a page of beats at a time
        elif name == k.PREVIOUS and s.stage == TEXT and self.text_page > 0:
            self.text_page -= 1
        elif name == k.NEXT and self.card_waits(ctx):
            self.card_shown = True  # her line was shown; now the coach's card
        elif name == k.NEXT and s.stage == CHOICES and self.shown_page(ctx) < len(self.option_pages(ctx)) - 1:
            self.option_page = self.shown_page(ctx) + 1  # a crowded decision's options, a page at a time
        elif name == k.PREVIOUS and s.stage == CHOICES and self.shown_page(ctx) > 0:
            self.option_page = self.shown_page(ctx) - 1
        elif name == k.NEXT or (name == k.RESUME and s.stage == INTRO):
            if s.stage == ENDING and not s.in_detour:
                return self._debrief(ctx)
            if s.next() == "returned":
                self.notice = "Back on the class's path."
            elif s.stage == TEXT and not s.choices and s.timer_left is None and not s.play.ended:
                self.notice = "The story has no way on from here. Page Up goes back."
        elif name == k.PREVIOUS:
            what = s.previous()
            if what == "rewound":
                number = s.main_choice_here
                chose = f" The class chose {number}." if number else ""
                self.notice = f"What if?{chose} Next tries {s.selected + 1}."
            elif what == "returned":
                self.notice = "Back on the class's path."
        elif name == k.BLANK:
            self.dirty = True
            from .overlays import BlankScene

            return Push(BlankScene())
        elif name == k.HELP:
            from .overlays import HelpOverlay

            return Push(HelpOverlay())
        elif name == k.VOTE and action.number is not None:
            s.add_vote(action.number)
        elif name == k.CLEAR_VOTES:
            s.clear_votes()
        elif name in (k.SELECT_UP, k.SELECT_DOWN):
            s.select(-1 if name == k.SELECT_UP else 1)
        elif name == k.TIMER:
            s.toggle_timer()
        elif name == k.WHAT_IF:
            if s.stage in (TEXT, CHOICES, CHOSEN, CONSEQUENCES) or s.path:
                from .whatif import WhatIfScene

                return Push(WhatIfScene(s))
        elif name == k.BACK:
            if s.return_to_main():
                self.notice = "Back on the class's path."
            else:  # Esc pauses the ordinary play screen: say how this one is left
                self.notice = "Q leaves the session · F1 lists every key"
        elif name == k.ADOPT:
            if s.adopt():
                self.notice = "This is now the class's path."
        elif name == k.DEBRIEF:
            return self._debrief(ctx)
        elif name == k.EXPORT:
            return self._export(ctx)
        elif name == k.QUIT:
            self.leaving = LeaveDialog()  # asks once: Q again or Enter leaves, any other key stays
        if s.stage == CHOICES and s.selected != selected:
            self.follow_selection(ctx)  # a pick or the room's lead on another page of options brings it up
        self._changed(ctx)
        return None

    def _answer_leave(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        dialog = self.leaving
        assert dialog is not None
        if event.type == pygame.KEYDOWN:
            answer: str | None = dialog.key(event)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            answer = dialog.click(ctx, event.pos)
        else:
            return None
        if answer == LEAVE:
            return Pop()
        if answer == STAY:
            self.leaving = None
            self.dirty = True
        return None

    def _debrief(self, ctx: Context) -> Transition:
        from .debrief import DebriefScene

        self.notice = record_class(ctx, self.session) or ""  # the class's path, for the facilitator's records
        return Push(DebriefScene(self.session))

    def _export(self, ctx: Context) -> Transition:
        from .export import ExportNotice, export_debrief

        self.dirty = True
        return Push(ExportNotice(export_debrief(ctx, self.session)))  # a page of its own: it covers nothing

    def resume(self, ctx: Context, result: Any = None) -> None:
        if isinstance(result, str) and result:
            self.notice = self._fitting_notice(ctx, result)
        self._changed(ctx)

    @staticmethod
    def _fitting_notice(ctx: Context, notice: str) -> str:
        """The notice, or a shorter wording of it, that fits on the footer's line (a longer one would sit in a
        box over the screen's foot and cover the options there)."""
        head = notice.split(" · ")[0]
        font = ctx.text.font(ctx.px("small"), True)
        room = ctx.viewport.px(ctx.viewport.width - 2 * MARGIN)
        for text in (notice, f"{head} · Esc returns", head):
            if font.size(text)[0] <= room:
                return text
        return notice

    def _changed(self, ctx: Context) -> None:
        """Bring the meters and sounds in line with the session after anything happened."""
        s = self.session
        moved = s.stage != self._stage_seen or len(s.path) != self._path_seen or s.in_detour != self._detour_seen
        if moved:
            self.text_page = 0
            self.option_page = 0
            self.card_shown = False
        if moved and s.stage == CONSEQUENCES:
            # From the meters before this decision, whatever was on screen (a what-if's meters, on return):
            # the changes shown are this decision's own, as on the coach's card and in the debrief.
            self.meters.set(s.meters_before_step, animate=False, show_delta=False)
            self.meters.set(s.shown_meters, animate=True, show_delta=True)
            step = s.last_step
            if step is not None:
                net = sum(step.deltas.values())
                ctx.audio.play("good" if net > 0 else "bad" if net < 0 else "reveal")
        elif moved:
            self.meters.set(s.shown_meters, animate=False, show_delta=False)
            if s.stage == TEXT and s.play.node is not None and s.play.node.sound:
                ctx.audio.play(s.play.node.sound)
            if s.stage == ENDING:
                ctx.audio.play("reveal")
        if s.stage in (ENDING, DEBRIEF):
            ctx.audio.ambience.music()  # the music bed from the ending on
        elif s.stage != INTRO:
            ctx.audio.ambience.room(self._setting())  # the room tone of the scene shown
        self._stage_seen, self._path_seen, self._detour_seen = s.stage, len(s.path), s.in_detour
        self.dirty = True

    # ---- time --------------------------------------------------------------------------------
    def update(self, dt: float, ctx: Context) -> Transition | None:
        s = self.session
        note_start(ctx, s)
        if s.timer_running:
            before = int(s.timer_left or 0)
            if s.tick(min(dt, 0.25)):
                self.notice = "Time ran out."
                self._changed(ctx)
            elif int(s.timer_left or 0) != before:
                self.dirty = True
        if self.meters.update(dt):
            self.dirty = True
        return None

    def animating(self) -> bool:
        return self.session.timer_running or self.meters.animating()

    def layout_changed(self, ctx: Context) -> None:
        self._layout_cache.clear()
        self.dirty = True
