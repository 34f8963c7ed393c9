"""The statements of a play: the right verbs in order, valid xAPI 1.0.3 (our rules and ralph's models)."""

import importlib.util
import re

import pytest

from game.records.config import LrsConfig
from game.records.statements import iso_duration
from game.records.vocabulary import ext
from tests.records.helpers import EXPIRED_BEST_CHOICES, record_play
from tests.records.xapi_rules import problems

HAS_RALPH = importlib.util.find_spec("ralph") is not None


def verbs(statements):
    return [s["verb"]["id"].rsplit("/", 1)[-1] for s in statements]


def test_a_best_path_gives_initialized_attempted_answered_and_completed():
    rec, sts = record_play(EXPIRED_BEST_CHOICES)
    assert verbs(sts) == ["initialized", "attempted"] + ["answered"] * len(EXPIRED_BEST_CHOICES) + ["completed"]
    assert len({s["id"] for s in sts}) == len(sts)
    assert {s["context"]["registration"] for s in sts} == {rec.builder.registration}
    assert all(s["actor"] == {"objectType": "Agent", "name": "Ana Silva", "mbox": "mailto:ana@example.org"}
               for s in sts)
    answered = sts[2]
    assert answered["result"]["response"] == rec.play.history[0].choice_id
    assert answered["object"]["id"].endswith("/scenarios/expired_return/nodes/" + rec.play.history[0].node)
    assert answered["object"]["definition"]["interactionType"] == "choice"
    assert answered["result"]["response"] in [c["id"] for c in answered["object"]["definition"]["choices"]]
    assert answered["result"]["extensions"][ext("meter-changes")] == rec.play.history[0].deltas
    assert answered["result"]["extensions"][ext("meters")] == rec.play.history[0].meters_after
    assert answered["result"]["extensions"][ext("principle")] == rec.play.history[0].principle
    done = sts[-1]
    assert done["result"]["completion"] is True
    assert re.fullmatch(r"PT[0-9.]+S", done["result"]["duration"])
    assert done["result"]["extensions"][ext("outcome")] == "advocate"
    assert done["result"]["extensions"][ext("lifetime-value")] == rec.play.lifetime_value().net
    assert all(s["context"]["extensions"][ext("scenario-version")] == rec.play.scenario.version for s in sts)


def test_timeouts_and_rollbacks_are_recorded_and_history_keeps_both():
    rec, sts = record_play(["1", "timeout", "back", "1"], name="ringing_phone")
    assert verbs(sts)[2:] == ["answered", "timed-out", "rolled-back", "answered"]
    timed_out, back = sts[3], sts[4]
    assert timed_out["result"]["response"] == "timeout"
    assert back["context"]["statement"] == {"objectType": "StatementRef", "id": timed_out["id"]}
    assert back["object"]["id"] == timed_out["object"]["id"]
    assert [j["event"] for j in rec.journal] == ["answered", "timed_out", "rolled_back", "answered"]
    assert rec.journal[1]["taken_back"] is True


def test_activity_iris_are_stable_between_attempts_and_follow_the_base_iri():
    _, first = record_play(["1", "1"])
    _, second = record_play(["1", "1"])
    assert [s["object"]["id"] for s in first] == [s["object"]["id"] for s in second[len(first):]]
    _, other = record_play(["1"], config=LrsConfig(base_iri="https://learning.example.org/xapi/"),
                           learner=("Bo", "", "emp-42"))
    assert other[-1]["object"]["id"] == "https://learning.example.org/xapi/scenarios/expired_return/nodes/" + \
        other[-1]["object"]["id"].rsplit("/", 1)[-1]
    assert other[-1]["actor"]["account"] == {"homePage": "https://learning.example.org/xapi/", "name": "emp-42"}


def test_a_learner_known_only_by_name_gets_an_account_on_this_installation():
    rec, sts = record_play(["1"], learner=("Kim", "", ""))
    assert sts[0]["actor"]["account"]["name"] == rec.learner.id
    assert "mbox" not in sts[0]["actor"]


def test_every_statement_meets_the_xapi_rules():
    _, sts = record_play(["1", "timeout", "back", "2", "1", "1", "1", "1", "1", "1"], name="ringing_phone")
    _, more = record_play(EXPIRED_BEST_CHOICES, learner=("Bo", "", "emp-42"))
    for st in sts + more:
        assert problems(st) == [], st


def test_the_rules_catch_broken_statements():
    _, sts = record_play(["1"])
    good = sts[-1]
    assert problems({**good, "id": "not-a-uuid"})
    assert problems({**good, "actor": {"name": "No identifier"}})
    assert problems({**good, "actor": {**good["actor"], "openid": "http://x.example/"}})
    assert problems({**good, "timestamp": "yesterday"})
    assert problems({**good, "result": {"duration": "5 minutes"}})
    assert problems({**good, "result": {"extensions": {"meters": 1}}})
    assert problems({**good, "colour": "blue"})


@pytest.mark.skipif(not HAS_RALPH, reason="ralph-malph is not installed (pip install 'ralph-malph[lrs,cli]')")
def test_every_statement_passes_ralphs_xapi_models():
    from ralph.models.xapi.base.statements import BaseXapiStatement

    _, sts = record_play(["1", "timeout", "back", "2", "1", "1", "1", "1", "1", "1"], name="ringing_phone")
    for st in sts:
        BaseXapiStatement(**st)


@pytest.mark.parametrize(("seconds", "text"), [(0, "PT0S"), (1.5, "PT1.5S"), (61, "PT1M1S"),
                                               (3600.25, "PT1H0.25S"), (7322.004, "PT2H2M2S")])
def test_durations_are_iso_8601(seconds, text):
    assert iso_duration(seconds) == text
