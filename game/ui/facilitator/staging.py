"""What every classroom screen shares: the stage drawn as in solo play (the setting, the person large in it,
the title chip, the HUD and the dialogue box) and the key-hint line along the bottom."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pygame

from ...engine import Playthrough, Scenario
from ...engine.playthrough import Beat
from ...facilitation import ClassSession
from ..context import Context
from ..play import art
from ..play.backdrop import PORTRAIT_ASPECT
from ..play.chrome import text_width
from ..play.meters import MeterPanel, delta_text, judge_change
from ..stage.cast import Cast, on_stage
from ..stage.dialogue import draw_dialogue, glass
from ..stage.hud import draw_hud
from ..stage.hud import size as hud_size
from ..stage.layout import EDGE, StageLayout
from ..stage.scenery import draw_caller, draw_person, draw_setting, draw_title, title_width
from ..stage.solo import card_place
from ..stage.textlog import line, paragraph, paragraph_px
from .draw import Recorder
from .layout import classroom_stage, foot_height
from .pages import Page, beat_pages


class ClassroomStage:
    """The stage half of the classroom scene's drawing (mixed into ClassroomScreens)."""

    scenario: Scenario
    session: ClassSession
    meters: MeterPanel
    rec: Recorder
    notice: str
    _layout_cache: dict[tuple, Any]
    _drawn_layout: Any
    person: pygame.Rect  # the window rect the person was last drawn into (empty when nobody stands there)

    # ---- layout ------------------------------------------------------------------------------
    def _key(self, ctx: Context, *extra: object) -> tuple:
        th = ctx.theme
        return (ctx.viewport.window, ctx.viewport.scale, th.name, th.font_scale, *extra)

    def _cached(self, key: tuple, make):
        if key not in self._layout_cache:
            if len(self._layout_cache) > 48:
                self._layout_cache.clear()
            self._layout_cache[key] = make()
        return self._layout_cache[key]

    def _hud(self, ctx: Context):
        """The HUD's size for the layout: never narrower than its longest meter name (projector type)."""
        names = [g.meter.label for g in self.meters.gauges]
        least = max((text_width(ctx, n, "small", True) for n in names), default=0) / ctx.viewport.scale + 2 * 16
        return lambda max_width: hud_size(ctx, self.meters, max(max_width, least))

    def _stage(self, ctx: Context, said: Sequence[tuple[str, bool]], texts: Sequence[str] = (),
               timed: bool = False) -> StageLayout:
        """The stage for a box holding the tallest of `said` and the option cards `texts` (cached)."""
        said, texts = tuple(said), tuple(texts)
        lay = self._cached(self._key(ctx, "stage", said, texts, timed), lambda: classroom_stage(
            ctx, said, texts, self._hud(ctx), timed, title_width(ctx, self.scenario.title)))
        self._drawn_layout = lay
        return lay

    def pages_of(self, ctx: Context, beats: Sequence[Beat]) -> list[Page]:
        """A node's beats in pages, as many to a page as fit in the box along the bottom."""
        def fits(page: Page) -> bool:
            return not classroom_stage(ctx, [page.said], [], self._hud(ctx), False, 0.0).stacked

        key = self._key(ctx, "pages", tuple((b.speaker, b.text, b.mood) for b in beats))
        return self._cached(key, lambda: beat_pages(beats, fits))

    # ---- drawing -----------------------------------------------------------------------------
    def _setting(self) -> str:
        node = self.session.play.node
        return (node.scene if node is not None and node.scene else "") or self.scenario.setting

    def _face(self, cast: Cast, answering: bool) -> str:
        """The customer's face, nudged by satisfaction unless it is the face she answers with."""
        if not cast.customer or answering:
            return cast.mood
        m = next((m for m in self.scenario.meters if m.id == "satisfaction"), None)
        sat = self.session.shown_meters.get("satisfaction")
        if m is None or sat is None:
            return cast.mood
        return art.mood_for(cast.mood, round(100 * (sat - m.min) / max(1, m.max - m.min)))

    def _scene(self, surface: pygame.Surface, ctx: Context, lay: StageLayout, setting: str, page: Page,
               beats: Sequence[Beat], answering: bool = False, hud: bool = True,
               title_right: int | None = None, box: bool = True, node_id: str = "") -> None:
        """The setting, who stands in it (on the line when `node_id` is a `call` node), the title chip (ending
        before `title_right`), the HUD (unless covered) and the page in the box."""
        vp = ctx.viewport
        draw_setting(surface, ctx, setting)
        cast = on_stage(self.scenario, beats, page.speaker, page.mood, answering, node_id) or \
            on_stage(self.scenario, beats, self.scenario.customer.name, page.mood, False, node_id)  # narrated
        if cast is not None:
            face = self._face(cast, answering)
            if cast.on_call:
                self.person = draw_caller(surface, ctx, _call_area(lay), cast.appearance, face)
                self.rec.parts["caller"] = self.person
            else:
                self.person = draw_person(surface, ctx, lay.person, cast.appearance, face)
                self.rec.parts["person"] = self.person
        s = self.session
        title = lay.title if title_right is None else pygame.Rect(
            lay.title.left, lay.title.top, min(lay.title.width, title_right - lay.title.left), lay.title.height)
        draw_title(surface, ctx, self.rec, title, self.scenario.title, self._status(),
                   ctx.theme.warn if s.in_detour else None)
        if hud and self.meters.gauges:
            draw_hud(surface, ctx, self.rec, lay.hud, self.meters)
            self.rec.parts["hud"] = vp.rect(*lay.hud)
        detail = cast.role if cast is not None and page.name == cast.name else ""
        if not box:  # the card carries her line (a card too tall for the column above the box)
            return
        self.rec.parts["speech"] = vp.rect(*lay.speech)
        draw_dialogue(surface, ctx, self.rec, lay.speech, lay.tab_h, page.name, "", detail=detail,
                      tab_right=vp.point(lay.lower.left - 8, 0)[0], parts=page.parts)

    def _status(self) -> str:
        raise NotImplementedError

    def _place_card(self, ctx: Context, lay: StageLayout, card: Any,
                    readout: list[tuple[str, str, str, int]] | None = None,
                    lead: bool = False) -> tuple[pygame.Rect, bool, bool]:
        """Where a card goes, whether the HUD and whether the box stay in view: resting on the box under
        the HUD; else in the column from the top, the card carrying the meters (`readout`) in the HUD's
        place; else (with `lead`: her line was shown before it) down to the key hints over the box; else
        where the solo stage puts a card too tall for the column."""
        low = lay.lower
        if not lay.stacked:
            h = card.fit(ctx, low.width, low.height)
            if h <= low.height:
                return pygame.Rect(low.left, low.bottom - round(h), low.width, round(h)), True, True
            if readout is not None:
                card.show_meters(readout)
            h = card.fit(ctx, low.width, low.bottom - EDGE)  # the title chip keeps left of it (see _scene)
            if h <= low.bottom - EDGE:
                return pygame.Rect(low.left, low.bottom - round(h), low.width, round(h)), False, True
            bottom = lay.height - foot_height(ctx) - EDGE
            h = card.fit(ctx, low.width, bottom - EDGE)
            if lead and h <= bottom - EDGE:  # after her line, on its own step (see ClassroomScene.act)
                return pygame.Rect(low.left, EDGE, low.width, round(h)), False, False
        where = card_place(ctx, lay, card)
        if where.colliderect(lay.hud) and readout is not None and not card.readout:
            card.show_meters(readout)
            where = card_place(ctx, lay, card)
        return where, not where.colliderect(lay.hud), True

    def _readout(self, deltas: dict[str, int]) -> list[tuple[str, str, str, int]]:
        """Every meter shown, its value now and this decision's change, for a card standing in for the HUD."""
        values = self.session.shown_meters
        out = []
        for g in self.meters.gauges:
            m = g.meter
            d = deltas.get(m.id, 0)
            out.append((m.label, f"{values.get(m.id, round(g.shown))}{m.unit}", delta_text(d) if d else "",
                        judge_change(m.id, deltas, self.scenario.polarity or {}) if d else 0))
        return out

    def _notes(self, surface: pygame.Surface, ctx: Context, lay: StageLayout, notes: Sequence[tuple[str, Any]],
               top: bool = False, bottom: float | None = None) -> None:
        """Quiet lines on chips in the column: rising from the box (or from the column's top), each wrapped
        to the column and left out when there is no room for it (above `bottom`, when given)."""
        th = ctx.theme
        vp = ctx.viewport
        col = vp.rect(*lay.lower)
        if bottom is not None:
            col.height = vp.point(0, bottom)[1] - col.top
        pad_x, pad_y, gap = vp.px(14), vp.px(8), vp.px(8)
        y = col.top if top else col.bottom
        for text, colour in notes if top else reversed(notes):
            inner = col.width - 2 * pad_x
            h = paragraph_px(ctx, text, inner, "small", True) + 2 * pad_y
            widest = max(ctx.text.width(t, ctx.px("small"), True) for t in ctx.text.wrap(
                text, ctx.px("small"), inner, True))
            chip = pygame.Rect(col.left, y if top else y - h, widest + 2 * pad_x, h)
            if chip.top < col.top or chip.bottom > col.bottom:
                return
            glass(surface, chip, th.surface, 240, vp.px(th.radius), colour, max(1, vp.px(2)))
            paragraph(surface, ctx, self.rec, text, chip.inflate(-2 * pad_x, -2 * pad_y), "small", colour,
                      bold=True, box=chip)
            y = chip.bottom + gap if top else chip.top - gap

    def _foot(self, surface: pygame.Surface, ctx: Context, hints: Sequence[str]) -> None:
        """The key hints (or a notice, in the warning colour) on a thin line along the bottom; a notice too
        long for that line goes in a box at the top of the column, over nothing that matters."""
        th = ctx.theme
        vp = ctx.viewport
        h = foot_height(ctx)
        band = vp.rect(0, vp.height - h, vp.width, h)
        glass(surface, band, th.surface, 235, 0)
        room = band.width - 2 * vp.px(16)
        notice = self.notice
        short = bool(notice) and ctx.text.width(notice, ctx.px("small"), True) <= room
        fitting = [h for h in hints if ctx.text.width(h, ctx.px("small")) <= room]
        plain = th.warn if self.session.in_detour else th.text  # a what-if says so in its colour
        text, colour = (notice, th.warn) if short else (fitting[0] if fitting else "", plain)
        if text:
            line(surface, ctx, self.rec, text, (band.left + vp.px(16), band.centery), "small", colour, band,
                 bold=short, anchor="midleft")
        if notice and not short:
            lay = self._drawn_layout
            if lay is not None:
                self._notes(surface, ctx, lay, [(notice, th.warn)], top=True)

    def _decided(self) -> Playthrough:
        """The play just before the decision last taken (the session's play has already moved on)."""
        s = self.session
        path = tuple((d.kind, d.source_index) for d in s.path)
        return self._cached(("decided", path), lambda: s.replay(s.path[:-1]))  # in the session's order


def _call_area(lay: StageLayout) -> pygame.Rect:
    """Where a caller's call card goes: as wide as the room left of the column allows (its handset badge,
    which sticks out 20 pixels, still clear of the column) and as tall as its portrait at that width, so the
    face fills it; it stands behind the box as a person does (the face stays clear). The sizes follow
    play.backdrop's call card: 0.82 of the room, 60 and 12 pixels of margins."""
    call = lay.call
    if lay.stacked:
        return call
    left, right = EDGE, call.right - 10  # the card's edges
    face_h = (right - left - 12) / PORTRAIT_ASPECT
    height = max(call.height, min((face_h + 12) / 0.82 + 28, lay.speech.bottom - call.top))
    return pygame.Rect(round(left - 30), call.top, round(right - left + 60), round(height))
