"""Who stands on the stage (issue 12): the customer stays at the desk while a caller's card shows beside her,
two people who share a node stand side by side (the speaker in front), and a node of narration alone shows
the scenario's customer. Drawn for real at 1024x768, 1280x720 and 1920x1080."""

from __future__ import annotations

import pygame
import pytest

from game.commands.common import require_scenario
from game.engine.playthrough import Beat
from game.ui.play import art
from game.ui.scenes.play import CHOOSING, READING
from game.ui.stage.cast import at_the_desk, caller_in, on_stage, pair_on_stage, with_them

from .test_play_support import read_to_choices, start, take

SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
IDS = [f"{w}x{h}" for w, h in SIZES]


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def drawn(pilot):
    pilot.app.draw(force=True)
    log = pilot.app.top.rec
    assert log.problems(pilot.app.screen.get_rect()) == []  # no text cut by the second person's place
    return log


def figure(placed: pygame.Rect, appearance, screen: pygame.Rect) -> pygame.Rect:
    """The figure as drawn (the portrait's opaque part), within the window."""
    picture = art.portrait(appearance, "neutral", placed.size)
    return picture.get_bounding_rect().move(placed.topleft).clip(screen)


def covers(pilot, log) -> list[pygame.Rect]:
    """What may never cover a face: the box, the title, the HUD and the choices."""
    scene = pilot.app.top
    ctx = pilot.app.ctx
    out = [log.parts["speech"], ctx.viewport.rect(*scene.layout(ctx).title)]
    out += [b.rect(ctx) for b in scene.choices.buttons] if scene.phase == CHOOSING else []
    return out + ([log.parts["hud"]] if "hud" in log.parts else [])


def test_who_is_present_comes_from_the_data():
    phone = require_scenario("ringing_phone")
    beats = [Beat("Mr. Kariuki", "Hi.", "impatient"), Beat("narrator", "You don't know.", "neutral")]
    assert caller_in(phone, "call_answered", beats) == "Mr. Kariuki"  # he is marked `call`: on the line
    assert at_the_desk(phone, "call_answered", beats) == ["Mrs. Costa"]  # she answers one option: in the room
    shown = on_stage(phone, beats, "Mr. Kariuki", "impatient", False)
    assert shown is not None and shown.on_call and shown.name == "Mr. Kariuki"  # on_stage as it always was
    desk = with_them(phone, "call_answered", beats, shown)
    assert desk is not None and desk.customer and not desk.on_call
    ring = [Beat("narrator", "The phone rings.", "neutral"), Beat("Mrs. Costa", "Oh...", "neutral")]
    assert not pair_on_stage(phone, "ring", ring)  # nobody calls yet: one person
    party = require_scenario("birthday")
    both = [Beat("Chloe", "I'm seven!", "pleased"), Beat("Mr. Bell", "She's been telling everyone.", "pleased")]
    assert at_the_desk(party, "birthday", both) == ["Chloe", "Mr. Bell"]
    chloe = on_stage(party, both, "Chloe", "pleased", False)
    assert with_them(party, "birthday", both, chloe).name == "Mr. Bell"
    bell = on_stage(party, both, "Mr. Bell", "pleased", False)
    assert with_them(party, "birthday", both, bell).name == "Chloe"


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_customer_stays_at_the_desk_while_the_caller_is_on_the_line(size):
    pilot, _ = start(require_scenario("ringing_phone"), size=size)
    scene = pilot.app.top
    take(pilot, scene, "1", "1")
    assert scene.view.node_id == "call_answered" and scene.phase == READING
    assert scene.speaking[0] == "Mr. Kariuki"
    screen = pilot.app.screen.get_rect()
    vp = pilot.app.ctx.viewport
    for moment in ("his line", "choosing"):
        pilot.advance(1.0)  # past the dissolve
        log = drawn(pilot)
        lay = scene.layout(pilot.app.ctx)
        assert "person" in log.parts and "caller" in log.parts, moment
        costa = figure(log.parts["person"], scene.scenario.customer.appearance, screen)
        assert costa.height >= size[1] / 2, (moment, costa)
        face = vp.rect(*lay.face)
        card = vp.rect(*lay.side_call)
        assert screen.contains(face) and screen.contains(card), (moment, face, card)
        assert not card.colliderect(face), (moment, card, face)  # the call sits beside her, not over her
        assert card.height >= size[1] * 0.24  # a call card a quarter of the screen high
        for r in covers(pilot, log):
            assert not face.colliderect(r) and not card.colliderect(r), (moment, r)
        read_to_choices(pilot, scene)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_two_people_in_a_node_stand_side_by_side_the_speaker_in_front(size):
    pilot, _ = start(require_scenario("birthday"), size=size)
    scene = pilot.app.top
    take(pilot, scene, "1")
    assert scene.view.node_id == "birthday"
    pilot.advance(1.0)
    screen = pilot.app.screen.get_rect()
    vp = pilot.app.ctx.viewport
    people = scene.scenario.people
    fronts = []
    while True:
        log = drawn(pilot)
        lay = scene.layout(pilot.app.ctx)
        assert "person" in log.parts and "side" in log.parts
        front = on_stage(scene.scenario, scene.view.beats, *scene.speaking[::2], False)
        back = with_them(scene.scenario, scene.view.node_id, scene.view.beats, front, scene.beat)
        fronts.append(front.name)
        look = {c.name: c.appearance for c in (front, back)}
        main = figure(log.parts["person"], look[front.name], screen)
        side = figure(log.parts["side"], look[back.name], screen)
        assert main.height >= size[1] / 2 and side.height >= size[1] * 0.4, (main, side)
        faces = [vp.rect(*lay.face), vp.rect(*lay.side_face)]
        assert all(screen.contains(f) for f in faces) and not faces[0].colliderect(faces[1]), faces
        for r in covers(pilot, log):
            assert not any(f.colliderect(r) for f in faces), (r, faces)
        if scene.phase != READING:
            break
        pilot.press(pygame.K_RETURN)
        pilot.advance(0.5)
    assert fronts[0] == "Chloe" and "Mr. Bell" in fronts  # each is in front while speaking
    assert set(people) >= {"Chloe"}


