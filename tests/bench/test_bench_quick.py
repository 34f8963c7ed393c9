"""`bench --quick --json` reports every figure with its reference and ratio (shape only: timings are not tested)."""

import json
import math
import os
import subprocess
import sys

import pytest

from game.bench.generate import scenario_text
from game.bench.harness import Figure, Target, interleave_many, percentile, table
from game.bench.suite import QUICK_PATHS
from game.engine import load_bytes
from tests.conftest import BUNDLED_FILES, ROOT

FIGURES = ("startup.title", "startup.select", "frames.play.p50", "frames.play.p95", "frames.play.p99",
           "memory.peak", "frames.stage.dissolve.p99", "frames.stage.talking.p99", "preview.reload",
           "text.cjk_layout", "records.outbox_drain", "idle.title", "idle.select", "idle.play", "idle.ending",
           "loading.bundled", "loading.bundled_cold", "loading.generated", "loading.generated_cold", "paths.generated")
KEYS = {"id", "label", "unit", "value", "reference", "ratio", "reference_program", "target", "met", "samples",
        "reference_samples", "note", "skipped"}
# Figures with a target the issue does not fix by number: theirs are set here and may be skipped on a machine
# without the tool they need (ralph for the LRS).
MAY_SKIP = {"records.outbox_drain"}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    env = dict(os.environ, CUSTOMER_CHAIN_DATA_DIR=str(tmp_path_factory.mktemp("data")),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    proc = subprocess.run([sys.executable, "run.py", "bench", "--quick", "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_every_figure_has_value_reference_and_ratio(report: dict) -> None:
    figures = {f["id"]: f for f in report["figures"]}
    expected = [*FIGURES, *(f"paths.{name}" for name in QUICK_PATHS)]
    assert sorted(figures) == sorted(expected)
    for fid, f in figures.items():
        assert set(f) >= KEYS, fid
        assert "not measured" not in f["note"], f"{fid}: {f['note']}"
        if f["skipped"]:
            assert fid in MAY_SKIP and f["met"] is None and "ralph" in f["skipped"], fid
            continue
        for key in ("value", "reference", "ratio"):
            assert isinstance(f[key], (int, float)) and math.isfinite(f[key]) and f[key] > 0, (fid, key, f[key])
        assert f["ratio"] == pytest.approx(f["value"] / f["reference"], rel=0.01, abs=0.002), fid
        assert len(f["samples"]) == len(f["reference_samples"]) == report["runs"], fid
        assert f["target"] is None or f["met"] in (True, False), fid


def test_every_figure_but_the_percentile_details_has_a_target(report: dict) -> None:
    untargeted = {f["id"] for f in report["figures"] if f["target"] is None}
    assert untargeted == {"frames.play.p50", "frames.play.p95", "loading.bundled_cold", "loading.generated_cold"}
    for f in report["figures"]:
        if f["target"] is not None and not f["skipped"]:
            assert f["met"] in (True, False), f["id"]


def test_targets_and_context_are_reported(report: dict) -> None:
    figures = {f["id"]: f for f in report["figures"]}
    assert figures["frames.play.p99"]["target"] == {"max_ratio": 1.5, "max_value": 8.0}
    assert figures["idle.play"]["target"] == {"max_ratio": None, "max_value": 2.0}
    assert figures["startup.select"]["target"]["max_ratio"] == 2.0
    assert figures["startup.select"]["details"]["listed"] == len(BUNDLED_FILES)
    assert figures["frames.play.p99"]["details"]["activity"]["meters"] > 0
    assert figures["frames.play.p99"]["details"]["activity"]["typewriter"] > 0
    assert figures["loading.generated"]["details"]["nodes"] == 20
    # the targets
    assert figures["startup.title"]["target"] == {"max_ratio": 1.5, "max_value": None}
    assert figures["memory.peak"]["target"] == {"max_ratio": 1.5, "max_value": None}
    for kind in ("dissolve", "talking"):
        assert figures[f"frames.stage.{kind}.p99"]["target"] == {"max_ratio": 1.5, "max_value": 8.0}
    assert figures["startup.select"]["details"]["all_cards_ms"] >= figures["startup.select"]["value"]
    assert figures["memory.peak"]["details"]["surfaces"]["ending"][0].endswith("MB of pixels")
    assert figures["text.cjk_layout"]["details"]["lines"] > 100
    assert "played on to the ending ''" not in figures["memory.peak"]["note"]
    assert report["quick"] is True and report["machine"]["python"]


def test_table_output_lists_every_figure() -> None:
    figures = [Figure("a.b", "Something measured", "ms", [2.0, 4.0, 3.0], [1.0, 2.0, 2.0], "ref",
                      Target(max_ratio=1.5)),
               Figure("c.d", "Unmeasured", "ms", [math.nan], [math.nan], "ref", Target(max_value=1.0))]
    text = table(figures)
    assert "Something measured" in text and "1.50x" in text and "yes" in text
    assert figures[1].to_json()["value"] is None and figures[1].met is None
    assert figures[0].to_json()["ratio"] == 1.5


def test_percentiles_and_interleaving() -> None:
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (50.0, 95.0, 99.0)
    order: list[str] = []
    out = interleave_many({name: (lambda n=name: order.append(n) or n) for name in ("a", "b", "c")}, 3)
    assert order == ["a", "b", "c", "b", "c", "a", "c", "a", "b"]
    assert out == {"a": ["a"] * 3, "b": ["b"] * 3, "c": ["c"] * 3}


def test_generated_scenario_is_valid_with_two_meter_conditions() -> None:
    text = scenario_text(60)
    result = load_bytes(text.encode(), "generated")
    assert result.scenario is not None, [d.format() for d in result.errors]
    assert len(result.scenario.nodes) == 60
    conditions = [c.condition for n in result.scenario.nodes.values() for c in n.choices if c.condition]
    assert conditions and all({"satisfaction", "loyalty"} <= set(c.names) for c in conditions)


def test_bad_runs_is_a_usage_error() -> None:
    proc = subprocess.run([sys.executable, "run.py", "bench", "--runs", "0"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "--runs must be at least 1" in proc.stderr


def test_only_measures_the_named_section() -> None:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    proc = subprocess.run([sys.executable, "run.py", "bench", "--quick", "--json", "--only", "CJK text layout"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert [f["id"] for f in report["figures"]] == ["text.cjk_layout"]
    assert report["command"].endswith("--only 'CJK text layout'")


def test_only_names_the_sections_when_it_knows_none() -> None:
    from game.bench.suite import EXPECTED
    from game.commands.bench import SECTIONS

    assert tuple(EXPECTED) == SECTIONS
    proc = subprocess.run([sys.executable, "run.py", "bench", "--only", "speed"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "no section 'speed'" in proc.stderr and "'start-up'" not in proc.stderr
    assert "start-up, frame time and memory" in proc.stderr
