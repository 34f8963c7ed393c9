"""Frame work on the stage (issue 15): no full-window surface is made per frame or per node (but for a
dissolve into a new setting), the dissolve keeps only what was drawn over the setting, and the art the next
moments show is warmed on still frames so the frames that show it do not wait for it."""

from __future__ import annotations

import os

import pygame
import pytest

from game.commands.common import require_scenario
from game.ui.art import disk_cache
from game.ui.art import portrait as portrait_art
from game.ui.play import art as play_art
from game.ui.scene import Push
from game.ui.scenes.play import FEEDBACK, PlayScene
from game.ui.stage import dissolve, prefetch, scenery

from .test_play_support import MenuStandIn, read_to_choices, start, take, wait_for_feedback
from .test_stage_calls import route_to

SIZE = (1280, 720)


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    play_art._surfaces.clear()  # every test starts with nothing painted, in memory or on disk
    play_art._held[0] = 0
    portrait_art.clear_cache()


class Counted(pygame.Surface):
    """pygame.Surface, remembering the size of every surface made through it (the game's own code makes its
    surfaces with pygame.Surface(...))."""

    made: list[tuple[int, int]] = []

    def __init__(self, size, *args, **kwargs) -> None:
        super().__init__(size, *args, **kwargs)
        Counted.made.append(tuple(self.get_size()))


def test_the_dissolve_keeps_only_what_was_drawn_over_the_setting_and_lets_it_go_when_it_ends():
    scenario = require_scenario("expired_return")
    pilot, _ = start(scenario, motion=True)
    scene = pilot.app.top
    window = pilot.app.screen.get_rect()
    over = scene.drawn_over()  # what the node's last frame drew over the setting
    take(pilot, scene, "2")
    assert scene.dissolving
    pieces = [rect for rect, _ in scene._fade.pieces]
    assert all(window.contains(r) for r in pieces)
    assert sum(r.width * r.height for r in pieces) < 0.9 * window.width * window.height
    for r in pieces:  # each piece lies over something that was drawn, not over bare setting
        assert r.collidelist([o.inflate(16, 16) for o in over]) >= 0, r
    pilot.advance(0.3)
    assert not scene.dissolving and scene._fade is None, "its pictures are let go when it ends"
    pilot.app.resize((1024, 768))
    pilot.frame(30)
    read_to_choices(pilot, scene)
    pilot.press("1")
    wait_for_feedback(pilot, scene)
    pilot.press(pygame.K_SPACE)
    assert scene.dissolving
    assert all(pygame.Rect(0, 0, 1024, 768).contains(r) for r, _ in scene._fade.pieces)
    pilot.app.apply(Push(MenuStandIn()))  # an opaque screen over the stage: the dissolve's pictures are let go
    assert scene._fade is None and scene._kept_ahead is None and not scene.dissolving


def play_on(pilot, scene, number: str, seen: dict[str, int] | None = None) -> None:
    """Read the node line by line as it types, pick `number`, read her reply, close the coach's card; counts
    the frames drawn, those dissolving and those with a line typing in `seen`."""
    seen = {"frames": 0, "dissolving": 0, "typing": 0} if seen is None else seen
    before = len(scene.play.history)
    for _ in range(1200):
        drawn = pilot.app.step(dt=1 / 60)
        seen["frames"] += drawn
        seen["dissolving"] += drawn and scene.dissolving
        seen["typing"] += drawn and scene.phase in ("reading", "reply") and not scene.typewriter.done
        if scene.phase == "choosing" and len(scene.play.history) == before:
            pilot.press(number)
        elif scene.phase in ("reading", "reply") and scene.typewriter.done:
            pilot.press(pygame.K_RETURN)
        elif scene.phase == "feedback":
            pilot.press(pygame.K_SPACE)
            return
    raise AssertionError(f"{number} at {scene.view.node_id} never reached the coach's card")


