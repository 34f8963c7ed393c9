"""The debrief: every decision with its changes and feedback, and what each other option would have done."""

from __future__ import annotations

import pygame
import pytest

from game.engine import Playthrough
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scenes.debrief import DebriefScene, decisions
from game.ui.scenes.play import PlayScene
from game.userdata.settings import Settings

from .test_play_support import MenuStandIn, expired


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def _played(choices: list[str]) -> Playthrough:
    play = Playthrough(expired())
    for c in choices:
        if c == "timeout":
            play.timeout()
        else:
            play.choose(int(c) - 1)
    return play


def _open(play: Playthrough, size=(1280, 720)) -> tuple[Pilot, DebriefScene, MenuStandIn]:
    menu = MenuStandIn()
    scene = DebriefScene(play)
    menu.first = scene
    app = make_app(Options(size=size, settings=Settings(sound=False)), first=menu)
    pilot = Pilot(app)
    pilot.frame(2)
    assert app.top is scene
    return pilot, scene, menu


def test_each_decision_lists_the_other_options_from_the_engine():
    play = _played(["1", "1", "1", "timeout", "1", "1", "1", "1"])
    items = decisions(play)
    assert len(items) == len(play.history) == 8
    first = items[0]
    assert first.step.number == 1 and [o.number for o in first.others] == [2, 3]
    third = expired().nodes[expired().start].choices[2]
    assert first.others[1].deltas == dict(third.effects.deltas) == {"satisfaction": -3}
    timed = items[3]
    assert timed.step.kind == "timeout"
    in_time = len(_played(["1", "1", "1"]).choices)  # the options showing when the clock ran
    assert in_time >= 3
    assert [o.number for o in timed.others] == list(range(1, in_time + 1))  # every choice she could have made
    offer_screen = next(i for i in items if i.step.node == "offer")
    assert offer_screen is timed


def test_an_option_that_ends_the_story_says_so():
    play = _played(["1", "2", "1", "1"])  # ... she heads for the door, and you call her back
    walking_out = decisions(play)[-1]
    assert walking_out.step.node == "walking_out" and walking_out.step.number == 1
    stays, goes = walking_out.others
    assert stays.number == 2 and stays.ending is None  # an option that goes on says nothing of an ending
    assert goes.number == 3 and goes.ending is not None and goes.ending.id == "lost_customer"
    assert decisions(play)[-2].step.node == "pushback"


def test_the_debrief_scrolls_by_keys_and_wheel():
    play = _played(["1", "1", "1", "timeout", "1", "1", "1", "1"])
    pilot, scene, _ = _open(play)
    assert scene.max_scroll(pilot.app.ctx) > 0
    pilot.press(pygame.K_PAGEDOWN)
    assert scene.scroll > 0
    pilot.press(pygame.K_END)
    assert scene.scroll == scene.max_scroll(pilot.app.ctx)
    pilot.wheel(2)
    assert scene.scroll < scene.max_scroll(pilot.app.ctx)
    pilot.press(pygame.K_HOME)
    assert scene.scroll == 0


def test_try_again_and_back_to_menu_by_mouse():
    play = _played(["1", "2", "1", "3"])
    assert play.ended
    pilot, scene, menu = _open(play)
    again = next(b for b in scene.group.buttons if b.label == "Try again")
    x, y, w, h = again.logical
    pilot.click((x + w / 2, y + h / 2))
    fresh = pilot.app.top
    assert isinstance(fresh, PlayScene) and fresh.play.history == []
    pilot2, scene2, menu2 = _open(play)
    back = next(b for b in scene2.group.buttons if b.label == "Back to menu")
    x, y, w, h = back.logical
    pilot2.click((x + w / 2, y + h / 2))
    assert pilot2.app.top is menu2


def test_the_debrief_fits_a_4_by_3_projector():
    play = _played(["1", "1", "1", "timeout", "1", "1", "1", "1"])
    pilot, scene, _ = _open(play, size=(1024, 768))
    area = scene.viewport_rect(pilot.app.ctx)
    buttons = [b.logical for b in scene.group.buttons]
    assert all(x >= 0 and x + w <= pilot.app.ctx.viewport.width for x, _, w, _ in buttons)
    assert all(y >= area.bottom for _, y, _, _ in buttons)


def test_page_down_stops_at_the_top_of_a_card():
    play = _played(["1", "1", "1", "timeout", "1", "1", "1", "1"])
    pilot, scene, _ = _open(play)
    ctx = pilot.app.ctx
    tops = scene.card_tops(ctx)
    seen = []
    while scene.scroll < scene.max_scroll(ctx):
        pilot.press(pygame.K_PAGEDOWN)
        seen.append(scene.scroll)
    assert all(s in tops or s == scene.max_scroll(ctx) for s in seen)
    assert len(seen) >= 2
    pilot.press(pygame.K_PAGEUP)
    assert scene.scroll < seen[-1]


@pytest.mark.parametrize("size,theme", [((1024, 768), "projector"), ((1280, 720), "normal")])
def test_a_card_heading_stays_in_its_column(monkeypatch, size, theme):
    """'Decision 1 · First impressions' once ran into 'The other options' at 1024x768 in the projector theme:
    every text drawn in the left column of a card ends before the right column starts (issue 12, defect 3)."""
    import game.ui.scenes.debrief as debrief

    drawn: list[tuple[str, pygame.Rect]] = []
    real_text, real_paragraph = debrief.blit_text, debrief.blit_paragraph

    def text(surface, ctx, s, pos, token="body", colour=None, bold=False, anchor="topleft"):
        r = real_text(surface, ctx, s, pos, token, colour, bold, anchor)
        drawn.append((s, r))
        return r

    def paragraph(surface, ctx, s, rect, token="body", colour=None, bold=False, max_chars=None):
        used = real_paragraph(surface, ctx, s, rect, token, colour, bold, max_chars)
        lines = ctx.text.wrap(s, ctx.px(token), rect.width, bold)
        widest = max((ctx.text.width(w, ctx.px(token), bold) for w in lines), default=0)
        drawn.append((s, pygame.Rect(rect.left, rect.top, min(widest, rect.width), used)))
        return used

    monkeypatch.setattr(debrief, "blit_text", text)
    monkeypatch.setattr(debrief, "blit_paragraph", paragraph)
    menu = MenuStandIn()
    scene = DebriefScene(_played(["2", "2", "2", "2", "2", "2"]))
    menu.first = scene
    app = make_app(Options(size=size, theme=theme, settings=Settings(sound=False)), first=menu)
    pilot = Pilot(app)
    pilot.frame(2)
    ctx = app.ctx
    left_w, _ = scene._columns(scene.viewport_rect(ctx).width)
    split = ctx.viewport.point(debrief.MARGIN + debrief.PAD + left_w, 0)[0]
    headings = [(s, r) for s, r in drawn if s.startswith("Decision ")]
    assert headings, "no card was drawn"
    for s, r in headings:
        assert r.right <= split, f"{s!r} runs {r.right - split} px into the other options"
