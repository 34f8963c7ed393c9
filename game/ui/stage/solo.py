"""The solo play screen drawn as a stage: what a PlayScene shows at each phase of a node, layer by layer."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from ...engine import TIMEOUT
from ..context import Context
from ..play import art
from ..play.backdrop import call_card, call_reach
from ..play.countdown import draw_countdown
from ..play.feedback import FeedbackCard
from ..play.moment import CHOOSING, CHOSEN, FEEDBACK, READING, REPLY, STUCK
from ..play.speech import speaker_label
from ..widgets import Button
from .cast import Cast, on_stage, with_them
from .choices import draw_card, draw_choices
from .dialogue import draw_dialogue, glass, mark_showing
from .hud import draw_hud
from .layout import EDGE, GAP, StageLayout, more_height
from .people import draw_back
from .scenery import draw_caller, draw_person, draw_setting, draw_title
from .textlog import TextLog, line, paragraph, paragraph_px

if TYPE_CHECKING:
    from ..scenes.play import PlayScene

TALK_RATE = 7  # mouth frames a second while a line is being typed


def draw_play(scene: PlayScene, surface: pygame.Surface, ctx: Context, hint: str) -> None:
    """Draw the scene's moment: setting, person, HUD, dialogue box, then the phase's choices or card."""
    log = scene.rec
    log.clear()
    if surface.get_clip() != surface.get_rect():  # drawn in part: log the whole picture's lines
        log.window = surface.get_rect()
    lay = scene.layout(ctx)
    v = scene.view
    draw_setting(surface, ctx, v.setting if v is not None else scene.scenario.setting)
    if v is None:
        return
    speaker, text, mood = scene.speaking
    answering = scene.phase in (REPLY, FEEDBACK)
    cast = on_stage(scene.scenario, v.beats, speaker, mood, answering, v.node_id)
    pose = scene.stage_pose(ctx, cast.name if cast is not None else None)  # blinks, nods, walking in and out
    other = with_them(scene.scenario, v.node_id, v.beats, cast, scene.beat) if lay.side is not None else None
    if other is not None:
        _draw_second(scene, surface, ctx, lay, cast, other, speaker)
    if cast is not None:
        face = scene.customer_mood() if cast.customer else cast.mood
        talking = (scene.phase in (READING, REPLY) and speaker_label(speaker) == cast.name
                   and not scene.typewriter.done and int(ctx.time * TALK_RATE) % 2 == 0)
        if cast.on_call and other is not None:
            log.parts["caller"] = call_card(surface, ctx, ctx.viewport.rect(*lay.side_call), cast.appearance, face,
                                            talking, pose.blinking)
            log.parts["call_card"] = call_reach(ctx, ctx.viewport.rect(*lay.side_call))
        elif cast.on_call:
            log.parts["caller"] = draw_caller(surface, ctx, lay.call, cast.appearance, face, talking, pose=pose)
            log.parts["call_card"] = call_reach(ctx, ctx.viewport.rect(*lay.call))
        else:
            log.parts["person"] = draw_person(surface, ctx, lay.person, cast.appearance, face, talking, pose=pose)
    draw_title(surface, ctx, log, lay.title, scene.scenario.title, hint)
    if ctx.settings.meters != "end" and not _hud_covered(scene, ctx, lay):
        draw_hud(surface, ctx, log, lay.hud, scene.meters)
        log.parts["hud"] = ctx.viewport.rect(*lay.hud)
    if scene.countdown is not None and lay.countdown is not None:
        draw_countdown(surface, ctx, lay.countdown, scene.countdown, paused=not scene.focused)
        log.parts["countdown"] = ctx.viewport.rect(*lay.countdown)
    shift = round(scene.scroll)
    clip = surface.get_clip()
    scrolling = scene.max_scroll(ctx) > 0 and scene.phase != FEEDBACK
    column = ctx.viewport.rect(*lay.column)
    if scrolling and lay.stacked:  # the box scrolls with the choices
        surface.set_clip(column.clip(clip))  # within what the frame redraws
        log.within = column
    box = draw_speech(scene, surface, ctx, log, lay, shift, cast=cast)
    log.parts["speech"] = ctx.viewport.rect(*box)
    if scrolling:
        surface.set_clip(column.clip(clip))
        log.within = column
    _phase_layer(scene, surface, ctx, lay, shift)
    if scrolling:
        surface.set_clip(clip)
        log.within = None
        _scrollbar(scene, surface, ctx, lay)
        _more_below(scene, surface, ctx, lay)
    if scene.problem:
        _notice(scene, surface, ctx, lay)


def draw_speech(scene: PlayScene, surface: pygame.Surface, ctx: Context, log: TextLog | None, lay: StageLayout,
                shift: int, cast: Cast | None = None, whole: bool = False) -> pygame.Rect:
    """The dialogue box with the line being said, typed so far (or `whole`, as it ends: the stage prepares it
    so); `cast` is who is on stage when the caller knows it. Returns the box (logical)."""
    speaker, text, mood = scene.speaking
    v = scene.view
    if cast is None and v is not None:
        cast = on_stage(scene.scenario, v.beats, speaker, mood, scene.phase in (REPLY, FEEDBACK), v.node_id)
    name = speaker_label(speaker)
    detail = cast.role if cast is not None and name == cast.name else ""
    chars = None if whole or scene.typewriter.done else scene.typewriter.chars
    box = lay.speech.move(0, -shift) if lay.stacked else lay.speech
    draw_dialogue(surface, ctx, log, box, lay.tab_h, name, text, chars, detail, scene.waiting or whole,
                  mark_showing(scene.waited, ctx.time), ctx.viewport.point(lay.lower.left - 8, 0)[0])
    return box


def _draw_second(scene: PlayScene, surface: pygame.Surface, ctx: Context, lay: StageLayout, cast: Cast | None,
                 other: Cast, speaker: str) -> None:
    """The second person: at the desk while a caller (`cast`) speaks, or a little back and dimmed beside the
    one speaking; a caller who is not speaking stays in their call card left of the person at the desk."""
    log = scene.rec
    face = other.mood
    if other.customer:
        face = art.mood_for(other.mood, scene.satisfaction_percent())
    if other.on_call:
        log.parts["caller"] = call_card(surface, ctx, ctx.viewport.rect(*lay.side_call), other.appearance, face)
        log.parts["call_card"] = call_reach(ctx, ctx.viewport.rect(*lay.side_call))
    elif cast is not None and cast.on_call:  # the caller speaks: she stands at the desk, in front, listening
        log.parts["person"] = draw_person(surface, ctx, lay.person, other.appearance, face)
    elif lay.side is not None:
        log.parts["side"] = draw_back(surface, ctx, lay.side, other.appearance, face)


def _hud_covered(scene: PlayScene, ctx: Context, lay: StageLayout) -> bool:
    """Whether the choices (with no room beside the HUD) or a tall coach's card cover the HUD just now."""
    if scene.phase == CHOOSING:
        return lay.hud_under and bool(scene.choices.buttons)
    return scene.phase == FEEDBACK and scene.card is not None and scene.card_rect(ctx).colliderect(lay.hud)


