"""The bench's parts that need no child process: the surface census, byte-bounded art caches, CJK layout,
the skipped LRS figure, and the select screen showing cards as the library loads."""

import os
import threading

import pygame

from game.bench import census, outbox_bench
from game.bench.harness import Figure, Target, table
from game.bench.text_bench import cjk_figure, cjk_text
from game.ui.art.draw import LRU
from game.ui.play import art as play_art


def test_census_finds_held_surfaces_by_size() -> None:
    held = [pygame.Surface((123, 45)) for _ in range(3)]
    groups = {(g.size, g.bytes_per_pixel): g for g in census.census()}
    group = groups[((123, 45), held[0].get_bytesize())]
    assert group.count >= 3 and group.bytes == 123 * 45 * held[0].get_bytesize() * group.count
    assert census.describe(census.census())[0].endswith("MB of pixels")


def test_art_cache_is_bounded_in_bytes_and_keeps_the_newest() -> None:
    cache = LRU(100, max_bytes=3 * 100 * 100 * 4)
    for n in range(5):
        cache.put(n, pygame.Surface((100, 100), pygame.SRCALPHA))
    assert len(cache) == 3 and cache.get(0) is None and cache.get(4) is not None
    assert cache.bytes == 3 * 100 * 100 * 4
    huge = cache.put("huge", pygame.Surface((400, 400), pygame.SRCALPHA))
    assert len(cache) == 1 and cache.get("huge") is huge


def test_play_art_cache_is_bounded_in_bytes(monkeypatch) -> None:
    monkeypatch.setattr(play_art, "_MAX_BYTES", 2 * 50 * 50 * 4)
    monkeypatch.setattr(play_art, "_surfaces", type(play_art._surfaces)())
    monkeypatch.setattr(play_art, "_held", [0])
    for n in range(4):
        play_art._remember(("t", n), pygame.Surface((50, 50), pygame.SRCALPHA))
    assert list(play_art._surfaces) == [("t", 2), ("t", 3)]
    assert play_art._recall(("t", 2))[0] and list(play_art._surfaces)[-1] == ("t", 2)


def test_cjk_layout_wraps_ten_thousand_characters() -> None:
    assert len(cjk_text()) == 10_000 and " " not in cjk_text()
    f = cjk_figure(1, 2000)
    assert f.value > 0 and f.reference > 0 and f.details["lines"] > 10
    assert abs(f.details["lines"] - f.details["reference_lines"]) <= f.details["lines"] // 10


