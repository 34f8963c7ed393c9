"""The lifetime-value model reproduces the source material's example and never punishes better service."""

from hypothesis import given
from hypothesis import strategies as st

from game.engine import Economics, fmt_amount, lifetime_value

LING = Economics(spend_per_visit=22, visits_per_year=52, years=10, word_of_mouth=16)


def test_ms_ling_example_exactly() -> None:
    v = lifetime_value(LING, "leaves", 10, 10, "Ms. Ling")
    assert v.per_year == 1144
    assert v.horizon == 11440
    assert v.with_word_of_mouth == 183040
    assert v.lost == 183040 and v.kept == 0 and v.net == -183040
    shown = [(s.label, s.working, fmt_amount(s.amount, "$")) for s in v.steps]
    assert shown[1] == ("A year", "$22 × 52 visits", "$1,144")
    assert shown[2] == ("Over 10 years", "$1,144 × 10", "$11,440")
    assert shown[3] == ("Counting word of mouth", "$11,440 × 16 people an unhappy customer tells", "$183,040")
    assert shown[4][2] == "−$183,040"


def test_outcomes_rank_leaves_below_stays_below_advocate() -> None:
    leaves = lifetime_value(LING, "leaves", 50, 50).net
    stays = lifetime_value(LING, "stays", 50, 50).net
    advocate = lifetime_value(LING, "advocate", 50, 50).net
    assert leaves < stays < advocate


def test_units_other_than_currency() -> None:
    hours = Economics(spend_per_visit=1.5, visits_per_year=100, years=2, word_of_mouth=3, unit="hours",
                      visit_label="request")
    v = lifetime_value(hours, "stays", 50, 100)
    assert v.horizon == 300 and v.kept == 300 and v.lost == 0
    assert fmt_amount(v.horizon, "hours") == "300 hours"
    assert v.steps[1].working == "1.50 hours × 100 requests"


economics = st.builds(
    Economics,
    spend_per_visit=st.floats(0, 10_000, allow_nan=False),
    visits_per_year=st.floats(0, 1_000, allow_nan=False),
    years=st.floats(0, 50, allow_nan=False),
    word_of_mouth=st.integers(0, 200),
)
percent = st.integers(0, 100)


@given(economics, st.sampled_from(["leaves", "stays", "advocate"]), percent, percent, percent, percent)
def test_higher_satisfaction_or_loyalty_never_lowers_value(econ, outcome, s1, s2, l1, l2) -> None:
    lo = lifetime_value(econ, outcome, min(s1, s2), min(l1, l2)).net
    hi = lifetime_value(econ, outcome, max(s1, s2), max(l1, l2)).net
    assert hi >= lo - 1e-6


@given(economics, percent, percent)
def test_better_outcomes_never_lower_value(econ, s, lo) -> None:
    nets = [lifetime_value(econ, o, s, lo).net for o in ("leaves", "stays", "advocate")]
    assert nets[0] <= nets[1] + 1e-6 <= nets[2] + 2e-6


def test_a_stays_ending_never_keeps_more_than_the_horizon_after_rounding() -> None:
    for years, loyalty in ((0.75, 67), (10.6, 100)):  # kept rounds up to whole dollars: 0.5025 -> 1, 10.6 -> 11
        econ = Economics(spend_per_visit=1, visits_per_year=1, years=years, word_of_mouth=0)
        stays = lifetime_value(econ, "stays", 0, loyalty)
        assert stays.kept <= stays.horizon and stays.lost >= 0
        assert stays.net <= lifetime_value(econ, "advocate", 0, loyalty).net
