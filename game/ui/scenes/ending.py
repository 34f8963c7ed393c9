"""The ending on the stage: the ending's setting full screen, the customer large with the ending's face (fading
as she goes, when she leaves), the final meters in the HUD, how the story finished in the dialogue box, and a
card with the outcome, the ending's title, what the customer is worth now and the coach's summary."""

from __future__ import annotations

import pygame

from ...engine import TIMEOUT, Playthrough, fmt_amount
from ...userdata.progress import Attempt
from ..context import Context
from ..play import art
from ..play.chrome import button_width, outcome_colour, outcome_line, text_width
from ..play.layout import line_height
from ..play.meters import MeterPanel
from ..scene import Replace, Transition
from ..stage.dialogue import draw_dialogue, glass
from ..stage.hud import draw_hud
from ..stage.hud import size as hud_size
from ..stage.layout import EDGE, GAP, StageLayout, compute_stage
from ..stage.people import draw_leaving
from ..stage.scenery import draw_person, draw_setting, draw_title, title_width
from ..stage.textlog import TextLog, line, paragraph_px, wrap
from ..text import line_x
from ..widgets import Button, FocusGroup
from .after_ending import PausableAfterEnding

BUTTON_H = 56
CONTINUE = "See what it is worth"
SHORTER = ("What it is worth", "Go on")  # the button's words when the column is narrow for large type
HINT = "Enter to continue"
PAD = 18  # inside the card
SCROLL_STEP = 60
TOKENS = (("title", "body"), ("large", "body"), ("large", "small"))  # (the title's, the words') sizes, largest first


def record_attempt(ctx: Context, play: Playthrough) -> str | None:
    """Save the finished play to the player's progress; returns a plain problem sentence if it was not saved."""
    ending = play.ending
    if ending is None:
        return None
    value = play.lifetime_value()
    path = [TIMEOUT if s.kind == TIMEOUT else str(s.number) for s in play.history]
    attempt = Attempt(play.scenario.id, play.scenario.version, path, dict(play.meters), ending.id, ending.outcome,
                      value.net if value else 0.0, facilitator=ctx.facilitator, learner_id=ctx.progress.learner_id)
    try:
        ctx.progress.record(attempt)
    except Exception as exc:  # saving progress must never end the game
        return f"Your progress could not be saved ({exc})."
    return ctx.progress.problem


def button_height(ctx: Context) -> float:
    """The button's logical height: its usual height, or a line of large type with room around it."""
    return max(BUTTON_H, line_height(ctx, "body") + 20)


def value_line(play: Playthrough) -> str:
    """The ending's worth to the business in one line ('' when the scenario does not count it)."""
    value = play.lifetime_value()
    if value is None:
        return ""
    return f"Worth to the business: {fmt_amount(value.net, value.unit, signed=True)}"


