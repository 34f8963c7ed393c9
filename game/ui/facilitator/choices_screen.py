"""The classroom's choices on the stage: the options rising in the column beside the person, each with the
room's show of hands; the countdown top right on timed nodes; a page of options at a time when they do not
all fit beside her."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...engine import Playthrough
from ..context import Context
from ..stage.choices import draw_card
from ..widgets import Button
from .layout import VOTE_W, ChoicesStage, choices_stage, option_pages, page_note
from .pages import NARRATOR, Page, page_of
from .staging import ClassroomStage
from .timer import draw_class_timer


@dataclass(frozen=True)
class Decision:
    """The decision on screen: the play at it, its options, which was picked (None: not yet; -1: the time
    ran out) and its last line, which stays in the box (as in solo play)."""

    play: Playthrough
    texts: tuple[str, ...]
    picked: int | None
    page: Page


class ChoicesScreen(ClassroomStage):
    """The choices drawing of the classroom scene (mixed into ClassroomScreens)."""

    option_page: int  # which page of a crowded decision's options is on screen
    _option_rects: list[tuple[int, pygame.Rect]]  # (option index, window rect) as last drawn, for the mouse
    _memo_main: dict[tuple, int | None]

    def decision(self, ctx: Context) -> Decision:
        s = self.session
        step = s.last_step
        if step is None:
            play, picked = s.play, None
        else:
            play, picked = self._decided(), (step.number - 1) if step.number is not None else -1
        beats = play.beats
        page = page_of(beats[-1:]) if beats else Page("", NARRATOR, "neutral", (("", True),))
        return Decision(play, tuple(c.text for c in play.choices), picked, page)

    def _timed(self) -> bool:
        node = self.session.decision_node
        return node is not None and node.timer is not None

    def option_pages(self, ctx: Context) -> list[range]:
        d = self.decision(ctx)
        said = [d.page.said]
        key = self._key(ctx, "option pages", tuple(said), d.texts, self._timed())
        return self._cached(key, lambda: option_pages(ctx, said, d.texts, self._hud(ctx), self._timed(),
                                                      _title_w(ctx, self.scenario.title)))

    def shown_page(self, ctx: Context) -> int:
        """The page of options on screen: the facilitator's, or after the pick the one holding it."""
        pages = self.option_pages(ctx)
        picked = self.decision(ctx).picked
        if picked is not None and picked >= 0:
            return next(i for i, p in enumerate(pages) if picked in p)
        return min(self.option_page, len(pages) - 1)

    def follow_selection(self, ctx: Context) -> None:
        """Show the page holding the option the facilitator moved the selection to."""
        pages = self.option_pages(ctx)
        self.option_page = next((i for i, p in enumerate(pages) if self.session.selected in p), self.option_page)

    def _main_choice_here(self) -> int | None:
        """The class's choice at this decision while on a what-if (replayed once per change, not per frame)."""
        s = self.session
        key = ("main", s.stage, tuple((d.kind, d.source_index) for d in s.path), s.in_detour)
        if key not in self._memo_main:
            self._memo_main = {key: s.main_choice_here}
        return self._memo_main[key]

    def _choices_layout(self, ctx: Context) -> ChoicesStage:
        """The stage of the decision: its options of the page shown (with the page's note), or the banner
        saying the time ran out."""
        d = self.decision(ctx)
        said, texts, timed = (d.page.said,), tuple(self._cards(ctx, d)), self._timed()
        stage = self._cached(self._key(ctx, "choices", said, texts, timed), lambda: choices_stage(
            ctx, said, texts, self._hud(ctx), timed, _title_w(ctx, self.scenario.title)))
        self._drawn_layout = stage.lay
        return stage

    def _cards(self, ctx: Context, d: Decision) -> list[str]:
        s = self.session
        if d.picked == -1 and s.last_step is not None:
            return [f"Time ran out: {s.last_step.text}"]
        pages = self.option_pages(ctx)
        n = self.shown_page(ctx)
        if len(pages) > 1 and d.picked is not None:
            return [d.texts[d.picked]]  # the pick alone, when the options needed pages
        return [d.texts[i] for i in pages[n]]

    # ---- drawing -----------------------------------------------------------------------------
    def _draw_choices(self, surface: pygame.Surface, ctx: Context) -> None:
        s = self.session
        th = ctx.theme
        d = self.decision(ctx)
        stage = self._choices_layout(ctx)
        lay = stage.lay
        self._scene(surface, ctx, lay, self._setting_of(d.play), d.page, d.play.beats, node_id=d.play.location,
                    hud=stage.hud,
                    title_right=stage.countdown.left - 12 if stage.countdown is not None else None)
        if stage.countdown is not None:
            node = s.decision_node
            seconds = node.timer.seconds if node and node.timer else 0
            left = s.timer_left if (d.picked is None and s.timer_left is not None) else float(seconds)
            draw_class_timer(surface, ctx, self.rec, stage.countdown, seconds, 0.0 if d.picked == -1 else left,
                             s.timer_running, phone=bool(node and node.sound == "phone_ring"),
                             ran_out=d.picked == -1)
        self._option_rects = []
        texts = self._cards(ctx, d)
        if d.picked == -1:
            banner = Button(texts[0], tuple(lay.choices[0]), selected=True, token=lay.choice_token)
            draw_card(surface, ctx, self.rec, banner, room=VOTE_W)
            return
        votes = s.shown_votes
        total = sum(votes.values())
        lead = max(votes.values(), default=0)
        main_choice = self._main_choice_here()
        pages = self.option_pages(ctx)
        shown = [d.picked] if len(pages) > 1 and d.picked is not None else pages[self.shown_page(ctx)]
        for i, rect in zip(shown, lay.choices, strict=False):
            b = Button(d.texts[i], tuple(rect), number=i + 1, token=lay.choice_token)
            b.selected = d.picked == i
            b.enabled = d.picked is None or d.picked == i
            count = votes.get(i + 1, 0)
            draw_card(surface, ctx, self.rec, b, focused=d.picked is None and i == s.selected,
                      votes=(count, total, bool(count) and count == lead), room=VOTE_W)
            self._option_rects.append((i, b.rect(ctx)))
            if main_choice == i + 1:  # a bar beside the option the class took on its own path
                mark = ctx.viewport.rect(rect.left - 12, rect.top + 6, 6, rect.height - 12)
                pygame.draw.rect(surface, th.warn, mark, border_radius=mark.width // 2)
        if len(pages) > 1 and d.picked is None:  # which options these are, over them when there is room
            self._notes(surface, ctx, lay, [(self.pages_line(ctx), th.text)], top=True,
                        bottom=lay.choices[0].top - 8 if lay.choices else None)

    def pages_line(self, ctx: Context) -> str:
        """'Options 1-2 of 3 · Next shows more' (or '... · Page Up shows the others' on the last page)."""
        pages = self.option_pages(ctx)
        n = self.shown_page(ctx)
        more = "Next shows more" if n + 1 < len(pages) else "Page Up shows the others"
        return f"{page_note(pages[n], len(self.session.choices))} · {more}"

    def _setting_of(self, play: Playthrough) -> str:
        node = play.node
        return (node.scene if node is not None and node.scene else "") or self.scenario.setting


def _title_w(ctx: Context, title: str) -> float:
    from ..stage.scenery import title_width

    return title_width(ctx, title)
