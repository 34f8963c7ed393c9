"""Progress is kept in SQLite; a locked, damaged or unwritable database is reported and play goes on."""

import sqlite3

import pytest

from game.userdata import Attempt, ProgressStore
from game.userdata.progress import SCHEMA_VERSION


def attempt(outcome="stays", value=1000.0, ending="kept_her", scenario="expired_return", **extra):
    fields = dict(scenario_id=scenario, scenario_version="3", path=["2", "1", "timeout"],
                  meters={"satisfaction": 60, "loyalty": 75}, ending_id=ending, outcome=outcome,
                  lifetime_value=value, finished_at="2026-11-22T10:00:00+00:00")
    fields.update(extra)
    return Attempt(**fields)


def test_record_and_summary(data_folder):
    store = ProgressStore()
    assert store.problem is None
    assert store.record(attempt("leaves", -183040.0, "walked_out", finished_at="2026-11-22T09:00:00+00:00"))
    assert store.record(attempt("advocate", 60000.0, "tells_friends", finished_at="2026-11-22T11:00:00+00:00"))
    assert store.record(attempt("stays", 8000.0, "kept_her"))
    assert store.record(attempt("advocate", 1.0, "other", scenario="status_update"))
    summary = store.summary("expired_return")
    assert summary.attempts == 3
    assert summary.best_outcome == "advocate"
    assert summary.best_value == 60000.0
    assert summary.endings_found == {"walked_out", "tells_friends", "kept_her"}
    assert summary.last_played == "2026-11-22T11:00:00+00:00"
    assert (data_folder / "progress.sqlite3").is_file()


def test_best_outcome_orders_leaves_below_stays(data_folder):
    store = ProgressStore()
    store.record(attempt("leaves", -5.0))
    assert store.summary("expired_return").best_outcome == "leaves"
    store.record(attempt("stays", -10.0))
    assert store.summary("expired_return").best_outcome == "stays"
    assert store.summary("expired_return").best_value == -5.0


def test_an_unplayed_scenario_has_an_empty_summary():
    summary = ProgressStore().summary("never_played")
    assert (summary.attempts, summary.best_outcome, summary.best_value, summary.endings_found) == (0, None, None, set())


def test_attempts_persist_between_runs_with_every_field():
    first = attempt(facilitator=True)
    ProgressStore().record(first)
    again = ProgressStore()
    assert again.problem is None
    assert again.attempts("expired_return") == [first]
    assert again.summaries()["expired_return"].attempts == 1
    assert again.summary("expired_return", include_facilitator=False).attempts == 0


def test_schema_version_table(data_folder):
    ProgressStore()
    with sqlite3.connect(data_folder / "progress.sqlite3") as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


def test_a_database_from_a_newer_game_is_left_alone(data_folder):
    data_folder.mkdir()
    with sqlite3.connect(data_folder / "progress.sqlite3") as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    store = ProgressStore()
    assert "newer version" in store.problem
    assert store.record(attempt()) is False
    assert store.summary("expired_return").attempts == 1


def test_garbage_file_is_reported_kept_and_play_goes_on(data_folder):
    data_folder.mkdir()
    garbage = b"this is not a database \x00\x01\x02" * 200
    db = data_folder / "progress.sqlite3"
    db.write_bytes(garbage)
    store = ProgressStore()
    assert store.problem.startswith("Your progress could not be saved:")
    assert "damaged" in store.problem
    assert store.record(attempt()) is False
    assert store.summary("expired_return").attempts == 1
    assert store.unsaved == 1
    assert db.read_bytes() == garbage  # nothing of the player's is destroyed


@pytest.fixture
def locked_database(data_folder):
    ProgressStore().record(attempt(ending="from_before"))
    holder = sqlite3.connect(data_folder / "progress.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    yield holder
    holder.close()


def test_locked_database_is_reported_and_saved_later(locked_database, data_folder):
    store = ProgressStore()
    assert "in use by another program" in store.problem
    assert store.record(attempt(ending="while_locked")) is False
    assert store.summary("expired_return").endings_found == {"while_locked"}
    locked_database.rollback()
    assert store.record(attempt(ending="after_unlock")) is True
    assert store.problem is None and store.unsaved == 0
    endings = {a.ending_id for a in ProgressStore().attempts("expired_return")}
    assert endings == {"from_before", "while_locked", "after_unlock"}
    assert store.summary("expired_return").endings_found == endings


def test_unwritable_folder_keeps_progress_in_memory(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    store = ProgressStore(blocker / "data" / "progress.sqlite3")
    assert store.problem.startswith("Your progress could not be saved:")
    assert store.record(attempt()) is False
    assert store.summary("expired_return").attempts == 1
    assert blocker.read_text() == "a file where the folder should be"


def test_rows_with_damaged_values_are_skipped(data_folder):
    store = ProgressStore()
    store.record(attempt(ending="good_row"))
    with sqlite3.connect(data_folder / "progress.sqlite3") as conn:
        conn.execute("INSERT INTO attempts (scenario_id, scenario_version, path, meters, ending_id, outcome, "
                     "lifetime_value, finished_at) VALUES ('expired_return', '1', 'not json', '{}', 'x', 'stays', "
                     "1, 'now')")
    again = ProgressStore()
    assert again.problem is None
    assert [a.ending_id for a in again.attempts("expired_return")] == ["good_row"]


def test_in_memory_store_never_touches_the_disk(data_folder):
    store = ProgressStore(in_memory=True)
    assert store.record(attempt()) is True
    assert store.summary("expired_return").attempts == 1
    assert store.problem is None and store.unsaved == 0
    assert not data_folder.exists()
