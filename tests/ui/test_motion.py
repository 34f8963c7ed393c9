"""The person on the stage moves a little, drawn for real: she walks in, blinks at her own (seeded) moments,
nods or shakes her head on her reply, walks out at an ending where she leaves; the Motion setting stills it
all but the blinks, and a still screen draws only when her eyes shut or open."""

from __future__ import annotations

import time

import pygame
import pytest

from game.ui.scenes.ending import EndingScene
from game.ui.scenes.play import CHOSEN, FEEDBACK, REPLY
from game.ui.stage.dialogue import BLINK_SECONDS
from game.ui.stage.motion import BLINK_CLOSED, ENTER_SECONDS, EXIT_SECONDS, GESTURE_SECONDS, schedule

from .test_play_support import ending_paths, expired, read_to_choices, take, wait_for_feedback
from .test_play_support import start as start_play

FRAME = 1 / 60


def start(scenario, **settings):
    """The play screen with motion on (the shared helper turns it off for tests about other things)."""
    return start_play(scenario, **{"motion": True, **settings})


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def picture(pilot, rect: pygame.Rect | None = None) -> bytes:
    """The screen as drawn now (the whole window, or the part in `rect`)."""
    pilot.app.draw(force=True)
    shot = pilot.app.screen if rect is None else pilot.app.screen.subsurface(rect)
    return pygame.image.tobytes(shot, "RGB")


def person(pilot) -> pygame.Rect:
    pilot.app.draw(force=True)
    return pilot.app.top.rec.parts["person"].clip(pilot.app.screen.get_rect())


def face_box(pilot) -> pygame.Rect:
    scene = pilot.app.top
    return pilot.app.ctx.viewport.rect(*scene.layout(pilot.app.ctx).face)


def to_reply(pilot, scene, number: str) -> None:
    read_to_choices(pilot, scene)
    pilot.press(number)
    while scene.phase == CHOSEN:
        pilot.frame()
    assert scene.phase == REPLY


def test_she_walks_in_at_the_start_and_then_stands_still():
    pilot, _ = start(expired())
    scene = pilot.app.top
    pose = scene.motion.pose()
    assert scene.motion.who == scene.scenario.customer.name
    assert pose.alpha < 255 and pose.dx > 0, pose  # faded and to the side, on her way in
    assert scene.animating() and scene.fading
    early = person(pilot)
    pilot.advance(ENTER_SECONDS + 0.05)
    assert scene.motion.pose().still and not scene.fading
    assert person(pilot) == early  # where she stands is the same: only the picture moved
    rest = picture(pilot, early)
    pilot.advance(0.5)
    assert picture(pilot, early) == rest or scene.motion.blinking


def test_she_blinks_at_her_own_moments_and_her_eyes_really_shut():
    pilot, _ = start(expired())
    scene = pilot.app.top
    name = scene.scenario.customer.name
    pilot.advance(ENTER_SECONDS + 0.1)
    face = face_box(pilot)
    begin = scene.motion.on_stage
    seen: list[float] = []
    open_eyes = closed = None
    was = False
    while scene.motion.on_stage < 14:
        pilot.frame()
        if scene.motion.blinking and not was:
            seen.append(scene.motion.on_stage)
            closed = picture(pilot, face)
        elif not scene.motion.blinking and was and open_eyes is None:
            open_eyes = picture(pilot, face)
        was = scene.motion.blinking
    expected = [start for start, _ in schedule(name, 14) if start > begin]
    assert len(expected) >= 2 and len(seen) == len(expected)
    assert all(0 <= got - want <= FRAME + 1e-9 for got, want in zip(seen, expected, strict=True)), (seen, expected)
    gaps = [b - a for a, b in zip(expected, expected[1:], strict=False)]
    assert all(3.0 <= g <= 6.0 for g in gaps) and len(set(round(g, 2) for g in gaps)) == len(gaps)  # irregular
    assert closed is not None and open_eyes is not None and closed != open_eyes  # the eyes differ in the pixels
    assert schedule(name, 14) == schedule(name, 14) != schedule("Someone Else", 14)  # seeded by her name


