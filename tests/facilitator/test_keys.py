"""The clicker and keyboard map."""

import pytest

from game.facilitation import BINDINGS, action_for
from game.facilitation import keys as k


@pytest.mark.parametrize("name,char,action", [
    ("page down", "", k.NEXT), ("right", "", k.NEXT), ("space", " ", k.NEXT), ("return", "\r", k.NEXT),
    ("page up", "", k.PREVIOUS), ("left", "", k.PREVIOUS),
    ("b", "b", k.BLANK), ("b", "B", k.BLANK), (".", ".", k.BLANK),
    ("f5", "", k.RESUME), ("escape", "\x1b", k.BACK),
    ("f1", "", k.HELP), ("/", "?", k.HELP),
    ("0", "0", k.CLEAR_VOTES), ("backspace", "\b", k.CLEAR_VOTES), ("[0]", "", k.CLEAR_VOTES),
    ("t", "t", k.TIMER), ("w", "w", k.WHAT_IF), ("e", "e", k.EXPORT), ("a", "a", k.ADOPT),
    ("up", "", k.SELECT_UP), ("down", "", k.SELECT_DOWN), ("q", "q", k.QUIT), ("d", "d", k.DEBRIEF),
])
def test_keys_map_to_actions(name, char, action):
    got = action_for(name, char)
    assert got is not None and got.name == action


@pytest.mark.parametrize("name,char,number", [("3", "3", 3), ("[7]", "", 7), ("9", "9", 9), ("1", "", 1)])
def test_digits_are_votes(name, char, number):
    assert action_for(name, char) == k.Action(k.VOTE, number)


def test_unbound_keys_do_nothing():
    assert action_for("z", "z") is None
    assert action_for("f12", "") is None


def test_every_action_is_on_the_help_overlay():
    listed = {b.action for b in BINDINGS}
    for action in (k.NEXT, k.PREVIOUS, k.BLANK, k.RESUME, k.HELP, k.VOTE, k.CLEAR_VOTES, k.TIMER, k.WHAT_IF,
                   k.EXPORT, k.ADOPT, k.BACK, k.DEBRIEF, k.QUIT):
        assert action in listed, action
