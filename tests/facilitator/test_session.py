"""ClassSession: reveal order, votes, paused timers, undo, what-if detours and JSON round trips."""

import json

import pytest

from game.engine import EngineError, Playthrough
from game.facilitation import ClassSession
from game.facilitation.session import CHOICES, CHOSEN, CONSEQUENCES, DEBRIEF, ENDING, INTRO, TEXT


def to_choices(session: ClassSession) -> None:
    """Advance from anywhere before a decision to its choices."""
    while session.stage in (INTRO, TEXT, CONSEQUENCES):
        session.next()
    assert session.stage == CHOICES


def decide(session: ClassSession, index: int) -> None:
    """Take option index at the next decision and reveal its consequences."""
    to_choices(session)
    assert session.choose(index)
    session.next()
    assert session.stage == CONSEQUENCES


def test_reveal_order_text_choices_chosen_consequences_then_next_node(expired):
    s = ClassSession(expired)
    assert s.stage == INTRO and not s.choices_visible
    assert s.next() == TEXT and not s.choices_visible
    assert s.next() == CHOICES and s.choices_visible and not s.consequences_visible
    start = dict(s.play.meters)
    assert s.next() == CHOSEN  # takes the highlighted option (the first)
    assert s.last_step is not None and s.last_step.node == "arrive"
    assert s.shown_meters == start, "meters stay as they were until the consequences are revealed"
    assert not s.consequences_visible
    assert s.next() == CONSEQUENCES
    assert s.consequences_visible
    alone = Playthrough(expired)
    alone.choose(0)  # the same first option, played without a class
    assert s.shown_meters == dict(alone.meters) == {"satisfaction": 34, "loyalty": 68, "bus": 8}
    assert s.next() == TEXT
    assert s.play.node.id == "receipt"


def test_votes_counted_per_option_and_kept_with_the_decision(expired):
    s = ClassSession(expired)
    to_choices(s)
    for n in (2, 3, 2, 2, 3):
        assert s.add_vote(n)
    assert not s.add_vote(9), "no option 9 here"
    assert s.votes == {2: 3, 3: 2}
    assert s.leader() == 2 and s.selected == 1, "the highlight follows the room's lead"
    assert s.next() == CHOSEN
    assert s.main[0].votes == {2: 3, 3: 2}
    assert s.shown_votes == {2: 3, 3: 2}
    assert not s.add_vote(1), "votes close once the decision is taken"


def test_clear_votes_and_selection_is_the_facilitators_call(expired):
    s = ClassSession(expired)
    to_choices(s)
    s.add_vote(1)
    s.add_vote(1)
    assert s.clear_votes() and s.votes == {}
    assert not s.clear_votes()
    s.select(1)
    s.select(1)
    assert s.selected == 2
    s.select(1)
    assert s.selected == 0, "selection wraps"
    s.select(-1)
    s.next()
    assert s.main[0].source_index == 2


def test_timer_starts_paused_at_the_time_allowed_and_runs_only_when_told(expired):
    s = ClassSession(expired)
    for i in (0, 0, 0):  # arrive -> receipt -> her_story -> offer (timed, 25 s)
        decide(s, i)
    to_choices(s)
    assert s.play.node.id == "offer"
    assert s.timer_left == 25.0 and not s.timer_running
    assert not s.tick(60.0), "a paused timer never decides for the room"
    assert s.timer_left == 25.0 and s.stage == CHOICES
    assert s.toggle_timer() and s.timer_running
    assert not s.tick(10.0)
    assert s.timer_left == pytest.approx(15.0)
    s.toggle_timer()
    s.tick(100.0)
    assert s.timer_left == pytest.approx(15.0)
    s.toggle_timer()
    assert s.tick(15.0), "the timer ran out"
    assert s.stage == CHOSEN and s.main[-1].kind == "timeout"
    s.next()
    assert s.next() == TEXT and s.play.node.id == "must_go"


def test_timer_is_not_there_on_untimed_nodes(expired):
    s = ClassSession(expired)
    to_choices(s)
    assert s.timer_left is None and not s.toggle_timer()


def test_previous_before_reveal_is_a_plain_undo(expired):
    s = ClassSession(expired)
    to_choices(s)
    s.add_vote(3)
    s.next()
    assert s.stage == CHOSEN
    assert s.previous() == "undone"
    assert s.stage == CHOICES and s.main == [] and s.votes == {3: 1} and s.selected == 2
    assert not s.in_detour


