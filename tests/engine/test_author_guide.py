"""The author guide cannot drift: its worked example passes check --strict, and it documents every key and code."""

import re

from game.engine import load_bytes
from game.engine.diagnostics import CODES
from game.engine.spec import SCENARIO, ListOf, MapOf, Record
from tests.conftest import SCENARIOS

GUIDE = (SCENARIOS / "README.md").read_text(encoding="utf-8")


def test_worked_example_passes_strict_check() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE, flags=re.S)
    example = next(b for b in blocks if b.startswith("# yaml-language-server"))
    result = load_bytes(example.encode(), "README example")
    assert result.scenario is not None and not result.diagnostics, [d.format() for d in result.diagnostics]
    assert len(result.scenario.endings) == 3


def _keys(spec, out: set[str]) -> set[str]:
    if isinstance(spec, Record):
        for name, field in spec.fields.items():
            out.add(name)
            _keys(field.spec, out)
    elif isinstance(spec, (ListOf, MapOf)):
        _keys(spec.item if isinstance(spec, ListOf) else spec.value, out)
    return out


def test_every_key_of_the_format_is_documented() -> None:
    missing = sorted(k for k in _keys(SCENARIO, set()) if f"`{k}`" not in GUIDE)
    assert not missing, missing


def test_every_diagnostic_code_is_documented() -> None:
    missing = sorted(code for code in CODES if f"| {code} |" not in GUIDE)
    assert not missing, missing
