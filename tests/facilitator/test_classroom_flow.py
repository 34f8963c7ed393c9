"""The classroom screen driven headless through real key events, as a facilitator's clicker would."""

import csv

import pygame

from game.facilitation.session import CHOICES, CHOSEN, CONSEQUENCES, DEBRIEF, ENDING, INTRO, TEXT

from .helpers import PAGE_DOWN, PAGE_UP, classroom, clean, top


def to_stage(pilot, scene, stage, limit=20):
    for _ in range(limit):
        if scene.session.stage == stage:
            return
        pilot.press(PAGE_DOWN)
    raise AssertionError(f"never reached {stage}, stuck at {scene.session.stage}")


def to_node(pilot, scene, node_id, limit=80):
    for _ in range(limit):
        if scene.session.play.node is not None and scene.session.play.node.id == node_id \
                and scene.session.stage == CHOICES:
            return
        pilot.press(PAGE_DOWN)
    raise AssertionError(f"never reached {node_id}")


def test_page_down_reveals_text_then_choices_then_the_choice_then_consequences(expired):
    pilot, scene = classroom(expired)
    s = scene.session
    seen = [s.stage]
    waits = []
    for _ in range(6):
        pilot.press(PAGE_DOWN)
        seen.append(s.stage)
        waits.append(scene.card_waits(pilot.app.ctx))
    assert seen == [INTRO, TEXT, CHOICES, CHOSEN, CONSEQUENCES, CONSEQUENCES, TEXT]
    assert waits[3:5] == [True, False], "her reply alone first, then the coach's card"
    assert s.play.node.id == "receipt"


def test_meters_and_feedback_stay_hidden_until_revealed(expired):
    pilot, scene = classroom(expired)
    to_stage(pilot, scene, CHOICES)
    pilot.press(pygame.K_DOWN)
    pilot.press(pygame.K_DOWN)  # "Got the receipt?" from the shelf: satisfaction -3
    assert expired.nodes[expired.start].choices[2].feedback.startswith("A fair question")
    pilot.press(PAGE_DOWN)
    assert scene.session.stage == CHOSEN
    pilot.advance(2.0)
    assert scene.meters.displayed("satisfaction") == 40 and scene.meters.showing_delta("satisfaction") is None
    pilot.app.draw(force=True)
    texts = " ".join(b.text for b in scene.rec.blocks)
    assert "A fair question" not in texts, "the coach's feedback is not shown before the reveal"
    pilot.press(PAGE_DOWN)
    pilot.advance(2.0)
    assert scene.meters.displayed("satisfaction") == 37 and scene.meters.showing_delta("satisfaction") == -3
    pilot.app.draw(force=True)
    reply = expired.nodes[expired.start].choices[2].reply.text
    texts = " ".join(b.text for b in scene.rec.blocks)
    assert reply[:20] in texts and "A fair question" not in texts, "her reply comes before the coach's words"
    pilot.press(PAGE_DOWN)
    pilot.app.draw(force=True)
    assert any("A fair question" in b.text for b in scene.rec.blocks)


def test_number_keys_add_votes_and_zero_or_backspace_clears(expired):
    pilot, scene = classroom(expired)
    to_stage(pilot, scene, CHOICES)
    for key in ("3", "3", "1", pygame.K_KP2, "3"):
        pilot.press(key)
    assert scene.session.votes == {1: 1, 2: 1, 3: 3}
    assert scene.session.selected == 2, "the room's lead is highlighted"
    pilot.press("0")
    assert scene.session.votes == {}
    pilot.press("2")
    pilot.press(pygame.K_BACKSPACE)
    assert scene.session.votes == {}
    for key in ("2", "2", "1"):
        pilot.press(key)
    pilot.press(PAGE_DOWN)
    assert scene.session.main[0].votes == {1: 1, 2: 2}
    assert scene.session.main[0].source_index == 1


