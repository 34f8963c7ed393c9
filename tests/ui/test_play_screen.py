"""The play screen's parts: typewriter, history, meters with deltas, coach's card, idle redraws, layouts."""

from __future__ import annotations

import pygame
import pytest

from game.ui.play.history import HistoryOverlay, history_entries
from game.ui.play.layout import compute_layout
from game.ui.scenes.play import CHOOSING, CHOSEN, FEEDBACK, READING

from .test_play_support import expired, start


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def test_typewriter_reveals_over_time_and_a_key_completes_it():
    pilot, _ = start(expired(), text_speed="slow")
    scene = pilot.app.top
    pilot.advance(0.25)
    assert scene.phase == READING and 0 < scene.typewriter.chars < len(scene.view.text)
    shown = scene.typewriter.chars
    pilot.advance(0.5)
    assert scene.typewriter.chars > shown
    pilot.press("2")  # the first key only finishes the text; it does not choose
    assert scene.typewriter.done and scene.phase == CHOOSING
    assert scene.play.history == []


def test_typewriter_completes_on_click():
    pilot, _ = start(expired(), text_speed="normal")
    scene = pilot.app.top
    assert scene.phase == READING
    pilot.click((640, 360))
    assert scene.typewriter.done and scene.phase == CHOOSING and scene.play.history == []


def test_history_opens_with_h_and_the_wheel_and_shows_what_was_said():
    pilot, _ = start(expired())
    scene = pilot.app.top
    pilot.press("1")
    pilot.advance(1)
    pilot.press(pygame.K_RETURN)
    pilot.press(pygame.K_h)
    overlay = pilot.app.top
    assert isinstance(overlay, HistoryOverlay)
    texts = [e.text for e in overlay.entries]
    assert any("shopping bag" in t for t in texts)  # the first node
    assert any(e.mine and "price gun" in e.text for e in overlay.entries)  # the player's choice
    assert "receipt across the counter" in texts[-1]  # the node now on screen
    pilot.press(pygame.K_h)
    assert pilot.app.top is scene
    pilot.wheel(1)
    assert isinstance(pilot.app.top, HistoryOverlay)
    pilot.press(pygame.K_ESCAPE)
    assert pilot.app.top is scene and scene.phase == CHOOSING


def test_history_entries_replay_timeouts_too():
    pilot, _ = start(expired())
    scene = pilot.app.top
    for c in ("1", "1", "1"):
        pilot.press(c)
        pilot.advance(1)
        pilot.press(pygame.K_RETURN)
    scene.play.timeout()
    entries = history_entries(scene.play)
    assert any(e.who == "Time ran out" for e in entries)


def test_meters_animate_to_the_new_value_and_show_the_change():
    pilot, _ = start(expired())
    scene = pilot.app.top
    assert scene.meters.displayed("satisfaction") == 40
    pilot.press("3")  # satisfaction -8, loyalty -3
    assert scene.phase == CHOSEN
    assert scene.meters.animating()
    pilot.frame(3)
    mid = scene.meters.displayed("satisfaction")
    assert 32 < mid < 40
    assert scene.meters.showing_delta("satisfaction") == -8
    assert scene.meters.showing_delta("loyalty") == -3
    pilot.advance(1)
    assert scene.meters.displayed("satisfaction") == 32 and scene.meters.displayed("loyalty") == 67
    assert not scene.meters.animating()
    assert scene.phase == FEEDBACK
    assert [p for p, _ in scene.card.parts] == ["Satisfaction ▼ −8", "Loyalty ▼ −3"]


def test_the_coach_card_waits_for_the_player_before_the_story_moves_on():
    pilot, _ = start(expired())
    scene = pilot.app.top
    pilot.press("1")
    pilot.advance(5)
    assert scene.phase == FEEDBACK and scene.view.node_id == "arrive"
    pilot.press("2")  # number keys do not dismiss the card
    assert scene.phase == FEEDBACK
    pilot.press(pygame.K_SPACE)
    assert scene.phase == CHOOSING and scene.view.node_id == "receipt"


def test_a_waiting_screen_does_not_redraw_until_something_happens():
    pilot, _ = start(expired())
    app = pilot.app
    pilot.frame(3)
    assert not app.top.animating()
    assert app.step(events=[], dt=1 / 60) is False
    pilot.post(pygame.MOUSEMOTION, pos=(10, 10), rel=(0, 0), buttons=(0, 0, 0))
    assert app.step(dt=1 / 60) is False  # the mouse moved over nothing that reacts
    choice = app.top.layout(app.ctx).choices[1]
    pilot.post(pygame.MOUSEMOTION, pos=app.ctx.viewport.point(*choice.center), rel=(0, 0), buttons=(0, 0, 0))
    assert app.step(dt=1 / 60) is True  # hovering a choice highlights it
    assert app.top.choices.hover == 1


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080), (960, 720)])
def test_every_node_fits_the_screen_at_common_sizes(size):
    pilot, _ = start(expired(), size=size)
    ctx = pilot.app.ctx
    scenario = expired()
    for node in scenario.nodes.values():
        if node.is_branch:
            continue
        lay = compute_layout(ctx, node.speaker, node.text, [c.text for c in node.choices], 2)
        assert lay.fits, (size, node.id)
        bottom = ctx.viewport.height - 16
        assert all(r.bottom <= bottom for r in lay.choices), (size, node.id)
        assert lay.speech.right <= ctx.viewport.width and lay.stage.right < lay.speech.left


