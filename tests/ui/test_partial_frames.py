"""A still stage redraws only what moves (issue 15): every frame drawn in part is, pixel for pixel, the frame a
whole redraw of the same moment gives; an event or a new moment draws the whole window."""

from __future__ import annotations

import pygame
import pytest

from game.commands.common import require_scenario
from game.ui.scene import Scene
from game.ui.stage.dissolve import Dissolve

from .test_play_support import start


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def kept_pictures(monkeypatch) -> list[tuple[bool, int]]:
    """Every picture a dissolve keeps is checked as it is kept: the setting with its pieces laid on it is the
    window as the player saw it, pixel for pixel (so nothing drawn over the setting was left out of the pieces,
    after frames drawn in part too). Lists (kept in pieces, bytes) for each."""
    kept: list[tuple[bool, int]] = []
    real = Dissolve.__init__

    real_retake = Dissolve.retake

    def rebuilds(self, shown) -> None:
        rebuilt = self.setting.copy() if self.setting is not None else pygame.Surface(shown.get_size())
        for rect, piece in self.pieces:
            rebuilt.blit(piece, rect)
        assert pygame.image.tobytes(rebuilt, "RGB") == pygame.image.tobytes(shown, "RGB"), (
            "the kept pieces and the setting are not the picture on screen")

    def checked(self, shown, drawn_over, setting) -> None:
        real(self, shown, drawn_over, setting)
        rebuilds(self, shown)
        kept.append((self.setting is not None, self.bytes))

    def retaken(self, shown, drawn_over) -> bool:
        again = real_retake(self, shown, drawn_over)
        if again:  # kept again in the same pieces (after a blink)
            rebuilds(self, shown)
        return again

    monkeypatch.setattr(Dissolve, "__init__", checked)
    monkeypatch.setattr(Dissolve, "retake", retaken)
    return kept


class Watch:
    """Checks every frame the App drew in part against a whole redraw of the same moment."""

    def __init__(self, pilot) -> None:
        self.app = pilot.app
        self.partial: dict[str, int] = {}
        self.whole = 0
        self.areas: list[float] = []
        self.last: pygame.Rect | None = None  # what the last frame redrew (None: the whole window)
        self.skipped = 0

    def step(self) -> None:
        app = self.app
        if not app.step(dt=1 / 60):
            if app.top.dirty or app.top.animating():  # it chose to draw nothing: nothing may have changed
                self.skipped += 1
                self._same_as_whole("a frame left undrawn")
            return
        self.last = app.last_damage
        if app.last_damage is None:
            self.whole += 1
            return
        scene = app.top
        kind = ("typing" if scene.phase in ("reading", "reply") and not scene.typewriter.done
                else "countdown" if scene.countdown is not None and scene.countdown.running
                else "meters" if scene.meters.animating() else "other")
        self.partial[kind] = self.partial.get(kind, 0) + 1
        window = app.screen.get_rect()
        self.areas.append(app.last_damage.width * app.last_damage.height / (window.width * window.height))
        self._same_as_whole(f"the frame drawn in {self.last}")

    def _same_as_whole(self, what: str) -> None:
        app = self.app
        scene = app.top
        drawn = pygame.image.tobytes(app.screen, "RGB")
        logged = sorted((b.text, tuple(b.rect)) for b in scene.rec.blocks)
        parts = dict(scene.rec.parts)
        app.draw(force=True)  # the same moment, drawn whole
        where = f"{scene.view.node_id} {scene.phase}"
        assert pygame.image.tobytes(app.screen, "RGB") == drawn, f"{where}: {what} differs from a whole redraw"
        assert sorted((b.text, tuple(b.rect)) for b in scene.rec.blocks) == logged, f"{where}: lines logged differ"
        assert scene.rec.parts == parts, f"{where}: the parts logged differ"


