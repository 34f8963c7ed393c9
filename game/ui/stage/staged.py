"""What a scene drawn on the stage shares: its layout (cached per screen size and text size), the column
that scrolls when text is too big, the coach's card's place, the dissolve between nodes and the continue
mark's timing, and the person's motion (blinks, a nod on her reply, walking in and out: see stage.motion).
PlayScene mixes it in; it expects `view`, `meters`, `countdown`, `choices`, `card`, `scroll`, `scenario`, `play`,
`phase`, `beat`, `typewriter`, `speaking`, `customer_mood()`, `satisfaction_percent()`, `animating()` and a
`draw(surface, ctx)`.

The dissolve keeps, from the surface the scene was last drawn on, only what was drawn over the setting (see
stage.dissolve), and lets it go when it ends: nothing full-window is allocated per node or per frame unless
the setting changes. The art a node may show next is warmed on still frames (see stage.prefetch); the first
node's is warmed before the screen's first frame."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pygame

from ..context import Context
from ..native_heap import fix_large_allocation_limit
from ..play import art
from ..play.countdown import Countdown, box_rect, draw_countdown
from ..play.moment import CHOSEN, FEEDBACK, READING, REPLY, NodeView
from ..play.speech import speaker_label
from .cast import pair_on_stage
from .choices import draw_card
from .damage import Damage
from .dialogue import BLINK_SECONDS
from .dissolve import Dissolve
from .hud import size as hud_size
from .layout import StageLayout, compute_stage
from .motion import Pose, StageMotion
from .prefetch import Warmer, first_node, showing, upcoming
from .scenery import title_width
from .solo import card_place, draw_speech
from .textlog import TextLog

DISSOLVE_SECONDS = 0.25  # the last picture of a node fades into the next


class Staged:
    """Layout, scrolling, dissolve and continue-mark timing for a scene on the stage."""

    view: Any
    meters: Any
    countdown: Any
    choices: Any
    card: Any
    scenario: Any
    typewriter: Any
    play: Any
    speaking: Any
    phase: str
    beat: int
    scroll: float
    dirty: bool

    def init_stage(self) -> None:
        self._layout: StageLayout | None = None
        self._layout_key: tuple | None = None
        self.rec = TextLog()  # every line of text drawn in the last frame, with its box
        self.waited = 0.0  # seconds the continue mark has been showing
        self._fade: Dissolve | None = None  # the previous node's last picture, dissolving
        self._drawn_on: weakref.ref[pygame.Surface] | None = None  # the surface the scene was last drawn on
        self._draws = 0  # frames drawn: a picture kept ahead is the one on screen while none has been drawn since
        self._overlaid = False  # the window shows a screen that was over the stage (a menu) since it was drawn
        self._kept_ahead: tuple[int, str, Dissolve] | None = None  # (draws, next setting, the picture kept)
        self.warmer = Warmer()  # the art the node on screen may show next, warmed on still frames
        self._planned: tuple | None = None  # the moment (node, phase, beat, pick) that art was planned for
        self._person_size = (0, 0)
        self._fade_left = 0.0
        self.motion = StageMotion()
        self._damage = Damage()  # what the last frame showed, so the next redraws only what moved
        self._reacted = False  # the person has nodded (or shaken her head) at this reply
        self._ahead: list[Callable[[], object]] | None = None  # what the next moment shows, to prepare
        self._gone_to: Callable[[], Any] | None = None  # what comes once she has walked out

    # ---- layout ------------------------------------------------------------------------------
    def layout(self, ctx: Context) -> StageLayout:
        vp = ctx.viewport
        key = (vp.width, vp.height, vp.scale, ctx.theme.font_scale, ctx.theme.name, ctx.settings.meters)
        if self._layout is None or key != self._layout_key:
            v = self.view
            self._layout = self._lay_out(ctx, v, self.countdown is not None)
            self._layout_key = key
            self.scroll = min(self.scroll, self.max_scroll(ctx))
            self._place_choices()
            self._person_size = ctx.viewport.rect(*self._layout.person).size
            if v is not None and self._planned is None:  # the screen's first node, laid out as it is shown
                self._warm_first(ctx)
        return self._layout

    def _lay_out(self, ctx: Context, v: NodeView | None, timed: bool) -> StageLayout:
        """The stage's layout for the node view `v` (`timed`: with its countdown's box)."""
        shown = ctx.settings.meters != "end"

        def hud(max_width: float) -> tuple[float, float]:
            return hud_size(ctx, self.meters, max_width) if shown else (0.0, 0.0)

        timer = box_rect(ctx, pygame.Rect(0, 0, 4000, 4000)).size if timed else None
        said = [(text, not speaker_label(who)) for who, text in v.said] if v else []
        return compute_stage(ctx, said, list(v.choices) if v else [], hud, timer,
                             title_width(ctx, self.scenario.title),
                             pair=bool(v) and pair_on_stage(self.scenario, v.node_id, v.beats))

    def _plan_ahead(self, ctx: Context) -> list[Callable[[], object]]:
        """What the next moment shows, to prepare now so the key that brings it costs no wrapping or rendering:
        while a line is read, the line whole and the options' cards (drawn off screen, as they first appear);
        after a pick, her reply whole and the coach's card; while the coach's card waits (the play has already
        moved on), the next node's layout, whose wrapping is remembered for when that node is shown. Each task
        takes about a millisecond or less."""
        scratch = pygame.Surface((1, 1))  # drawn on for what the drawing renders and remembers
        tasks: list[Callable[[], object]] = []
        if self.phase in (READING, REPLY) and not self.typewriter.done and self._layout is not None:
            tasks.append(lambda: draw_speech(self, scratch, ctx, None, self._layout, 0, whole=True))
        if self.phase == READING:
            tasks += [lambda b=b: draw_card(scratch, ctx, None, replace(b, enabled=True)) for b in self.choices.buttons]
        elif self.phase in (CHOSEN, REPLY) and self.card is not None and ctx.settings.coach != "debrief":
            tasks.append(lambda: self.card.draw(scratch, ctx, self.card_rect(ctx)))
        elif self.phase == FEEDBACK and not self.play.ended and self.play.node is not None:
            upcoming_view = NodeView.of(self.play)
            tasks.append(lambda: self._lay_out(ctx, upcoming_view, upcoming_view.timer is not None))
            tasks.append(lambda: self._keep_ahead(ctx, upcoming_view.setting))
        return tasks

    @property
    def _ahead_done(self) -> bool:
        """Whether what the next moment shows has been prepared, in this moment."""
        return self._ahead is not None and not self._ahead

    def _work_ahead(self, ctx: Context, drawn: bool) -> None:
        """Prepare the next moment (see _plan_ahead): all of it on a frame that presents nothing, one task on a
        frame that is drawn (a frame with a line typing or the meters moving has the room; stage_update calls
        none during a dissolve)."""
        if self._ahead is None:
            self._ahead = self._plan_ahead(ctx)
        if not drawn:
            while self._ahead:
                self._ahead.pop(0)()
            kept = self._kept_ahead
            if kept is not None and kept[0] != self._draws:  # she blinked since: keep the picture again
                setting, kept = kept[1], None  # no hold here on the old picture, should it be let go
                self._keep_ahead(ctx, setting)
        elif self._ahead:
            self._ahead.pop(0)()

    def _warm_first(self, ctx: Context) -> None:
        """Before the screen's first frame: paint (or load) the setting and her first faces, so neither the
        first frame nor the first new node waits."""
        fix_large_allocation_limit()  # before the largest pictures are made and freed, frame or no frame
        art.backdrop(self.view.setting, tuple(ctx.viewport.window))
        for want in [*reversed(first_node(self, self._person_size)), *showing(self, self._person_size)]:
            want.warm()  # what the first frame shows last, so the art caches keep it longest
        if any(node.timer is not None for node in self.scenario.nodes.values()):
            self._warm_countdown(ctx)
        self._planned = self._moment()
        self.warmer.plan(upcoming(self, self._person_size))

    @staticmethod
    def _warm_countdown(ctx: Context) -> None:
        """Paint the timer's phone (ringing and still) off screen: its first showing then only blits."""
        scratch = pygame.Surface((1, 1))
        box = box_rect(ctx, pygame.Rect(0, 0, 4000, 4000))
        for ringing in (False, True):
            clock = Countdown(10, ringing_phone=True)
            clock.running = ringing
            draw_countdown(scratch, ctx, box, clock)

    def _moment(self) -> tuple:
        """Which moment is on screen: the node's view, the phase, the beat and the pick (the objects, not their
        ids, which a new view may reuse)."""
        return (self.view, self.phase, self.beat, self.step)

    def _plan_art(self) -> bool:
        """At each new moment (a node, a beat, a pick, her reply, the card): list the art the next ones need.
        Returns whether this is a new moment."""
        if self._planned is None or self._moment() == self._planned or self._layout is None:
            return False
        self._planned = self._moment()
        self.warmer.plan(upcoming(self, self._person_size))
        self._ahead = None
        return True

    def layout_changed(self, ctx: Context) -> None:
        self._layout = None
        self.dirty = True

    def card_rect(self, ctx: Context) -> pygame.Rect:
        """Where the coach's card goes: in the column over the stage, above her line in the dialogue box."""
        return card_place(ctx, self.layout(ctx), self.card)

    # ---- scrolling, for text too big for the screen ----------------------------------------------
    def column(self, ctx: Context) -> pygame.Rect:
        """The part of the stage that scrolls when its content is taller than the screen."""
        return pygame.Rect(self.layout(ctx).column)

    def max_scroll(self, ctx: Context) -> float:
        lay = self._layout if self._layout is not None else self.layout(ctx)
        bottom = max([lay.speech.bottom if lay.stacked else 0, *(r.bottom for r in lay.choices)])
        return max(0.0, bottom - lay.column.bottom)

    def _place_choices(self) -> None:
        if self._layout is not None:
            shift = -round(self.scroll)
            self.choices.relayout([r.move(0, shift) for r in self._layout.choices], self._layout.choice_token)

    def scroll_to(self, ctx: Context, value: float) -> None:
        new = max(0.0, min(self.max_scroll(ctx), value))
        if new != self.scroll:
            self.scroll = new
            self._place_choices()
            self.dirty = True

    # ---- the dissolve and the continue mark ----------------------------------------------------
    def _snapshot(self, ctx: Context, setting: str) -> None:
        """Keep the node now on screen as a picture that dissolves into the next one, in `setting`; a moment
        not yet drawn on a window this size cuts in."""
        self._gone_to = None  # a new node (a take-back, a restart): whoever was walking out stays
        self.motion.stay()
        self.motion.allow(ctx.settings.motion)
        kept, self._kept_ahead = self._kept_ahead, None
        running = [rect for rect, _ in self._fade.pieces] if self._fade is not None else []
        self._fade = None
        if kept is not None and kept[:2] == (self._draws, setting) and not self._overlaid:  # still on screen
            self._fade = kept[2]
        else:
            kept = None  # let go before the picture on screen is kept
            self._fade = self._keep(ctx, setting, running)
        self._fade_left = DISSOLVE_SECONDS

    def _keep(self, ctx: Context, setting: str, also: list[pygame.Rect] | None = None) -> Dissolve | None:
        """The picture on screen, to dissolve into a moment in `setting` (`also`: where a dissolve still
        running showed the picture before); None where it cuts: without motion, or before the stage has been
        drawn on a window of this size. A menu just closed over it keeps the whole window."""
        shown = self._drawn_on() if self._drawn_on is not None else None
        size = tuple(ctx.viewport.window)
        if self.view is None or not ctx.settings.motion or shown is None or shown.get_size() != size:
            return None
        same = self.view.setting == setting and not self._overlaid
        behind = art.backdrop(setting, size) if same else None
        return Dissolve(shown, [*self.drawn_over(), *(also or [])], behind)  # what the player sees now

    def overlaid(self) -> None:
        """A screen over the stage (the pause menu, the history) has just closed: until the stage is drawn
        again, the window shows that screen, and a dissolve keeps all of it."""
        self._overlaid = True

    def _keep_ahead(self, ctx: Context, setting: str) -> None:
        """While the coach's card waits: keep the picture now, so the key that leads on does not copy it (after
        a blink, into the pieces kept before when they still fit)."""
        old = self._kept_ahead
        shown = self._drawn_on() if self._drawn_on is not None else None
        if (old is not None and old[1] == setting and shown is not None and not self._overlaid
                and old[2].retake(shown, self.drawn_over())):
            self._kept_ahead = (self._draws, setting, old[2])
            return
        self._kept_ahead = old = None  # the one kept before is let go first
        kept = self._keep(ctx, setting)
        self._kept_ahead = (self._draws, setting, kept) if kept is not None else None

    def drawn_over(self) -> list[pygame.Rect]:
        """Where the last frame drew over the setting: the stage's parts and every line's box."""
        return [*self.rec.parts.values(), *(b.box for b in self.rec.blocks)]

    def covered(self) -> None:
        """An opaque screen went over the stage: let go of the dissolve's pictures."""
        self._fade = self._kept_ahead = None
        self._drawn_on = None
        self._damage.forget()

    @property
    def dissolving(self) -> bool:
        return self._fade is not None

    @property
    def fading(self) -> bool:
        """Whether the stage is between two pictures: a dissolve, her entrance or exit, a nod."""
        return self._fade is not None or self.motion.animating()

    # ---- the person's motion -------------------------------------------------------------------
    def stage_pose(self, ctx: Context, who: str | None) -> Pose:
        """Where to draw `who` (the person drawn on the stage now, None for nobody) in this frame."""
        self.motion.allow(ctx.settings.motion)
        self.motion.present(who)
        return self.motion.pose()

    def leave_then(self, then: Callable[[], Any]) -> Any:
        """At an ending where the customer leaves, she walks out before `then()` (the ending screen) is
        returned from an update; at once with motion off, at another ending, or on a second key press."""
        if self._gone_to is not None:
            return self._walked_out()
        ending = self.play.ending
        customer = self.scenario.customer.name
        if ending is not None and ending.outcome == "leaves" and self.motion.who == customer and self.motion.leave():
            self._gone_to = then
            self.card = None
            self.dirty = True
            return None
        return then()

    def _walked_out(self) -> Any:
        then, self._gone_to = self._gone_to, None
        return then() if then is not None else None

    def wake_in(self) -> float | None:
        """Seconds until her eyes next shut or open or the continue mark blinks, or 0 while art is still to be
        warmed or the next moment's text prepared (a step of a still screen does a little of it): the idle loop
        sleeps until then."""
        replan = self._planned is not None and self._moment() != self._planned
        if self.warmer.pending or replan or not self._ahead_done:
            return 0.0
        wakes = [t for t in (self.motion.wake_in(), self._blink_in()) if t is not None]
        return min(wakes) if wakes else None

    def _blink_in(self) -> float | None:
        """Seconds until the continue mark next goes on or off, while it blinks (then it stays lit)."""
        if not self.waiting or self.waited >= BLINK_SECONDS:
            return None
        return max(0.0, (int(self.waited * 2.5) + 1) / 2.5 - self.waited)

    @property
    def waiting(self) -> bool:
        """Whether a line is fully shown and waits for a key (a beat with more to come, or her reply)."""
        more = self.view is not None and self.beat + 1 < len(self.view.beats)
        return self.typewriter.done and ((self.phase == READING and more) or self.phase == REPLY)

    def stage_update(self, dt: float, ctx: Context) -> Any:
        """Let time pass on the stage; returns the ending's transition once she has walked out. A frame also
        warms art and prepares the text the next moment shows (see _work_ahead), but not during a dissolve."""
        if self.phase == REPLY and not self._reacted:
            self.motion.react(self.speaking[2])
        self._reacted = self.phase == REPLY
        if self.motion.update(dt):
            self.dirty = True
        if self._gone_to is not None and not self.motion.animating():
            return self._walked_out()
        if self._fade is not None:
            self._fade_left -= dt
            self._fade = self._fade if self._fade_left > 0 else None
            self.dirty = True
        was, self.waited = self.waited, self.waited + dt if self.waiting else 0.0
        if int(was * 2.5) != int(self.waited * 2.5) and was < BLINK_SECONDS:
            self.dirty = True  # the continue mark blinks
        if not self._plan_art() and self._fade is None:  # a new moment draws enough
            drawn = self.dirty or self.animating()
            if self.warmer.pending:
                self.warmer.work(drawn=drawn)
            if drawn or not self.warmer.pending:
                self._work_ahead(ctx, drawn)
        return None

    def stage_animating(self) -> bool:
        """Whether every frame changes: a dissolve or a movement. The continue mark's blink changes a frame
        five times in two seconds; wake_in says when, and the frames between are not drawn again."""
        return self.fading

    def draw_dissolve(self, surface: pygame.Surface, ctx: Context) -> None:
        """The dissolving picture over the frame just drawn (the last of the scene's drawing)."""
        self._drawn_on = weakref.ref(surface)  # what the next dissolve starts from
        self._draws += 1
        self._overlaid = False
        if self._fade is not None:
            self._fade.draw(surface, round(255 * max(0.0, self._fade_left) / DISSOLVE_SECONDS), self.drawn_over())
        self._damage.drawn(surface, self, ctx)

    def damage(self, surface: pygame.Surface, ctx: Context) -> list[pygame.Rect] | None:
        """The parts of `surface` the next frame changes while the stage is still (see stage.damage)."""
        return self._damage.rects(surface, self, ctx)
