"""Golden transcripts: each file in golden/ pins the full `run --json` output of one path.

To add or refresh one after a deliberate change:
    python run.py run SCENARIO --choices 1,2,... --json > tests/scenarios/golden/SCENARIO_best.json
and put the choices in the file's "choices" list (the run output already carries them).
"""

import json
from pathlib import Path

import pytest

from game.cli import main

GOLDEN = Path(__file__).resolve().parent / "golden"
FILES = sorted(GOLDEN.glob("*.json"))


@pytest.mark.parametrize("golden", FILES, ids=[f.stem for f in FILES])
def test_golden_transcript(golden: Path, capsys) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    code = main(["run", expected["scenario"], "--choices", ",".join(expected["choices"]), "--json"])
    actual = json.loads(capsys.readouterr().out)
    assert code == 0
    assert actual["complete"], "a golden path must reach an ending"
    # The content hash changes with any edit, even a comment; the outcome is what is pinned.
    actual.pop("version", None)
    expected.pop("version", None)
    assert actual == expected


def test_every_bundled_scenario_has_best_and_worst_goldens() -> None:
    from game.engine import load_all
    from tests.conftest import SCENARIOS

    ids = {r.scenario.id for r in load_all([str(SCENARIOS)]) if r.scenario}
    stems = {f.stem for f in FILES}
    missing = sorted(f"{i}_{kind}" for i in ids for kind in ("best", "worst") if f"{i}_{kind}" not in stems)
    assert not missing, f"golden transcripts missing: {missing}"
