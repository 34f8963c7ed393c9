"""The game's library is loaded without exploring uncached files in the game's process; their paths are
explored afterwards in the worker, one file at a time, and the findings reach the analysis cache (so the next
start shows a file whose paths have an error as broken, as `check` does)."""

from __future__ import annotations

import shutil

from game.engine import load_file
from game.sources import analysis_cache
from game.ui import bootstrap, library_check, preview_check

from ..conftest import FIXTURES, SCENARIOS

NO_WAY_OUT = FIXTURES / "invalid" / "CC033_loop_locked_by_condition.yaml"  # only exploring finds its error


def folder(tmp_path):
    where = tmp_path / "scenarios"
    where.mkdir()
    shutil.copy(SCENARIOS / "birthday.yaml", where)
    shutil.copy(NO_WAY_OUT, where / "no_way_out.yaml")
    return where


def test_a_first_start_explores_in_the_worker_and_the_next_start_knows(tmp_path, monkeypatch):
    assert library_check.idle(300)  # what earlier tests' libraries queued is done: only this test's files count
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(library_check, "_known", {})
    where = folder(tmp_path)
    started = []
    real = preview_check.PathCheck.__init__

    def counted(self, data, path, *rest, **kw):
        started.append(path)
        real(self, data, path, *rest, **kw)

    monkeypatch.setattr(preview_check.PathCheck, "__init__", counted)
    first = {r.path.rsplit("/", 1)[-1]: r for r in bootstrap.load_library(str(where))}
    assert first["no_way_out.yaml"].scenario is not None and first["no_way_out.yaml"].unexplored
    assert first["birthday.yaml"].scenario is not None and first["birthday.yaml"].unexplored
    assert library_check.idle(120)
    assert sorted(p.rsplit("/", 1)[-1] for p in started) == ["birthday.yaml", "no_way_out.yaml"]
    again = {r.path.rsplit("/", 1)[-1]: r for r in bootstrap.load_library(str(where))}
    assert not any(r.unexplored for r in again.values())
    assert again["no_way_out.yaml"].scenario is None  # the next start shows it broken, with check's error
    assert "CC033" in {d.code for d in again["no_way_out.yaml"].errors}
    checked = load_file(str(where / "no_way_out.yaml"))  # what `check` finds, exploring here
    assert [d.code for d in again["no_way_out.yaml"].diagnostics] == [d.code for d in checked.diagnostics]
    assert len(started) == 2  # nothing explored twice


def test_a_file_explored_once_in_this_process_needs_no_worker_again(tmp_path, monkeypatch):
    assert library_check.idle(300)
    where = folder(tmp_path)
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "one"))
    monkeypatch.setattr(library_check, "_known", {})
    bootstrap.load_library(str(where))
    assert library_check.idle(120)
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path / "two"))  # a fresh data folder, empty cache
    started = []
    monkeypatch.setattr(preview_check, "PathCheck", lambda *a, **k: started.append(a))
    bootstrap.load_library(str(where))
    assert library_check.idle(5) and started == []
    cache = analysis_cache()
    again = {r.path.rsplit("/", 1)[-1]: r for r in bootstrap.load_library(str(where))}
    assert not any(r.unexplored for r in again.values()) and cache.entries
