"""A class session shows options in a seeded order, as solo play does, and every view of it agrees on that order:
the votes, the what-if detour, a saved and restored session, the debrief and the records."""

from __future__ import annotations

import json

import pytest

from game.engine import load_file
from game.facilitation import ClassSession, build_debrief
from game.facilitation.session import CHOICES, CONSEQUENCES, INTRO, TEXT
from game.records.classroom import class_statements
from game.records.config import LrsConfig
from game.records.vocabulary import ext
from game.userdata.learners import Learner

from ..conftest import BUNDLED_FILES


def to_choices(session: ClassSession) -> None:
    while session.stage in (INTRO, TEXT, CONSEQUENCES):
        session.next()
    assert session.stage == CHOICES


def file_order(session: ClassSession) -> list[int]:
    return sorted(c.source_index for c in session.choices)


def shown_order(session: ClassSession) -> list[int]:
    return [c.source_index for c in session.choices]


def reordered(scenario, tries: int = 40) -> ClassSession:
    """A session at its first decision whose options are shown out of the file's order."""
    for seed in range(tries):
        s = ClassSession(scenario, seed=seed)
        to_choices(s)
        if shown_order(s) != file_order(s):
            return s
    raise AssertionError(f"no seed of {tries} reorders the first decision of {scenario.id}")


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.stem)
def test_some_seed_shows_the_first_options_out_of_file_order(path):
    scenario = load_file(path).scenario
    assert scenario.shuffle, "every bundled scenario lets the game shuffle its options"
    s = reordered(scenario)
    unseeded = ClassSession(scenario)
    to_choices(unseeded)
    assert shown_order(unseeded) == file_order(unseeded), "no seed: the file's order, as before"
    assert sorted(shown_order(s)) == file_order(s), "the same options, only in another order"


def test_the_same_seed_shows_the_same_order_every_time(expired):
    s = reordered(expired)
    again = ClassSession(expired, seed=s.seed)
    to_choices(again)
    assert shown_order(again) == shown_order(s)


def test_votes_on_option_n_take_the_option_shown_as_n(expired):
    s = reordered(expired)
    shown = list(s.choices)
    n = next(v.number for v in shown if v.source_index != v.number - 1)  # an option shown out of its place
    for _ in range(3):
        assert s.add_vote(n)
    assert s.add_vote(1 if n != 1 else 2)
    s.next()  # the facilitator takes the room's lead
    step = s.last_step
    assert s.main[0].source_index == shown[n - 1].source_index
    assert step.number == n and step.text == shown[n - 1].text and step.choice_id == shown[n - 1].id
    alone = ClassSession(expired, seed=s.seed)
    to_choices(alone)
    assert alone.choose(n - 1) and alone.play.meters == s.play.meters


def test_a_saved_and_restored_session_keeps_the_order_and_the_votes(expired):
    s = reordered(expired)
    s.add_vote(2)
    s.add_vote(2)
    data = json.loads(json.dumps(s.to_json()))
    assert data["seed"] == s.seed
    back = ClassSession.from_json(expired, data)
    assert back.seed == s.seed and shown_order(back) == shown_order(s)
    assert back.votes == {2: 2} and back.selected == 1
    expected = s.choices[1].source_index
    assert s.next() == back.next()  # the facilitator takes the room's lead, option 2 as shown
    assert back.main[0].source_index == s.main[0].source_index == expected


def test_an_old_save_without_a_seed_keeps_the_files_order(expired):
    s = ClassSession(expired)
    data = s.to_json()
    del data["seed"]
    back = ClassSession.from_json(expired, data)
    to_choices(back)
    assert back.seed is None and shown_order(back) == file_order(back)


@pytest.mark.parametrize("seed", [True, "7", 1.5, 2**70])
def test_a_saved_seed_that_is_not_a_whole_number_is_refused(expired, seed):
    from game.engine import EngineError

    data = {**ClassSession(expired).to_json(), "seed": seed}
    with pytest.raises(EngineError, match="seed"):
        ClassSession.from_json(expired, data)


def test_what_if_sees_the_order_the_class_saw(expired):
    s = reordered(expired)
    shown = list(s.choices)
    s.choose(0)
    s.next()
    options = s.options_at(0)
    assert [o.label for o in options[: len(shown)]] == [v.text for v in shown]
    assert [o.number for o in options[: len(shown)]] == [v.number for v in shown]
    assert s.taken_at(0) == 0
    assert s.explore(1, step=0), "what if we had chosen 2?"
    assert s.in_detour and s.path[0].source_index == shown[1].source_index
    assert s.last_step.text == shown[1].text
    assert s.main_choice_here == 1, "the bar beside the option the class took names the shown number"
    back = ClassSession.from_json(expired, json.loads(json.dumps(s.to_json())))
    assert back.to_json() == s.to_json() and back.options_at(0) == s.options_at(0)
    assert s.return_to_main() and s.main[0].source_index == shown[0].source_index


def test_the_debrief_names_the_options_the_class_saw_and_voted_on(expired):
    s = reordered(expired)
    shown = list(s.choices)
    s.add_vote(3)
    s.add_vote(3)
    s.add_vote(2)
    s.choose(2)
    s.next()
    report = build_debrief(s, with_benchmarks=False).decisions[0]
    assert list(report.options[: len(shown)]) == [v.text for v in shown]
    assert report.chosen == 2 and report.chosen_text == shown[2].text
    assert report.votes[:3] == (0, 1, 2)
    assert report.feedback == s.play.history[0].feedback


def test_the_records_count_each_vote_for_the_option_shown(expired):
    s = reordered(expired)
    shown = list(s.choices)
    s.add_vote(1)
    s.add_vote(3)
    s.add_vote(3)
    s.choose(2)
    _, statements, play = class_statements(s, Learner("t", "Dana Trainer"), LrsConfig(), 60.0)
    answered = [st for st in statements if st["verb"]["id"].endswith("answered")][0]
    assert answered["result"]["extensions"][ext("votes")] == {shown[0].id: 1, shown[2].id: 2}
    listed = [c["id"] for c in answered["object"]["definition"]["choices"]]
    assert listed == [v.id for v in shown]
    assert play.choice_ids == [shown[2].id]


def test_the_classroom_shows_the_decided_options_in_the_sessions_order(expired):
    from game.ui.bootstrap import Options, make_app
    from game.ui.facilitator.classroom import ClassroomScene
    from game.ui.pilot import Pilot
    from game.userdata.settings import Settings

    s = reordered(expired)
    shown = [v.text for v in s.choices]
    scene = ClassroomScene(expired, s)
    pilot = Pilot(make_app(Options(size=(1280, 720), facilitator=True, settings=Settings(sound=False)),
                           first=scene))
    pilot.frame()
    s.choose(1)
    pilot.frame()
    assert [v.text for v in scene._decided().choices] == shown, \
        "the options of the decision just taken, as the room saw them"
    on_screen = scene.decision(pilot.app.ctx)
    assert on_screen.picked == 1 and list(on_screen.texts) == shown


def test_the_game_opens_a_classroom_in_a_fresh_seeded_order(expired):
    from game.ui.facilitator import facilitator_scene

    seeds = {facilitator_scene(expired, shuffle=True).session.seed for _ in range(5)}
    assert None not in seeds and len(seeds) > 1
    assert facilitator_scene(expired).session.seed is None, "tests and tools keep the file's order"