class EndingScene(PausableAfterEnding):
    """Shows the ending on the stage; Enter or the button moves on to the lifetime-value screen."""

    def __init__(self, play: Playthrough, record: bool = True) -> None:
        super().__init__()
        self.play = play
        self.scenario = play.scenario
        self.record = record
        self.problem: str | None = None
        self.meters = MeterPanel(play.scenario.meters, play.meters)
        self.group = FocusGroup([])
        self.scroll = 0.0
        self.max_scroll = 0.0
        self.rec = TextLog()  # every text drawn in the last frame, with its box (for the no-cut-text measure)
        self._lay: StageLayout | None = None
        self._story_in_card: bool | None = None
        self._hud_in_card: bool | None = None

    def enter(self, ctx: Context) -> None:
        if self.record:
            self.problem = record_attempt(ctx, self.play)
        ctx.audio.play("reveal")
        ctx.audio.ambience.music()  # the soft music bed through the ending, value and debrief screens
        self.layout_changed(ctx)

    # ---- layout ------------------------------------------------------------------------------
    def layout(self, ctx: Context) -> StageLayout:
        if self._lay is None:
            said = [(self.play.text, True)]
            for _ in range(2):  # a story too long for the box goes in the card: the box then holds nothing
                self._lay = compute_stage(ctx, said, [], lambda w: hud_size(ctx, self.meters, w), None,
                                          title_width(ctx, self.scenario.title))
                if not self._lay.stacked:
                    break
                said = [("", True)]
                self._story_in_card = True
        return self._lay

    def layout_changed(self, ctx: Context) -> None:
        self.dirty = True
        self._lay = None
        self._story_in_card = None
        self._hud_in_card = None
        self.layout(ctx)
        region = self.region(ctx)
        labels = [f"{text}  ⏎" for text in (CONTINUE, *SHORTER)]
        label = next((t for t in labels if button_width(ctx, t) <= region.width), labels[-1])
        w = min(button_width(ctx, label), region.width)
        h = button_height(ctx)
        self.group = FocusGroup([Button(label, (region.right - w, region.bottom - h, w, h))])

    def story_in_card(self, ctx: Context) -> bool:
        """Whether the card tells the story too (instead of the dialogue box): when the box would sit in the
        scrolling column, or would leave the card too little room even at the smallest sizes."""
        lay = self.layout(ctx)
        if self._story_in_card is None:
            self._story_in_card = lay.stacked
            if not lay.stacked:
                inner = self._inner(ctx, self._region(lay, False, False))
                need = sum(b[-1] for b in self._blocks(ctx, inner.width, *TOKENS[-1], story=False))
                self._story_in_card = need > inner.height
        return self._story_in_card

    def hud_in_card(self, ctx: Context) -> bool:
        """Whether the final meters go in the card as a line instead of the HUD: when the HUD would leave the
        card no room for a few lines (very large type)."""
        if self._hud_in_card is None:
            inner = self._inner(ctx, self._region(self.layout(ctx), self.story_in_card(ctx), False))
            self._hud_in_card = inner.height < 4 * ctx.text.line_height(ctx.px("body"))
        return self._hud_in_card

    def _region(self, lay: StageLayout, story: bool, hud_off: bool) -> pygame.Rect:
        if lay.stacked:
            return pygame.Rect(lay.column)
        top = lay.title.bottom + GAP if hud_off else lay.lower.top
        bottom = lay.height - EDGE if story else lay.lower.bottom  # with the story in the card there is no box
        return pygame.Rect(lay.lower.left, top, lay.lower.width, bottom - top)

    def region(self, ctx: Context) -> pygame.Rect:
        """The column right of her face that holds the card and the button."""
        return self._region(self.layout(ctx), self.story_in_card(ctx), self.hud_in_card(ctx))

    def _inner(self, ctx: Context, region: pygame.Rect) -> pygame.Rect:
        """The card's text area (window pixels) in a region: above the button, inside the padding, less a line
        for the scrolling hint."""
        vp = ctx.viewport
        card = vp.rect(region.left, region.top, region.width, max(0, region.height - button_height(ctx) - GAP))
        inner = card.inflate(-2 * vp.px(PAD), -2 * vp.px(PAD))
        inner.height -= ctx.text.line_height(ctx.px("small"))
        return inner

    def _blocks(self, ctx: Context, width: int, title_token: str, token: str,
                story: bool | None = None) -> list[tuple[str, str, str, int]]:
        """(kind, text, token, window-pixel height) of each piece of the card, top to bottom."""
        ending = self.play.ending
        if ending is None:
            return []
        vp = ctx.viewport
        out: list[tuple[str, str, str, int]] = []
        outcome = outcome_line(ending.outcome, self.scenario.customer.name)
        if text_width(ctx, outcome, "small", True) + vp.px(22) <= width:
            out.append(("chip", outcome, "small", ctx.text.line_height(ctx.px("small"), True) + vp.px(20)))
        else:
            out.append(("outcome", outcome, "small", paragraph_px(ctx, outcome, width, "small", True) + vp.px(8)))
        if self.problem:
            note = f"⚠ {self.problem}"
            out.append(("problem", note, "small", paragraph_px(ctx, note, width, "small") + vp.px(8)))
        out.append(("title", ending.title, title_token,
                    paragraph_px(ctx, ending.title, width, title_token, True) + vp.px(8)))
        if self._hud_in_card:
            shown = " · ".join(f"{g.meter.label} {round(g.shown)}{g.meter.unit}" for g in self.meters.gauges)
            out.append(("meters", shown, "small", paragraph_px(ctx, shown, width, "small", True) + vp.px(8)))
        worth = value_line(self.play)
        if worth:
            out.append(("value", worth, token, paragraph_px(ctx, worth, width, token, True) + vp.px(12)))
        if self.story_in_card(ctx) if story is None else story:
            out.append(("story", self.play.text, token, paragraph_px(ctx, self.play.text, width, token) + vp.px(12)))
        if ending.summary:
            out.append(("head", "The coach's view", "small", ctx.text.line_height(ctx.px("small"), True)))
            out.append(("summary", ending.summary, token, paragraph_px(ctx, ending.summary, width, token)))
        return out

    def _fit_blocks(self, ctx: Context, inner: pygame.Rect) -> list[tuple[str, str, str, int]]:
        """The largest text sizes whose card fits; the smallest (then scrolling) when none does."""
        blocks: list[tuple[str, str, str, int]] = []
        for tokens in TOKENS:
            blocks = self._blocks(ctx, inner.width, *tokens)
            if sum(b[-1] for b in blocks) <= inner.height:
                break
        return blocks

    def _next(self) -> Transition:
        from .value import ValueScene

        return Replace(ValueScene(self.play))

    def on_event(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if self.max_scroll > 0:
            step = 0
            if event.type == pygame.MOUSEWHEEL:
                step = -event.y * SCROLL_STEP
            elif event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN):
                step = SCROLL_STEP if event.key == pygame.K_DOWN else -SCROLL_STEP
            if step:
                self.scroll = max(0.0, min(self.max_scroll, self.scroll + step))
                self.dirty = True
                return None
        if self.group.handle(event, ctx) is not None:
            ctx.audio.play("click")
            return self._next()
        return None

    # ---- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        ending = self.play.ending
        self.rec.clear()
        if ending is None:
            return
        lay = self.layout(ctx)
        scenario = self.scenario
        draw_setting(surface, ctx, ending.scene or scenario.setting)
        sat = self.play.percent("satisfaction") if "satisfaction" in self.play.meters else 50
        c = scenario.customer
        mood = art.mood_for(ending.mood, sat)
        person = pygame.Rect(lay.person)
        if self.story_in_card(ctx) and person.bottom < lay.height:  # no box below: her picture reaches the edge
            person.top += lay.height - person.bottom
        if ending.outcome == "leaves":  # she has turned to go: a step towards the door, out of the light
            self.rec.parts["person"] = draw_leaving(surface, ctx, person, c.appearance, mood, lay.face.left - EDGE)
        else:
            self.rec.parts["person"] = draw_person(surface, ctx, person, c.appearance, mood)
        draw_title(surface, ctx, self.rec, lay.title, scenario.title, HINT)
        if not self.hud_in_card(ctx):
            draw_hud(surface, ctx, self.rec, lay.hud, self.meters)
            self.rec.parts["hud"] = ctx.viewport.rect(*lay.hud)
        if not self.story_in_card(ctx):
            draw_dialogue(surface, ctx, self.rec, lay.speech, lay.tab_h, "", self.play.text)
            self.rec.parts["speech"] = ctx.viewport.rect(*lay.speech)
        self._draw_card(surface, ctx)
        self.group.draw(surface, ctx)

    def _draw_card(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        region = self.region(ctx)
        inner = self._inner(ctx, region)
        blocks = self._fit_blocks(ctx, inner)
        total = sum(b[-1] for b in blocks)
        self.max_scroll = max(0.0, (total - inner.height) / vp.scale)
        self.scroll = min(self.scroll, self.max_scroll)
        card = vp.rect(region.left, region.top, region.width, max(0, region.height - button_height(ctx) - GAP))
        if self.max_scroll <= 0:  # a card no taller than its words, resting on the button
            card.height -= inner.height - total + ctx.text.line_height(ctx.px("small"))
            card.bottom = vp.point(0, region.bottom - button_height(ctx) - GAP)[1]
            inner.top = card.top + vp.px(PAD)
        glass(surface, card, th.surface, 245, vp.px(th.radius), th.border, max(1, vp.px(2)))
        self.rec.parts["card"] = card
        y = inner.top - round(self.scroll * vp.scale)
        for kind, text, token, h in blocks:
            self._block(surface, ctx, kind, text, token, pygame.Rect(inner.left, y, inner.width, h), inner)
            y += h
        if self.max_scroll > 0:
            more = "↑ ↓ to read on" if self.scroll < self.max_scroll else "↑ to go back up"
            hint = pygame.Rect(inner.left, inner.bottom, inner.width, card.bottom - inner.bottom)
            if text_width(ctx, more, "small") <= hint.width:
                line(surface, ctx, self.rec, more, (hint.right, inner.bottom), "small", th.text_muted, hint,
                     anchor="topright")

    def _block(self, surface: pygame.Surface, ctx: Context, kind: str, text: str, token: str, at: pygame.Rect,
               inner: pygame.Rect) -> None:
        th = ctx.theme
        vp = ctx.viewport
        ending = self.play.ending
        assert ending is not None
        log = self.rec
        if kind == "chip":
            if not (inner.top <= at.top and at.top + ctx.text.line_height(ctx.px(token), True) <= inner.bottom):
                return
            w = text_width(ctx, text, token, True) + vp.px(22)
            pill = pygame.Rect(at.left, at.top, w, ctx.text.line_height(ctx.px(token), True) + vp.px(10))
            pygame.draw.rect(surface, outcome_colour(ctx, ending.outcome), pill, border_radius=pill.height // 2)
            line(surface, ctx, log, text, pill.center, token, th.accent_text, inner, bold=True, anchor="center")
            return
        colour = {"outcome": outcome_colour(ctx, ending.outcome), "problem": th.bad, "head": th.accent,
                  "summary": th.text_muted}.get(kind, th.text)
        if kind == "value":
            value = self.play.lifetime_value()
            net = value.net if value is not None else 0
            colour = th.good if net > 0 else th.bad if net < 0 else th.text
        bold = kind in ("outcome", "title", "value", "head", "meters")
        px = ctx.px(token)
        step = ctx.text.line_height(px, bold)
        y = at.top
        for words in wrap(ctx, text, at.width, token, bold):
            if words and inner.top <= y and y + step <= inner.bottom:  # whole lines only: the rest scrolls in
                w = ctx.text.width(words, px, bold)
                line(surface, ctx, log, words, (line_x(words, at.left, at.width, w), y), token, colour, inner,
                     bold=bold)
            y += step
