"""A facilitator's session: recorded for the facilitator, the class as a Group, votes per decision by choice id."""

import importlib.util

from game.facilitation.session import CHOICES, ENDING, ClassSession
from game.records.classroom import record_class_session
from game.records.config import LrsConfig
from game.records.outbox import Outbox
from game.records.vocabulary import ext
from game.userdata.progress import ProgressStore
from tests.records.helpers import scenario
from tests.records.xapi_rules import problems


def play_class(session: ClassSession, votes=(3, 1)) -> None:
    for _ in range(200):
        if session.stage == ENDING:
            return
        if session.stage == CHOICES:
            for number, hands in enumerate(votes, start=1):
                for _ in range(hands):
                    session.add_vote(number)
        session.next()
    raise AssertionError("the class never reached an ending")


def test_a_class_session_is_recorded_with_the_class_as_a_group_and_the_votes():
    store = ProgressStore()
    trainer = store.save_learner("Dana Trainer", "dana@example.org")
    session = ClassSession(scenario())
    play_class(session)
    assert record_class_session(store, trainer, session, LrsConfig(), 600.0) is None
    sts = Outbox(store.path).statements()
    assert all(s["actor"]["objectType"] == "Group" and s["actor"]["name"] == "Class led by Dana Trainer"
               for s in sts)
    assert all(s["context"]["instructor"]["mbox"] == "mailto:dana@example.org" for s in sts)
    answered = [s for s in sts if s["verb"]["id"].endswith("answered")]
    assert len(answered) == len(session.main)
    first = answered[0]
    choice_ids = [c["id"] for c in first["object"]["definition"]["choices"]]
    assert first["result"]["extensions"][ext("votes")] == {choice_ids[0]: 3, choice_ids[1]: 1}
    assert sts[-1]["verb"]["id"].endswith("completed") and sts[-1]["result"]["duration"] == "PT10M"
    for st in sts:
        assert problems(st) == [], st
    attempt = store.all_attempts()[0]
    assert attempt.facilitator and attempt.learner_id == trainer.id
    if importlib.util.find_spec("ralph") is not None:
        from ralph.models.xapi.base.statements import BaseXapiStatement

        for st in sts:
            BaseXapiStatement(**st)