def test_previous_after_reveal_rewinds_into_a_detour_and_keeps_the_class_record(expired):
    s = ClassSession(expired)
    decide(s, 0)
    s.next()  # text of 'receipt'
    record = [d.to_json() for d in s.main]
    assert s.previous() == "rewound"
    assert s.in_detour and s.stage == CHOICES and s.play.node.id == "arrive"
    assert s.selected == 1, "the next option is highlighted: what if we had chosen B?"
    assert s.main_choice_here == 1
    assert [d.to_json() for d in s.main] == record
    s.next()
    s.next()  # the what-if's consequences
    assert s.path[-1].source_index == 1 and s.main[0].source_index == 0
    assert s.previous() == "undone", "previous undoes the detour's own decision first"
    assert s.selected == 2
    assert s.previous() == "returned"
    assert not s.in_detour and s.stage == TEXT and s.play.node.id == "receipt"
    assert [d.to_json() for d in s.main] == record


def test_detour_ending_returns_to_the_main_path(expired):
    s = ClassSession(expired)
    decide(s, 0)
    s.next()
    to_choices(s)
    s.add_vote(2)
    main_place = (s.stage, dict(s.votes), s.selected)
    assert s.jump_back(0)
    assert s.explore(2) is True  # "Got the receipt?" from the shelf, as a what-if
    steps = 0
    while s.stage != ENDING:
        s.next()
        steps += 1
        assert steps < 200
    assert s.in_detour
    assert s.next() == "returned"
    assert not s.in_detour
    assert (s.stage, s.votes, s.selected) == main_place
    assert len(s.main) == 1 and s.play.node.id == "receipt"


def test_explore_an_option_at_the_current_decision_and_adopt_it(expired):
    s = ClassSession(expired)
    to_choices(s)
    assert s.explore(1)
    assert s.in_detour and s.main == [] and s.path[0].source_index == 1
    assert s.adopt()
    assert not s.in_detour and s.main[0].source_index == 1


def test_jump_back_further_and_within_a_detour(expired):
    s = ClassSession(expired)
    for _ in range(3):
        decide(s, 0)
    assert s.jump_back(1)
    assert s.detour.base == 1 and s.play.node.id == "receipt"
    decide(s, 0)
    decide(s, 0)
    assert len(s.detour.decisions) == 2
    assert s.jump_back(2)  # inside the detour
    assert s.detour.base == 1 and len(s.detour.decisions) == 1
    assert s.jump_back(0)  # before the detour's base: a fresh detour
    assert s.detour.base == 0 and s.detour.decisions == []
    assert not s.jump_back(5)
    assert len(s.main) == 3


def test_options_at_counterfactuals_include_the_timer(expired):
    s = ClassSession(expired)
    for _ in range(3):
        decide(s, 0)
    to_choices(s)
    outcomes = s.options_at()
    assert [o.number for o in outcomes] == [1, 2, 3, None]  # the options she listened for, then the timer
    assert outcomes[-1].location == "must_go"
    earlier = s.options_at(0)
    assert len(earlier) == 3 and earlier[0].deltas == {"satisfaction": -6, "loyalty": -2, "bus": -2}
    assert s.taken_at(0) == 0
    assert s.options_at(7) == []


def test_whole_scenario_reaches_debrief(expired):
    s = ClassSession(expired)
    for _ in range(60):
        if s.stage == DEBRIEF:
            break
        s.next()
    assert s.stage == DEBRIEF and s.play.ended
    assert s.previous() == "back" and s.stage == ENDING


def test_json_round_trip_in_a_detour(expired):
    s = ClassSession(expired)
    decide(s, 0)
    to_choices(s)
    s.add_vote(1)
    assert s.previous() == "rewound"  # into a detour at the first decision
    s.add_vote(3)
    data = json.loads(json.dumps(s.to_json()))
    back = ClassSession.from_json(expired, data)
    assert back.to_json() == s.to_json()
    assert back.return_to_main() and s.return_to_main()
    assert back.to_json() == s.to_json()


@pytest.mark.parametrize("bad", [
    None, [], {"scenario": "other"}, {"scenario": "expired_return"},
    {"scenario": "expired_return", "main": [{"kind": "choice", "source_index": 9}], "stage": "text"},
    {"scenario": "expired_return", "main": [{"kind": "dance"}], "stage": "text"},
    {"scenario": "expired_return", "main": [], "stage": "flying"},
    {"scenario": "expired_return", "main": [], "stage": "text", "votes": {"1": -3}},
    {"scenario": "expired_return", "main": [], "stage": "text", "detour": {"base": 4, "decisions": []}},
])
def test_bad_saved_sessions_give_clear_errors(expired, bad):
    with pytest.raises(EngineError):
        ClassSession.from_json(expired, bad)


def test_path_replays_like_the_engine(expired):
    s = ClassSession(expired)
    decide(s, 1)
    decide(s, 2)
    play = Playthrough(expired)
    play.choose(1)
    play.choose(2)
    assert s.play.meters == play.meters and s.play.location == play.location
