"""The value model is transparent and not naive: within one outcome it never falls as satisfaction or loyalty
rise and never jumps by more than 5 % of the customer's own value between neighbouring points."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine import load_all
from game.engine.lifetime import lifetime_value
from game.engine.model import Economics

from ..conftest import SCENARIOS

LIBRARY = [r.scenario.customer.economics for r in load_all([str(SCENARIOS)]) if r.scenario]
LING = Economics(22, 52, 10, 16)


def _walk(econ: Economics, outcome: str) -> None:
    own = econ.spend_per_visit * econ.visits_per_year * econ.years
    for fixed in range(0, 101, 10):
        for vary in ("satisfaction", "loyalty"):
            values = []
            for x in range(101):
                sat, loy = (x, fixed) if vary == "satisfaction" else (fixed, x)
                values.append(lifetime_value(econ, outcome, sat, loy).net)
            for a, b in zip(values, values[1:], strict=False):
                assert b >= a - 1e-9, (outcome, vary, fixed)
                assert b - a <= 0.05 * own + 2, (outcome, vary, fixed, a, b)


@pytest.mark.parametrize("outcome", ["leaves", "stays", "advocate"])
def test_every_library_customer_value_is_monotone_and_smooth(outcome):
    for econ in [LING, *LIBRARY]:
        _walk(econ, outcome)


@given(spend=st.floats(0, 5000), visits=st.floats(0, 500), years=st.floats(0, 50),
       told=st.integers(0, 100), delighted=st.integers(0, 50), share=st.floats(0, 0.1))
def test_any_allowed_economics_is_monotone_and_smooth(spend, visits, years, told, delighted, share):
    econ = Economics(spend, visits, years, told, word_of_mouth_delighted=delighted, joins_share=share)
    for outcome in ("leaves", "stays", "advocate"):
        for sat in (0, 37, 99):
            a = lifetime_value(econ, outcome, sat, sat).net
            b = lifetime_value(econ, outcome, sat + 1, sat + 1).net
            own = spend * visits * years
            # Both meters move: two points' worth at most, plus whole-unit rounding of the kept share.
            assert a - 1e-6 <= b <= a + 0.10 * own + 2


def test_the_benchmark_leaves_ending_and_an_honest_advocate():
    leaves = lifetime_value(LING, "leaves", 20, 20, "Ms. Ling")
    assert (leaves.per_year, leaves.horizon, leaves.lost) == (1144, 11440, 183040)
    advocate = lifetime_value(LING, "advocate", 80, 80, "Ms. Ling")
    stays = lifetime_value(LING, "stays", 79, 79, "Ms. Ling")
    assert advocate.won == round(11440 * 5 * 0.12 * 0.8)
    assert advocate.net - stays.net < 11440  # an advocate is not counted as 16 new ten-year customers


def test_a_stays_ending_that_loses_money_says_why():
    value = lifetime_value(LING, "stays", 50, 30, "Ms. Ling")
    assert value.net < 0 and "30% loyal" in value.why and "loses money" in value.why
    assert lifetime_value(LING, "stays", 50, 80, "Ms. Ling").why == ""
