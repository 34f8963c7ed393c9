"""Learners, the schema 2 migration, damaged rows, and saved plays."""

import json
import sqlite3

import pytest

from game.userdata import Attempt, ProgressStore
from game.userdata.db import DEFAULT_LEARNER
from game.userdata.learners import parse_learner
from game.userdata.saves import SavedPlay, read_save, save_path, write_save

V1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, scenario_id TEXT NOT NULL,
    scenario_version TEXT NOT NULL, path TEXT NOT NULL, meters TEXT NOT NULL, ending_id TEXT NOT NULL,
    outcome TEXT NOT NULL, lifetime_value REAL NOT NULL, finished_at TEXT NOT NULL,
    facilitator INTEGER NOT NULL DEFAULT 0);
INSERT INTO attempts (scenario_id, scenario_version, path, meters, ending_id, outcome, lifetime_value, finished_at)
    VALUES ('expired_return', 'abc', '["1","2"]', '{"satisfaction": 70, "loyalty": 60}', 'kept_her', 'stays',
            11440.0, '2026-11-01T10:00:00+00:00');
"""


def attempt(**extra) -> Attempt:
    fields = dict(scenario_id="expired_return", scenario_version="3", path=["x"], meters={"satisfaction": 1},
                  ending_id="kept_her", outcome="stays", lifetime_value=5.0)
    fields.update(extra)
    return Attempt(**fields)


def test_a_version_1_database_is_migrated_and_its_rows_belong_to_the_default_learner(data_folder):
    data_folder.mkdir()
    with sqlite3.connect(data_folder / "progress.sqlite3") as conn:
        conn.executescript(V1)
    store = ProgressStore()
    assert store.problem is None
    assert store.current.id == DEFAULT_LEARNER and store.current.needs_name
    assert store.summary("expired_return").attempts == 1
    store.save_learner("Ana Silva", learner_id=DEFAULT_LEARNER)  # the first start asks the name: kept progress
    again = ProgressStore()
    assert again.current.name == "Ana Silva" and again.summary("expired_return").best_value == 11440.0


def test_progress_is_per_learner_and_the_last_learner_is_remembered():
    store = ProgressStore()
    ana = store.save_learner("Ana", "ana@example.org")
    store.record(attempt(learner_id=ana.id, ending_id="a"))
    bo = store.save_learner("Bo", account="emp-7")
    store.record(attempt(learner_id=bo.id, ending_id="b", outcome="advocate"))
    assert ProgressStore().current == bo
    assert ProgressStore().summary("expired_return").endings_found == {"b"}
    store.choose_learner(ana.id)
    again = ProgressStore()
    assert again.current == ana and again.summary("expired_return").endings_found == {"a"}
    assert len(again.all_attempts()) == 2 and {p.name for p in again.learners()} == {"Ana", "Bo"}
    assert again.find_learner("Ana", "ANA@example.org") == ana


@pytest.mark.parametrize("path, meters, value", [
    ("[" * 100000 + "]" * 100000, '{"satisfaction": 1}', 1.0),  # deep nesting
    ('["1"]', '{"satisfaction": 1e999}', 1.0),  # a number too big for a float
    ('["1"]', '{"satisfaction": NaN}', 1.0),
    ('["1"]', '{"satisfaction": ' + "9" * 5000 + "}", 1.0),  # an integer of 5,000 digits
    ('["1"]', '{"satisfaction": true}', 1.0),
    ('["1"]', '{"satisfaction": 1}', float("inf")),
    ('"x" ' * 10, "[]", 1.0),
])
def test_damaged_progress_rows_are_set_aside_and_start_up_goes_on(data_folder, path, meters, value):
    store = ProgressStore()
    store.record(attempt(ending_id="good"))
    with sqlite3.connect(data_folder / "progress.sqlite3") as conn:
        conn.execute("INSERT INTO attempts (scenario_id, scenario_version, path, meters, ending_id, outcome, "
                     "lifetime_value, finished_at) VALUES ('expired_return', '1', ?, ?, 'bad', 'stays', ?, 'now')",
                     (path, meters, value))
    again = ProgressStore()
    assert again.problem is None
    assert [a.ending_id for a in again.attempts("expired_return")] == ["good"]


def test_an_attempt_and_its_statements_are_written_together(data_folder):
    store = ProgressStore()
    st = {"id": "6fbd600f-d17c-4c74-801a-2ec2e53231c8", "context": {"registration": "r"}}
    assert store.record(attempt(), [st])
    with sqlite3.connect(data_folder / "progress.sqlite3") as conn:
        assert conn.execute("SELECT id, registration, sent_at FROM outbox").fetchall() == [(st["id"], "r", None)]


@pytest.mark.parametrize("text, expected", [
    ("Ana Silva <ana@example.org>", ("Ana Silva", "ana@example.org", "")),
    ("  Ana   Silva  ", ("Ana Silva", "", "")),
    ("Bo <emp-42>", ("Bo", "", "emp-42")),
])
def test_learners_are_written_name_and_e_mail_or_account(text, expected):
    assert parse_learner(text) == expected


@pytest.mark.parametrize("text", ["", "<ana@example.org>", "Ana <ana@>", "Ana <has spaces>", "A <b> <c>"])
def test_unusable_learners_are_refused_in_words(text):
    with pytest.raises(ValueError):
        parse_learner(text)


def test_saves_round_trip_and_damaged_ones_are_ignored(data_folder):
    save = SavedPlay("expired_return", "v1", "ana", "reg", "2026-12-01T09:00:00+00:00",
                     {"scenario": "expired_return", "choices": ["a"]}, 12.5, [{"event": "answered"}])
    assert write_save(save) is None
    assert read_save("ana", "expired_return") == save
    path = save_path("ana", "expired_return")
    for junk in ("[" * 100000, json.dumps({**save.to_json(), "elapsed": 1e999}).replace("Infinity", "1e999"),
                 json.dumps({**save.to_json(), "play": []}), "\x00\x01"):
        path.write_text(junk)
        assert read_save("ana", "expired_return") is None
    assert path.exists()  # a damaged save is left where it is, never deleted
    assert not list(path.parent.glob(".*.tmp"))
