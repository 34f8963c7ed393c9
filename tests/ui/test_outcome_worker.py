"""The outcome worker: only plain data crosses, its answer is the in-process answer, and a damaged answer or a
worker that dies or hangs gives a notice, never a traceback or a hang."""

from __future__ import annotations

import json
import shutil
import time

import pytest

from game.engine import load_file
from game.ui import outcomes
from game.ui.outcome_worker import answer, request
from game.ui.outcomes import FAILED, OutcomeJob, explore_outcomes

from ..conftest import BUNDLED_FILES, SCENARIOS


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.stem)
def test_the_worker_answers_what_the_game_would_work_out_itself(path):
    scenario = load_file(path).scenario
    job = OutcomeJob(scenario, seconds=60)
    assert job.in_worker, "a scenario loaded from a file is sent to the worker process"
    assert job.wait(60) and job.problem is None, job.problem
    here = explore_outcomes(scenario)
    assert job.result == here
    assert here.best is not None and here.best.ending in scenario.endings and here.complete


def _bundled():
    return load_file(SCENARIOS / "birthday.yaml").scenario


def test_the_request_and_the_answer_are_json():
    scenario = _bundled()
    data = (SCENARIOS / "birthday.yaml").read_bytes()
    sent = json.loads(request(scenario.path, data, scenario.version, 1 << 30))
    assert set(sent) == {"path", "source", "version", "memory_bytes"}
    reply = answer(request(scenario.path, data, scenario.version, 1 << 30))
    here = explore_outcomes(scenario)
    assert reply["ok"]["best"] == list(here.best.choices) and reply["ok"]["states"] == here.states
    assert json.loads(json.dumps(reply)) == reply


@pytest.mark.parametrize("raw", [b"", b"not json", b'{"path": "x"}', b'{"path": "x", "source": "%%%",'
                                 b' "version": "v", "memory_bytes": 1}'])
def test_a_damaged_request_is_answered_with_a_reason(raw):
    assert answer(raw) == {"error": "the request was damaged"}


def test_bytes_that_are_not_the_story_loaded_are_refused():
    scenario = _bundled()
    data = (SCENARIOS / "the_regular.yaml").read_bytes()
    assert "error" in answer(request(scenario.path, data, scenario.version, 1 << 30))


def _with_worker(monkeypatch, script: str, seconds: float = 20) -> OutcomeJob:
    """A job whose worker is the given Python code (reading the real request on its standard input)."""
    monkeypatch.setattr(outcomes, "WORKER", ["-c", f"import sys; sys.stdin.buffer.read(); {script}"])
    job = OutcomeJob(_bundled(), seconds=seconds)
    assert job.in_worker
    return job


def _reply(text: str) -> str:
    return f"sys.stdout.write({text!r})"


DAMAGED = {
    "nothing": "pass",
    "not json": _reply("the best is option 1"),
    "cut short": _reply('{"ok": {"best": ["1", "2"'),
    "not utf-8": "sys.stdout.buffer.write(bytes([255, 254, 0]))",
    "a list": _reply("[1, 2, 3]"),
    "no counts": _reply('{"ok": {"best": null, "worst": null}}'),
    "a best without a worst": _reply('{"ok": {"best": [], "worst": null, "complete": true, "stopped": null, '
                                     '"states": 3}}'),
    "an option that is not there": _reply('{"ok": {"best": ["99"], "worst": ["99"], "complete": true, '
                                          '"stopped": null, "states": 3}}'),
    "a path that stops early": _reply('{"ok": {"best": [], "worst": [], "complete": true, "stopped": null, '
                                      '"states": 3}}'),
    "choices that are numbers": _reply('{"ok": {"best": [1], "worst": [1], "complete": true, "stopped": null, '
                                       '"states": 3}}'),
    "nested too deep": _reply("[" * 100_000),
    "killed": "import os, signal; os.kill(os.getpid(), signal.SIGKILL)",
    "exit code 3": "sys.exit(3)",
    "an error of its own": _reply('{"error": "it needed more memory than allowed"}'),
}


@pytest.mark.parametrize("script", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_answer_or_a_dead_worker_gives_a_notice(monkeypatch, script):
    job = _with_worker(monkeypatch, script)
    assert job.wait(20)
    assert job.result is None
    assert job.problem is not None and job.problem.startswith(FAILED), job.problem
    assert "Traceback" not in job.problem and len(job.problem) < 500


def test_the_workers_own_reason_is_in_the_notice(monkeypatch):
    job = _with_worker(monkeypatch, DAMAGED["an error of its own"])
    assert job.wait(20) and job.problem == f"{FAILED} (it needed more memory than allowed)"


def test_a_worker_that_hangs_is_stopped_at_the_time_limit(monkeypatch):
    job = _with_worker(monkeypatch, "import time; time.sleep(60)", seconds=1)
    began = time.monotonic()
    assert job.wait(10)
    assert time.monotonic() - began < 5
    assert job.result is None and job.problem == f"{FAILED} (it was stopped at the time limit)"


def test_a_file_changed_since_it_was_loaded_is_worked_out_on_a_thread(tmp_path):
    copy = tmp_path / "birthday.yaml"
    shutil.copy(SCENARIOS / "birthday.yaml", copy)
    scenario = load_file(copy).scenario
    copy.write_text(copy.read_text(encoding="utf-8").replace("title:", "title: Changed", 1), encoding="utf-8")
    job = OutcomeJob(scenario)
    assert not job.in_worker, "never the new bytes in place of the story on screen"
    assert job.wait(30) and job.result == explore_outcomes(scenario)


def test_answering_in_this_process_leaves_its_memory_limit_alone():
    """Only the worker process caps its own memory: a cap set by a call in the game's (or the test run's)
    process stayed on it, and a full test run then failed with 'can't start new thread' and MemoryError."""
    resource = pytest.importorskip("resource")
    scenario = _bundled()
    data = (SCENARIOS / "birthday.yaml").read_bytes()
    before = resource.getrlimit(resource.RLIMIT_AS)
    assert "ok" in answer(request(scenario.path, data, scenario.version, 1 << 30))
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_a_dropped_job_stops_and_reaps_its_worker(monkeypatch):
    """More scenarios asked for than are kept, or the game closing: no worker goes on running or is left
    unreaped."""
    import os

    job = _with_worker(monkeypatch, "import time; time.sleep(60)", seconds=120)
    pid = job._process.pid
    monkeypatch.setattr(outcomes, "_jobs", {("old", "v", 1): job})
    monkeypatch.setattr(outcomes, "_KEEP", 0)
    newer = outcomes.outcomes_for(_bundled())  # the store is full: the oldest job is dropped
    try:
        assert job.done and job.problem == f"{FAILED} (it was stopped)"
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie
    finally:
        newer.cancel()
        outcomes.cancel_all()