def test_timer_starts_paused_shows_the_time_allowed_and_runs_only_on_t(expired):
    pilot, scene = classroom(expired)
    to_node(pilot, scene, "offer")
    s = scene.session
    assert s.timer_left == 25 and not s.timer_running
    pilot.advance(40.0)
    assert s.timer_left == 25 and s.stage == CHOICES, "the room discusses; the phone does not decide"
    assert not scene.animating(), "an idle classroom screen sleeps"
    pilot.press("t")
    pilot.advance(5.0)
    assert 19.0 < s.timer_left < 21.0
    pilot.press("t")
    left = s.timer_left
    pilot.advance(30.0)
    assert s.timer_left == left
    pilot.press("t")
    pilot.advance(25.0)
    assert s.stage == CHOSEN and s.main[-1].kind == "timeout"


def test_page_up_undoes_an_unrevealed_choice_and_rewinds_a_revealed_one(expired):
    pilot, scene = classroom(expired)
    s = scene.session
    to_stage(pilot, scene, CHOICES)
    pilot.press(PAGE_DOWN)
    assert s.stage == CHOSEN and len(s.main) == 1
    pilot.press(PAGE_UP)
    assert s.stage == CHOICES and s.main == [] and not s.in_detour
    pilot.press(PAGE_DOWN)
    pilot.press(PAGE_DOWN)
    assert s.stage == CONSEQUENCES
    pilot.press(PAGE_UP)
    assert s.in_detour and s.stage == CHOICES and s.selected == 1
    assert len(s.main) == 1, "the class's decision is kept"
    assert "What if?" in scene.notice


def test_what_if_view_compares_options_and_plays_a_detour_then_esc_returns(expired):
    pilot, scene = classroom(expired)
    s = scene.session
    to_node(pilot, scene, "her_story")
    pilot.press("w")
    assert top(pilot) == "WhatIfScene"
    view = pilot.app.top
    assert view.step == 2
    pilot.press(pygame.K_UP)
    pilot.press(pygame.K_UP)
    assert view.step == 0
    _, rows = view.rows(0)
    assert [r.deltas for r in rows][0] == {"satisfaction": -6, "loyalty": -2, "bus": -2}
    assert rows[0].taken and view.highlight == 1
    assert clean(pilot) == []
    pilot.press(pygame.K_RIGHT)
    pilot.press(pygame.K_RETURN)
    assert top(pilot) == "ClassroomScene"
    assert s.in_detour and s.stage == CHOSEN and s.path[0].source_index == 2
    assert len(s.main) == 2
    pilot.press(PAGE_DOWN)
    assert s.stage == CONSEQUENCES
    pilot.press(pygame.K_ESCAPE)
    assert not s.in_detour
    assert s.stage == CHOICES and s.play.node.id == "her_story"


def test_blank_screen_turns_black_ignores_next_and_comes_back(expired):
    pilot, scene = classroom(expired)
    pilot.press(PAGE_DOWN)
    pilot.press("b")
    assert top(pilot) == "BlankScene"
    pilot.app.draw(force=True)
    screen = pilot.app.screen
    w, h = screen.get_size()
    assert all(screen.get_at((x, y))[:3] == (0, 0, 0) for x in range(0, w, 97) for y in range(0, h, 89))
    pilot.press(PAGE_DOWN)
    assert top(pilot) == "BlankScene" and scene.session.stage == TEXT, "nothing moves while the screen is blank"
    pilot.press(".")
    assert top(pilot) == "ClassroomScene"
    pilot.press("b")
    pilot.press(pygame.K_F5)
    assert top(pilot) == "ClassroomScene"


def test_help_overlay_lists_every_binding(expired):
    from game.facilitation import BINDINGS

    pilot, scene = classroom(expired)
    pilot.press(pygame.K_F1)
    assert top(pilot) == "HelpOverlay"
    assert clean(pilot) == []
    shown = {b.text for b in pilot.app.top.rec.blocks}
    for b in BINDINGS:
        assert b.keys in shown and b.meaning in shown
    pilot.press(pygame.K_F1)
    assert top(pilot) == "ClassroomScene"
    pilot.press("?", mod=pygame.KMOD_SHIFT)
    assert top(pilot) == "HelpOverlay"
    pilot.press(pygame.K_ESCAPE)
    assert top(pilot) == "ClassroomScene"


