"""Background work gives way to the frame being drawn: real threads against the real App's frames."""

from __future__ import annotations

import threading
import time

import pygame

from game.ui.bootstrap import Options, make_app
from game.ui.foreground import Foreground
from game.userdata.settings import Settings


def _in_thread(fn) -> list:
    """Run fn on another thread; the list gets (its result, seconds it took)."""
    out: list = []

    def run() -> None:
        began = time.monotonic()
        out.append((fn(), time.monotonic() - began))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(5)
    return out


def test_between_frames_background_work_goes_on_at_once() -> None:
    gate = Foreground()
    [(clear, took)] = _in_thread(gate.give_way)
    assert clear and took < 0.05


def test_during_a_frame_it_waits_until_the_frame_is_done() -> None:
    gate = Foreground()
    waited: list = []
    with gate.frame():
        thread = threading.Thread(target=lambda: waited.append(gate.give_way(longest=5)))
        thread.start()
        time.sleep(0.15)
        assert not waited  # still waiting while the frame is being worked on
    thread.join(5)
    assert waited == [True]


def test_a_frame_that_never_ends_holds_background_work_only_for_a_bounded_time() -> None:
    gate = Foreground()
    with gate.frame():
        [(clear, took)] = _in_thread(lambda: gate.give_way(longest=0.1))
    assert not clear and 0.09 <= took < 1.0


def test_the_ui_thread_never_waits_for_itself() -> None:
    gate = Foreground()
    with gate.frame():
        began = time.monotonic()
        assert gate.give_way(longest=2)
        assert time.monotonic() - began < 0.05


def test_while_the_ui_waits_for_background_work_that_work_does_not_wait_for_the_ui() -> None:
    gate = Foreground()
    with gate.frame():
        with gate.waiting():
            [(clear, took)] = _in_thread(lambda: gate.give_way(longest=2))
            assert clear and took < 0.05
        assert gate.busy  # the frame goes on after the wait


def test_the_app_marks_each_frame_and_the_library_loads_around_them(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    app = make_app(Options(size=(800, 600), settings=Settings(sound=False)))
    seen: list[bool] = []
    real_flip = pygame.display.flip

    def flip() -> None:
        seen.append(app.ctx.foreground.busy)
        real_flip()

    monkeypatch.setattr(pygame.display, "flip", flip)
    app.step(dt=1 / 60)  # the first frame starts the background load
    assert seen == [True] and not app.ctx.foreground.busy
    for _ in range(600):
        if not app.ctx.library_loading:
            break
        app.step(dt=1 / 60)
        time.sleep(0.005)  # a real loop rests between frames; the loader runs then
    assert not app.ctx.library_loading
    assert len(app.ctx.library) >= 10  # the bundled library arrived, file by file
    assert [r.path for r in app.ctx.library_partial] == [r.path for r in app.ctx.library]


def test_learning_records_start_sending_once_the_first_frame_is_on_screen(tmp_path, monkeypatch) -> None:
    from game.records.config import LrsConfig, save_config

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    assert save_config(LrsConfig(endpoint="http://127.0.0.1:9/xapi")) is None  # nothing listens there
    app = make_app(Options(size=(800, 600), sound=False))
    records = app.ctx.records
    assert records is not None and records.config.enabled
    assert records.sender is None  # not before the first frame
    try:
        app.step(dt=1 / 60)
        assert records.sender is not None
    finally:
        records.stop()
