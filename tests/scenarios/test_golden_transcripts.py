"""Golden transcripts: each bundled scenario's best and worst paths, pinned by `golden` (the `run --json`
output of each path in golden/).

To refresh them after a deliberate change:
    python run.py golden SCENARIO --update
"""

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.commands.golden import check_golden, default_dir
from game.engine import load_all, load_file
from tests.conftest import FIXTURES, SCENARIOS

GOLDEN = Path(__file__).resolve().parent / "golden"
BUNDLED = [r.scenario for r in load_all([str(SCENARIOS)]) if r.scenario]


def test_the_command_uses_this_folder() -> None:
    assert default_dir() == GOLDEN


@pytest.mark.parametrize("scenario", BUNDLED, ids=lambda s: s.id)
def test_golden_transcripts_match(scenario) -> None:
    assert check_golden(scenario, GOLDEN) == []


def test_every_bundled_scenario_has_best_and_worst_goldens() -> None:
    stems = {f.stem for f in GOLDEN.glob("*.json")}
    missing = sorted(f"{s.id}_{kind}" for s in BUNDLED for kind in ("best", "worst") if f"{s.id}_{kind}" not in stems)
    assert not missing, f"golden transcripts missing: {missing}"


def test_each_golden_replays_to_itself(capsys) -> None:
    """The files are what `run --json` prints for their own choices (so they can be read on their own)."""
    for path in sorted(GOLDEN.glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        assert main(["run", expected["scenario"], "--choices", ",".join(expected["choices"]), "--json"]) == 0
        actual = json.loads(capsys.readouterr().out)
        assert actual["complete"]
        actual.pop("version", None)
        expected.pop("version", None)
        assert actual == expected, path.name


def test_update_then_check_then_a_plain_language_diff(tmp_path, capsys) -> None:
    source = tmp_path / "minimal.yaml"
    shutil.copy(FIXTURES / "valid" / "minimal.yaml", source)
    folder = tmp_path / "golden"
    assert main(["golden", str(source), "--dir", str(folder)]) == 1
    missing = capsys.readouterr().out
    assert "best: " in missing and "minimal_best.json is missing; write it with --update" in missing
    assert main(["golden", str(source), "--update", "--dir", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["minimal_best.json", "minimal_worst.json"]
    capsys.readouterr()
    assert main(["golden", str(source), "--dir", str(folder)]) == 0
    assert "ok  minimal" in capsys.readouterr().out
    text = source.read_text(encoding="utf-8").replace("feedback: Warm and quick.", "feedback: Warm, quick.")
    source.write_text(text.replace("{satisfaction: -30, loyalty: -10}", "{satisfaction: -40, loyalty: -10}"),
                      encoding="utf-8")
    assert main(["golden", str(source), "--dir", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "best: " in out and "step 1 (node 'hello'): the coach's feedback is now \"Warm, quick.\", " \
        "was \"Warm and quick.\"" in out
    assert "worst: " in out and "satisfaction ends at 10 (was 20)" in out
    assert "step 1 (node 'hello'): meters move satisfaction -40, loyalty -10 (was satisfaction -30" in out
    assert "python run.py golden" in out and "--update" in out
    assert load_file(source).scenario is not None
