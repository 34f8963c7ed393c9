"""Sound cues, room tones and the music bed from the play, classroom, title, ending and value screens, heard
through a recording stand-in for the mixer (and, where it matters, through the real Audio on the dummy driver)."""

from __future__ import annotations

import threading

import pygame
import pytest

from game.commands.common import require_scenario
from game.ui.scenes.value import ValueScene

from .test_play_support import expired, past_reply, read_to_choices, start


class BedRecorder:
    """Takes the Audio.ambience calls (room tone, music bed, hush) and remembers the bed asked for."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.wanted: str | None = None

    def room(self, setting: str) -> None:
        self.calls.append(f"room_{setting}")
        self.wanted = f"room_{setting}"

    def music(self) -> None:
        self.calls.append("music_bed")
        self.wanted = "music_bed"

    def hush(self) -> None:
        self.calls.append("hush")
        self.wanted = None

    def poll(self) -> None:
        """The app's loop asks once a frame whether a decoded bed can start; nothing to start here."""

    def wait(self, timeout: float = 30.0) -> None:
        """Nothing is ever decoding here."""


class Recorder:
    """Takes the Audio calls the screens make and remembers them, with what is looping now."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, bool]] = []
        self.looping: set[str] = set()
        self.ambience = BedRecorder()

    def play(self, cue: str, loop: bool = False) -> None:
        self.calls.append(("play", cue, loop))
        if loop:
            self.looping.add(cue)

    def stop(self, cue: str | None = None) -> None:
        self.calls.append(("stop", cue or "", False))
        if cue is None:
            self.looping.clear()
        else:
            self.looping.discard(cue)

    def played(self) -> list[str]:
        return [c for kind, c, _ in self.calls if kind == "play"]


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def _start(scenario=None):
    pilot, menu = start(scenario or expired(), under_menu=True)
    rec = Recorder()
    pilot.app.ctx.audio = rec
    return pilot, rec


def _choose(pilot, choice: str) -> None:
    """Read the node's beats, take `choice`, and move on past her reply to the coach's card."""
    scene = pilot.app.top
    read_to_choices(pilot, scene)
    pilot.press(choice)
    past_reply(pilot, scene)
    pilot.advance(1)


def test_a_choice_clicks_and_the_coach_sounds_good_or_bad():
    pilot, rec = _start()
    scene = pilot.app.top
    assert dict(scene.play.choices[1].choice.effects.deltas)["satisfaction"] > 0
    _choose(pilot, "2")  # satisfaction +6
    assert rec.played()[-2:] == ["click", "good"]
    pilot.press(pygame.K_RETURN)
    assert dict(scene.play.choices[2].choice.effects.deltas)["satisfaction"] < 0
    _choose(pilot, "3")  # satisfaction -14
    assert rec.played()[-1] == "bad"


def _to_ringing_phone():
    pilot, rec = _start(require_scenario("ringing_phone"))
    _choose(pilot, "1")  # the desk phone starts to ring at the next node
    pilot.press(pygame.K_RETURN)
    scene = pilot.app.top
    assert scene.view.sound == "phone_ring" and scene.countdown is not None
    assert "phone_ring" not in rec.looping  # not while its beats are read
    assert read_to_choices(pilot, scene) > 0
    return pilot, rec


def test_a_timer_that_is_not_a_phone_counts_down_without_ringing():
    pilot, rec = _start()
    for c in ("1", "1", "1"):
        _choose(pilot, c)
        pilot.press(pygame.K_RETURN)
    read_to_choices(pilot, pilot.app.top)
    assert pilot.app.top.countdown is not None and pilot.app.top.countdown.running
    assert "phone_ring" not in rec.looping and "phone_ring" not in rec.played()


def test_the_phone_rings_while_the_timer_runs_and_stops_for_the_pause_menu_and_the_choice():
    pilot, rec = _to_ringing_phone()
    assert "phone_ring" in rec.looping
    pilot.press(pygame.K_ESCAPE)
    assert "phone_ring" not in rec.looping
    pilot.press(pygame.K_ESCAPE)
    assert "phone_ring" in rec.looping
    pilot.post(pygame.WINDOWFOCUSLOST)
    pilot.frame()
    assert "phone_ring" not in rec.looping
    pilot.post(pygame.WINDOWFOCUSGAINED)
    pilot.frame()
    assert "phone_ring" in rec.looping
    pilot.press("2")
    assert "phone_ring" not in rec.looping


def test_the_phone_stops_when_time_runs_out():
    pilot, rec = _to_ringing_phone()
    assert "phone_ring" in rec.looping
    pilot.advance(9)
    assert "phone_ring" not in rec.looping
    assert pilot.app.top.step.kind == "timeout"


def test_a_node_plays_its_own_sound_on_arrival():
    pilot, rec = _start()
    scene = pilot.app.top
    scene.restart(pilot.app.ctx)  # the first node again, now that the recorder listens
    assert rec.played()[-1] == "door_chime"


def test_the_value_screen_sounds_coins_for_what_was_lost():
    pilot, rec = _start()
    for c in ("1", "2", "1", "3"):  # to the lost customer
        _choose(pilot, c)
        pilot.press(pygame.K_RETURN)
    assert pilot.app.top.play.ending.id == "lost_customer"
    assert rec.played()[-1] == "reveal"  # the ending
    pilot.press(pygame.K_RETURN)
    assert isinstance(pilot.app.top, ValueScene)
    pilot.advance(6)
    assert "coin_loss" in rec.played() and "coin_gain" not in rec.played()


# ---- the room tone and the music bed ------------------------------------------------------------------------

def _to_the_office(pilot, rec):
    """expired_return from the shop counter to the afternoon in the office (1, 1, 1, 3, 1 in the file's order)."""
    for c in ("1", "1", "1", "3"):
        _choose(pilot, c)
        pilot.press(pygame.K_RETURN)
        assert pilot.app.top.view.setting == "shop_counter"
    _choose(pilot, "1")
    assert rec.ambience.wanted == "room_shop_counter"
    pilot.press(pygame.K_RETURN)
    assert pilot.app.top.view.node_id == "afternoon" and pilot.app.top.view.setting == "office"


def test_the_play_screen_loops_the_room_tone_of_the_setting_and_changes_it_with_the_setting():
    pilot, rec = _start()
    scene = pilot.app.top
    scene.restart(pilot.app.ctx)  # the first node again, now that the recorder listens
    assert rec.ambience.wanted == "room_shop_counter"
    _to_the_office(pilot, rec)
    assert rec.ambience.wanted == "room_office"
    assert rec.ambience.calls.count("room_office") >= 1 and "music_bed" not in rec.ambience.calls


def test_the_room_tone_hushes_under_the_pause_menu_and_the_menus_get_the_music_back():
    pilot, rec = _start()
    scene = pilot.app.top
    scene.restart(pilot.app.ctx)
    pilot.press(pygame.K_ESCAPE)
    assert rec.ambience.wanted is None and rec.ambience.calls[-1] == "hush"
    pilot.press(pygame.K_ESCAPE)  # resume
    assert pilot.app.top is scene and rec.ambience.wanted == "room_shop_counter"
    pilot.press(pygame.K_ESCAPE)
    from game.ui.scenes.pause import PauseScene

    pause = pilot.app.top
    assert isinstance(pause, PauseScene)
    pilot.press(str(1 + [r for _, r in pause.entries].index("menu")))  # Quit to menu
    pilot.frame(2)
    assert pilot.app.top is not scene and rec.ambience.wanted == "music_bed"


def test_the_ending_brings_the_music_bed_and_it_plays_on_under_the_value_screen():
    pilot, rec = _start()
    for c in ("1", "2", "1", "3"):  # to the lost customer
        _choose(pilot, c)
        pilot.press(pygame.K_RETURN)
    assert pilot.app.top.play.ending.id == "lost_customer"
    assert rec.ambience.wanted == "music_bed"
    pilot.press(pygame.K_RETURN)
    assert isinstance(pilot.app.top, ValueScene)
    pilot.advance(2)
    assert rec.ambience.wanted == "music_bed"


def test_the_title_screen_asks_for_the_music_bed():
    from game.ui.bootstrap import Options, make_app
    from game.ui.pilot import Pilot
    from game.ui.scenes.title import TitleScene
    from game.userdata.settings import Settings

    app = make_app(Options(size=(1280, 720), settings=Settings(sound=False)), first=TitleScene())
    rec = Recorder()
    app.ctx.audio = rec
    app.top.enter(app.ctx)
    assert rec.ambience.wanted == "music_bed"
    pilot = Pilot(app)
    pilot.frame(2)
    pilot.press(pygame.K_ESCAPE)  # the title's menu: the music goes on under it
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene) and rec.ambience.calls[-1] == "music_bed"