def test_export_writes_a_png_per_debrief_page_and_the_csv(expired, data_dir):
    pilot, scene = classroom(expired)
    to_stage(pilot, scene, CHOICES)
    pilot.press("2")
    pilot.press("2")
    pilot.press("1")
    for _ in range(80):
        if scene.session.stage == ENDING:
            break
        pilot.press(PAGE_DOWN)
    pilot.press(PAGE_DOWN)
    assert top(pilot) == "DebriefScene"
    debrief = pilot.app.top
    pilot.press("e")
    folders = list((data_dir / "exports").iterdir())
    assert len(folders) == 1 and folders[0].name.startswith("expired_return-")
    assert str(folders[0]) in debrief.notice
    assert top(pilot) == "ExportNotice"
    pilot.press(pygame.K_ESCAPE)
    assert top(pilot) == "DebriefScene"
    pngs = sorted(folders[0].glob("*.png"))
    assert len(pngs) == debrief.page_count(pilot.app.ctx) >= 2
    for png in pngs:
        assert pygame.image.load(str(png)).get_size() == (1280, 720)
    rows = list(csv.reader((folders[0] / "debrief.csv").open(encoding="utf-8-sig")))
    first = [r for r in rows if r[:2] == ["decision", "1"]]
    assert [r[4] for r in first] == ["1", "2", "0"] and first[1][5] == "yes"
    assert any(r[3] == "net (the class)" for r in rows)


def test_a_whole_scenario_with_clicker_keys_only(expired):
    """Page Down, Page Up and B only: a timed node held for discussion, a what-if detour and back."""
    pilot, scene = classroom(expired)
    s = scene.session
    presses = 0

    def click(key):
        nonlocal presses
        presses += 1
        pilot.press(key)

    click(PAGE_DOWN)  # intro -> text
    click(pygame.K_b)
    click(pygame.K_b)
    assert top(pilot) == "ClassroomScene" and s.stage == TEXT
    while not (s.play.node is not None and s.play.node.timer is not None and s.stage == CHOICES):
        click(PAGE_DOWN)
        assert presses < 40
    pilot.advance(60.0)  # the room argues for a minute
    assert s.timer_left == s.timer_seconds and s.stage == CHOICES
    click(PAGE_DOWN)  # the facilitator takes the highlighted option
    click(PAGE_DOWN)  # and reveals it
    assert s.stage == CONSEQUENCES and not s.in_detour
    class_path = [d.to_json() for d in s.main]
    click(PAGE_UP)  # what if?
    assert s.in_detour and s.selected == 1
    click(PAGE_DOWN)
    click(PAGE_DOWN)
    assert s.stage == CONSEQUENCES and s.path[-1].source_index != s.main[-1].source_index
    click(PAGE_UP)  # undo the what-if's choice
    click(PAGE_UP)  # and back to the class's path
    assert not s.in_detour and s.stage == CONSEQUENCES
    assert [d.to_json() for d in s.main] == class_path
    while top(pilot) != "DebriefScene":
        click(PAGE_DOWN)
        assert presses < 200
    assert s.play.ended and s.stage == ENDING
    pages = pilot.app.top.page_count(pilot.app.ctx)
    for _ in range(pages - 1):
        click(PAGE_DOWN)
    assert pilot.app.top.page == pages - 1
    for _ in range(pages):
        click(PAGE_UP)
    assert top(pilot) == "ClassroomScene"


def test_leaving_a_detour_ending_returns_to_the_class(expired):
    pilot, scene = classroom(expired)
    s = scene.session
    to_stage(pilot, scene, CHOICES)
    pilot.press(PAGE_DOWN)
    pilot.press(PAGE_DOWN)
    pilot.press(PAGE_UP)  # what if: option 2
    for _ in range(80):
        if s.stage == ENDING:
            break
        pilot.press(PAGE_DOWN)
    assert s.in_detour and s.stage == ENDING
    pilot.press(PAGE_DOWN)
    assert not s.in_detour and top(pilot) == "ClassroomScene" and s.stage == CONSEQUENCES
    assert s.stage != DEBRIEF


