"""`run --record`, `records status` and `records export`: one numeric CSV row per attempt, statements as JSON."""

import csv
import json

from game.cli import main
from game.userdata.progress import ProgressStore
from game.userdata.saves import read_save
from tests.records.helpers import EXPIRED_BEST, EXPIRED_BEST_RUN, EXPIRED_WORST, EXPIRED_WORST_RUN, statement_count
from tests.records.xapi_rules import problems


def test_run_record_then_export_gives_one_numeric_row_per_attempt(tmp_path, capsys):
    assert main(["run", "expired_return", "--choices", EXPIRED_BEST, "--record", "--learner",
                 "Ana Silva <ana@example.org>"]) == 0
    assert main(["run", "expired_return", "--choices", EXPIRED_WORST, "--record", "--learner",
                 "=cmd|' /C calc'!A0"]) == 0
    assert main(["records", "export", "--csv", str(tmp_path / "a.csv"), "--xapi", str(tmp_path / "a.json")]) == 0
    with open(tmp_path / "a.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    head, best, worst = rows
    assert head[:10] == ["learner", "learner_email", "learner_account", "scenario", "scenario_version",
                         "started_at", "finished_at", "ending", "outcome", "facilitator"]
    row = dict(zip(head, best, strict=True))
    assert (row["learner"], row["learner_email"], row["outcome"]) == ("Ana Silva", "ana@example.org", "advocate")
    meters = EXPIRED_BEST_RUN["meters"]
    assert (row["satisfaction"], row["loyalty"]) == (str(meters["satisfaction"]), str(meters["loyalty"]))
    assert float(row["lifetime_value"]) == EXPIRED_BEST_RUN["lifetime_value"]["net"] == 17824.0
    assert row["lifetime_value_unit"] == "$"
    assert row["started_at"] <= row["finished_at"]
    other = dict(zip(head, worst, strict=True))
    assert other["learner"].startswith("'=")  # a formula is neutralised
    assert float(other["lifetime_value"]) == EXPIRED_WORST_RUN["lifetime_value"]["net"] < 0  # still a number
    statements = json.loads((tmp_path / "a.json").read_text())
    total = statement_count(EXPIRED_BEST_RUN) + statement_count(EXPIRED_WORST_RUN)
    assert len(statements) == total == 13 + 7 and all(problems(s) == [] for s in statements)
    capsys.readouterr()
    assert main(["records", "status"]) == 0
    assert f"{total} kept" in capsys.readouterr().out


def test_an_unfinished_recorded_play_is_saved_to_continue(capsys):
    assert main(["run", "expired_return", "--choices", "1,2", "--record", "--learner", "Kim"]) == 0
    store = ProgressStore()
    save = read_save(store.current.id, "expired_return")
    assert save is not None and save.decisions == 2 and store.all_attempts() == []
    assert "saved, to be continued" in capsys.readouterr().err


def test_usage_errors_are_explained(capsys):
    assert main(["run", "expired_return", "--learner", "Ana"]) == 2
    assert main(["run", "expired_return", "--record", "--learner", "<no name>"]) == 2
    assert main(["run", "expired_return", "--record"]) == 2  # nobody has been named yet
    assert main(["records", "export"]) == 2
    assert main(["records", "send"]) == 1
    err = capsys.readouterr().err
    assert "--learner goes with --record" in err and "needs a name" in err and "no LRS is set up" in err