def test_with_sound_off_the_play_screen_plays_no_bed():
    _settle_other_loaders()  # the mixer is the process's: silence what earlier tests' apps left playing
    if pygame.mixer.get_init():
        pygame.mixer.stop()
    pilot, _ = start(expired(), sound=False)
    audio = pilot.app.ctx.audio
    assert audio.ambience.wanted == "room_shop_counter"  # asked for, remembered...
    assert audio.ambience.playing() is None  # ...and not heard
    if audio.available:
        assert not any(pygame.mixer.Channel(i).get_busy() for i in range(2))


def _settle_other_loaders() -> None:
    """Let beds still loading for earlier tests' apps finish, so none starts over this test's channel."""
    for thread in threading.enumerate():
        if thread.name.startswith("load-"):
            thread.join(30)


def test_with_sound_on_the_room_tone_really_sounds_and_stops_for_the_pause_menu():
    _settle_other_loaders()
    pilot, _ = start(expired(), sound=True)
    audio = pilot.app.ctx.audio
    if not audio.available:
        pytest.skip("no mixer, not even the dummy driver")
    audio.ambience.wait()
    assert audio.ambience.playing() == "room_shop_counter"
    pilot.press(pygame.K_ESCAPE)
    assert audio.ambience.playing() is None
    pilot.press(pygame.K_ESCAPE)
    audio.ambience.wait()
    assert audio.ambience.playing() == "room_shop_counter"
    audio.stop()