def test_the_listener_is_drawn_dimmer_than_the_speaker():
    pilot, _ = start(require_scenario("birthday"), size=(1280, 720))
    scene = pilot.app.top
    take(pilot, scene, "1")
    pilot.advance(1.0)
    log = drawn(pilot)
    side = log.parts["side"]
    front = on_stage(scene.scenario, scene.view.beats, *scene.speaking[::2], False)
    back = with_them(scene.scenario, scene.view.node_id, scene.view.beats, front, scene.beat)
    mood = art.mood_for(back.mood, scene.satisfaction_percent()) if back.customer else back.mood
    picture = art.portrait(back.appearance, mood, side.size)
    face = pilot.app.ctx.viewport.rect(*scene.layout(pilot.app.ctx).side_face)
    spot = pygame.Rect(0, 0, face.width // 3, face.height // 6)
    spot.center = (face.centerx, face.top + round(face.height * 0.55))  # her cheeks and nose
    shown = own = 0
    for x in range(spot.left, spot.right):
        for y in range(spot.top, spot.bottom):
            shown += sum(pilot.app.screen.get_at((x, y))[:3])
            own += sum(picture.get_at((x - side.left, y - side.top))[:3])
    assert shown < own * 0.85  # darker than her own picture: the speaker leads


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_narrated_opening_shows_the_customer_not_an_empty_stage(size):
    scenario = require_scenario("first_impressions")
    pilot, _ = start(scenario, size=size)
    scene = pilot.app.top
    assert scene.view.node_id == "arrive" and all(b.narration for b in scene.view.beats)
    log = drawn(pilot)
    assert "person" in log.parts
    shown = on_stage(scenario, scene.view.beats, *scene.speaking[::2], False)
    assert shown is not None and shown.customer and shown.mood == "neutral"
    body = figure(log.parts["person"], scenario.customer.appearance, pilot.app.screen.get_rect())
    assert body.height >= size[1] / 2
