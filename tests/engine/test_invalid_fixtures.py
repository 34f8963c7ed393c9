"""One invalid fixture per rule, named after it; its first line says which diagnostics it must give and where."""

import re
from pathlib import Path

import pytest

from game.cli import main
from game.engine import load_file
from tests.conftest import FIXTURES

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
_EXPECT = re.compile(r"^# expect: (.+)$")


def expected(path: Path) -> list[tuple[str, int, int]]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    out = []
    for item in _EXPECT.match(first).group(1).split():
        code, where = item.split("@")
        line, col = where.split(":")
        out.append((code, int(line), int(col)))
    return out


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_fixture_gives_exactly_its_diagnostic(path: Path) -> None:
    result = load_file(path)
    got = [(d.code, d.line, d.col) for d in result.diagnostics]
    assert got == expected(path), [d.format() for d in result.diagnostics]
    assert path.stem.startswith(got[0][0]), "a fixture is named after the rule it breaks"


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_check_exit_codes(path: Path, capsys) -> None:
    result = load_file(path)
    strict = main(["check", str(path), "--strict"])
    normal = main(["check", str(path)])
    out = capsys.readouterr().out
    assert strict == 1
    assert normal == (1 if result.errors else 0)
    d = result.diagnostics[0]
    lines = [ln for ln in out.splitlines() if ln.endswith(f"[{d.code}]")]
    assert lines and lines[0].endswith(f"{path.name}:{d.line}:{d.col}: {d.severity.value}: {d.message} [{d.code}]")
    assert re.match(r"^.+:\d+:\d+: (error|warning): .+ \[CC\d{3}\]$", lines[0])


def test_every_rule_with_a_code_in_the_loader_has_a_fixture_or_hostile_test() -> None:
    from game.engine.diagnostics import CODES

    # CC065 (one id in two files) is a rule across files: tests/test_sources.py covers it.
    covered = {p.stem[:5] for p in INVALID} | {"CC004", "CC005", "CC007", "CC026", "CC027", "CC065"}
    covered |= {code for p in INVALID for code, _, _ in expected(p)}
    assert set(CODES) <= covered, sorted(set(CODES) - covered)


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path, capsys) -> None:
    good = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "a_good.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "b_broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (tmp_path / "c_good.yaml").write_text(good.replace("id: minimal", "id: minimal_two"), encoding="utf-8")
    code = main(["check", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "ok  minimal " in out and "ok  minimal_two" in out
    assert re.search(r"b_broken\.yaml:\d+:\d+: error: YAML syntax error", out)


def test_usage_errors_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path)]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "--no-such-flag"])
    assert exc.value.code == 2


def test_analysis_cache_reuses_results_and_rereads_edited_files(tmp_path: Path) -> None:
    from game.engine import load_file
    from game.engine.analysis_cache import AnalysisCache

    text = (FIXTURES / "invalid" / "CC017_ending_locked_by_condition.yaml").read_text(encoding="utf-8")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    cache_file = tmp_path / "cache" / "analysis.json"
    first = load_file(path, AnalysisCache(cache_file))
    assert [d.code for d in first.diagnostics] == ["CC017"]
    cache = AnalysisCache(cache_file)
    cache.save()  # nothing changed, nothing written
    assert cache_file.exists() is False
    warm = AnalysisCache(cache_file)
    load_file(path, warm)
    warm.save()
    assert cache_file.exists()
    again = load_file(path, AnalysisCache(cache_file))
    assert again.diagnostics == first.diagnostics
    path.write_text(text.replace("satisfaction >= 170", "satisfaction >= 70"), encoding="utf-8")
    edited = load_file(path, AnalysisCache(cache_file))
    assert edited.diagnostics == []
    cache_file.write_text("{not json", encoding="utf-8")
    assert [d.code for d in load_file(path, AnalysisCache(cache_file)).diagnostics] == []
