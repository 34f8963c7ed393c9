"""The classroom is drawn on the stage that solo play uses (issue 12, "One stage for both modes"): the node's
words in the dialogue box with a nameplate, her reply there (with its face) and the coach's card in the column
above it, and options too long to sit beside her at 1024x768 shown a page at a time, never without her."""

import pygame

from game.engine import load_file
from game.facilitation.session import CHOICES, CHOSEN, CONSEQUENCES, TEXT
from tests.conftest import SCENARIOS

from .helpers import PAGE_DOWN, PAGE_UP, classroom, clean


def walk_to(pilot, scene, stage, limit=12):
    for _ in range(limit):
        if scene.session.stage == stage:
            return
        pilot.press(PAGE_DOWN)
    raise AssertionError(f"never reached {stage}")


def inside(block, rect):
    return rect.contains(block.rect)


def drawn(scene, text, rect=None):
    """Whether `text` was drawn (its wrapped lines in order), inside `rect` when given."""
    lines = " ".join(b.text for b in scene.rec.blocks if rect is None or inside(b, rect))
    return " ".join(text.split()) in " ".join(lines.split())


def test_the_words_are_in_the_dialogue_box_with_her_nameplate(expired):
    pilot, scene = classroom(expired, (1280, 720))
    walk_to(pilot, scene, TEXT)
    while scene.text_page < len(scene.text_pages(pilot.app.ctx)) - 1:
        pilot.press(PAGE_DOWN)
    pilot.app.draw(force=True)
    box = scene.rec.parts["speech"]
    said = expired.nodes[expired.start].lines[-1].text
    assert drawn(scene, said, box)
    assert any(b.text == "Ms. Ling" and b.rect.bottom > box.top - 8 and b.rect.top < box.top for b in scene.rec.blocks)
    assert scene.rec.parts["person"].height >= 720 / 2


def test_her_reply_is_in_the_box_and_the_coach_card_above_it(expired):
    pilot, scene = classroom(expired, (1920, 1080))
    walk_to(pilot, scene, CONSEQUENCES)
    pilot.advance(1.0)
    pilot.app.draw(force=True)
    reply = scene.session.last_step.reply
    assert reply is not None
    assert drawn(scene, reply.text, scene.rec.parts["speech"]) and "card" not in scene.rec.parts, \
        "her reply alone first: the room sees how she takes it before the coach says anything"
    pilot.press(PAGE_DOWN)
    pilot.app.draw(force=True)
    assert scene.session.stage == CONSEQUENCES
    box, card = scene.rec.parts["speech"], scene.rec.parts["card"]
    assert drawn(scene, reply.text, box), "her words, in the box"
    assert card.bottom <= box.top, "the card rises above the box: her line stays in view"
    assert card.left > scene.rec.parts["person"].centerx, "beside her face, not over it"
    assert any(b.text == "Coach" and inside(b, card) for b in scene.rec.blocks)
    assert not drawn(scene, reply.text, card), "said once, in the box"
    assert clean(pilot) == []


def crowded(pilot, scene, limit=40):
    """Walk the class's path (first options) to a decision whose options need pages."""
    s = scene.session
    for _ in range(limit):
        if s.stage == CHOICES and len(scene.option_pages(pilot.app.ctx)) > 1:
            return
        pilot.press(PAGE_DOWN)
    raise AssertionError("no crowded decision on the way")


def test_crowded_options_at_1024x768_come_in_pages_and_she_stays(expired):
    pilot, scene = classroom(expired, (1024, 768))
    s = scene.session
    crowded(pilot, scene)
    ctx = pilot.app.ctx
    pages = scene.option_pages(ctx)
    assert [i for p in pages for i in p] == list(range(len(s.choices))), "every option on exactly one page"
    seen = set()
    for n, page in enumerate(pages):
        assert scene.shown_page(ctx) == n
        assert clean(pilot) == [] and scene.layout_fits(ctx)
        assert scene.person.height >= 768 / 2, "the person stays on a page of options"
        texts = [b.text for b in scene.rec.blocks]
        shown = {i for i in range(len(s.choices)) if drawn(scene, s.choices[i].text)}
        assert shown == set(page)
        seen |= shown
        assert any(t.startswith(f"Option{'s' if len(page) > 1 else ''} {page.start + 1}") for t in texts)
        if n + 1 < len(pages):
            pilot.press(PAGE_DOWN)  # Next shows more; it does not take an option yet
            assert s.stage == CHOICES
    assert seen == set(range(len(s.choices)))
    pilot.press(PAGE_UP)
    assert s.stage == CHOICES and scene.shown_page(ctx) == len(pages) - 2, "Page Up turns back a page"
    last = len(s.choices)
    for _ in range(3):
        pilot.press(str(last))  # the room's votes bring the leading option's page up
    assert s.selected == last - 1 and scene.shown_page(ctx) == len(pages) - 1
    pilot.press(PAGE_DOWN)  # on the last page Next takes the highlighted option
    assert s.stage == CHOSEN and s.last_step.number == last
    assert clean(pilot) == [] and scene.person.height >= 768 / 2


def test_a_click_takes_the_option_under_the_pointer(expired):
    pilot, scene = classroom(expired, (1920, 1080))
    walk_to(pilot, scene, CHOICES)
    pilot.app.draw(force=True)
    index, rect = scene._option_rects[1]
    pilot.click_window(rect.center)
    assert scene.session.stage == CHOSEN and scene.session.last_step.number == index + 1


def test_the_coach_card_never_covers_her_face_and_comes_after_her_line():
    """At 1024x768, a card too tall for the column above the box waits for Next, after her line."""
    scenario = load_file(str(SCENARIOS / "relationship_client.yaml")).scenario
    pilot, scene = classroom(scenario, (1024, 768))
    s = scene.session
    waited = 0
    for _ in range(150):
        if s.stage == "ending":
            break
        if s.stage == CONSEQUENCES:
            pilot.app.draw(force=True)
            if scene.card_waits(pilot.app.ctx):
                waited += 1
                assert "card" not in scene.rec.parts and drawn(scene, s.last_step.reply.text,
                                                                scene.rec.parts["speech"])
                pilot.press(PAGE_DOWN)
                assert s.stage == CONSEQUENCES and not scene.card_waits(pilot.app.ctx)
                pilot.app.draw(force=True)
            card, person = scene.rec.parts["card"], scene.person
            assert card.left > person.centerx, f"the card covers her face at {s.play.location}"
            assert clean(pilot) == []
        if s.stage == CHOICES and len(s.path) % 2:
            pilot.press(pygame.K_DOWN)
        pilot.press(PAGE_DOWN)
    assert waited, "this path has a card that waits for her line at 1024x768"