def test_the_classroom_loops_the_room_tone_of_the_scene_and_the_music_from_the_ending():
    from game.facilitation.session import CHOICES, ENDING, INTRO

    from ..facilitator.helpers import PAGE_DOWN, classroom

    pilot, scene = classroom(expired())
    rec = Recorder()
    pilot.app.ctx.audio = rec
    s = scene.session
    assert s.stage == INTRO
    pilot.press(PAGE_DOWN)
    assert rec.ambience.wanted == "room_shop_counter"
    for option in (0, 0, 0, 2, 0):  # to the afternoon in the office, as on the play screen
        while s.stage != CHOICES:
            pilot.press(PAGE_DOWN)
        assert rec.ambience.wanted == "room_shop_counter"
        for _ in range(option - s.selected):
            pilot.press(pygame.K_DOWN)
        assert s.selected == option
        pilot.press(PAGE_DOWN)
        pilot.press(PAGE_DOWN)
        pilot.press(PAGE_DOWN)
    assert s.play.node.id == "afternoon" and rec.ambience.wanted == "room_office"
    for _ in range(80):
        if s.stage == ENDING:
            break
        pilot.press(PAGE_DOWN)
    assert s.stage == ENDING and rec.ambience.wanted == "music_bed"


def test_back_at_the_scenario_list_the_music_bed_plays_again():
    from game.ui.bootstrap import Options, make_app
    from game.ui.pilot import Pilot
    from game.ui.scenes.select import SelectScene
    from game.userdata.settings import Settings

    app = make_app(Options(size=(1280, 720), settings=Settings(sound=False, text_speed="instant")),
                   first=SelectScene())
    pilot = Pilot(app)
    pilot.frame(3)
    rec = Recorder()
    app.ctx.audio = rec
    select = app.top
    pilot.press(pygame.K_RETURN)  # open the focused scenario (its preview or the play screen)
    pilot.frame(3)
    assert app.top is not select
    rec.ambience.room("office")  # whatever played on the screen above
    for _ in range(4):
        if app.top is select:
            break
        pilot.press(pygame.K_ESCAPE)
        pilot.frame(2)
        if app.top is not select and hasattr(app.top, "entries"):  # a pause menu: quit to the list
            pilot.press(str(len(app.top.entries)))
            pilot.frame(2)
    assert app.top is select and rec.ambience.wanted == "music_bed"