def test_no_full_window_surface_is_made_while_nodes_dissolve_lines_type_and_a_call_card_fades_in(monkeypatch):
    scenario = require_scenario("expired_return")
    route = route_to(scenario, "callback")
    pilot, _ = start(scenario)
    take(pilot, pilot.app.top, *route)  # the art is painted once (a new picture is made on a surface of its own)
    pilot, _ = start(scenario, motion=True, text_speed="normal")
    scene = pilot.app.top
    play_on(pilot, scene, route[0])
    monkeypatch.setattr(pygame, "Surface", Counted)
    Counted.made = []
    layers = []
    real_layer = scenery._card_layer
    monkeypatch.setattr(scenery, "_card_layer", lambda size: layers.append(size) or real_layer(size))
    rooms = []  # for each dissolve: whether the next node is in the same setting
    real_keep = dissolve.Dissolve.__init__
    monkeypatch.setattr(dissolve.Dissolve, "__init__",
                        lambda self, shown, over, setting: rooms.append(setting is not None)
                        or real_keep(self, shown, over, setting))
    seen = {"frames": 0, "dissolving": 0, "typing": 0}
    for number in route[1:]:
        play_on(pilot, scene, number, seen)
    pilot.frame(60)  # she rings back: her call card fades in
    assert scene.view.node_id == "callback"
    assert seen["frames"] > 100 and seen["dissolving"] > 5 and seen["typing"] > 20, seen
    assert layers, "the call card faded in (on its own layer)"
    assert all(w < SIZE[0] and h < SIZE[1] for w, h in layers), "the fading card's layer is card-sized"
    assert rooms.count(True) >= 2, rooms
    full = [size for size in Counted.made if size[0] >= SIZE[0] and size[1] >= SIZE[1]]
    assert len(full) == rooms.count(False), (
        f"{len(full)} full-window surfaces made in {seen['frames']} frames; only a new setting keeps the window")


def test_the_next_nodes_faces_are_warmed_on_still_frames_so_its_first_frames_paint_nothing(monkeypatch):
    painted: list[tuple] = []  # (kind, while a frame was drawn, the picture's key, the scene's moment)
    real = disk_cache.cached_picture

    def spying(kind, key, paint, size=None):
        def counted():
            painted.append((kind, drawing[0], key[1:], scene_phase()))
            return paint()
        return real(kind, key, counted, size)

    drawing = [False]
    shown: list = []  # the play scene, once there is one

    def scene_phase():
        return (shown[0].phase, shown[0].view.node_id, shown[0].beat) if shown and shown[0].view else None

    monkeypatch.setattr(portrait_art, "cached_picture", spying)
    pilot, _ = start(require_scenario("expired_return"), motion=True)
    scene = pilot.app.top
    shown.append(scene)
    real_draw = scene.draw

    def draw(surface, ctx):
        drawing[0] = True
        try:
            real_draw(surface, ctx)
        finally:
            drawing[0] = False

    monkeypatch.setattr(scene, "draw", draw)
    take(pilot, scene, "2")  # past the first node (whose next faces were warmed before the first frame)
    painted.clear()
    pilot.advance(1.0)
    read_to_choices(pilot, scene)
    pilot.advance(1.0)  # she thinks it over: still frames warm her faces once a choice is picked
    pilot.press("1")
    wait_for_feedback(pilot, scene)
    assert scene.phase == FEEDBACK and scene.play.node.id == "her_story"
    for _ in range(240):  # the reader reads the card: still frames, which warm what the next node shows
        if not scene.warmer.pending:
            break
        pilot.frame()
    assert not scene.warmer.pending
    pilot.press(pygame.K_SPACE)  # on to the next node: her first faces are ready
    assert scene.view.node_id == "her_story"
    pilot.frame(20)
    assert painted, "the faces of her replies and of the next node were painted ahead"
    during = [p for p in painted if p[1]]
    assert during == [], f"a drawn frame painted a face that was not warmed ahead: {during}"


def test_a_drawn_frame_warms_nothing_and_a_still_frame_keeps_to_its_budget():
    warmed: list[int] = []
    ticks = iter(range(100))

    class Slow:
        def __init__(self, n: int) -> None:
            self.n = n

        def warm(self) -> None:
            warmed.append(self.n)

    warmer = prefetch.Warmer(clock=lambda: next(ticks) * 0.002)  # each look at the clock: 2 ms later
    warmer.plan([Slow(n) for n in range(6)])
    assert warmer.work(drawn=True) == 0 and warmed == []
    # started at 0 ms: the first at once, the next at 2 ms and 4 ms, and at 6 ms the 5 ms budget is spent
    assert warmer.work(drawn=False, budget=0.005) == 3
    assert warmed == [0, 1, 2] and warmer.pending
    assert warmer.work(drawn=False, budget=0.0) == 1, "a still frame warms one picture however small its budget"


