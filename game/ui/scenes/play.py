"""The play screen: the customer on stage, what they say, your choices, the meters and the coach."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

import pygame

from ...engine import EngineError, Playthrough, Scenario, Step
from ..context import Context
from ..play import art
from ..play.backdrop import NARRATOR
from ..play.choices import ChoiceList
from ..play.countdown import Countdown
from ..play.feedback import FeedbackCard
from ..play.history import HistoryOverlay, history_entries
from ..play.meters import MeterPanel
from ..play.moment import CHOOSING, CHOSEN, FEEDBACK, READING, REPLY, STUCK, NodeView, reacted
from ..play.rollback import ROLLBACK_KEYS, take_back
from ..play.speech import Typewriter
from ..scene import Pop, Push, Replace, Scene, Transition
from ..stage.solo import draw_play
from ..stage.staged import Staged

if TYPE_CHECKING:
    from ...records.recorder import PlayRecorder

CHOSEN_SECONDS = 0.6  # the picked choice stays highlighted while the meters move, then she answers
HINT = "H history · Esc pause"
ROLLBACK_HINT = "H history · Backspace take back · Esc pause"
_FOCUS_OFF = (pygame.WINDOWFOCUSLOST, pygame.WINDOWMINIMIZED, pygame.WINDOWHIDDEN)
_FOCUS_ON = (pygame.WINDOWFOCUSGAINED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN)
_CONTINUE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class PlayScene(Staged, Scene):
    """Plays a scenario node by node; hands over to the ending screen when the story ends."""

    covers_window = True  # the setting fills the window (or its stand-in colour does)

    def __init__(self, scenario: Scenario, play: Playthrough | None = None, shuffle: bool = False,
                 recorder: PlayRecorder | None = None, note: str = "") -> None:
        """`shuffle`: a new play shows each decision's options in a freshly seeded order (the game does;
        headless tools and tests keep the file's order unless they pass a play with a seed). `recorder`
        records the attempt (statements, autosave); one is made on enter when the context has records."""
        super().__init__()
        self.scenario = scenario
        self.shuffle = shuffle
        self.recorder = recorder
        self.play = recorder.play if recorder is not None else play if play is not None else self._new_play()
        self.meters = MeterPanel(scenario.meters, self.play.meters)
        self.labels = {m.id: m.label for m in scenario.meters if m.visible}
        self.view: NodeView | None = None
        self.beat = 0  # which of the node's beats is showing
        self.coach_later = scenario.coach == "debrief"
        self.phase = READING
        self.typewriter = Typewriter("", 1.0)
        self.choices = ChoiceList([], [])
        self.countdown: Countdown | None = None
        self.card: FeedbackCard | None = None
        self.step: Step | None = None
        self.chosen_left = 0.0
        self.focused = True
        self.problem = note
        self.scroll = 0.0
        self._pending: Transition | None = None
        self.init_stage()

    def _new_play(self) -> Playthrough:
        return Playthrough(self.scenario, seed=random.randrange(2**31) if self.shuffle else None)

    # ---- flow --------------------------------------------------------------------------------
    def enter(self, ctx: Context) -> None:
        self.coach_later = self.scenario.coach == "debrief" or ctx.settings.coach == "debrief"
        if self.recorder is None and ctx.records is not None and not self.play.history:
            self.recorder = ctx.records.begin(self.scenario, play=self.play)
            self.play = self.recorder.play
        self._show_node(ctx)

    @property
    def speaking(self) -> tuple[str, str, str]:
        """(speaker, text, mood) in the speech panel now: the beat being read, or the reply to a decision."""
        v = self.view
        if v is None:
            return "", "", "neutral"
        if self.phase in (REPLY, FEEDBACK) and self.step is not None and self.step.reply is not None:
            r = self.step.reply
            return r.speaker, r.text, r.mood
        if v.beats:
            b = v.beats[min(self.beat, len(v.beats) - 1)]
            return b.speaker, b.text, b.mood
        return v.speaker, v.text, v.mood

    def _read_on(self, ctx: Context) -> None:
        """Finish the beat being typed, or go on to the next beat, or to the choices after the last."""
        if not self.typewriter.done:
            self.typewriter.complete()
        elif self.view is not None and self.beat + 1 < len(self.view.beats):
            self.beat += 1
            self.typewriter = Typewriter(self.speaking[1], ctx.settings.chars_per_second)
        if self.typewriter.done and (self.view is None or self.beat + 1 >= len(self.view.beats)):
            self._start_choosing(ctx)
        self.dirty = True

    def _show_node(self, ctx: Context) -> None:
        if self.play.ended:
            self._pending = self._ending()
            return
        view = NodeView.of(self.play)
        self._snapshot(ctx, view.setting)
        self.view = view
        ctx.audio.ambience.room(self.view.setting)  # the room tone, crossfaded when the setting changes
        self._layout = None
        self.scroll = 0.0
        self.step = None
        self.card = None
        self.beat = 0
        phone = self.view.sound == "phone_ring"
        self.countdown = Countdown(self.view.timer, ringing_phone=phone) if self.view.timer else None
        lay = self.layout(ctx)
        self.choices = ChoiceList(self.view.choices, lay.choices, lay.choice_token)
        self.typewriter = Typewriter(self.speaking[1], ctx.settings.chars_per_second)
        if self.view.sound and not (self.countdown and self.view.sound == "phone_ring"):
            ctx.audio.play(self.view.sound)
        self.phase = READING
        if self.typewriter.done and len(self.view.beats) <= 1:
            self._start_choosing(ctx)
        self.dirty = True

    def _start_choosing(self, ctx: Context) -> None:
        if not self.view or (not self.view.choices and not self.countdown):
            self.phase = STUCK
            return
        self.phase = CHOOSING
        if self.countdown is not None:
            self.countdown.running = True
            if self.focused:
                self._ring(ctx)

    def _ring(self, ctx: Context) -> None:
        """Loop the phone while a phone's timer runs (other timers count down in silence)."""
        if self.countdown is not None and self.countdown.ringing_phone:
            ctx.audio.play("phone_ring", loop=True)

    def _decide(self, ctx: Context, index: int | None) -> None:
        """Take choice `index` (0-based), or the timer's branch when None."""
        ctx.audio.stop("phone_ring")
        if self.countdown is not None:
            self.countdown.running = False
        player = self.recorder if self.recorder is not None else self.play
        try:
            step = player.timeout() if index is None else player.choose(index)
        except EngineError as exc:
            self.problem = f"That choice could not be played: {exc}"
            self.dirty = True
            return
        ctx.audio.play("click")
        self.step = step
        self.choices.select(index)
        self.choices.enabled = False
        self.meters.set(step.meters_after)
        self.card = FeedbackCard(step, self.labels, self.scenario.polarity)
        self.phase = CHOSEN
        self.chosen_left = CHOSEN_SECONDS
        self.dirty = True

    def _after_choice(self, ctx: Context) -> Transition | None:
        """After the pick: her reply if there is one, then the coach (unless the coach waits for the debrief)."""
        if self.step is not None and self.step.reply is not None:
            self.phase = REPLY
            self.typewriter = Typewriter(self.step.reply.text, ctx.settings.chars_per_second)
            self.dirty = True
            return None
        return self._coach_or_next(ctx)

    def _coach_or_next(self, ctx: Context) -> Transition | None:
        if self.coach_later:
            return self._next(ctx)
        self._show_feedback(ctx)
        return None

    def _show_feedback(self, ctx: Context) -> None:
        self.phase = FEEDBACK
        sat = self.step.deltas.get("satisfaction", 0) if self.step else 0
        if sat:
            ctx.audio.play("good" if sat > 0 else "bad")
        self.dirty = True

    def _next(self, ctx: Context) -> Transition | None:
        if self.play.ended:
            return self.leave_then(self._ending)  # a customer who leaves walks out first
        self._show_node(ctx)
        return None

    def _ending(self) -> Transition:
        from .ending import EndingScene

        if self.recorder is None:
            return Replace(EndingScene(self.play))
        scene = EndingScene(self.play, record=False)
        scene.problem = self.recorder.finish()
        return Replace(scene)

    @property
    def can_take_back(self) -> bool:
        return self.scenario.rollback and self.play.can_undo

    def take_back(self, ctx: Context) -> None:
        """Roll back the last decision (Backspace / Page Up), unless the scenario is assessed."""
        if take_back(self, ctx):
            self._show_node(ctx)

    def restart(self, ctx: Context) -> None:
        """Start the scenario again from the beginning."""
        ctx.audio.stop("phone_ring")
        if ctx.records is not None:
            self.recorder = ctx.records.begin(self.scenario, play=self._new_play())
            self.play = self.recorder.play
        else:
            self.play = self._new_play()
        self.meters = MeterPanel(self.scenario.meters, self.play.meters)
        self.problem = ""
        self._show_node(ctx)

    def resume(self, ctx: Context, result: Any = None) -> None:
        self.dirty = True
        self._layout = None
        self.overlaid()  # a restart or take-back from the menu dissolves from the menu on screen
        if result == "restart":
            self.restart(ctx)
        elif result == "menu":
            ctx.audio.stop("phone_ring")
            ctx.audio.ambience.music()  # back to the menus
            self._pending = Pop()
        elif self.phase == CHOOSING and self.countdown is not None and self.countdown.running and self.focused:
            self._ring(ctx)
        if result != "menu" and self.view is not None:
            ctx.audio.ambience.room(self.view.setting)  # back from the pause menu or the history

    # ---- layout and scrolling (layout, column, max_scroll, scroll_to, card_rect: see stage.staged) ----
    def _show_focus(self, ctx: Context) -> None:
        """Scroll so the keyboard focus is on screen."""
        lay = self.layout(ctx)
        if not lay.choices or self.max_scroll(ctx) <= 0:
            return
        r = lay.choices[min(self.choices.focus, len(lay.choices) - 1)]
        col = self.column(ctx)
        if r.bottom - self.scroll > col.bottom:
            self.scroll_to(ctx, r.bottom - col.bottom)
        elif r.top - self.scroll < col.top:
            self.scroll_to(ctx, r.top - col.top)

    # ---- events ------------------------------------------------------------------------------
    def _hovers(self) -> tuple:
        return self.choices.hover, self.card.hover if self.card else None

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        before = self._hovers()
        result = self._handle(event, ctx)
        if self._hovers() != before:
            self.dirty = True
        return result

    def _handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type in _FOCUS_OFF:
            self._set_focus(ctx, False)
            return None
        if event.type in _FOCUS_ON:
            self._set_focus(ctx, True)
            return None
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self._pause(ctx)
        if self._scrolled(event, ctx):
            return None
        if event.type == pygame.KEYDOWN and event.key in ROLLBACK_KEYS and self.phase != CHOSEN:
            self.take_back(ctx)
            return None
        if self._wants_history(event):  # at every moment, the coach's card too (the header says "H history")
            return Push(HistoryOverlay(history_entries(self.play, upcoming=self.phase in (READING, CHOOSING, STUCK))))
        if self.phase == READING:
            if event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1):
                self._read_on(ctx)
            return None
        if self.phase == CHOOSING:
            if (event.type == pygame.MOUSEBUTTONDOWN and self.max_scroll(ctx) > 0
                    and not ctx.viewport.rect(*self.column(ctx)).collidepoint(event.pos)):
                return None  # a choice scrolled out of view cannot be clicked
            picked = self.choices.handle(event, ctx)
            if event.type == pygame.KEYDOWN:
                self.dirty = True
                self._show_focus(ctx)
            if picked is not None:
                self._decide(ctx, picked)
            return None
        continues = (event.type == pygame.KEYDOWN and event.key in _CONTINUE_KEYS) or (
            event.type == pygame.MOUSEBUTTONDOWN and event.button == 1)
        if self.phase == CHOSEN:
            return self._after_choice(ctx) if continues else None
        if self.phase == REPLY:
            if not continues:
                return None
            if not self.typewriter.done:
                self.typewriter.complete()
                self.dirty = True
                return None
            return self._coach_or_next(ctx)
        if self.phase == FEEDBACK and self.card is not None and self.card.handle(event, ctx, self.card_rect(ctx)):
            ctx.audio.play("click")
            return self._next(ctx)
        return None

    def _scrolled(self, event: pygame.event.Event, ctx: Context) -> bool:
        """Scroll the column when it overflows: the wheel (up at the top still opens the history) and
        Page Up / Page Down. True when the event was used."""
        if self.phase not in (READING, CHOOSING, CHOSEN) or self.max_scroll(ctx) <= 0:
            return False
        page = self.column(ctx).height - 60
        if event.type == pygame.MOUSEWHEEL and not (event.y > 0 and self.scroll <= 0):
            self.scroll_to(ctx, self.scroll - event.y * 60)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll_to(ctx, self.scroll + (page if event.key == pygame.K_PAGEDOWN else -page))
            return True
        return False

    @staticmethod
    def _wants_history(event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_h:
            return True
        return event.type == pygame.MOUSEWHEEL and event.y > 0

    def _set_focus(self, ctx: Context, focused: bool) -> None:
        if focused == self.focused:
            return
        self.focused = focused
        self.dirty = True
        running = self.phase == CHOOSING and self.countdown is not None and self.countdown.running
        if not focused:
            ctx.audio.stop("phone_ring")
        elif running:
            self._ring(ctx)

    def _pause(self, ctx: Context) -> Transition | None:
        ctx.audio.stop("phone_ring")
        ctx.audio.ambience.hush()
        try:
            from .pause import PauseScene
        except ImportError:
            return Pop()
        return Push(PauseScene())

    # ---- time --------------------------------------------------------------------------------
    def update(self, dt: float, ctx: Context) -> Transition | None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            return pending
        if self.meters.update(dt):
            self.dirty = True
        gone = self.stage_update(dt, ctx)  # the ending, once she has walked out
        if gone is not None:
            return gone
        if self.phase in (READING, REPLY):
            if self.typewriter.update(dt):
                self.dirty = True
            last_beat = self.view is None or self.beat + 1 >= len(self.view.beats)
            if self.phase == READING and self.typewriter.done and last_beat:
                self._start_choosing(ctx)
                self.dirty = True
        elif self.phase == CHOOSING and self.countdown is not None and self.focused:
            if self.countdown.tick(dt):
                self._decide(ctx, None)
        elif self.phase == CHOSEN:
            self.chosen_left -= dt
            if self.chosen_left <= 0:
                return self._after_choice(ctx)
        return None

    def animating(self) -> bool:
        if self.phase in (READING, REPLY) and not self.typewriter.done:
            return True
        if self.phase == CHOOSING and self.countdown is not None and self.countdown.running and self.focused:
            return True
        if self.stage_animating():
            return True
        return self.phase == CHOSEN or self.meters.animating()

    # ---- drawing -----------------------------------------------------------------------------
    def customer_mood(self) -> str:
        """The customer's face now: the node's mood, nudged by satisfaction and, after a choice, by its effect."""
        if self.view is None:
            return "neutral"
        reply = self.step.reply if self.step is not None else None
        if reply is not None and (self.phase in (REPLY, FEEDBACK) or (self.phase == CHOSEN and self._hers(reply))):
            return reply.mood  # from the pick on, her face is the one she answers with
        mood = art.mood_for(self.speaking[2], self.satisfaction_percent())
        if self.phase in (CHOSEN, FEEDBACK) and self.step is not None:
            mood = reacted(mood, self.step.deltas.get("satisfaction", 0))
        return mood

    def _hers(self, reply) -> bool:
        """Whether the customer gives this reply (herself, or narrated), so her face may show it early."""
        who = reply.speaker.strip()
        return who.lower() == NARRATOR or who == self.scenario.customer.name

    def satisfaction_percent(self) -> int:
        m = next((m for m in self.scenario.meters if m.id == "satisfaction"), None)
        if m is None:
            return 50
        shown = self.meters.displayed("satisfaction") if m.visible else self.play.meters[m.id]
        return round(100 * (shown - m.min) / max(1, m.max - m.min))

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        draw_play(self, surface, ctx, ROLLBACK_HINT if self.can_take_back else HINT)
        self.draw_dissolve(surface, ctx)