def _phase_layer(scene: PlayScene, surface: pygame.Surface, ctx: Context, lay: StageLayout, shift: int) -> None:
    """What rises over the stage in this phase: choices, her reply's chosen line, a banner or the card."""
    log = scene.rec
    timed_out = scene.step is not None and scene.step.kind == TIMEOUT
    if timed_out and scene.phase in (CHOSEN, REPLY):
        _timeout_banner(scene, surface, ctx, lay, shift)
    elif scene.phase == CHOOSING:
        draw_choices(surface, ctx, log, scene.choices)
        if not scene.choices.buttons:
            _note(scene, surface, ctx, lay, "Nothing to say yet: the clock is running.", shift)
    elif scene.phase in (CHOSEN, REPLY):  # the picked line stays while the HUD shows what it did
        for b in scene.choices.buttons:
            x, y, w, h = b.logical
            if b.selected and lay.hud_under and lay.hud.colliderect(pygame.Rect(x, y, w, h)):
                b = replace(b, logical=(x, lay.lower.bottom - h, w, h))  # down, clear of the HUD
            if b.selected:
                draw_card(surface, ctx, log, b)
    elif scene.phase == STUCK:
        _note(scene, surface, ctx, lay, "The story has no way on from here. Press Esc for the menu.", 0)
    elif scene.phase == FEEDBACK and scene.card is not None:
        scene.card.draw(surface, ctx, scene.card_rect(ctx))
        log.parts["card"] = ctx.viewport.rect(*scene.card_rect(ctx))


def _timeout_banner(scene: PlayScene, surface: pygame.Surface, ctx: Context, lay: StageLayout, shift: int) -> None:
    """'Time ran out' where the choices rise, as clear as a picked choice."""
    from ..play.layout import choice_height

    label = f"Time ran out: {scene.step.text}" if scene.step else "Time ran out"
    h = choice_height(ctx, lay.lower.width, label, lay.choice_token)
    top = lay.choices[0].top if lay.stacked and lay.choices else lay.lower.bottom - h
    banner = Button(label, (lay.lower.left, top, lay.lower.width, h), selected=True, token=lay.choice_token)
    draw_card(surface, ctx, scene.rec, banner, shift=shift)


def _note(scene: PlayScene, surface: pygame.Surface, ctx: Context, lay: StageLayout, text: str, shift: int) -> None:
    """A quiet line on a chip where the choices would be."""
    th = ctx.theme
    vp = ctx.viewport
    img_w = ctx.text.width(text, ctx.px("small"))
    chip = vp.rect(lay.lower.left, lay.lower.bottom - 44 - shift, 0, 44)
    chip.width = min(img_w + vp.px(28), vp.px(lay.lower.width))
    glass(surface, chip, th.surface, 236, vp.px(th.radius), th.border, 1)
    line(surface, ctx, scene.rec, text, (chip.left + vp.px(14), chip.centery), "small", th.text_muted, chip,
         anchor="midleft")