def test_nothing_is_left_to_warm_once_the_screen_sleeps():
    pilot, _ = start(require_scenario("expired_return"), motion=True)
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    for _ in range(240):
        pilot.frame()
        if not scene.warmer.pending and scene._ahead_done:
            break
    assert not scene.warmer.pending and scene._ahead_done
    assert scene.wake_in() != 0.0, "a still screen with nothing to prepare sleeps until her next blink"


def test_the_play_screens_first_frame_paints_nothing_it_was_all_warmed_before(monkeypatch):
    from game.ui.art import phone as phone_art
    from game.ui.art import scenes as scene_art

    painted: list[str] = []
    drawing = [False]
    real = disk_cache.cached_picture

    def spying(kind, key, paint, size=None):
        def counted():
            painted.append(f"{kind} while drawing" if drawing[0] else kind)
            return paint()
        return real(kind, key, counted, size)

    monkeypatch.setattr(portrait_art, "cached_picture", spying)
    monkeypatch.setattr(scene_art, "cached_picture", spying)
    scene_art.clear_cache()
    real_phone = phone_art._paint_phone
    monkeypatch.setattr(phone_art, "_paint_phone", lambda *a, **k: painted.append(
        "phone while drawing" if drawing[0] else "phone") or real_phone(*a, **k))
    phone_art._sprites.clear()
    real_draw = PlayScene.draw

    def draw(self, surface, ctx):
        drawing[0] = True
        try:
            real_draw(self, surface, ctx)
        finally:
            drawing[0] = False

    monkeypatch.setattr(PlayScene, "draw", draw)
    pilot, _ = start(require_scenario("ringing_phone"), size=(1920, 1080), motion=True)
    assert "scene" in painted and "portrait" in painted and "phone" in painted, painted
    assert [p for p in painted if p.endswith("while drawing")] == [], painted


def test_warming_leaves_room_for_the_faces_on_screen() -> None:
    """The portrait cache is bounded in bytes: at 1080p it holds two stage portraits (her face still, and one
    warmed ahead; talking and mid-blink she keeps only the part that moves), so a moment warms one; a small
    window's cache holds more, and warms MOST."""
    from game.ui.art import portrait as portrait_art
    from game.ui.play import art as play_art
    from game.ui.stage import prefetch

    big, small = (696, 712), (300, 310)
    assert play_art.portrait_room(big) == portrait_art._cache.max_bytes // (big[0] * big[1] * 4)
    assert prefetch.most(big) == max(1, play_art.portrait_room(big) - prefetch.ON_SCREEN) < prefetch.MOST
    assert play_art.portrait_room(big) == 2 and prefetch.most(big) == 1
    assert prefetch.most(small) == prefetch.MOST


def _wraps_and_lines(ctx) -> tuple[int, int]:
    """How many wrapped paragraphs and rendered lines the text cache has made so far."""
    return len(ctx.text._lines), ctx.text.misses


def _wraps_when_the_next_node_shows(monkeypatch, ahead: bool) -> int:
    pilot, _ = start(require_scenario("expired_return"))
    scene = pilot.app.top
    if not ahead:
        monkeypatch.setattr(type(scene), "_plan_ahead", lambda self, ctx: [])
        scene._ahead = []  # nor what was planned for the moment on screen
    read_to_choices(pilot, scene)
    pilot.press("1")
    wait_for_feedback(pilot, scene)
    pilot.frame(120)  # the player reads the coach's card: still frames
    assert scene.phase == FEEDBACK and not scene.play.ended
    wraps, _ = _wraps_and_lines(pilot.app.ctx)
    pilot.press(pygame.K_SPACE)  # on to the next node
    assert scene.view.node_id == scene.play.node.id
    monkeypatch.undo()
    return _wraps_and_lines(pilot.app.ctx)[0] - wraps


def test_while_the_coachs_card_waits_the_next_node_is_laid_out_so_its_key_wraps_next_to_no_text(monkeypatch):
    without = _wraps_when_the_next_node_shows(monkeypatch, ahead=False)
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", os.environ["CUSTOMER_CHAIN_DATA_DIR"])
    with_ahead = _wraps_when_the_next_node_shows(monkeypatch, ahead=True)
    assert without >= 6 and with_ahead * 4 <= without, (with_ahead, without)


