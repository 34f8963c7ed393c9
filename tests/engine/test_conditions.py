"""The condition language is parsed, never evaluated as Python."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine.conditions import ConditionError, parse_condition

METERS = {"satisfaction": 60, "loyalty": 30}


@pytest.mark.parametrize("text,expected", [
    ("satisfaction >= 60", True),
    ("satisfaction > 60", False),
    ("loyalty < 31 and satisfaction == 60", True),
    ("not helped", True),
    ("helped or loyalty != 30", False),
    ("(helped or satisfaction >= 50) and not (loyalty > 40)", True),
    ("asked_name", True),
    ("true and not false", True),
])
def test_evaluation(text: str, expected: bool) -> None:
    assert parse_condition(text).evaluate(METERS, {"asked_name"}) is expected


@pytest.mark.parametrize("text,column", [
    ("satisfaction >=", 16),
    ("satisfaction >= 60 and", 23),
    ("(loyalty > 3", 13),
    ("__import__('os')", 12),
    ("loyalty > 3; rm", 12),
    ("", 1),
])
def test_errors_carry_a_column(text: str, column: int) -> None:
    with pytest.raises(ConditionError) as exc:
        parse_condition(text)
    assert exc.value.column == column


def test_names_are_collected() -> None:
    assert parse_condition("a and (b or c > 3)").names == {"a", "b", "c"}


@given(st.text(max_size=80))
def test_any_text_parses_or_raises_condition_error(text: str) -> None:
    try:
        cond = parse_condition(text)
    except ConditionError:
        return
    cond.evaluate(METERS, set())


def test_deep_nesting_is_bounded() -> None:
    with pytest.raises(ConditionError):
        parse_condition("(" * 200 + "a" + ")" * 200)
