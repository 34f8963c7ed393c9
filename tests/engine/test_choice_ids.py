"""Stable choice ids: a saved play survives reordered options, and an edited scenario replays as far as it can."""

import re

from game.engine import Playthrough, load_bytes
from game.engine.choice_ids import derived_id
from game.engine.teaching import PRINCIPLES_FILE
from tests.conftest import SCENARIOS

EXPIRED = (SCENARIOS / "expired_return.yaml").read_bytes()


def _load(data: bytes):
    result = load_bytes(data, "expired_return.yaml")
    assert result.scenario is not None, [d.format() for d in result.errors]
    return result.scenario


def _reorder_first_two_options(text: str) -> str:
    """Swap the first two choices of the first node that has them (as YAML text blocks; beats come before)."""
    lines = text.split("\n")
    first_choices = lines.index("    choices:")
    starts = [i for i, line in enumerate(lines) if i > first_choices and re.match(r"^      - ", line)]
    a, b = starts[0], starts[1]
    end = b + 1
    while end < len(lines) and lines[end].startswith("        "):
        end += 1
    first, second = lines[a:b], lines[b:end]
    return "\n".join(lines[:a] + second + first + lines[end:])


def test_every_bundled_choice_has_a_unique_valid_id() -> None:
    paths = [p for p in sorted(SCENARIOS.glob("*.yaml")) if p.name != PRINCIPLES_FILE]  # the vocabulary file
    assert len(paths) >= 14
    for path in paths:
        scenario = load_bytes(path.read_bytes(), str(path)).scenario
        assert scenario is not None, path
        for node in scenario.nodes.values():
            ids = [c.id for c in node.choices]
            assert len(set(ids)) == len(ids), (path.name, node.id)
            assert all(re.fullmatch(r"[a-z][a-z0-9_]{0,63}", i) for i in ids), ids


def test_derived_id_ignores_whitespace_and_depends_on_target_text_and_condition() -> None:
    assert derived_id("check", "Let me  check.") == derived_id("check", "Let me\ncheck.")
    assert derived_id("check", "Let me check.") != derived_id("other", "Let me check.")
    assert derived_id("check", "Let me check.") != derived_id("check", "Let me check.", "not rushed")
    assert len(derived_id("x" * 64, "t")) == 64


def test_a_save_survives_the_author_reordering_options() -> None:
    before = _load(EXPIRED)
    play = Playthrough(before)
    play.choose(0)
    play.choose(1)
    saved = play.to_json()
    after = _load(_reorder_first_two_options(EXPIRED.decode()).encode())
    assert [c.id for c in after.nodes[before.start].choices][:2] == \
        [c.id for c in before.nodes[before.start].choices][1::-1]
    restored = Playthrough.restore(after, saved)
    assert restored.complete and restored.replayed == 2
    assert restored.play.location == play.location and restored.play.meters == play.meters
    assert restored.play.choice_ids == play.choice_ids
    assert restored.play.history[0].number == 2  # the same choice, now shown second


def test_an_edited_choice_stops_the_replay_there_and_says_so() -> None:
    before = _load(EXPIRED)
    play = Playthrough(before)
    play.choose(0)
    play.choose(0)
    second = play.history[1]
    node = before.nodes[second.node]
    raw = EXPIRED.decode()
    words = node.choices[0].text.split()
    fragments = (" ".join(words[i:i + 4]) for i in range(len(words) - 3))
    fragment = next(f for f in fragments if raw.count(f) == 1)  # words of that option found once in the file
    edited = raw.replace(fragment, "completely new words here", 1)
    assert edited != raw
    restored = Playthrough.restore(_load(edited.encode()), play.to_json())
    assert restored.replayed == 1 and restored.saved == 2
    assert "saved decision 2 no longer applies" in restored.stopped
    assert restored.play.location == second.node


def test_timeouts_are_recorded_by_the_reserved_id(tmp_path) -> None:
    scenario = load_bytes((SCENARIOS.parent / "tests" / "fixtures" / "valid" / "minimal.yaml").read_bytes()).scenario
    play = Playthrough(scenario)
    play.timeout()
    assert play.choice_ids == ["timeout"]
    assert Playthrough.from_json(scenario, play.to_json()).location == play.location
