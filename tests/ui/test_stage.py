"""The play screen as a stage, drawn for real at 1024x768, 1280x720 and 1920x1080 in the normal and projector
themes: a large person, text that stays inside its box, a box that keeps still, the coach below nothing of hers."""

from __future__ import annotations

import pygame
import pytest

from game.commands.common import require_scenario
from game.ui.play import art
from game.ui.scenes.play import CHOOSING, CHOSEN, FEEDBACK, READING, REPLY
from game.ui.stage.dialogue import BLINK_SECONDS, MARK
from game.ui.stage.solo import more_below

from .test_play_support import expired, read_to_choices, start, take

SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
THEMES = ["normal", "projector"]
CASES = [(size, theme) for size in SIZES for theme in THEMES]
IDS = [f"{s[0]}x{s[1]}-{t}" for s, t in CASES]


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def drawn(pilot):
    """Draw the screen now for real; the play scene's log of what it drew."""
    pilot.app.draw(force=True)
    return pilot.app.top.rec


def clean(pilot, where: str):
    log = drawn(pilot)
    assert log.blocks, f"{where}: no text was logged"
    problems = log.problems(pilot.app.screen.get_rect())
    assert problems == [], f"{where}: {problems[:3]}"
    return log


def texts(log) -> str:
    return " ".join(b.text for b in log.blocks)


@pytest.mark.parametrize("size,theme", CASES, ids=IDS)
def test_the_person_stands_at_least_half_the_screen_high_and_nothing_covers_her_face(size, theme):
    pilot, _ = start(expired(), size=size, theme=theme)
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    assert scene.view.node_id == "arrive" and scene.phase == CHOOSING
    log = drawn(pilot)
    vp = pilot.app.ctx.viewport
    placed = log.parts["person"]
    picture = art.portrait(scene.scenario.customer.appearance, scene.customer_mood(), placed.size)
    figure = picture.get_bounding_rect().move(placed.topleft).clip(pilot.app.screen.get_rect())
    assert figure.height >= size[1] / 2, (figure, size)  # the figure as drawn, within the window
    assert log.parts["speech"].top - figure.top >= size[1] / 2, (figure, log.parts["speech"])  # and in view
    lay = scene.layout(pilot.app.ctx)
    face = vp.rect(*lay.face)
    assert pilot.app.screen.get_rect().contains(face)
    covers = [log.parts["speech"], vp.rect(*lay.title), *(b.rect(pilot.app.ctx) for b in scene.choices.buttons)]
    if "hud" in log.parts:
        covers.append(log.parts["hud"])
    assert not any(face.colliderect(r) for r in covers), (face, covers)
    assert figure.top <= face.top + face.height * 0.2 and face.bottom <= log.parts["speech"].top


def walk(pilot, scene, numbers: list[str], where: str) -> list[str]:
    """Play decisions by number, checking every moment on the way (beats, choices, pick, reply, coach)."""
    seen = []
    for n in numbers:
        node = scene.view.node_id
        while scene.phase == READING:
            said = scene.speaking[1].split()[0]
            assert said in texts(clean(pilot, f"{where} {node} beat {scene.beat + 1}")), said
            pilot.press(pygame.K_RETURN)
        assert scene.phase == CHOOSING, (where, node, scene.phase)
        log = clean(pilot, f"{where} {node} choosing")
        assert scene.speaking[1].split()[0] in texts(log)  # her line stays in view while you choose
        shown = [b for b in scene.choices.buttons if b.label.split()[0] in texts(log)]  # drawn, in its box
        below = more_below(scene, pilot.app.ctx, scene.layout(pilot.app.ctx))
        assert len(shown) + below >= len(scene.choices.buttons), (where, node)  # or said to be below
        assert not below or f"{below} more option" in texts(log)
        pilot.press(n)
        clean(pilot, f"{where} {node} chosen")
        for _ in range(120):
            if scene.phase != CHOSEN:
                break
            pilot.frame()
        if scene.phase == REPLY:
            pilot.advance(1)
            clean(pilot, f"{where} {node} reply")
            pilot.press(pygame.K_RETURN)
        if scene.phase == FEEDBACK:
            clean(pilot, f"{where} {node} coach")
            pilot.press(pygame.K_SPACE)
        seen.append(node)
    return seen


@pytest.mark.parametrize("size,theme", CASES, ids=IDS)
def test_no_text_on_the_stage_is_clipped(size, theme):
    pilot, _ = start(expired(), size=size, theme=theme)
    assert walk(pilot, pilot.app.top, ["2", "1", "1"], "expired") == ["arrive", "receipt", "her_story"]
    phone, _ = start(require_scenario("ringing_phone"), size=size, theme=theme)
    assert walk(phone, phone.app.top, ["1", "1", "1"], "phone")[:2] == ["collect", "ring"]


@pytest.mark.parametrize("size,theme", [((1024, 768), "projector"), ((1280, 720), "normal")])
def test_the_dialogue_box_keeps_its_place_through_a_node(size, theme):
    pilot, _ = start(expired(), size=size, theme=theme, text_speed="slow")
    scene = pilot.app.top
    assert len(scene.view.beats) == 2  # a long narration, then her short line
    places = [drawn(pilot).parts["speech"]]  # being typed
    pilot.press(pygame.K_RETURN)
    places.append(drawn(pilot).parts["speech"])  # typed out
    pilot.press(pygame.K_RETURN)
    assert scene.beat == 1 and scene.phase == READING
    places.append(drawn(pilot).parts["speech"])
    pilot.press(pygame.K_RETURN)
    assert scene.phase == CHOOSING
    places.append(drawn(pilot).parts["speech"])
    pilot.press("2")
    places.append(drawn(pilot).parts["speech"])
    pilot.advance(3)
    assert scene.phase == REPLY
    places.append(drawn(pilot).parts["speech"])
    pilot.press(pygame.K_RETURN)
    assert scene.phase == FEEDBACK
    log = drawn(pilot)
    places.append(log.parts["speech"])
    assert all(p == places[0] for p in places), places
    assert not log.parts["card"].colliderect(log.parts["speech"])  # the coach's card leaves her line in view
    assert "shouldn't" in texts(log)


