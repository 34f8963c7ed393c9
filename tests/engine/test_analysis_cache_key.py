"""The analysis cache is keyed by the checker's whole source: no module that checking runs is left out."""

from __future__ import annotations

import sys
from pathlib import Path

from game.engine import analysis_cache, load_file

from ..conftest import FIXTURES, SCENARIOS


def test_every_engine_module_that_checking_runs_keys_the_cache():
    for path in [SCENARIOS / "birthday.yaml", *sorted((FIXTURES / "invalid").glob("*.yaml"))]:
        load_file(path)  # one valid file runs the exploration step's checks, the invalid ones every other
    keyed = set(analysis_cache.code_files())
    used = {Path(m.__file__).resolve() for name, m in list(sys.modules.items())
            if name.startswith("game.engine.") and getattr(m, "__file__", None)}
    assert {"author_checks.py", "builder.py", "structure.py", "talk.py", "teaching.py"} <= {p.name for p in used}
    assert used <= keyed, sorted(p.name for p in used - keyed)


def test_a_changed_module_changes_the_key(monkeypatch, tmp_path):
    here = analysis_cache.code_files()
    copies = []
    for path in here:
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    monkeypatch.setattr(analysis_cache, "code_files", lambda: copies)
    monkeypatch.setattr(analysis_cache, "_code_hash", None)
    before = analysis_cache.checker_hash()
    (tmp_path / "author_checks.py").write_text("# changed\n", encoding="utf-8")
    monkeypatch.setattr(analysis_cache, "_code_hash", None)
    assert analysis_cache.checker_hash() != before


def test_the_principle_vocabulary_keys_the_cache(monkeypatch, tmp_path):
    """A file rejected for naming an unknown principle is checked again once the vocabulary changes."""
    from game.engine.teaching import bundled_principles_path

    vocabulary = bundled_principles_path()
    assert vocabulary in analysis_cache.code_files()
    copy = tmp_path / vocabulary.name
    copy.write_bytes(vocabulary.read_bytes())
    others = [p for p in analysis_cache.code_files() if p != vocabulary]
    monkeypatch.setattr(analysis_cache, "code_files", lambda: [*others, copy])
    monkeypatch.setattr(analysis_cache, "_code_hash", None)
    before = analysis_cache.checker_hash()
    copy.write_bytes(vocabulary.read_bytes() + b"\n# a new principle would go here\n")
    monkeypatch.setattr(analysis_cache, "_code_hash", None)
    assert analysis_cache.checker_hash() != before
