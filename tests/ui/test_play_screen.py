"""The play screen's parts: typewriter, history, meters with deltas, coach's card, idle redraws, layouts."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.engine import load_file
from game.ui.play.history import Entry, HistoryOverlay, history_entries
from game.ui.play.moment import reacted
from game.ui.scenes.play import CHOOSING, CHOSEN, FEEDBACK, READING, REPLY
from game.ui.stage.hud import size as hud_size
from game.ui.stage.layout import compute_stage

from .test_play_support import expired, read_to_choices, start, take

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def test_typewriter_reveals_over_time_and_a_key_completes_it():
    pilot, _ = start(expired(), text_speed="slow")
    scene = pilot.app.top
    assert len(scene.view.beats) == 2  # the narrator sets the scene, then Ms. Ling speaks
    pilot.advance(0.25)
    assert scene.phase == READING and 0 < scene.typewriter.chars < len(scene.speaking[1])
    shown = scene.typewriter.chars
    pilot.advance(0.5)
    assert scene.typewriter.chars > shown
    pilot.press("2")  # the first key only finishes the beat; it does not choose
    assert scene.typewriter.done and scene.phase == READING and scene.beat == 0
    pilot.press("2")  # the next starts her line, typed like the first
    assert scene.beat == 1 and scene.speaking[0] == "Ms. Ling" and not scene.typewriter.done
    pilot.press("2")  # and finishes it: now the choices show, and nothing was chosen
    assert scene.typewriter.done and scene.phase == CHOOSING
    assert scene.play.history == []


def test_typewriter_completes_on_click():
    pilot, _ = start(expired(), text_speed="normal")
    scene = pilot.app.top
    assert scene.phase == READING
    pilot.click((640, 360))
    assert scene.typewriter.done and scene.phase == READING and scene.beat == 0
    pilot.click((640, 360))
    assert scene.beat == 1 and not scene.typewriter.done
    pilot.click((640, 360))
    assert scene.typewriter.done and scene.phase == CHOOSING and scene.play.history == []


def test_history_opens_with_h_and_the_wheel_and_shows_what_was_said():
    pilot, _ = start(expired())
    scene = pilot.app.top
    take(pilot, scene, "2")
    read_to_choices(pilot, scene)
    pilot.press(pygame.K_h)
    overlay = pilot.app.top
    assert isinstance(overlay, HistoryOverlay)
    said = [(e.who, e.text) for e in overlay.entries]
    assert said[0][0] == "" and "carrier bag" in said[0][1]  # the narrator sets the scene
    assert said[1][0] == "Ms. Ling" and "ten minutes before my bus" in said[1][1]  # then she speaks
    mine = [i for i, e in enumerate(overlay.entries) if e.mine]
    assert len(mine) == 1 and "price gun" in overlay.entries[mine[0]].text  # the player's choice
    assert said[mine[0] + 1] == ("Ms. Ling", '"Thank you. It shouldn\'t take long."')  # and her reply to it
    assert "thirty-four days old" in said[-2][1]  # the node now on screen, each voice on its own line
    assert said[-1][0] == "Ms. Ling"
    pilot.press(pygame.K_h)
    assert pilot.app.top is scene
    pilot.wheel(1)
    assert isinstance(pilot.app.top, HistoryOverlay)
    pilot.press(pygame.K_ESCAPE)
    assert pilot.app.top is scene and scene.phase == CHOOSING


def test_history_entries_replay_timeouts_too():
    pilot, _ = start(expired())
    scene = pilot.app.top
    take(pilot, scene, "2", "1", "1")
    assert scene.view.node_id == "offer" and scene.view.timer is not None
    scene.play.timeout()
    entries = history_entries(scene.play)
    late = next(i for i, e in enumerate(entries) if e.who == "Time ran out")
    assert entries[late + 1] == Entry("Ms. Ling", '"I\'m going to miss my bus at this rate."')


def test_meters_animate_to_the_new_value_and_show_the_change():
    pilot, _ = start(expired())
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    assert scene.meters.displayed("satisfaction") == 40
    pilot.press("1")  # finish the tins first: satisfaction -6, loyalty -2, two minutes of her ten
    assert scene.phase == CHOSEN
    assert scene.meters.animating()
    pilot.frame(3)
    mid = scene.meters.displayed("satisfaction")
    assert 34 < mid < 40
    assert scene.meters.showing_delta("satisfaction") == -6
    assert scene.meters.showing_delta("loyalty") == -2
    assert scene.meters.showing_delta("bus") == -2
    pilot.advance(1)
    assert scene.meters.displayed("satisfaction") == 34 and scene.meters.displayed("loyalty") == 68
    assert scene.meters.displayed("bus") == 8
    assert not scene.meters.animating()
    assert scene.phase == REPLY  # she answers before the coach says a word
    pilot.press(pygame.K_RETURN)
    assert scene.phase == FEEDBACK
    assert [p for p, _ in scene.card.parts] == ["Satisfaction ▼ −6", "Loyalty ▼ −2", "Minutes to her bus ▼ −2"]


def test_the_reply_and_the_coach_card_wait_for_the_player_before_the_story_moves_on():
    pilot, _ = start(expired())
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    pilot.press("2")
    pilot.advance(5)
    assert scene.phase == REPLY and scene.view.node_id == "arrive"
    assert scene.speaking == ("Ms. Ling", '"Thank you. It shouldn\'t take long."', "neutral")
    pilot.press("2")  # number keys do not move on from her reply
    assert scene.phase == REPLY
    pilot.press(pygame.K_RETURN)
    assert scene.phase == FEEDBACK
    pilot.advance(5)
    pilot.press("2")  # nor dismiss the card
    assert scene.phase == FEEDBACK and scene.view.node_id == "arrive"
    pilot.press(pygame.K_SPACE)
    assert scene.view.node_id == "receipt" and scene.phase == READING
    read_to_choices(pilot, scene)
    assert scene.phase == CHOOSING


def test_a_waiting_screen_does_not_redraw_until_something_happens():
    pilot, _ = start(expired())
    app = pilot.app
    read_to_choices(pilot, app.top)
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
    meters = pilot.app.top.meters
    screen = pygame.Rect(0, 0, ctx.viewport.width, ctx.viewport.height)
    for node in expired().nodes.values():
        if node.is_branch:
            continue
        said = [(b.text, b.speaker == "narrator") for b in node.lines] or [(node.text, node.speaker == "narrator")]
        said += [(c.reply.text, c.reply.speaker == "narrator") for c in node.choices if c.reply is not None]
        lay = compute_stage(ctx, said, [c.text for c in node.choices],
                            lambda w: hud_size(ctx, meters, w), None)
        assert lay.fits and not lay.stacked, (size, node.id)  # no scrolling: the box along the bottom
        assert screen.contains(lay.speech) and all(screen.contains(r) for r in lay.choices), (size, node.id)
        assert all(r.bottom <= lay.speech.top for r in lay.choices), (size, node.id)  # they rise above the box
        assert not any(r.colliderect(lay.face) for r in (*lay.choices, lay.speech, lay.hud)), (size, node.id)


def test_text_too_big_for_the_screen_scrolls_and_keeps_the_focus_in_view():
    pilot, _ = start(expired(), size=(1024, 768), theme="projector", text_size="huge")
    scene = pilot.app.top
    ctx = pilot.app.ctx
    take(pilot, scene, "2", "1", "1")  # she was listened to: the node with a timer shows her three options
    read_to_choices(pilot, scene)
    assert scene.view.node_id == "offer" and scene.phase == CHOOSING
    assert not scene.layout(ctx).fits and scene.max_scroll(ctx) > 0
    assert scene.scroll == 0
    assert len(scene.choices.buttons) == 3
    for _ in range(3):  # the first arrow shows the focus on choice 1, the next two move it to the third
        pilot.press(pygame.K_DOWN)
    assert scene.choices.focus == 2
    button = scene.choices.buttons[2].logical
    column = scene.column(ctx)
    assert scene.scroll > 0 and button[1] + button[3] <= column.bottom + 1
    before = scene.scroll
    pilot.wheel(1)
    assert scene.scroll == before - 60
    pilot.wheel(20)  # back to the top
    assert scene.scroll == 0
    pilot.wheel(-1)
    assert scene.scroll > 0
    pilot.press(pygame.K_RETURN)  # choose the focused option, the third on screen
    assert scene.play.history[-1].text.startswith('"If it')


def test_the_picked_choice_stays_highlighted_while_the_meters_move():
    pilot, _ = start(expired())
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    pilot.press("2")
    assert scene.phase == CHOSEN
    assert [b.selected for b in scene.choices.buttons] == [False, True, False]
    assert not scene.choices.enabled
    pilot.press("1")  # nothing else can be picked now
    assert scene.play.history[-1].number == 2 and len(scene.play.history) == 1


def test_a_resized_window_lays_the_screen_out_again_and_the_mouse_still_hits():
    pilot, _ = start(expired())
    scene = pilot.app.top
    read_to_choices(pilot, scene)
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
    read_to_choices(pilot, scene)
    assert not scene.choices.show_focus  # no focus until the keyboard asks for it
    pilot.press(pygame.K_DOWN)
    assert scene.choices.show_focus and scene.choices.focus == 0
    pilot.move(scene.layout(pilot.app.ctx).choices[2].center)
    assert scene.choices.hover == 2 and not scene.choices.show_focus
    pilot.press(pygame.K_DOWN)  # the first arrow brings the focus back where it was
    assert scene.choices.show_focus and scene.choices.focus == 0
    pilot.press(pygame.K_DOWN)
    assert scene.choices.focus == 1


def test_from_the_pick_on_her_face_is_the_one_she_answers_with():
    pilot, _ = start(expired())
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    assert scene.customer_mood() == "impatient"  # "about ten minutes before my bus"
    pilot.press("2")  # the price gun goes down: "Thank you. It shouldn't take long."
    assert scene.phase == CHOSEN and scene.customer_mood() == "neutral"
    pilot.advance(2)
    assert scene.phase == REPLY and scene.customer_mood() == "neutral"
    pilot.press(pygame.K_RETURN)
    assert scene.phase == FEEDBACK and scene.customer_mood() == "neutral"
    pilot.press(pygame.K_SPACE)
    read_to_choices(pilot, scene)
    assert scene.view.node_id == "receipt" and scene.customer_mood() == scene.speaking[2]


def minimal():
    result = load_file(FIXTURES / "valid" / "minimal.yaml")
    assert result.ok and result.scenario is not None
    return result.scenario


def test_a_choice_without_a_reply_moves_her_face_by_how_much_it_pleased_or_hurt_her():
    pilot, _ = start(minimal())
    scene = pilot.app.top
    assert scene.customer_mood() == "neutral"
    pilot.press("1")  # satisfaction +30, no words from her: a step warmer while the meters move
    assert scene.step.reply is None and scene.phase == CHOSEN and scene.customer_mood() == "pleased"
    pilot.advance(2)
    assert scene.phase == FEEDBACK and scene.customer_mood() == "pleased"
    cold, _ = start(minimal())
    cold.press("2")  # satisfaction -30: a step cooler
    assert cold.app.top.customer_mood() == "impatient"


def test_a_change_of_five_shows_on_her_face_and_a_smaller_one_does_not():
    pilot, _ = start(minimal())
    scene = pilot.app.top
    pilot.advance(6)  # the five-second timer runs out: satisfaction -20 and she calls out "Hello? Anyone?"
    pilot.press(pygame.K_SPACE)
    assert scene.view.node_id == "ignored" and scene.phase == CHOOSING
    assert scene.customer_mood() == "upset"
    pilot.press("1")  # "Sorry! How can I help?": satisfaction +5, the smallest change that shows
    assert scene.customer_mood() == "impatient"
    assert reacted("upset", 4) == "upset" and reacted("upset", -4) == "upset"