def test_a_blink_lasts_about_an_eighth_of_a_second():
    pilot, _ = start(expired())
    scene = pilot.app.top
    while not scene.motion.blinking:
        pilot.frame()
    shut = 0
    while scene.motion.blinking:
        pilot.frame()
        shut += 1
    assert abs(shut * FRAME - BLINK_CLOSED) <= FRAME + 1e-9


def test_a_still_play_screen_draws_only_when_her_eyes_shut_or_open():
    pilot, _ = start(expired())
    scene = pilot.app.top
    app = pilot.app
    for _ in range(600):
        app.step(events=[], dt=FRAME)
        if not (scene.animating() or scene.dirty) and scene.waited >= BLINK_SECONDS:  # the mark has stopped too
            break
    assert not scene.animating()
    begin = scene.motion.on_stage
    drawn = sum(app.step(events=[], dt=FRAME) for _ in range(60 * 12))
    blinks = [s for s, _ in schedule(scene.scenario.customer.name, begin + 12) if s > begin]
    assert len(blinks) >= 2 and drawn <= 2 * len(blinks) + 1, (drawn, blinks)
    assert drawn >= 2 * len(blinks) - 1


def test_the_idle_loop_sleeps_until_the_next_blink():
    """The real App.run(): a few frames in two seconds (eyes shut, eyes open), not sixty a second."""
    pilot, _ = start(expired())
    scene = pilot.app.top
    app = pilot.app
    for _ in range(600):
        app.step(events=[], dt=FRAME)
        if not (scene.animating() or scene.dirty) and scene.waited >= BLINK_SECONDS:  # the mark has stopped too
            break
    wait = scene.wake_in()
    assert wait is not None and wait > 0
    seconds = wait + 0.5  # past the blink's start and end
    pygame.event.clear()
    pygame.time.set_timer(pygame.QUIT, round(seconds * 1000), loops=1)
    before, cpu0, wall0 = app.frames_drawn, time.process_time(), time.perf_counter()
    app.run()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    assert 2 <= app.frames_drawn - before <= 4, app.frames_drawn - before
    assert cpu / wall < 0.25, cpu / wall  # a shared test machine: the bench measures the real figure


def test_she_nods_on_a_warm_reply_and_her_head_comes_back():
    pilot, _ = start(expired())
    scene = pilot.app.top
    pilot.advance(ENTER_SECONDS + 0.1)
    to_reply(pilot, scene, "2")  # a neutral reply
    rect = person(pilot)
    dips = []
    for _ in range(round(GESTURE_SECONDS * 60) + 2):
        pilot.frame()
        dips.append(scene.motion.pose().nod)
        if dips[-1] == max(dips):
            deepest = picture(pilot, rect)
    assert scene.motion.gesture == "" and max(dips) >= 5 and dips[-1] == 0
    assert scene.motion.pose().dx == 0
    after = picture(pilot, rect)
    assert deepest != after and person(pilot) == rect  # the head moved in the picture, then came back


def test_she_shakes_her_head_on_an_impatient_reply():
    pilot, _ = start(expired())
    scene = pilot.app.top
    pilot.advance(ENTER_SECONDS + 0.1)
    to_reply(pilot, scene, "1")  # an impatient reply
    moves = []
    for _ in range(round(GESTURE_SECONDS * 60) + 2):
        pilot.frame()
        moves.append(scene.motion.pose().dx)
    assert max(moves) > 2 and min(moves) < -2 and moves[-1] == 0
    assert all(p == 0 for p in [scene.motion.pose().nod])