def test_text_too_big_for_the_screen_scrolls_and_keeps_the_focus_in_view():
    pilot, _ = start(expired(), size=(1024, 768), theme="projector", text_size="huge")
    scene = pilot.app.top
    ctx = pilot.app.ctx
    for c in ("1", "1", "1"):  # to the node with four choices and a timer
        pilot.press(c)
        pilot.advance(1)
        pilot.press(pygame.K_RETURN)
    assert scene.view.node_id == "options"
    assert not scene.layout(ctx).fits and scene.max_scroll(ctx) > 0
    assert scene.scroll == 0
    for _ in range(3):
        pilot.press(pygame.K_DOWN)
    assert scene.choices.focus == 3
    button = scene.choices.buttons[3].logical
    column = scene.column(ctx)
    assert scene.scroll > 0 and button[1] + button[3] <= column.bottom + 1
    before = scene.scroll
    pilot.wheel(1)
    assert scene.scroll == before - 60
    pilot.wheel(20)  # back to the top
    assert scene.scroll == 0
    pilot.wheel(-1)
    assert scene.scroll > 0
    pilot.press(pygame.K_RETURN)  # choose the focused option, the fourth
    assert scene.play.history[-1].number == 4


def test_the_picked_choice_stays_highlighted_while_the_meters_move():
    pilot, _ = start(expired())
    scene = pilot.app.top
    pilot.press("2")
    assert scene.phase == CHOSEN
    assert [b.selected for b in scene.choices.buttons] == [False, True, False]
    assert not scene.choices.enabled
    pilot.press("1")  # nothing else can be picked now
    assert scene.play.history[-1].number == 2 and len(scene.play.history) == 1


def test_a_resized_window_lays_the_screen_out_again_and_the_mouse_still_hits():
    pilot, _ = start(expired())
    scene = pilot.app.top
    wide = scene.layout(pilot.app.ctx).choices[2]
    pilot.post(pygame.VIDEORESIZE, size=(1024, 768), w=1024, h=768)
    pilot.frame()
    ctx = pilot.app.ctx
    assert ctx.viewport.width == 960
    narrow = scene.layout(ctx).choices[2]
    assert narrow != wide and narrow.right <= 960
    pilot.click(narrow.center)
    assert scene.play.history[-1].number == 3


def test_keyboard_focus_shows_until_the_mouse_points_at_a_choice():
    pilot, _ = start(expired())
    scene = pilot.app.top
    assert scene.choices.show_focus and scene.choices.focus == 0
    pilot.move(scene.layout(pilot.app.ctx).choices[2].center)
    assert scene.choices.hover == 2 and not scene.choices.show_focus
    pilot.press(pygame.K_DOWN)  # the first arrow brings the focus back where it was
    assert scene.choices.show_focus and scene.choices.focus == 0
    pilot.press(pygame.K_DOWN)
    assert scene.choices.focus == 1


def test_the_customer_s_face_reacts_to_a_choice_that_clearly_moves_her():
    pilot, _ = start(expired())
    scene = pilot.app.top
    assert scene.customer_mood() == "impatient"
    pilot.press("3")  # satisfaction -8: a step cooler while the meters move and the coach speaks
    assert scene.customer_mood() == "upset"
    pilot.advance(2)
    assert scene.phase == FEEDBACK and scene.customer_mood() == "upset"
    pilot.press(pygame.K_SPACE)
    assert scene.phase == CHOOSING and scene.customer_mood() == scene.view.mood


def test_a_welcome_warms_the_face_and_a_small_change_leaves_it():
    pilot, _ = start(expired())
    scene = pilot.app.top
    pilot.press("1")  # satisfaction +6
    assert scene.customer_mood() == "neutral"
    pilot.advance(2)
    pilot.press(pygame.K_SPACE)
    assert scene.view.node_id == "receipt" and scene.customer_mood() == "neutral"
    pilot.press("1")  # satisfaction +5: at the threshold, so one step warmer
    assert scene.customer_mood() == "pleased"
    small, _ = start(expired())
    small.press("2")  # satisfaction -2: too small to show on her face
    assert small.app.top.customer_mood() == "impatient"
