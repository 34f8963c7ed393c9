"""`storyboard` renders a path of every bundled scenario to numbered PNGs, headless, at two sizes."""

from __future__ import annotations

import json
import re

import pygame
import pytest

from game.cli import main
from game.engine import TIMEOUT, Playthrough, all_paths, load_all
from game.ui.storyboard import MANIFEST, render_storyboard

from ..conftest import SCENARIOS

BUNDLED = sorted((r.scenario for r in load_all([str(SCENARIOS)]) if r.scenario is not None), key=lambda s: s.id)
SIZES = [(640, 360), (512, 384)]


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))


def expected_names(scenario, choices: list[str]) -> list[str]:
    """The file names a path should give: one per beat before a node's last, the node with its choices, the
    countdown when time runs out, the picked choice, her reply when she gives one, the coach's card (unless the
    scenario keeps the coach for the debrief); then the ends."""
    play = Playthrough(scenario)
    names = []
    for c in choices:
        node = play.location
        names += [f"{node}_beat{i}" for i in range(1, len(play.beats))]
        names += [node] + ([f"{node}_countdown"] if c == TIMEOUT else []) + [f"{node}_chosen"]
        step = play.timeout() if c == TIMEOUT else play.choose(int(c) - 1)
        names += ([f"{node}_reply"] if step.reply is not None else [])
        names += ([f"{node}_feedback"] if scenario.coach != "debrief" else [])
    return names + ["ending", "value", "debrief"]


def test_there_are_bundled_scenarios():
    assert len(BUNDLED) >= 2
    assert "expired_return" in {s.id for s in BUNDLED}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scenario", BUNDLED, ids=lambda s: s.id)
def test_a_full_path_of_every_scenario_renders(scenario, size, tmp_path):
    report = all_paths(scenario)
    # The worst path ends soonest; a path through a timer shows the countdown too.
    timed = [p for p in report.paths if TIMEOUT in p.choices]
    path = list(min(timed, key=lambda p: len(p.choices)).choices if timed and size == SIZES[1]
                else report.worst.choices)
    files = render_storyboard(scenario, path, tmp_path / "out", size)
    names = [f.stem.split("_", 1)[1] for f in files]
    want = expected_names(scenario, path)
    assert names[: len(want)] == want
    assert all(n.startswith("debrief_") for n in names[len(want):])  # extra debrief pages when it scrolls
    assert [f.stem.split("_", 1)[0] for f in files] == [f"{i:02d}" for i in range(1, len(files) + 1)]
    for f in (files[0], files[-1]):
        image = pygame.image.load(str(f))
        assert image.get_size() == size


def test_the_command_writes_pictures_and_lists_them(tmp_path, capsys):
    out = tmp_path / "board"
    code = main(["storyboard", "expired_return", "--choices", "1,2,1,3", "--out", str(out),
                 "--size", "640x360", "--theme", "projector"])
    assert code == 0
    printed = capsys.readouterr().out.split()
    assert printed[0].endswith("01_arrive_beat1.png") and printed[-1].endswith(".png")
    assert any(p.endswith("_ending.png") for p in printed)
    assert sorted(p.name for p in out.glob("*.png")) == sorted(p.rsplit("/", 1)[-1] for p in printed)


