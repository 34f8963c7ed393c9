"""Text grows together at every text size (issue 12, defect 7, the parts that are not layout): the settings
preview stays at the size dialogue will have, and the coach's words are never smaller than the 'You:' line."""

from __future__ import annotations

import pygame
import pytest

from game.commands.common import require_scenario
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scenes.settings import SAMPLE, SettingsScene
from game.userdata.settings import Settings

from .test_play_support import read_to_choices, start, wait_for_feedback


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def _sizes_drawn(pilot: Pilot) -> list[tuple[str, int]]:
    """(text, pixel size) of every piece of text the top screen draws, through the real renderer."""
    ctx = pilot.app.ctx
    drawn: list[tuple[str, int]] = []
    original = ctx.text.render

    def spy(text, px, *args, **kwargs):
        drawn.append((str(text), px))
        return original(text, px, *args, **kwargs)

    ctx.text.render = spy
    pilot.app.draw(force=True)
    ctx.text.render = original
    return drawn


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_settings_preview_stays_when_the_text_is_made_large(size):
    scene = SettingsScene()
    settings = Settings(sound=False, text_speed="instant", text_size="normal")
    pilot = Pilot(make_app(Options(size=size, settings=settings), first=scene))
    pilot.frame(2)
    assert scene.focus == 0  # the text size row
    for expected in ("normal", "large"):
        ctx = pilot.app.ctx
        assert ctx.settings.text_size == expected
        drawn = _sizes_drawn(pilot)
        sample = [px for text, px in drawn if text and text in SAMPLE and len(text) > 8]
        assert scene.preview_rect is not None and sample, f"no dialogue preview at {expected}"
        assert set(sample) == {ctx.px("body")}, "the preview shows dialogue at the size play will use"
        assert any(text == "How dialogue will look:" for text, _ in drawn)
        pilot.press(pygame.K_RIGHT)  # one size larger, by the keyboard as a player would


@pytest.mark.parametrize("text_size,size", [("normal", (1280, 720)), ("large", (1024, 768)), ("huge", (1024, 768)),
                                            ("huge", (1280, 720))])
def test_the_coachs_words_are_never_smaller_than_the_you_line(text_size, size):
    pilot, _ = start(require_scenario("expired_return"), size=size, text_size=text_size)
    scene = pilot.app.top
    for number in ("1", "2", "1"):
        read_to_choices(pilot, scene)
        pilot.press(number)
        wait_for_feedback(pilot, scene)
        drawn = dict(_sizes_drawn(pilot))
        said = [px for text, px in drawn.items() if text.startswith("You:")]
        words = scene.card.step.feedback.split()
        coach = [px for text, px in drawn.items() if text.startswith(" ".join(words[:3]))]
        assert said and coach, (text_size, size, scene.card.step.feedback[:40])
        assert min(coach) >= max(said), (text_size, size)
        pilot.press(pygame.K_RETURN)


def _one_step_below(text_size: str) -> float:
    """The ratio of the next smaller text size's scale to this one's (for the smallest, the step above it)."""
    from game.userdata.settings import FONT_SCALES

    scales = sorted(FONT_SCALES.values())
    now = FONT_SCALES[text_size]
    below = [s for s in scales if s < now]
    return below[-1] / now if below else now / min(s for s in scales if s > now)


@pytest.mark.parametrize("theme", ["normal", "projector"])
@pytest.mark.parametrize("text_size", ["small", "normal", "large", "huge"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=["1024x768", "1920x1080"])
def test_the_choices_grow_with_the_dialogue(size, text_size, theme):
    """At every text size the options are drawn no more than one text-size step smaller than the dialogue."""
    for scenario_id, picks in (("expired_return", ()), ("ringing_phone", ("1", "1"))):
        pilot, _ = start(require_scenario(scenario_id), size=size, theme=theme, text_size=text_size)
        scene = pilot.app.top
        for number in picks:
            read_to_choices(pilot, scene)
            pilot.press(number)
            wait_for_feedback(pilot, scene)
            pilot.press(pygame.K_RETURN)
        read_to_choices(pilot, scene)
        pilot.advance(1.0)
        drawn = _sizes_drawn(pilot)
        body = pilot.app.ctx.px("body")
        dialogue = [px for text, px in drawn if text and text in scene.speaking[1]]
        assert dialogue and max(dialogue) == body, (scenario_id, dialogue, body)
        for label in (b.label for b in scene.choices.buttons):
            first = " ".join(label.split()[:2])
            shown = [px for text, px in drawn if text.startswith(first)]
            assert shown, (scenario_id, label)
            assert min(shown) >= body * _one_step_below(text_size) - 0.5, (scenario_id, label, shown, body)
