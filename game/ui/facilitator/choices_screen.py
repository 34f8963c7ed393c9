"""The choices screen of the classroom: the options beside the person, the room's votes and the countdown."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import Scenario
from ...facilitation import ClassSession
from ..context import Context
from ..play.speech import draw_speech, speaker_label
from ..widgets import Button, panel
from .cards import draw_class_timer, draw_votes
from .draw import FOOTER_H, Recorder, paragraph
from .layout import GAP, TOP, choices_layout


class ChoicesScreen:
    """The choices drawing of the classroom scene (mixed into ClassroomScreens)."""

    scenario: Scenario
    session: ClassSession
    rec: Recorder
    _memo: dict[tuple, tuple[str, str, list[str]]]
    _memo_main: dict[tuple, int | None]

    def _speech(self) -> tuple[str, str]:
        s = self.session
        return speaker_label(s.play.speaker), s.play.text

    def _cached(self, key: tuple, make) -> Any:
        raise NotImplementedError

    def _key(self, ctx: Context, *extra: object) -> tuple:
        raise NotImplementedError

    def _draw_stage(self, surface: pygame.Surface, ctx: Context, logical: pygame.Rect, speaker: str,
                    mood: str, setting: str, below_hud: float = 0.0, hud: bool = True) -> float:
        raise NotImplementedError

    def _setting(self) -> str:
        raise NotImplementedError

    def _record_speech(self, ctx: Context, logical: pygame.Rect, speaker: str, text: str,
                       token: str = "body") -> None:
        raise NotImplementedError

    def _choices_layout(self, ctx: Context):
        s = self.session
        node = s.decision_node
        play = s.play if s.last_step is None else None
        if play is not None:
            speaker, text = self._speech()
            texts = [c.text for c in s.choices]
        else:
            speaker, text, texts = self._decided_view()
        timed = node is not None and node.timer is not None
        return self._cached(self._key(ctx, "choices"),
                            lambda: choices_layout(ctx, speaker, text, texts, timed))

    def _decided_view(self) -> tuple[str, str, list[str]]:
        """Speaker, text and options of the decision just taken (the play has already moved on)."""
        s = self.session
        key = ("decided", tuple((d.kind, d.source_index) for d in s.path))
        if key not in self._memo:
            before = s.replay(s.path[:-1])  # in the session's order of the options
            self._memo = {key: (speaker_label(before.speaker), before.text, [c.text for c in before.choices])}
        return self._memo[key]

    def _main_choice_here(self) -> int | None:
        """The class's choice at this decision while on a what-if (replayed once per change, not per frame)."""
        s = self.session
        key = ("main", s.stage, tuple((d.kind, d.source_index) for d in s.path), s.in_detour)
        if key not in self._memo_main:
            self._memo_main = {key: s.main_choice_here}
        return self._memo_main[key]

    # ---- drawing -----------------------------------------------------------------------------
    def _draw_choices(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        s = self.session
        lay = self._choices_layout(ctx)
        step = s.last_step
        if step is None:
            speaker, text = self._speech()
            texts = [c.text for c in s.choices]
            picked = None
        else:
            speaker, text, texts = self._decided_view()
            picked = (step.number - 1) if step.number is not None else -1
        if lay.stage is not None:
            node = s.decision_node
            self._draw_stage(surface, ctx, lay.stage, speaker, node.mood if node else "neutral", self._setting(),
                             hud=False)
        if lay.prompt is not None:
            draw_speech(surface, ctx, lay.prompt, speaker, text)
            self._record_speech(ctx, lay.prompt, speaker, text)
        elif lay.heading:
            right = lay.countdown.left - GAP if lay.countdown is not None else vp.width - 24
            question = "What does the class do?"
            width = right - lay.buttons[0].left
            inner = vp.px(width) - 2 * vp.px(16)
            token = "large" if ctx.text.font(ctx.px("large"), True).size(question)[0] <= inner else "body"
            lines = ctx.text.wrap(question, ctx.px(token), max(1, inner), True)  # beside a countdown it may wrap
            band_h = len(lines) * ctx.text.line_height(ctx.px(token), True) / vp.scale + 12
            top = TOP if lay.countdown is not None else (TOP + lay.buttons[0].top - GAP - band_h) / 2
            band = vp.rect(lay.buttons[0].left, top, width, band_h)
            panel(surface, band, ctx, colour=th.surface, border=th.border, width=2)  # legible over the stage
            paragraph(surface, ctx, self.rec, question, band.inflate(-2 * vp.px(16), -vp.px(12)), token, th.text,
                      bold=True, box=band)
        if lay.countdown is not None:
            node = s.decision_node
            seconds = node.timer.seconds if node and node.timer else 0
            timed_out = picked == -1
            left = s.timer_left if (step is None and s.timer_left is not None) else float(seconds)
            draw_class_timer(surface, ctx, self.rec, lay.countdown, seconds, 0.0 if timed_out else left,
                             s.timer_running, phone=bool(node and node.sound == "phone_ring"),
                             ran_out=timed_out)
        votes = s.shown_votes
        total = sum(votes.values())
        lead = max(votes.values(), default=0)
        main_choice = self._main_choice_here()
        for i, (rect, vrect, label) in enumerate(zip(lay.buttons, lay.votes, texts, strict=False)):
            b = Button(label, (rect.x, rect.y, rect.w, rect.h), number=i + 1, token=lay.token)
            b.selected = picked == i
            b.enabled = picked is None or picked == i
            b.draw(surface, ctx, focused=(picked is None and i == s.selected))
            self._record_button(ctx, b)
            count = votes.get(i + 1, 0)
            draw_votes(surface, ctx, self.rec, vrect, count, total, leading=bool(count) and count == lead)
            if main_choice == i + 1:  # a bar beside the option the class took on its own path
                mark = vp.rect(rect.left - 16, rect.top + 6, 8, rect.height - 12)
                pygame.draw.rect(surface, th.warn, mark, border_radius=mark.width // 2)
        if picked == -1:  # what the clock decided, under the options when there is room (else on the card next)
            said = f"Time ran out: {step.text}"
            last = lay.buttons[-1]
            top = last.bottom + GAP
            width = lay.votes[-1].right - last.left
            from .draw import logical_text_height

            if top + logical_text_height(ctx, said, "small", width, True) <= vp.height - FOOTER_H - GAP:
                paragraph(surface, ctx, self.rec, said, vp.rect(last.left, top, width, 1), "small", th.warn,
                          bold=True, box=vp.rect(last.left, top, width, vp.height - FOOTER_H - top))

    def _record_button(self, ctx: Context, b: Button) -> None:
        """Record a choice button's label block against the button (as widgets.Button lays it out)."""
        vp = ctx.viewport
        rect = b.rect(ctx)
        pad = vp.px(16)
        badge_d = ctx.px(b.token) + vp.px(12)
        left = rect.left + pad + badge_d + pad
        width = rect.right - pad - left
        lines = ctx.text.wrap(b.label, ctx.px(b.token), width)
        h = len(lines) * ctx.text.line_height(ctx.px(b.token))
        widest = max((ctx.text.font(ctx.px(b.token)).size(x)[0] for x in lines), default=0)
        self.rec.add(b.label, pygame.Rect(left, rect.centery - h // 2, widest, h), rect)