def test_outbox_figure_is_skipped_with_its_reason_without_ralph(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(outbox_bench, "ralph_command", lambda: None)
    f = outbox_bench.outbox_figure(1, tmp_path)
    assert f.skipped and "ralph is not installed" in f.skipped and f.met is None
    assert f.to_json()["skipped"] == f.skipped and f.to_json()["target"] == {"max_ratio": 1.5, "max_value": None}
    assert "skipped" in table([f, Figure("a", "A", "ms", [1.0], [1.0], "r", Target(max_ratio=2))])


def test_select_shows_cards_as_the_library_arrives(tmp_path, monkeypatch) -> None:
    from game.ui import bootstrap
    from game.ui.scene import Push
    from game.ui.scenes.select import SelectScene
    from game.userdata.settings import Settings
    from tests.conftest import BUNDLED_FILES

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    gate = threading.Event()
    real = bootstrap.load_library

    def held(scenario_dir, notices=None, on_result=None):
        def each(result):
            on_result(result)
            gate.wait(10)  # the load pauses after each file until the test has looked
        return real(scenario_dir, notices, each)

    monkeypatch.setattr(bootstrap, "load_library", held)
    app = bootstrap.make_app(bootstrap.Options(size=(1280, 720), settings=Settings()))
    try:
        app.step(dt=1 / 60)  # the title's first frame starts the background load
        for _ in range(500):
            if app.ctx.library_partial:
                break
            gate.wait(0.01)
        app.apply(Push(SelectScene()))
        assert app.step(dt=1 / 60)
        select = app.top
        assert isinstance(select, SelectScene) and app.ctx.library_loading
        assert 1 <= len(select.cards) < len(BUNDLED_FILES) and select.animating()
    finally:
        gate.set()
    _ = app.ctx.library
    app.step(dt=1 / 60)
    assert len(select.cards) == len(BUNDLED_FILES) and not select.animating()


def test_a_covered_screen_lets_go_of_its_window_sized_pictures(tmp_path, monkeypatch) -> None:
    from game.ui.bootstrap import Options, make_app
    from game.ui.pilot import Pilot
    from game.ui.scenes.select import SelectScene
    from game.ui.scenes.title import TitleScene
    from game.userdata.settings import Settings

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    app = make_app(Options(size=(1280, 720), settings=Settings()))
    pilot = Pilot(app)
    pilot.frame(2)
    title = app.top
    assert isinstance(title, TitleScene) and title._scenery is not None and title.backdrop._surface is None
    pilot.press("1")
    select = app.top
    assert isinstance(select, SelectScene) and app.stack[0] is title
    assert title._scenery is None and title.backdrop._surface is None and title._portrait is None
    pilot.press(pygame.K_ESCAPE)  # the menu is an overlay: the select stays drawn under it, pictures kept
    assert app.top is not select and select.backdrop._surface is not None
    pilot.press(pygame.K_ESCAPE)
    pilot.press(pygame.K_BACKSPACE)  # back to the title, which builds its picture again
    assert app.top is title and title._scenery is not None


def test_a_stage_portrait_is_held_by_one_cache_only(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    look = {"skin": "medium", "hair": "short", "outfit": "blue"}
    big = play_art.portrait(look, "neutral", (696, 712))
    small = play_art.portrait(look, "neutral", (120, 124))
    assert big is not None and small is not None
    assert play_art.portrait(look, "neutral", (696, 712)) is big  # still one picture, from the art's own cache
    assert play_art.portrait(look, "neutral", (120, 124)) is small
    held_here = [s for s in play_art._surfaces.values() if s is not None]
    assert all(s is not big and s is not small for s in held_here)  # the art's own cache holds both


def test_peak_memory_is_the_childs_own_not_its_parents(tmp_path) -> None:
    """ru_maxrss keeps the parent's resident size across fork and exec; the bench reads the child's own peak."""
    import json
    import os
    import subprocess
    import sys

    from game.bench.child import ROOT

    ballast = bytearray(200 << 20)  # the parent is 200 MB bigger, as the bench is after exploring paths
    ballast[:: 4096] = b"\1" * len(ballast[:: 4096])
    program = ("import sys, resource, json; sys.path.insert(0, sys.argv[1]); "
               "from game.bench.reference import peak_rss_kb; "
               "print(json.dumps([peak_rss_kb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))")
    out = subprocess.run([sys.executable, "-c", program, str(ROOT)], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
    assert out.returncode == 0, out.stderr
    del ballast
    own, inherited = json.loads(out.stdout.splitlines()[-1])
    if sys.platform.startswith("linux"):
        assert inherited > 200 * 1024  # what ru_maxrss said: the parent's size
    assert own < 150 * 1024  # a child that imports pygame, not the parent's 200 MB


def test_the_title_picture_comes_from_disk_on_a_second_start(tmp_path, monkeypatch) -> None:
    """The first start paints the veiled shop and the greeter; the next loads that one picture, unchanged."""
    import subprocess
    import sys

    from game.bench.child import ROOT

    program = """
import sys
sys.path.insert(0, sys.argv[1])
import pygame
from game.ui.bootstrap import Options, make_app
from game.userdata.settings import Settings
app = make_app(Options(size=(1280, 720), settings=Settings()))
app.step(dt=1 / 60)
painters = sorted(m for m in sys.modules if m in ("game.ui.art.scenes", "game.ui.art.portrait"))
pixels = pygame.image.tobytes(app.screen, "RGB")
import hashlib
print(painters, hashlib.sha256(pixels).hexdigest())
"""
    env = {**os.environ, "CUSTOMER_CHAIN_DATA_DIR": str(tmp_path), "SDL_VIDEODRIVER": "dummy",
           "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    runs = []
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", program, str(ROOT)], env=env, capture_output=True, text=True,
                             timeout=120)
        assert out.returncode == 0, out.stderr
        runs.append(out.stdout.splitlines()[-1])
    first, second = runs
    assert "game.ui.art.portrait" in first and "game.ui.art.scenes" in first  # painted the first time
    assert second.startswith("[]")  # the second start imported no painter for its first frame
    assert first.split()[-1] == second.split()[-1]  # and its first frame looks the same
