"""run, paths and graph on fixtures, through the real argparse entry point."""

import json

from game.cli import main
from tests.conftest import FIXTURES, SCENARIOS

MINIMAL = str(FIXTURES / "valid" / "minimal.yaml")


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_run_json_has_the_promised_keys(capsys) -> None:
    code, out = run_json(capsys, "run", MINIMAL, "--choices", "timeout,1", "--json")
    assert code == 0
    assert {"scenario", "path", "ending", "meters", "lifetime_value", "complete"} <= set(out)
    assert out["scenario"] == "minimal" and out["complete"] is True
    assert out["ending"] == {"id": "regular", "title": "Still a customer", "outcome": "stays"}
    assert [s["kind"] for s in out["path"]] == ["timeout", "choice"]
    assert out["meters"] == {"satisfaction": 35, "loyalty": 30}


def test_run_transcript_is_readable(capsys) -> None:
    assert main(["run", MINIMAL, "--choices", "1"]) == 0
    out = capsys.readouterr().out
    assert "Sam (neutral):" in out and "> 1. Of course!" in out
    assert "satisfaction +30, loyalty +30" in out and "Coach: Warm and quick. (Responsiveness)" in out
    assert "Ending: A fan (advocate)" in out


def test_run_partial_path_is_incomplete(capsys) -> None:
    code, out = run_json(capsys, "run", MINIMAL, "--choices", "timeout", "--json")
    assert code == 0 and out["complete"] is False and out["ending"] is None
    assert out["at"]["node"] == "ignored"


def test_run_impossible_choice_is_a_clear_error(capsys) -> None:
    assert main(["run", MINIMAL, "--choices", "3"]) == 1
    err = capsys.readouterr().err
    assert "step 1 ('3') at node 'hello': there is no choice 3 here" in err
    assert main(["run", MINIMAL, "--choices", "1,1"]) == 1
    assert "already ended" in capsys.readouterr().err
    assert main(["run", MINIMAL, "--choices", "maybe"]) == 2


def test_run_unknown_scenario_is_a_usage_error(capsys) -> None:
    assert main(["run", "no_such_scenario"]) == 2
    assert "no scenario file or id" in capsys.readouterr().err


def test_paths_json_lists_every_path_and_ending(capsys) -> None:
    code, out = run_json(capsys, "paths", MINIMAL, "--json")
    assert code == 0
    assert sorted(p["choices"] for p in out["paths"]) == [["1"], ["2"], ["timeout", "1"], ["timeout", "2"]]
    assert out["endings_reachable"] == ["fan", "regular", "left"] and out["endings_unreachable"] == []
    assert out["best"]["ending"]["id"] == "fan" and out["worst"]["ending"]["id"] == "left"
    assert out["complete"] is True


def test_paths_on_the_expired_return_shows_the_183040_lesson(capsys) -> None:
    code, out = run_json(capsys, "paths", str(SCENARIOS / "expired_return.yaml"), "--json")
    assert code == 0 and len(out["endings_reachable"]) >= 3 and not out["endings_unreachable"]
    lost = [p for p in out["paths"] if p["ending"]["id"] == "lost_customer"]
    assert lost and all(p["lifetime_value"]["lost"] == 183040 for p in lost)


def test_paths_reports_its_limit_plainly(capsys) -> None:
    assert main(["paths", str(SCENARIOS / "expired_return.yaml"), "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "3 path(s) explored, then stopped at the limit (--limit 3" in out and "there are more paths" in out


def test_graph_dot_and_mermaid(capsys) -> None:
    assert main(["graph", MINIMAL]) == 0
    dot = capsys.readouterr().out
    assert dot.startswith('digraph "minimal"') and '"hello" -> "ignored" [label="timeout after 5s"]' in dot
    assert "rankdir=TB;" in dot
    assert 'shape=doubleoctagon' in dot and '"check_meters" [label="check_meters", shape=diamond]' in dot
    assert main(["graph", MINIMAL, "--format", "mermaid"]) == 0
    mm = capsys.readouterr().out
    assert mm.startswith("flowchart TD") and 'n_hello -->|"1. Of course!"| n_check_meters' in mm
    assert ":::timed" in mm and ":::advocate" in mm


def test_invalid_scenario_stops_commands_with_its_errors(capsys) -> None:
    bad = str(FIXTURES / "invalid" / "CC014_unknown_link.yaml")
    for cmd in ("run", "paths", "graph"):
        try:
            main([cmd, bad])
        except SystemExit as exc:
            assert exc.code == 1
        assert "[CC014]" in capsys.readouterr().err


def test_python_dash_m_game_is_the_same_entry_point() -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    proc = subprocess.run([sys.executable, "-m", "game", "check", MINIMAL, "--strict"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "ok  minimal" in proc.stdout
