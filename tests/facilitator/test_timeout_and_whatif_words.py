"""After a timeout the timer shows that time ran out; a what-if's reveal says it is a what-if (issue 12, defect 4)."""

import pygame

from game.facilitation.session import CHOSEN, CONSEQUENCES

from .helpers import PAGE_DOWN, classroom
from .test_classroom_flow import to_node


def drawn_texts(pilot, scene):
    pilot.app.draw(force=True)
    return [b.text for b in scene.rec.blocks]


def test_after_a_timeout_the_timer_shows_zero_and_that_time_ran_out(expired):
    pilot, scene = classroom(expired, (1024, 768))
    to_node(pilot, scene, "offer")
    s = scene.session
    assert "paused · T" in drawn_texts(pilot, scene) and "25" in drawn_texts(pilot, scene)
    pilot.press("t")
    pilot.advance(26.0)
    assert s.stage == CHOSEN and s.main[-1].kind == "timeout"
    texts = drawn_texts(pilot, scene)
    assert "0" in texts and "time's up" in texts, texts
    assert "25" not in texts and "paused · T" not in texts, "not a fresh timer next to 'Time ran out'"


def test_a_what_if_reveal_says_what_if_and_not_the_class_chose(expired):
    pilot, scene = classroom(expired, (1280, 720))
    s = scene.session
    for _ in range(4):
        pilot.press(PAGE_DOWN)
    assert s.stage == CONSEQUENCES
    pilot.press(PAGE_DOWN)  # her reply first, then the coach's card
    assert any(t.startswith("The class chose: ") for t in drawn_texts(pilot, scene))
    pilot.press("w")
    pilot.press(pygame.K_RETURN)  # option 2 at decision 1, as a what-if
    pilot.press(PAGE_DOWN)
    assert s.in_detour and s.stage == CONSEQUENCES
    pilot.press(PAGE_DOWN)
    texts = drawn_texts(pilot, scene)
    assert any(t.startswith("What if we had chosen 2: ") for t in texts), texts
    assert not any(t.startswith("The class chose") for t in texts)
