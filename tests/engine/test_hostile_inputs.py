"""Files from strangers: each gets one located error and exit 1, quickly, with nothing executed."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ALIAS_BOMB = "\n".join(
    ["a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
) + "\n"


def hostile_files(tmp: Path) -> dict[str, tuple[bytes, str]]:
    marker = tmp / "executed.txt"
    return {
        "syntax": (b"id: x\ntitle: [oops\n", "CC001"),
        "python_tag": (f"id: !!python/object/apply:os.system ['touch {marker}']\n".encode(), "CC002"),
        "python_name": (b"id: !!python/name:os.system\n", "CC002"),
        "alias_bomb": (ALIAS_BOMB.encode(), "CC003"),
        "deep_flow": (b"x: " + b"[" * 20000 + b"]" * 20000 + b"\n", "CC004"),
        "deep_block": ("".join(f"{'  ' * i}k{i}:\n" for i in range(500)).encode(), "CC004"),
        "huge_file": (b"#" * (50 * 1024 * 1024), "CC005"),
        "bad_utf8": (b"id: caf\xe9\ntitle: x\n", "CC007"),
        "empty": (b"", "CC008"),
        "list_top": (b"- a\n- b\n", "CC009"),
        "string_top": (b"just words\n", "CC009"),
        "duplicate_key": (b"id: a\nid: b\n", "CC006"),
        "too_large": (b"# " + b"x" * (1024 * 1024 + 10) + b"\n", "CC005"),
    }


@pytest.mark.parametrize("name", list(hostile_files(Path("/tmp"))))
def test_hostile_file_gets_one_located_error(name: str, tmp_path: Path) -> None:
    data, code = hostile_files(tmp_path)[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(data)
    proc = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "check", str(path), "-q"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path.name}:") and lines[0].endswith(f"[{code}]"), lines[0]
    assert ": error: " in lines[0]
    assert not (tmp_path / "executed.txt").exists()


def test_a_parser_that_stops_deep_nesting_itself_still_gives_cc004(monkeypatch) -> None:
    """PyYAML 6.0.4's libyaml raises its own 'exceeded maximum nesting depth'; it reads as our CC004."""
    import yaml

    from game.engine import yamltree
    from game.engine.diagnostics import Reporter

    class Mark:
        line, column = 0, 1003

    def stops(*args, **kwargs):
        yield yaml.StreamStartEvent()
        raise yaml.scanner.ScannerError("while increasing flow level", Mark(), "exceeded maximum nesting depth",
                                        Mark())

    monkeypatch.setattr(yamltree.yaml, "parse", stops)
    rep = Reporter("deep.yaml")
    assert yamltree.parse("x: " + "[" * 2000, rep) is None
    assert [(d.code, d.line, d.col) for d in rep.items] == [("CC004", 1, 1004)]
