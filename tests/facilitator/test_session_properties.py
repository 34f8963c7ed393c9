"""Any sequence of facilitator actions keeps the session consistent and the class's record intact."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Playthrough
from game.facilitation import ClassSession
from game.facilitation.session import STAGES

ACTIONS = st.lists(st.one_of(
    st.just(("next",)), st.just(("previous",)), st.just(("clear",)), st.just(("toggle",)),
    st.just(("return",)), st.just(("adopt",)),
    st.tuples(st.just("vote"), st.integers(1, 5)),
    st.tuples(st.just("select"), st.sampled_from([-1, 1])),
    st.tuples(st.just("tick"), st.floats(0.0, 30.0)),
    st.tuples(st.just("jump"), st.integers(0, 12)),
    st.tuples(st.just("explore"), st.integers(0, 4)),
), max_size=60)


def apply(s: ClassSession, action: tuple) -> None:
    name = action[0]
    if name == "next":
        s.next()
    elif name == "previous":
        s.previous()
    elif name == "clear":
        s.clear_votes()
    elif name == "toggle":
        s.toggle_timer()
    elif name == "return":
        s.return_to_main()
    elif name == "adopt":
        s.adopt()
    elif name == "vote":
        s.add_vote(action[1])
    elif name == "select":
        s.select(action[1])
    elif name == "tick":
        s.tick(action[1])
    elif name == "jump":
        s.jump_back(action[1])
    elif name == "explore":
        s.explore(action[1])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_random_facilitation_stays_consistent(expired, actions):
    s = ClassSession(expired)
    for action in actions:
        main_before = [d.to_json() for d in s.main]
        was_detour = s.in_detour
        apply(s, action)
        assert s.stage in STAGES
        engine = [(d.kind, d.source_index) for d in s.path]
        replay = Playthrough(expired, engine)
        assert replay.location == s.play.location and replay.meters == s.play.meters
        main_after = [d.to_json() for d in s.main]
        if was_detour and action[0] != "adopt":
            assert main_after == main_before, f"{action} in a what-if changed the class's record"
        elif not was_detour:
            assert main_after in (main_before, main_before[:-1]) or main_after[:-1] == main_before, \
                "on the class's path, decisions are only added or (before their reveal) undone one at a time"
        if s.choices:
            assert 0 <= s.selected < len(s.choices)
        if s.timer_left is not None:
            assert 0 <= s.timer_left <= s.timer_seconds
        data = json.loads(json.dumps(s.to_json()))
        assert ClassSession.from_json(expired, data).to_json() == data