def test_work_ahead_is_one_task_on_a_frame_that_is_drawn_and_none_while_a_picture_dissolves(monkeypatch):
    pilot, _ = start(require_scenario("expired_return"), motion=True, text_speed="normal")
    scene = pilot.app.top
    done: list[tuple[int, bool, bool]] = []  # (frame, drawn, dissolving)
    real = type(scene)._plan_ahead
    frame = [0]

    def planned(self, ctx):
        def spied(task):
            def run():
                done.append((frame[0], self.dirty or self.animating(), self.dissolving))
                return task()
            return run
        return [spied(task) for task in real(self, ctx)]

    monkeypatch.setattr(type(scene), "_plan_ahead", planned)

    def read_until(phase: str, reading: str) -> None:
        """Frame by frame, moving on from each `reading` line once it has typed, until `phase` shows."""
        for _ in range(900):
            frame[0] += 1
            pilot.frame()
            if scene.phase == phase:
                return
            if scene.phase == reading and scene.typewriter.done:
                pilot.press(pygame.K_RETURN)

    for number in ("1", "1"):
        read_until("choosing", "reading")
        pilot.press(number)
        read_until("feedback", "reply")
        pilot.frame(120)
        pilot.press(pygame.K_SPACE)
    drawn = [d for d in done if d[1]]
    assert drawn and [d for d in done if not d[1]], "some work was done on drawn frames, some on still ones"
    assert not any(dissolving for _, _, dissolving in drawn), drawn
    frames = [f for f, *_ in drawn]
    assert len(frames) == len(set(frames)), "at most one task on a frame that is drawn"


def test_while_a_line_is_read_the_options_are_rendered_so_their_first_frame_renders_none_of_them(monkeypatch):
    def rendered_when_choices_show(ahead: bool) -> set:
        pilot, _ = start(require_scenario("expired_return"), text_speed="normal")
        scene = pilot.app.top
        if not ahead:
            monkeypatch.setattr(type(scene), "_plan_ahead", lambda self, ctx: [])
            scene._ahead = []  # nor what was planned for the moment on screen
        ctx = pilot.app.ctx
        for _ in range(600):  # let the first line type out, then rest on it
            pilot.frame()
            if scene.typewriter.done and not scene.dirty and not scene.animating():
                break
        pilot.frame(60)
        assert scene.phase == "reading"
        before = set(ctx.text._surfaces)
        read_to_choices(pilot, scene)
        assert scene.phase == "choosing"
        monkeypatch.undo()
        labels = {b.label for b in scene.choices.buttons}
        return {k[0] for k in set(ctx.text._surfaces) - before if any(k[0] in label for label in labels)}

    assert rendered_when_choices_show(ahead=False), "without work ahead the options render as they appear"
    assert rendered_when_choices_show(ahead=True) == set()


def test_while_her_reply_is_read_the_coachs_card_is_rendered_so_it_appears_without_rendering(monkeypatch):
    def rendered_when_the_card_shows(ahead: bool) -> set:
        pilot, _ = start(require_scenario("expired_return"))
        scene = pilot.app.top
        if not ahead:
            monkeypatch.setattr(type(scene), "_plan_ahead", lambda self, ctx: [])
            scene._ahead = []  # nor what was planned for the moment on screen
        ctx = pilot.app.ctx
        read_to_choices(pilot, scene)
        pilot.press("1")
        for _ in range(120):
            if scene.phase == "reply":
                break
            pilot.frame()
        assert scene.phase == "reply"
        pilot.frame(60)  # reading her reply: still frames
        before = set(ctx.text._surfaces)
        wait_for_feedback(pilot, scene)
        monkeypatch.undo()
        words = set(scene.card.step.feedback.split())
        return {k[0] for k in set(ctx.text._surfaces) - before if set(str(k[0]).split()) & words}

    assert rendered_when_the_card_shows(ahead=False), "without work ahead the card's words render as it appears"
    assert rendered_when_the_card_shows(ahead=True) == set()


def test_warming_counts_whole_faces_not_their_talking_and_blinking_parts():
    look = (("hair", "bun"),)
    size = (696, 712)

    def want(mood, talking=False, blinking=False):
        return prefetch.Want(look, mood, size, talking, blinking)

    on_screen = {want("neutral").face}
    wants = [want("neutral", blinking=True), want("thinking"), want("thinking", talking=True),
             want("thinking", blinking=True), want("smiling"), want("neutral", talking=True)]
    kept = prefetch._within_room(wants, on_screen, faces=1)
    assert kept == [want("neutral", blinking=True), want("thinking"), want("thinking", talking=True),
                    want("thinking", blinking=True), want("neutral", talking=True)], "one new face and its parts"
    assert prefetch._within_room(wants, on_screen, faces=0) == [want("neutral", blinking=True),
                                                                  want("neutral", talking=True)]
