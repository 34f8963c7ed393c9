"""The JSON Schema for editors matches the loader's spec, and the engine never imports pygame."""

import json
import subprocess
import sys

import jsonschema
import pytest
import yaml

from game.commands.schema import schema_text
from game.engine import load_all
from tests.conftest import BUNDLED_FILES, FIXTURES, ROOT, SCENARIOS

BUNDLED = BUNDLED_FILES


def test_committed_schema_is_the_generated_one() -> None:
    committed = (SCENARIOS / "schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: python run.py schema --write scenarios/schema.json"


@pytest.mark.parametrize("path", BUNDLED + [FIXTURES / "valid" / "minimal.yaml"], ids=lambda p: p.stem)
def test_bundled_scenarios_validate_against_the_schema(path) -> None:
    schema = json.loads((SCENARIOS / "schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_rejects_what_the_loader_rejects() -> None:
    schema = json.loads((SCENARIOS / "schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for name in ("CC010_unknown_key", "CC011_wrong_type", "CC012_out_of_range", "CC013_missing_title"):
        data = yaml.safe_load((FIXTURES / "invalid" / f"{name}.yaml").read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)), name


def test_bundled_scenarios_pass_strict_check() -> None:
    results = load_all([str(SCENARIOS)])
    problems = [d.format() for r in results for d in r.diagnostics]
    assert not problems, problems
    assert all(r.scenario for r in results)


def test_engine_and_author_commands_never_import_pygame() -> None:
    code = (
        "import sys\n"
        "import game.engine, game.commands.check, game.commands.transcript, game.commands.paths\n"
        "import game.commands.graph, game.commands.schema\n"
        "from game.cli import main\n"
        f"main(['check', {str(SCENARIOS)!r}, '-q'])\n"
        f"main(['paths', {str(SCENARIOS / 'expired_return.yaml')!r}, '--limit', '5'])\n"
        "print('PYGAME' if any(m == 'pygame' or m.startswith('pygame.') for m in sys.modules) else 'CLEAN')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("CLEAN")