def _notice(scene: PlayScene, surface: pygame.Surface, ctx: Context, lay: StageLayout) -> None:
    """A problem (a choice that could not be played) on a chip at the top of the column."""
    th = ctx.theme
    vp = ctx.viewport
    inner = vp.px(lay.lower.width - 28)
    chip = vp.rect(lay.lower.left, lay.lower.top, lay.lower.width, 0)
    chip.height = paragraph_px(ctx, scene.problem, inner, "small") + vp.px(16)
    glass(surface, chip, th.surface, 245, vp.px(th.radius), th.bad, max(1, vp.px(2)))
    text = pygame.Rect(chip.left + vp.px(14), chip.top + vp.px(8), inner, chip.height)
    paragraph(surface, ctx, scene.rec, scene.problem, text, "small", th.bad, box=chip)


def more_below(scene: PlayScene, ctx: Context, lay: StageLayout) -> int:
    """How many options are mostly below the column's edge while they are being chosen (0 when all show)."""
    if scene.phase != CHOOSING or lay.stacked:
        return 0
    bottom = lay.column.bottom + round(scene.scroll)
    return sum(1 for r in lay.choices if r.centery > bottom)  # mostly out of sight


def _more_below(scene: PlayScene, surface: pygame.Surface, ctx: Context, lay: StageLayout) -> None:
    """While an option is cut off by the column's edge: a chip over that edge saying so and how to reach
    it, so no option goes unseen because of where it stands."""
    hidden = more_below(scene, ctx, lay)
    if not hidden:
        return
    th = ctx.theme
    vp = ctx.viewport
    col = lay.column
    strip = vp.rect(col.left, col.bottom + 4, col.width, more_height(ctx))  # kept free by the layout
    pad = vp.px(12)
    said = f"{hidden} more option{'s' if hidden > 1 else ''} below"
    px = ctx.px("small")
    words = next((w for w in (f"{said}: scroll or Page Down", f"{said}: scroll", said)
                  if ctx.text.width(w, px, True) + 2 * pad <= strip.width), said)
    width = min(strip.width, ctx.text.width(words, px, True) + 2 * pad)
    chip = pygame.Rect(strip.right - width, strip.top, width, strip.height)
    glass(surface, chip, th.accent, 250, vp.px(th.radius), th.accent, 1)
    scene.rec.parts["more_below"] = chip
    text = pygame.Rect(chip.left + pad, chip.top + vp.px(6), chip.width - 2 * pad, chip.height)
    paragraph(surface, ctx, scene.rec, words, text, "small", th.accent_text, bold=True, box=chip)


def _scrollbar(scene: PlayScene, surface: pygame.Surface, ctx: Context, lay: StageLayout) -> None:
    th = ctx.theme
    vp = ctx.viewport
    col = lay.column
    most = scene.max_scroll(ctx)
    track = pygame.Rect(col.right + 3, col.top, 8, col.height)
    pygame.draw.rect(surface, th.surface_alt, vp.rect(*track), border_radius=vp.px(4))
    h = max(30.0, col.height * col.height / (col.height + most))
    y = col.top + (col.height - h) * scene.scroll / most
    pygame.draw.rect(surface, th.text_muted, vp.rect(track.left, y, 8, h), border_radius=vp.px(4))
    scene.rec.parts["scrollbar"] = vp.rect(*track)


def card_place(ctx: Context, lay: StageLayout, card: FeedbackCard | None) -> pygame.Rect:
    """The coach's card in the column, resting on the dialogue box so her line stays in view; when it needs
    more room it grows up over the HUD (its own lines show the changes), then across the stage above the
    box, and only as a last resort over the box."""
    low = lay.lower
    if card is None:
        return pygame.Rect(low.left, low.top, low.width, 0)
    if lay.stacked:
        bottom = lay.column.bottom
        h = round(card.fit(ctx, low.width, bottom - low.top))
        if low.top + h <= bottom:
            return pygame.Rect(low.left, low.top, low.width, h)
        top = lay.column.top
        card.fit(ctx, low.width, bottom - top)
        return pygame.Rect(low.left, top, low.width, bottom - top)
    for left, top, bottom in ((low.left, low.top, low.bottom), (low.left, EDGE, low.bottom),
                              (EDGE, EDGE, lay.speech.top - lay.tab_h - GAP)):
        w = lay.width - EDGE - left
        h = round(card.fit(ctx, w, bottom - top))
        if h <= bottom - top:
            return pygame.Rect(left, bottom - h, w, h)
    card.fit(ctx, lay.width - 2 * EDGE, lay.height - 2 * EDGE)
    return pygame.Rect(EDGE, EDGE, lay.width - 2 * EDGE, lay.height - 2 * EDGE)
