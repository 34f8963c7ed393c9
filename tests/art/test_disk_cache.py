"""The art cache on disk (issue 15): raw pixels behind a checked header, loaded without decoding; a file that
is not what the game wrote is set aside with a notice; the folder is kept under its size by least recent use."""

from __future__ import annotations

import os
import time

import pygame
import pytest

from game.ui.art import disk_cache, raw_format
from game.ui.art.portrait import clear_cache, render_portrait


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    disk_cache.problems.clear()
    yield
    disk_cache.problems.clear()


def picture(alpha: bool) -> pygame.Surface:
    surf = pygame.Surface((37, 23), pygame.SRCALPHA if alpha else 0)
    for x in range(37):
        for y in range(23):
            surf.set_at((x, y), (x * 7 % 256, y * 11 % 256, (x * y) % 256, (x + y) * 5 % 256 if alpha else 255))
    return surf


def pixels(surf: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surf, "RGBA")


@pytest.mark.parametrize("alpha", [True, False])
def test_a_picture_round_trips_through_the_raw_format_pixel_for_pixel(alpha):
    original = picture(alpha)
    data = raw_format.encode(original)
    assert len(data) == raw_format.HEADER_BYTES + 37 * 23 * 4
    back = raw_format.decode(data)
    assert back.get_size() == (37, 23)
    assert pixels(back) == pixels(original)
    assert bool(back.get_flags() & pygame.SRCALPHA), "translucent pixels keep their transparency"


@pytest.mark.parametrize("damage", ["cut short", "another file", "nonsense size", "empty"])
def test_a_damaged_raw_picture_is_refused_with_a_reason(damage):
    data = raw_format.encode(picture(True))
    bad = {"cut short": data[:-5], "another file": b"\x89PNG\r\n\x1a\n" + data[8:],
           "nonsense size": data[:12] + (0).to_bytes(4, "little") + data[16:], "empty": b""}[damage]
    with pytest.raises(raw_format.RawError):
        raw_format.decode(bad)


def test_a_picture_is_painted_once_then_loaded_from_disk_as_it_was():
    painted = []

    def paint():
        painted.append(1)
        return picture(True)

    first = disk_cache.cached_picture("test", ("a", 1), paint)
    path = disk_cache.picture_path("test", ("a", 1))
    assert path.suffix == ".raw" and path.is_file()
    again = disk_cache.cached_picture("test", ("a", 1), paint)
    assert painted == [1], "the second time it came from the disk"
    assert pixels(again) == pixels(first)


def test_a_stage_portrait_from_disk_matches_the_painted_one():
    look = {"skin": "medium", "hair": "long", "outfit": "blazer"}
    clear_cache()
    painted = pixels(render_portrait(look, "pleased", (348, 356), talking=True))
    clear_cache()  # the next one can only come from the disk cache
    loaded = pixels(render_portrait(look, "pleased", (348, 356), talking=True))
    assert loaded == painted
    clear_cache()


def test_a_damaged_cached_picture_is_set_aside_with_a_notice_and_painted_afresh():
    disk_cache.cached_picture("test", "k", lambda: picture(False))
    path = disk_cache.picture_path("test", "k")
    damaged = path.read_bytes()[:-100]  # cut short, as by a full disk or a crash mid-copy
    path.write_bytes(damaged)
    fresh = disk_cache.cached_picture("test", "k", lambda: picture(False))
    assert pixels(fresh) == pixels(picture(False))
    kept = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged, "the damaged file is kept as it was"
    assert any(path.name in note and "damaged" in note for note in disk_cache.problems), disk_cache.problems
    assert raw_format.decode(path.read_bytes()).get_size() == (37, 23), "a good copy was written again"


def test_the_folder_is_trimmed_to_its_size_oldest_used_first_and_leaves_other_files_alone(monkeypatch):
    names = [("k", n) for n in range(5)]
    for n, key in enumerate(names):
        disk_cache.cached_picture("test", key, lambda: picture(True))
        os.utime(disk_cache.picture_path("test", key), (time.time() - 100 + n, time.time() - 100 + n))
    one = disk_cache.picture_path("test", names[0]).stat().st_size
    folder = disk_cache.folder()
    (folder / "notes.txt").write_text("not ours")
    (folder / "test-0123456789abcdef01234567.raw.damaged-20260101-000000").write_bytes(b"x" * one)
    disk_cache.cached_picture("test", names[1], lambda: picture(True))  # loading one marks it used just now
    monkeypatch.setattr(disk_cache, "FOLDER_BYTES", 3 * one)
    disk_cache.cached_picture("test", ("k", "new"), lambda: picture(True))  # a store trims the folder
    left = {key for key in [*names, ("k", "new")] if disk_cache.picture_path("test", key).exists()}
    assert left == {names[1], names[4], ("k", "new")}, "the three used most recently stay"
    assert (folder / "notes.txt").exists() and len(list(folder.glob("*.damaged-*"))) == 1
