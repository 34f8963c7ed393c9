"""Checks that report every problem in one run, the quoting hints, speakers, and GitHub annotations."""

from __future__ import annotations

import yaml

from game.cli import main
from game.engine import load_bytes, load_file
from game.engine.author_checks import near_miss, resolve_speaker
from game.engine.quoting import quoting_hint
from tests.conftest import FIXTURES, SCENARIOS

MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def test_the_three_quoting_mistakes_show_the_fixed_line() -> None:
    assert quoting_hint("text: She said: 'no'").fixed == "text: \"She said: 'no'\""
    assert quoting_hint("    text: 'It's fine'").fixed == 'text: "It\'s fine"'
    assert quoting_hint('      - text: "Sorry" she says').fixed == "- text: '\"Sorry\" she says'"
    both = quoting_hint("text: 'It's \"odd\"'")
    assert both.fixed == "text: 'It''s \"odd\"'" and yaml.safe_load(both.fixed) == {"text": "It's \"odd\""}
    colon = quoting_hint("text: Note: this  # a comment")
    assert colon.fixed == 'text: "Note: this"  # a comment' and colon.column == 7


def test_every_fixed_line_parses_to_the_text_the_author_meant() -> None:
    for line, meant in [("text: She said: 'no'", "She said: 'no'"), ("text: 'It's fine'", "It's fine"),
                        ('text: "Sorry" she says', '"Sorry" she says'), ("text: a\\b: c", "a\\b: c")]:
        assert yaml.safe_load(quoting_hint(line).fixed) == {"text": meant}


def test_correct_lines_get_no_quoting_hint() -> None:
    for line in ["text: Plain words", "text: 'It''s fine'", 'text: "She said: no"', "text: '\"Hi\"'",
                 "effects: {satisfaction: 5}", "choices:", "- next: end", "text: |", "url: http://x.org"]:
        assert quoting_hint(line) is None, line


def test_a_quoting_mistake_in_a_file_is_located_with_its_fix() -> None:
    broken = MINIMAL.replace("      - text: Not now.", "      - text: Not now: busy.")
    result = load_bytes(broken.encode(), "s.yaml")
    assert [(d.code, d.line) for d in result.diagnostics] == [("CC050", 30)]
    assert 'did you mean: - text: "Not now: busy."' in result.diagnostics[0].message


def test_type_errors_and_cross_references_come_in_one_run(capsys) -> None:
    path = FIXTURES / "invalid" / "CC011_type_error_and_broken_link.yaml"
    assert main(["check", str(path), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert "[CC011]" in out and "did you mean 'left'?" in out and "[CC014]" in out


def test_a_dropped_part_does_not_cause_knock_on_errors() -> None:
    """A node whose content fails its check still exists: links to it are not called broken, and a choice
    with a bad 'feedback' is not also told it has none."""
    text = MINIMAL.replace("        feedback: A brush-off.", "        feedback: [a, list]")
    text = text.replace("    mood: upset", "    mood: furious")
    codes = [d.code for d in load_bytes(text.encode()).diagnostics]
    assert codes == ["CC011", "CC012"], codes
    tree = yaml.safe_load(MINIMAL)
    tree["nodes"]["ignored"] = "a node written as text"
    result = load_bytes(yaml.safe_dump(tree).encode())
    assert [d.code for d in result.diagnostics] == ["CC011"], [d.format() for d in result.diagnostics]


def _mutations(tree, path=()):
    """Every (path, replacement) that swaps one value of the tree for something of the wrong shape."""
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from _mutations(v, (*path, k))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from _mutations(v, (*path, i))
    if path:
        for bad in ("x y", 7, [1], {"q": 1}, None, "DELETE"):
            yield path, bad


def _apply(tree, path, bad):
    import copy

    out = copy.deepcopy(tree)
    holder = out
    for key in path[:-1]:
        holder = holder[key]
    if bad == "DELETE":
        del holder[path[-1]]
    else:
        holder[path[-1]] = bad
    return out


def test_no_wrong_shape_anywhere_crashes_the_builder() -> None:
    """Every value of two real scenarios replaced in turn by text, a number, a list, a mapping, nothing, or
    removed: the loader reports located problems and never raises."""
    for source, stride in ((MINIMAL, 1), ((SCENARIOS / "ringing_phone.yaml").read_text(encoding="utf-8"), 7)):
        tree = yaml.safe_load(source)
        count = 0
        for path, bad in list(_mutations(tree))[::stride]:  # every 7th of the big file's: the test stays quick
            data = yaml.safe_dump(_apply(tree, path, bad), allow_unicode=True).encode()
            result = load_bytes(data, "m.yaml")
            assert all(d.line >= 1 and d.col >= 1 for d in result.diagnostics)
            count += 1
        assert count > 100


def test_speakers_resolve_vars_and_match_loosely() -> None:
    assert resolve_speaker("{caller_name}", {"caller_name": "Mr. Oduya"}) == "Mr. Oduya"
    assert resolve_speaker("{satisfaction}", {}) is None
    assert near_miss("Mrs Karimi", ["Mrs. Karimi", "Sam"]) == "Mrs. Karimi"
    assert near_miss("mrs. karimi", ["Mrs. Karimi"]) == "Mrs. Karimi"
    assert near_miss("Dave", ["Mrs. Karimi", "Nadia"]) is None


def test_a_near_miss_speaker_is_an_error_and_narrator_is_fine() -> None:
    result = load_file(FIXTURES / "invalid" / "CC045_speaker_near_miss.yaml")
    assert result.scenario is None and "did you mean 'Mrs. Karimi'?" in result.errors[0].message
    narrated = MINIMAL.replace("    mood: upset\n", "    mood: upset\n    speaker: Narrator\n")
    assert load_bytes(narrated.encode()).diagnostics == []


def test_github_annotations(capsys) -> None:
    path = FIXTURES / "invalid" / "CC011_type_error_and_broken_link.yaml"
    assert main(["check", str(path), "--format", "github", "--no-cache"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=") and ",line=9,col=10,title=CC011::" in lines[0]
    assert lines[1].endswith("::choice 2 of 'ignored' leads to 'lefft', which does not exist; did you mean 'left'?")


def test_github_annotation_escaping() -> None:
    from game.commands.check import github_annotation
    from game.engine.diagnostics import Diagnostic, Severity

    d = Diagnostic("a,b:c.yaml", 3, 4, Severity.WARNING, "CC019", "100% sure\nnext line")
    assert github_annotation(d) == "::warning file=a%2Cb%3Ac.yaml,line=3,col=4,title=CC019::100%25 sure%0Anext line"