def test_she_walks_out_at_an_ending_where_she_leaves_before_the_ending_screen():
    sc = expired()
    path = ending_paths(sc)["lost_customer"]
    assert sc.endings["lost_customer"].outcome == "leaves"
    pilot, _ = start(sc)
    scene = pilot.app.top
    take(pilot, scene, *path[:-1])
    read_to_choices(pilot, scene)
    pilot.press(path[-1])
    wait_for_feedback(pilot, scene)
    pilot.press(pygame.K_SPACE)
    assert pilot.app.top is scene and scene.motion.leaving is not None  # not the ending yet: she goes first
    assert scene.card is None  # the coach's card has gone; her last words stay
    seen = []
    while pilot.app.top is scene:
        seen.append(scene.motion.pose())
        pilot.frame()
        assert len(seen) < 60
    assert isinstance(pilot.app.top, EndingScene)
    assert abs(len(seen) * FRAME - EXIT_SECONDS) <= 2 * FRAME
    assert seen[0].alpha > seen[len(seen) // 2].alpha > seen[-1].alpha
    assert seen[-1].dx > seen[len(seen) // 2].dx > 0  # off to the side


def test_at_an_ending_where_she_stays_the_ending_comes_at_once():
    sc = expired()
    path = ending_paths(sc)["grudging"]
    assert sc.endings["grudging"].outcome == "stays"
    pilot, _ = start(sc)
    scene = pilot.app.top
    take(pilot, scene, *path)
    pilot.frame(2)
    assert isinstance(pilot.app.top, EndingScene)


def test_with_motion_off_nothing_slides_nods_or_dissolves_but_she_still_blinks():
    sc = expired()
    path = ending_paths(sc)["lost_customer"]
    pilot, _ = start(sc, motion=False)
    scene = pilot.app.top
    assert scene.motion.pose().still and not scene.fading and not scene.motion.animating()
    to_reply(pilot, scene, path[0])
    for _ in range(30):
        pilot.frame()
        assert scene.motion.pose().still and not scene.motion.animating()
    wait_for_feedback(pilot, scene)
    pilot.press(pygame.K_SPACE)
    assert not scene.dissolving  # the next node cuts in
    blinked = False
    for _ in range(60 * 7):
        pilot.frame()
        blinked = blinked or scene.motion.blinking
    assert blinked
    take(pilot, scene, *path[1:-1])
    read_to_choices(pilot, scene)
    pilot.press(path[-1])
    wait_for_feedback(pilot, scene)
    pilot.press(pygame.K_SPACE, frames=2)
    assert isinstance(pilot.app.top, EndingScene)  # no walk out


def test_a_take_back_while_she_walks_out_keeps_her():
    sc = expired()
    path = ending_paths(sc)["lost_customer"]
    pilot, _ = start(sc)
    scene = pilot.app.top
    assert sc.rollback
    take(pilot, scene, *path[:-1])
    read_to_choices(pilot, scene)
    pilot.press(path[-1])
    wait_for_feedback(pilot, scene)
    pilot.press(pygame.K_SPACE)
    assert scene.motion.leaving is not None
    pilot.press(pygame.K_BACKSPACE)
    pilot.advance(1.0)
    assert pilot.app.top is scene and scene.motion.leaving is None and scene.motion.pose().alpha == 255
    assert scene.phase != FEEDBACK


def test_the_motion_clock_alone_wakes_at_each_blink_edge_and_stills_when_motion_is_turned_off():
    from game.ui.stage.motion import StageMotion

    motion = StageMotion()
    assert motion.wake_in() is None and not motion.present(None)  # nobody on the stage: nothing to wake for
    assert motion.present("Ms. Ling") and motion.pose().alpha < 255
    edges = []
    for _ in range(3):
        wait = motion.wake_in()
        assert wait is not None and wait > 0
        was = motion.blinking
        motion.update(wait)
        assert motion.blinking != was  # woken exactly at an edge: the eyes shut or open
        edges.append(motion.on_stage)
    (start, end), = schedule("Ms. Ling", edges[0] + 0.01)
    assert abs(edges[0] - start) < 1e-9 and abs(edges[1] - end) < 1e-9
    motion.react("angry")
    assert motion.animating() and motion.gesture == "shake"
    motion.allow(False)  # the player turned motion off from the pause menu
    assert not motion.animating() and motion.pose().dx == 0
    motion.react("pleased")
    assert not motion.leave() and not motion.animating()  # no nods or exits while it is off
