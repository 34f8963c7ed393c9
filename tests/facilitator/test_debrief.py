"""The class debrief and its CSV."""

import csv
import io
from datetime import datetime

from game.engine import all_paths
from game.facilitation import ClassSession, build_debrief, csv_text, export_folder, write_csv
from game.facilitation.session import DEBRIEF


def play_through(expired, picks):
    s = ClassSession(expired)
    picks = list(picks)
    for _ in range(200):
        if s.stage == DEBRIEF:
            return s
        if s.stage == "choices":
            s.add_vote(2)
            s.add_vote(1)
            s.add_vote(2)
            if picks:
                s.selected = picks.pop(0)
            else:
                s.selected = 0
            s.next()
        else:
            s.next()
    raise AssertionError("never reached the debrief")


def test_debrief_lists_the_path_votes_and_value(expired):
    s = play_through(expired, [2, 2])  # "Got the receipt?" from the shelf, then point at the sign
    d = build_debrief(s)
    assert d.finished
    assert len(d.decisions) == len(s.main)
    first = d.decisions[0]
    assert first.chosen == 2 and first.votes == (1, 2, 0)
    assert first.room_lead == 1
    assert first.deltas == {"satisfaction": -3}
    report = all_paths(expired)
    assert d.best.net == report.best.value.net and d.worst.net == report.worst.value.net
    assert d.worst.net <= d.value.net <= d.best.net
    assert d.meters == s.play.meters


def test_csv_rows_one_per_option_with_votes_and_the_choice(expired):
    s = play_through(expired, [0, 0, 0])
    d = build_debrief(s)
    rows = list(csv.reader(io.StringIO(csv_text(d))))
    assert rows[0][:6] == ["section", "decision", "prompt", "option", "votes", "chosen"]
    first = [r for r in rows if r[0] == "decision" and r[1] == "1"]
    assert len(first) == 3
    assert first[0][5] == "yes" and first[0][6] == "Satisfaction -6; Loyalty -2; Minutes to her bus -2"
    assert [r[4] for r in first] == ["1", "2", "0"]
    assert first[0][7].startswith("She told you she is short of time")
    assert expired.nodes[expired.start].choices[0].feedback.startswith(first[0][7])
    timed = [r for r in rows if r[0] == "decision" and r[3].startswith("Time ran out")]
    assert timed, "the timed node lists the timer's outcome as an option"
    finals = {r[3]: r[9] for r in rows if r[0] == "final meter"}
    assert finals == {"Satisfaction": str(s.play.meters["satisfaction"]), "Loyalty": str(s.play.meters["loyalty"]),
                      "Minutes to her bus": str(s.play.meters["bus"])}
    values = [r for r in rows if r[0] == "lifetime value"]
    assert any(r[3] == "net (the class)" for r in values)
    assert any(r[3].startswith("net (best reachable") for r in values)
    assert any(r[3].startswith("net (worst reachable") for r in values)


def test_unfinished_debrief_says_so(expired):
    s = ClassSession(expired)
    d = build_debrief(s, with_benchmarks=False)
    assert not d.finished and d.decisions == ()
    assert "not reached yet" in csv_text(d)


def test_write_csv_and_export_folder(expired, tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    when = datetime(2026, 3, 4, 9, 30, 0)
    folder = export_folder("expired_return", when)
    assert folder == tmp_path / "exports" / "expired_return-20260304-093000"
    path = write_csv(build_debrief(play_through(expired, [])), folder / "debrief.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert export_folder("expired_return", when).name == "expired_return-20260304-093000-2"
    assert [p.name for p in folder.iterdir()] == ["debrief.csv"], "no temporary files left behind"


def test_csv_keeps_the_endings_lesson(expired):
    s = play_through(expired, [])
    d = build_debrief(s, with_benchmarks=False)
    ending = [r for r in csv.reader(io.StringIO(csv_text(d))) if r[0] == "ending"]
    assert ending[0][3] == d.ending_title and ending[0][7] == d.summary and d.summary


def _formulas():
    from game.engine import load_file
    from tests.conftest import FIXTURES

    result = load_file(str(FIXTURES / "hostile" / "ui_csv_formulas.yaml"))
    assert result.scenario is not None, result.diagnostics
    return result.scenario


def test_csv_cells_that_a_spreadsheet_would_run_are_kept_as_text():
    for picks in ([1], [0]):  # the losing ending (negative value) and the winning one
        d = build_debrief(play_through(_formulas(), picks))
        rows = list(csv.reader(io.StringIO(csv_text(d))))
        value = rows[0].index("value")
        for row in rows[1:]:
            for i, cell in enumerate(row):
                if i == value and cell:
                    continue
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (i, cell)
        texts = [c for r in rows for c in r]
        assert "'=1+1" in texts or "'-2+3" in texts
        assert "'=HYPERLINK" not in texts  # the title is not exported; prompts are
        assert any(c.startswith("'=cmd|") for c in texts)


def test_csv_number_columns_hold_plain_numbers_with_the_unit_beside_them(expired):
    d = build_debrief(play_through(expired, [1, 1, 1]))
    rows = list(csv.reader(io.StringIO(csv_text(d))))
    header = rows[0]
    assert header[-2:] == ["value", "unit"]
    money = [r for r in rows if r[0] == "lifetime value"]
    assert len(money) >= 4
    for r in money:
        float(r[9])  # a number a spreadsheet reads as one
        assert "$" not in r[9] and "," not in r[9] and "−" not in r[9]
        assert r[10] == d.unit
    net = next(r for r in money if r[3] == "net (the class)")
    assert float(net[9]) == round(d.value.net, 2)
    assert any(r[0] == "outcome" and r[3] == d.outcome for r in rows)


def test_exports_get_the_users_normal_file_mode(expired, tmp_path):
    import os

    old = os.umask(0o022)
    try:
        path = write_csv(build_debrief(play_through(expired, [])), tmp_path / "out" / "debrief.csv")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in path.parent.iterdir()] == ["debrief.csv"]
