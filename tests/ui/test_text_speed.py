"""Text speed on the real play screen: Normal shows a 420-character passage in about 4 s (issue 12, defect 12)."""

from __future__ import annotations

import pytest

from game.ui.scenes.play import READING

from .test_play_support import expired, start

PASSAGE = 420


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def seconds_for_a_passage(speed: str) -> float:
    """Seconds the opening beat takes to type itself out, frame by frame, scaled to a 420-character passage."""
    pilot, _ = start(expired(), text_speed=speed)
    scene = pilot.app.top
    length = len(scene.speaking[1])
    assert scene.phase == READING and length > 100
    frames = 0
    while not scene.typewriter.done:
        pilot.frame()
        frames += 1
        assert frames < 60 * 60, "the text never finished"
    return frames * pilot.dt * PASSAGE / length


def test_normal_speed_shows_a_420_character_passage_in_about_four_seconds():
    assert 3.5 <= seconds_for_a_passage("normal") <= 4.5


def test_slow_and_fast_stay_sensible_around_normal():
    slow, normal, fast = (seconds_for_a_passage(s) for s in ("slow", "normal", "fast"))
    assert 6 <= slow <= 10  # slow: a careful reader's pace, never a wait of 20 s
    assert 1.5 <= fast <= 2.5
    assert slow > normal > fast


def test_instant_shows_the_passage_at_once_and_a_click_does_at_any_speed():
    pilot, _ = start(expired(), text_speed="instant")
    assert pilot.app.top.typewriter.done
    pilot, _ = start(expired(), text_speed="slow")
    scene = pilot.app.top
    assert not scene.typewriter.done
    pilot.click((640, 360))
    assert scene.typewriter.done and scene.phase == READING and scene.beat == 0
