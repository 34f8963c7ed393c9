"""After a what-if, the meters, the coach's card and the debrief tell the same story (issue 12, defect 1)."""

import pygame

from game.facilitation.session import CHOICES, CONSEQUENCES
from game.ui.play.meters import delta_text

from .helpers import PAGE_DOWN, classroom, top


def shown_changes(scene):
    return {m: scene.meters.showing_delta(m) for m in scene.labels}


def test_meters_coach_card_and_debrief_agree_after_a_what_if(expired):
    pilot, scene = classroom(expired, (1024, 768))
    s = scene.session
    for _ in range(4):  # the opening, a page at a time, then the choices
        pilot.press(PAGE_DOWN)
        if s.stage == CHOICES:
            break
    assert s.stage == CHOICES
    pilot.press("3")  # the room votes for option 3: "Got the receipt?" (satisfaction -3)
    pilot.press(PAGE_DOWN)
    pilot.press(PAGE_DOWN)  # revealed
    pilot.advance(1.0)
    step = s.last_step
    assert s.stage == CONSEQUENCES and step.deltas == {"satisfaction": -3}
    class_meters = dict(s.play.meters)
    pilot.press("w")
    assert top(pilot) == "WhatIfScene"
    pilot.press(pygame.K_RETURN)  # option 1 as a what-if: satisfaction -6, loyalty -2, bus -2
    assert s.in_detour
    pilot.press(PAGE_DOWN)
    pilot.press(PAGE_DOWN)
    pilot.advance(1.0)
    assert s.play.meters != class_meters
    pilot.press(pygame.K_ESCAPE)  # back to the class's path, on its consequences
    pilot.advance(1.0)
    assert not s.in_detour and s.stage == CONSEQUENCES
    assert shown_changes(scene) == {"satisfaction": -3, "loyalty": None, "bus": None}, "this decision's change"
    assert {m: scene.meters.displayed(m) for m in scene.labels} == {m: class_meters[m] for m in scene.labels}
    assert scene.card_waits(pilot.app.ctx), "back on the class's path: her reply first again"
    pilot.press(PAGE_DOWN)  # the coach's card
    assert not s.in_detour and s.stage == CONSEQUENCES
    pilot.app.draw(force=True)
    texts = " ".join(b.text for b in scene.rec.blocks)
    assert f"Satisfaction {delta_text(-3)}" in texts and "Loyalty ▼" not in texts
    pilot.press(pygame.K_d)  # the debrief lists the class's change at decision 1
    assert top(pilot) == "DebriefScene"
    debrief = pilot.app.top
    debrief.wait_for_outcomes(10)
    pilot.frame()
    assert debrief.debrief.decisions[0].deltas == {"satisfaction": -3}


def test_the_what_if_notice_fits_the_footer_and_covers_no_option(expired):
    pilot, scene = classroom(expired, (1024, 768))
    pilot.press(PAGE_DOWN)
    pilot.press(PAGE_DOWN)
    pilot.press("w")
    pilot.press(pygame.K_RETURN)
    assert scene.session.in_detour and scene.notice.startswith("What if: option")
    pilot.app.draw(force=True)
    footer_top = pilot.app.screen.get_height() - pilot.app.ctx.viewport.px(52)
    block = next(b for b in scene.rec.blocks if b.text == scene.notice)
    assert block.rect.top >= footer_top, "the notice sits on the footer's line, not in a box over the options"
