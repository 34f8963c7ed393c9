"""`new` writes a commented starter that passes check --strict, and says what to do next."""

from __future__ import annotations

from game.cli import main
from game.commands.new import default_out_dir
from game.engine import load_file


def test_new_writes_a_strict_clean_starter(tmp_path, capsys) -> None:
    assert main(["new", "late_order", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    path = tmp_path / "late_order.yaml"
    result = load_file(path)
    assert result.diagnostics == [] and result.scenario is not None
    s = result.scenario
    assert s.id == "late_order" and s.title == "Late Order"
    assert any(n.timer for n in s.nodes.values()) and any(n.is_branch for n in s.nodes.values())
    assert sorted(e.outcome for e in s.endings.values()) == ["advocate", "leaves", "stays"]
    econ = s.customer.economics
    assert econ.spend_per_visit and econ.visits_per_year and econ.years and econ.word_of_mouth and econ.note
    assert "#" in path.read_text(encoding="utf-8").splitlines()[0]  # it is commented
    steps = [line.split("#")[0].split() for line in out if line.startswith("  python run.py")]
    assert [s[2] for s in steps] == ["check", "preview", "paths"] and all(str(path) in s for s in steps)
    assert main(["check", str(path), "--strict", "--no-cache"]) == 0


def test_new_never_overwrites_and_checks_the_id(tmp_path, capsys) -> None:
    (tmp_path / "mine.yaml").write_text("my work\n", encoding="utf-8")
    assert main(["new", "mine", "--out", str(tmp_path)]) == 2
    assert (tmp_path / "mine.yaml").read_text(encoding="utf-8") == "my work\n"
    assert "already exists" in capsys.readouterr().err
    assert main(["new", "Not An Id", "--out", str(tmp_path)]) == 2
    assert "not a valid id" in capsys.readouterr().err


def test_new_writes_to_the_current_folder_by_default(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "here"]) == 0
    assert (default_out_dir() / "here.yaml").is_file()