def test_q_asks_once_then_leaves_the_session(expired):
    pilot, scene = classroom(expired)
    pilot.press("q")
    assert pilot.app.running and scene.leaving is not None, "one Q asks, it does not end the session"
    pilot.app.draw(force=True)
    assert "End the session" in [b.text for b in scene.rec.blocks]
    pilot.press("q")
    assert not pilot.app.running


def test_the_leave_question_stays_on_clicker_keys_and_leaves_on_enter_or_a_click(expired):
    pilot, scene = classroom(expired)
    s = scene.session
    for key in (PAGE_DOWN, PAGE_UP, pygame.K_b, pygame.K_ESCAPE):  # a presenter clicker never ends the session
        pilot.press("q")
        pilot.press(key)
        assert pilot.app.running and scene.leaving is None and top(pilot) == "ClassroomScene"
    assert s.stage == "intro", "the answer to the question does nothing else"
    pilot.press("q")
    pilot.app.draw(force=True)
    assert clean(pilot) == []
    stay = pilot.app.ctx.viewport.to_logical(scene.leaving.stay.rect(pilot.app.ctx).center)
    pilot.click(stay)
    assert scene.leaving is None and pilot.app.running
    pilot.press("q")
    pilot.press(pygame.K_RETURN)
    assert not pilot.app.running


def test_a_click_on_end_the_session_leaves(expired):
    pilot, scene = classroom(expired)
    pilot.press("q")
    pilot.app.draw(force=True)
    leave = pilot.app.ctx.viewport.to_logical(scene.leaving.leave.rect(pilot.app.ctx).center)
    pilot.click(leave)
    assert not pilot.app.running


def test_what_if_rows_follow_the_mouse_and_a_click_plays_one(expired):
    pilot, scene = classroom(expired)
    to_stage(pilot, scene, CHOICES)
    pilot.press("w")
    view = pilot.app.top
    pilot.app.draw(force=True)
    third = view._row_rects[2]
    logical = pilot.app.ctx.viewport.to_logical(third.center)
    pilot.move(logical)
    assert view.highlight == 2
    pilot.click(logical)
    assert top(pilot) == "ClassroomScene"
    s = scene.session
    assert s.in_detour and s.path[0].source_index == 2 and s.stage == CHOSEN


def test_the_play_command_path_opens_the_classroom_and_q_returns(expired):
    """What `run.py play SCENARIO --facilitator` does: the select screen, then the classroom on top."""
    from game.ui.bootstrap import Options, make_app
    from game.ui.pilot import Pilot
    from game.ui.scene import Push
    from game.ui.scenes.select import SelectScene, start_scene
    from game.userdata.settings import Settings

    app = make_app(Options(facilitator=True, settings=Settings(sound=False)), first=SelectScene(root=True))
    app.apply(Push(start_scene(expired, app.ctx)))
    pilot = Pilot(app)
    pilot.frame()
    assert top(pilot) == "ClassroomScene" and app.ctx.theme.name == "projector"
    pilot.press("q")
    pilot.press("q")
    assert top(pilot) == "SelectScene" and app.running


def test_what_if_from_the_first_text_shows_the_options_ahead(expired):
    pilot, scene = classroom(expired)
    pilot.press("w")
    assert top(pilot) == "ClassroomScene", "nothing to compare before the story starts"
    pilot.press(PAGE_DOWN)
    pilot.press("w")
    assert top(pilot) == "WhatIfScene"
    _, rows = pilot.app.top.rows(0)
    assert len(rows) == 3 and not any(r.taken for r in rows)
    pilot.press("3")
    assert scene.session.in_detour and scene.session.path[0].source_index == 2
