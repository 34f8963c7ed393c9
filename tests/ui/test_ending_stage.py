"""The ending on the stage (issue 12): the ending's setting full screen, the customer at least half the screen
high with her face clear, and every text of the ending (outcome, title, value figure, story, the coach's view)
drawn whole inside its box, read to the end by the keyboard, at 1024x768, 1280x720 and 1920x1080, in the
normal and projector themes and at Large and Huge text."""

from __future__ import annotations

import pygame
import pytest

from game.commands.common import require_scenario
from game.engine import Playthrough
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.play import art
from game.ui.scenes.ending import EndingScene, value_line
from game.userdata.settings import Settings

from .test_play_support import ending_paths

SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
CASES = [(size, theme, text) for size in SIZES for theme in ("normal", "projector") for text in ("normal", "huge")]
CASES += [((1024, 768), "normal", "large")]
IDS = [f"{s[0]}x{s[1]}-{t}-{x}" for s, t, x in CASES]


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def ended(scenario_id: str, ending_id: str) -> Playthrough:
    scenario = require_scenario(scenario_id)
    play = Playthrough(scenario)
    for c in ending_paths(scenario)[ending_id]:
        play.choose(int(c) - 1)
    assert play.ending is not None and play.ending.id == ending_id
    return play


def show(play: Playthrough, size, theme: str, text: str) -> tuple[Pilot, EndingScene]:
    scene = EndingScene(play, record=False)
    settings = Settings(sound=False, text_size=text)
    pilot = Pilot(make_app(Options(size=size, theme=theme, settings=settings), first=scene))
    pilot.frame()
    assert pilot.app.top is scene
    return pilot, scene


def drawn_texts(pilot: Pilot, scene: EndingScene, where: str) -> str:
    pilot.app.draw(force=True)
    problems = scene.rec.problems(pilot.app.screen.get_rect())
    assert problems == [], f"{where}: {problems[:3]}"
    return " ".join(b.text for b in scene.rec.blocks)


@pytest.mark.parametrize("size,theme,text", CASES, ids=IDS)
@pytest.mark.parametrize("which", [("expired_return", "lost_customer"), ("ringing_phone", "both_fans")],
                         ids=["leaves", "advocate"])
def test_the_ending_stands_her_large_on_the_stage_with_every_word_whole(which, size, theme, text):
    play = ended(*which)
    pilot, scene = show(play, size, theme, text)
    ctx = pilot.app.ctx
    vp = ctx.viewport
    screen = pilot.app.screen.get_rect()
    seen = drawn_texts(pilot, scene, "at first")
    placed = scene.rec.parts["person"]
    picture = art.portrait(play.scenario.customer.appearance, "neutral", placed.size)
    body = picture.get_bounding_rect().move(placed.topleft).clip(screen)
    assert body.height >= size[1] / 2, (body, size)
    lay = scene.layout(ctx)
    face = vp.rect(*lay.face).move(placed.left - vp.rect(*lay.person).left, 0)  # where her face is drawn
    assert screen.contains(face)
    button = scene.group.buttons[0].rect(ctx)
    label = scene.group.buttons[0].label
    assert ctx.text.width(label, ctx.px("body")) + vp.px(24) <= button.width, (label, button)  # its words fit
    assert ctx.text.line_height(ctx.px("body")) + vp.px(8) <= button.height and screen.contains(button)
    others = [scene.rec.parts["card"], vp.rect(*lay.title), button]
    others += [scene.rec.parts[p] for p in ("hud", "speech") if p in scene.rec.parts]
    assert not any(face.colliderect(r) for r in others), (face, others)
    for _ in range(40):  # read the card to its end with the keyboard
        if scene.scroll >= scene.max_scroll:
            break
        pilot.press(pygame.K_DOWN)
        seen += " " + drawn_texts(pilot, scene, f"scrolled to {scene.scroll}")
    ending = play.ending
    words = [ending.title, value_line(play), play.text, ending.summary]
    for w in words:
        assert w.split()[-1] in seen, (w[:40], size, theme, text)  # the last word of each piece was shown
    assert "Worth to the business" in seen and "Satisfaction" in seen  # the value figure and the meters


def test_a_customer_who_leaves_is_drawn_turned_away_and_one_who_stays_is_not():
    gone, _ = show(ended("expired_return", "lost_customer"), (1280, 720), "normal", "normal")
    stays, _ = show(ended("expired_return", "kept_regular"), (1280, 720), "normal", "normal")
    for pilot in (gone, stays):
        pilot.app.draw(force=True)
    left = gone.app.top.rec.parts["person"]
    right = stays.app.top.rec.parts["person"]
    assert left.left < right.left and left.size == right.size  # a step towards the edge, as large


def test_the_ending_moves_on_to_the_value_screen_by_enter():
    pilot, scene = show(ended("expired_return", "kept_regular"), (1280, 720), "normal", "normal")
    pilot.press(pygame.K_RETURN)
    assert type(pilot.app.top).__name__ == "ValueScene"