def test_an_impossible_choice_is_a_located_error_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "board"
    code = main(["storyboard", "expired_return", "--choices", "1,9", "--out", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert "step 2 ('9') at node 'receipt'" in err and "Traceback" not in err
    assert not out.exists()


def test_bad_input_is_a_usage_error(tmp_path, capsys):
    assert main(["storyboard", "expired_return", "--size", "big", "--out", str(tmp_path)]) == 2
    assert "WIDTHxHEIGHT" in capsys.readouterr().err
    assert main(["storyboard", "no_such_scenario", "--out", str(tmp_path)]) == 2
    assert main(["storyboard", "expired_return", "--choices", "1,x", "--out", str(tmp_path)]) == 2


def test_a_broken_scenario_file_reports_its_errors(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: broken\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["storyboard", str(broken), "--out", str(tmp_path / "board")])
    assert stop.value.code == 1
    assert "broken.yaml" in capsys.readouterr().err


def test_a_path_that_stops_early_ends_on_the_node_it_reached(tmp_path):
    from game.commands.common import require_scenario

    files = render_storyboard(require_scenario("expired_return"), ["1", "2"], tmp_path / "out", (640, 360))
    assert [f.name for f in files] == [
        "01_arrive_beat1.png", "02_arrive.png", "03_arrive_chosen.png", "04_arrive_reply.png",
        "05_arrive_feedback.png", "06_receipt_beat1.png", "07_receipt.png", "08_receipt_chosen.png",
        "09_receipt_reply.png", "10_receipt_feedback.png", "11_pushback_beat1.png", "12_pushback.png"]
    empty = render_storyboard(require_scenario("expired_return"), [], tmp_path / "first", (640, 360))
    assert [f.name for f in empty] == ["01_arrive_beat1.png", "02_arrive.png"]


def test_a_shorter_storyboard_replaces_a_longer_one_and_keeps_other_files(tmp_path, monkeypatch) -> None:
    from game.commands.common import require_scenario
    from game.ui.storyboard import render_storyboard

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    scenario = require_scenario("expired_return")
    out = tmp_path / "board"
    long = render_storyboard(scenario, ["1", "1"], out, size=(480, 270))
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    short = render_storyboard(scenario, ["3"], out, size=(480, 270))
    assert len(short) < len(long)
    assert sorted(p.name for p in out.glob("*.png")) == sorted(p.name for p in short)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_new_run_never_deletes_or_overwrites_a_picture_it_did_not_write(tmp_path, monkeypatch) -> None:
    from game.commands.common import require_scenario

    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    scenario = require_scenario("expired_return")
    out = tmp_path / "photos"
    out.mkdir()
    (out / "01_holiday.png").write_bytes(b"the user's own picture")
    (out / "99_beach.png").write_bytes(b"another")
    files = render_storyboard(scenario, ["3"], out, size=(480, 270))
    assert (out / "01_holiday.png").read_bytes() == b"the user's own picture"
    assert (out / "99_beach.png").read_bytes() == b"another"
    again = render_storyboard(scenario, [], out, size=(480, 270))  # shorter: only its own earlier frames go
    assert (out / "01_holiday.png").read_bytes() == b"the user's own picture"
    assert [p.name for p in again] == ["01_arrive_beat1.png", "02_arrive.png"]
    assert not any(p.exists() for p in files if p not in again)
    assert json.loads((out / MANIFEST).read_text())["files"] == ["01_arrive_beat1.png", "02_arrive.png"]
    (out / MANIFEST).unlink()  # the storyboard's own record gone: its frames are no longer known to be its own
    with pytest.raises(FileExistsError):
        render_storyboard(scenario, [], out, size=(480, 270))
    assert (out / "01_arrive_beat1.png").is_file() and (out / "01_holiday.png").is_file()


def test_pictures_never_catch_a_blink(tmp_path, monkeypatch):
    """A blink caught in a still reads as a wince: with eyes that would be shut at every moment, no saved
    picture draws them shut (while the game between pictures still does)."""
    import game.ui.play.art as play_art
    from game.ui.stage.motion import Blinks
    from game.ui.storyboard import Storyboard

    monkeypatch.setattr(Blinks, "closed", lambda self, t: True)
    shut = {"saving": 0, "between": 0}
    saving = [False]
    real_portrait, real_save = play_art.portrait, Storyboard.save

    def portrait(*args, blinking=False, **kwargs):
        if blinking:
            shut["saving" if saving[0] else "between"] += 1
        return real_portrait(*args, blinking=blinking, **kwargs)

    def save(self, pilot, label):
        saving[0] = True
        try:
            real_save(self, pilot, label)
        finally:
            saving[0] = False

    monkeypatch.setattr(play_art, "portrait", portrait)
    monkeypatch.setattr(Storyboard, "save", save)
    scenario = next(s for s in BUNDLED if s.id == "expired_return")
    files = render_storyboard(scenario, ["1", "1"], tmp_path / "b",
                              size=(640, 360))
    assert files
    assert shut["between"] > 0, "the eyes were never drawn shut, so this test could not see a blink"
    assert shut["saving"] == 0
def classroom_names(scenario, choices: list[str], files) -> list[str]:
    """The names of a facilitator storyboard with each node's extra pages (of words, of options) left out."""
    names = [f.stem.split("_", 1)[1] for f in files]
    return [n for n in names if not re.fullmatch(r".+_(page\d+|choices\d+)|debrief_\d+", n)]


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_facilitator_storyboard_shows_every_step_of_the_classroom(size, tmp_path):
    scenario = next(s for s in BUNDLED if s.id == "expired_return")
    path = list(all_paths(scenario).worst.choices)
    files = render_storyboard(scenario, path, tmp_path / "out", size, facilitator=True)
    play = Playthrough(scenario)
    want = ["intro"]
    for c in path:
        node = play.location
        step = play.choose(int(c) - 1)
        want += [node, f"{node}_choices", f"{node}_chosen", *([f"{node}_reply"] if step.reply else []),
                 f"{node}_consequences"]
    assert classroom_names(scenario, path, files) == [*want, "ending", "debrief"]
    assert [f.stem.split("_", 1)[0] for f in files] == [f"{i:02d}" for i in range(1, len(files) + 1)]
    pictures = {f.stem.split("_", 1)[1]: pygame.image.load(str(f)) for f in files}
    assert all(p.get_size() == size for p in pictures.values())
    # the stage, not a dashboard: the picture of a decision differs from the text before it and the pick after
    first = play.scenario.start
    shots = [pygame.image.tobytes(pictures[n], "RGB") for n in (first, f"{first}_choices", f"{first}_chosen")]
    assert len(set(shots)) == 3
    if size == (1024, 768):  # a crowded decision of this scenario is shown in two pages of options there
        assert any(re.fullmatch(r".+_choices2", f.stem.split("_", 1)[1]) for f in files)


def test_the_command_renders_the_classroom_with_facilitator(tmp_path, capsys):
    out = tmp_path / "board"
    code = main(["storyboard", "expired_return", "--choices", "1,1,1,timeout", "--out", str(out), "--size",
                 "1280x720", "--facilitator"])
    assert code == 0
    printed = [p.rsplit("/", 1)[-1] for p in capsys.readouterr().out.split()]
    assert printed[0] == "01_intro.png"
    assert any(p.endswith("_choices.png") for p in printed) and any(p.endswith("_consequences.png") for p in printed)
    assert sorted(p.name for p in out.glob("*.png")) == sorted(printed)
    assert json.loads((out / MANIFEST).read_text())["files"] == printed
