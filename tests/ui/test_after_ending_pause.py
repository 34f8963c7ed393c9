"""Esc on the ending, value and debrief screens opens the pause menu; its Restart and Quit to menu work there."""

import pygame
import pytest

from game.engine import Playthrough, load_file
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.ui.scene import Push, Scene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.ending import EndingScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.value import ValueScene
from game.userdata.settings import Settings
from tests.conftest import SCENARIOS


class _Base(Scene):
    """A stand-in for the scenario list below the screens under test."""

    def draw(self, surface, ctx) -> None:
        surface.fill((0, 0, 0))


def finished() -> Playthrough:
    play = Playthrough(load_file(SCENARIOS / "expired_return.yaml").scenario)
    for number in (1, 2, 1, 3):  # to the lost customer
        play.choose(number - 1)
    assert play.ended
    return play


@pytest.mark.parametrize("screen", [EndingScene, ValueScene, DebriefScene])
@pytest.mark.parametrize("pick,expected", [("Restart", PlayScene), ("Quit to menu", _Base)])
def test_escape_pauses_and_the_menu_works(screen, pick, expected, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    base = _Base()
    app = make_app(Options(size=(960, 540), settings=Settings(text_speed="instant", sound=False)), first=base)
    app.apply(Push(screen(finished())))
    pilot = Pilot(app)
    pilot.frame(2)
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(app.top, PauseScene)
    labels = [label for label, _ in app.top.entries]
    for _ in range(labels.index(pick)):
        pilot.press(pygame.K_DOWN)
    pilot.press(pygame.K_RETURN)
    if pick == "Restart":  # it asks once first
        assert isinstance(app.top, PauseScene) and [b.label for b in app.top.group.buttons] == ["Yes", "No"]
        pilot.press("1")
    pilot.frame(2)
    assert type(app.top) is expected, type(app.top)