def play_through(pilot, watch: Watch, picks: str, nodes: int) -> None:
    """Read each line as it types, pick from `picks` in turn (waiting a little while a countdown runs), read her
    reply, close the coach's card: `nodes` times or to the ending."""
    scene = pilot.app.top
    for n in range(nodes):
        before = len(scene.play.history)
        waited = 0
        for _ in range(2000):
            watch.step()
            if pilot.app.top is not scene or scene.play.ended:
                return
            if scene.phase == "choosing" and len(scene.play.history) == before:
                waited += 1
                if waited > 40:
                    pilot.post(pygame.KEYDOWN, key=ord(picks[n % len(picks)]), mod=0, unicode=picks[n % len(picks)],
                               scancode=0)
            elif scene.phase in ("reading", "reply") and scene.typewriter.done and scene.waited > 0.5:
                pilot.post(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
            elif scene.phase == "feedback" and scene.card is not None:
                for _ in range(30):
                    watch.step()
                pilot.post(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" ", scancode=0)
                break
        else:
            raise AssertionError(f"stuck at {scene.view.node_id} {scene.phase}")


@pytest.mark.parametrize("scenario_id, picks", [("ringing_phone", "12"), ("expired_return", "21")])
def test_every_frame_drawn_in_part_is_the_frame_a_whole_redraw_gives(scenario_id, picks, kept_pictures):
    pilot, _ = start(require_scenario(scenario_id), motion=True, text_speed="normal")
    watch = Watch(pilot)
    play_through(pilot, watch, picks, nodes=4)
    assert sum(watch.partial.values()) > 60 and watch.whole > 10, (watch.partial, watch.whole)
    assert watch.partial.get("typing", 0) > 20 and watch.partial.get("meters", 0) > 5, watch.partial
    assert sum(watch.areas) / len(watch.areas) < 0.5, "a frame drawn in part redraws well under half the window"
    window = 4 * pilot.app.screen.get_width() * pilot.app.screen.get_height()
    assert any(pieces and size < window for pieces, size in kept_pictures), kept_pictures


def test_a_restart_from_the_pause_menu_dissolves_from_the_menu_as_it_was_on_screen(kept_pictures):
    pilot, _ = start(require_scenario("expired_return"), motion=True, text_speed="normal")
    watch = Watch(pilot)
    play_through(pilot, watch, "1", nodes=1)
    for _ in range(30):
        watch.step()
    pilot.press(pygame.K_ESCAPE)
    pilot.press("2")  # Restart, which asks first
    pilot.press("1")  # Yes
    pilot.frame(2)
    scene = pilot.app.top
    assert scene.play.history == [] and kept_pictures[-1] == (False, 4 * 1280 * 720), kept_pictures[-1]


def test_the_countdown_ticks_in_part_and_an_event_draws_the_whole_window():
    scenario = require_scenario("ringing_phone")
    pilot, _ = start(scenario, motion=True, text_speed="normal")
    watch = Watch(pilot)
    play_through(pilot, watch, "1", nodes=1)
    scene = pilot.app.top
    for _ in range(600):  # to the timed node's options, its countdown running
        watch.step()
        if scene.phase in ("reading", "reply") and scene.typewriter.done:
            pilot.post(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
        if scene.phase == "choosing" and scene.countdown is not None and scene.countdown.running:
            break
    for _ in range(30):
        watch.step()
    assert watch.partial.get("countdown", 0) >= 25, watch.partial
    assert watch.last is not None and watch.last.width < pilot.app.screen.get_width() // 2, watch.last
    pilot.post(pygame.MOUSEMOTION, pos=(5, 5), rel=(0, 0), buttons=(0, 0, 0))
    assert pilot.app.step(dt=1 / 60) and pilot.app.last_damage is None, "after an event, the whole window"


class Unchanged(Scene):
    """Dirty every frame, yet says nothing on screen changes."""

    covers_window = True

    def __init__(self) -> None:
        super().__init__()
        self.draws = 0

    def update(self, dt, ctx):
        self.dirty = True

    def draw(self, surface, ctx) -> None:
        self.draws += 1
        surface.fill((20, 40, 60))

    def damage(self, surface, ctx):
        return []


def test_a_frame_that_changes_nothing_is_not_drawn_and_the_first_is_drawn_whole(tmp_path, monkeypatch):
    from game.ui.bootstrap import Options, make_app
    from game.userdata.settings import Settings

    scene = Unchanged()
    app = make_app(Options(size=(640, 360), settings=Settings(sound=False)), first=scene)
    assert app.step(dt=1 / 60) and app.last_damage is None and scene.draws == 1
    assert not any(app.step(dt=1 / 60) for _ in range(5)) and scene.draws == 1
