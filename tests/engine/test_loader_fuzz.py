"""Scenario files come from strangers: whatever the bytes, loading reports problems and never raises."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Playthrough, load_bytes
from tests.conftest import FIXTURES

VALID = (FIXTURES / "valid" / "minimal.yaml").read_bytes()
LINES = VALID.split(b"\n")


def _check(data: bytes) -> None:
    result = load_bytes(data, "fuzz.yaml")
    for d in result.diagnostics:
        assert d.line >= 1 and d.col >= 1 and d.code.startswith("CC")
    if result.scenario is not None:  # whatever loads must also play without crashing
        play = Playthrough(result.scenario)
        for _ in range(20):
            if play.ended:
                break
            if play.choices:
                play.choose(0)
            else:
                play.timeout()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.sampled_from(["drop", "dup", "swap", "garble"]),
                          st.text(max_size=12)), max_size=4))
def test_mutated_valid_scenarios(edits) -> None:
    lines = list(LINES)
    for index, kind, junk in edits:
        i = index % len(lines)
        if kind == "drop":
            del lines[i]
        elif kind == "dup":
            lines.insert(i, lines[i])
        elif kind == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        else:
            lines[i] = lines[i][: len(lines[i]) // 2] + junk.encode("utf-8", "replace")
        if not lines:
            lines = [b""]
    _check(b"\n".join(lines))