@pytest.mark.parametrize("size,theme", CASES, ids=IDS)
def test_the_coach_card_comes_after_her_reply_and_leaves_it_in_view(size, theme):
    pilot, _ = start(expired(), size=size, theme=theme)
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    pilot.press("2")
    pilot.advance(1)
    assert scene.phase == REPLY and "card" not in drawn(pilot).parts
    pilot.press(pygame.K_RETURN)
    log = drawn(pilot)
    assert scene.phase == FEEDBACK
    card, box = log.parts["card"], log.parts["speech"]
    assert not card.colliderect(box), (card, box)
    reply = [b for b in log.blocks if box.contains(b.rect)]
    assert reply and "take long" in " ".join(b.text for b in reply)


def test_narration_has_no_nameplate_and_a_waiting_line_shows_a_continue_mark_that_stops_blinking():
    pilot, _ = start(expired())
    scene = pilot.app.top
    log = drawn(pilot)
    assert scene.view.beats[0].narration and scene.typewriter.done
    assert "Ms. Ling" not in [b.text for b in log.blocks]  # the narrator has no name tab
    assert MARK in [b.text for b in log.blocks]  # the beat waits for a key
    blinks = 0
    for _ in range(round(60 * (BLINK_SECONDS - 0.5))):  # the mark blinks for a while: a frame at each blink,
        blinks += pilot.app.step(events=[], dt=1 / 60)  # none between (the screen wakes for each)
        wake = scene.wake_in()
        assert wake is not None and wake <= 0.4
    assert 4 <= blinks <= 10, blinks
    pilot.advance(BLINK_SECONDS + 0.5)
    assert not scene.animating() and pilot.app.step(events=[], dt=1 / 60) is False  # then the screen sleeps
    assert MARK in [b.text for b in drawn(pilot).blocks]  # and the mark stays
    pilot.press(pygame.K_RETURN)
    log = drawn(pilot)
    tab = next(b for b in log.blocks if b.text == "Ms. Ling")
    assert tab.rect.bottom > log.parts["speech"].top > tab.rect.top  # her name on a tab on the box's edge
    assert scene.phase == CHOOSING and MARK not in [b.text for b in log.blocks]


def test_a_new_node_dissolves_in_and_then_the_screen_sleeps():
    pilot, _ = start(expired(), motion=True)
    scene = pilot.app.top
    assert not scene.dissolving  # the first node does not dissolve (she walks in)
    take(pilot, scene, "2")
    assert scene.view.node_id == "receipt" and scene.dissolving and scene.animating()
    drawn(pilot)
    during = pygame.image.tobytes(pilot.app.screen, "RGB")  # the coach's card still shows through
    pilot.advance(0.3)
    assert not scene.dissolving
    drawn(pilot)
    after = pygame.image.tobytes(pilot.app.screen, "RGB")
    drawn(pilot)
    assert during != after and pygame.image.tobytes(pilot.app.screen, "RGB") == after
    read_to_choices(pilot, scene)
    pilot.advance(BLINK_SECONDS + 0.5)
    assert not scene.animating() and pilot.app.step(events=[], dt=1 / 60) is False


def test_a_caller_is_shown_in_a_call_card_not_standing_at_the_desk():
    pilot, _ = start(require_scenario("ringing_phone"))
    scene = pilot.app.top
    take(pilot, scene, "1", "1")
    read_to_choices(pilot, scene)
    assert scene.view.node_id == "call_answered"
    log = clean(pilot, "call answered")
    assert "caller" in log.parts and "person" in log.parts  # his card beside her: she is still at the desk
    assert log.parts["caller"].height >= pilot.app.screen.get_height() * 0.25
    assert not log.parts["caller"].colliderect(pilot.app.ctx.viewport.rect(*scene.layout(pilot.app.ctx).face))


def test_an_option_out_of_sight_is_announced_until_it_is_scrolled_into_view():
    """Projector type at 1024x768: the support ripple's opening options do not all fit, so the column scrolls;
    a strip under it, kept free by the layout, says how many are below, and goes once they are in view."""
    pilot, _ = start(require_scenario("support_ripple"), size=(1024, 768), theme="projector")
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    assert scene.phase == CHOOSING and scene.max_scroll(pilot.app.ctx) > 0
    log = clean(pilot, "options scroll")
    lay = scene.layout(pilot.app.ctx)
    hidden = more_below(scene, pilot.app.ctx, lay)
    assert hidden >= 1 and "more_below" in log.parts
    said = [b.text for b in log.blocks if "below" in b.text]
    assert said and said[0].startswith(f"{hidden} more option")
    column = pilot.app.ctx.viewport.rect(*lay.column)
    assert log.parts["more_below"].top >= column.bottom  # under the column: it covers no option
    chip = log.parts["more_below"]
    assert chip.bottom <= pilot.app.ctx.viewport.rect(*lay.speech).top and chip.left >= column.left
    pilot.press(pygame.K_PAGEDOWN)
    log = clean(pilot, "scrolled")
    assert more_below(scene, pilot.app.ctx, lay) == 0 and "more_below" not in log.parts
