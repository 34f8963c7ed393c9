"""`paths` answers the author's questions: per ending, lengths, meters, timers; honest about limits and samples."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.engine import all_paths, load_file
from game.engine.path_summary import sample_paths, summarise
from tests.conftest import BUNDLED_FILES, FIXTURES, SCENARIOS

MINIMAL = FIXTURES / "valid" / "minimal.yaml"
BUNDLED = BUNDLED_FILES


def test_minimal_summary_counts_every_ending_and_the_timer() -> None:
    scenario = load_file(MINIMAL).scenario
    report = all_paths(scenario)
    s = summarise(scenario, report.paths, report.complete)
    by_id = {e.id: e for e in s.endings}
    assert s.paths == 4 and s.complete
    assert (by_id["fan"].paths, by_id["regular"].paths, by_id["left"].paths) == (1, 1, 2)
    assert by_id["left"].shortest == ("2",) and by_id["left"].longest == ("timeout", "2")
    assert by_id["regular"].shortest == ("timeout", "1")
    (timer,) = s.timers
    assert (timer.node, timer.shown, timer.ran_out) == ("hello", 4, 2)
    sat = next(m for m in s.meters if m.id == "satisfaction")
    assert (sat.lowest, sat.highest, sat.capped_at) == (20, 80, {})


def test_where_a_meter_hits_its_limit_is_named() -> None:
    scenario = load_file(FIXTURES / "invalid" / "CC049_meter_at_its_limit.yaml").scenario
    report = all_paths(scenario)
    loyalty = next(m for m in summarise(scenario, report.paths, True).meters if m.id == "loyalty")
    assert loyalty.at_min == 2 + 1 and loyalty.capped_at == {"hello": 3, "ignored": 1}


def test_default_output_is_a_summary(capsys) -> None:
    assert main(["paths", str(MINIMAL)]) == 0
    out = capsys.readouterr().out
    assert "4 path(s) in all: every path was explored" in out
    assert "  left (leaves): 2 path(s), 50% — Gone" in out and "shortest 1 choice(s): 2" in out
    assert "Timer at 'hello' (5s): on 4 path(s), runs out on 2." in out
    assert "First" not in out  # paths are listed only when asked
    assert main(["paths", str(MINIMAL), "--list", "2"]) == 0
    assert "First 2 of 4 path(s):" in capsys.readouterr().out


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_summaries_fit_on_one_screen(path, capsys) -> None:
    assert main(["paths", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) <= 40, "\n".join(lines)
    scenario = load_file(path).scenario
    assert all(f"  {e} (" in "\n".join(lines) for e in scenario.endings)  # a count for every ending


def test_samples_are_repeatable_and_say_they_are_samples(capsys) -> None:
    scenario = load_file(SCENARIOS / "status_update.yaml").scenario
    a, cut_a = sample_paths(scenario, 300, seed=7)
    b, cut_b = sample_paths(scenario, 300, seed=7)
    c, _ = sample_paths(scenario, 300, seed=8)
    assert [p.choices for p in a] == [p.choices for p in b] and cut_a == cut_b
    assert [p.choices for p in a] != [p.choices for p in c]
    assert len(a) + cut_a == 300
    assert main(["paths", "status_update", "--sample", "300", "--seed", "7"]) == 0
    out = capsys.readouterr().out
    assert "random play-through(s) reached an ending (--sample 300 --seed 7)" in out and "not every path" in out
    assert main(["paths", "status_update", "--sample", "300", "--seed", "7", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "sampled" and data["complete"] is False and sum(e["paths"] for e in data["endings"]) == 300


def test_bad_sample_is_a_usage_error(capsys) -> None:
    assert main(["paths", str(MINIMAL), "--sample", "0"]) == 2
    assert "--sample" in capsys.readouterr().err
