"""`import-twine` on stories written from the Twee 3 and Twine 2 HTML specifications, edge cases included."""

from __future__ import annotations

import pytest

from game.cli import main
from game.commands.twine_convert import links, parse_link, plain_text
from game.commands.twine_read import parse_header, read_html, read_twee
from game.engine import load_file
from tests.conftest import FIXTURES

TWINE = FIXTURES / "twine"


def test_link_forms_follow_twines_rules() -> None:
    assert parse_link("Go on->Next") == parse_link("Next<-Go on")
    assert (parse_link("a->b->c").text, parse_link("a->b->c").target) == ("a->b", "c")  # rightmost ->
    assert (parse_link("c<-b<-a").target, parse_link("c<-b<-a").text) == ("c", "b<-a")  # leftmost <-
    assert (parse_link("say|x|Target").text, parse_link("say|x|Target").target) == ("say|x", "Target")
    assert (parse_link("Alone").text, parse_link("Alone").target) == ("Alone", "Alone")
    (setter,) = links("[[Pay|Till][$paid to true]] done")
    assert (setter.text, setter.target, setter.setter) == ("Pay", "Till", "$paid to true")


def test_headers_with_escapes_tags_and_metadata() -> None:
    assert parse_header(r':: Front desk \{main\} [intro calm] {"position":"600,400","size":"100,200"}') == (
        "Front desk {main}", ["intro", "calm"], {"position": "600,400", "size": "100,200"}, "")
    assert parse_header(r":: A \[bracketed\] name \\ slash")[0] == r"A [bracketed] name \ slash"
    assert parse_header(r":: Tag\]ged [a\]b]")[:2] == ("Tag]ged", ["a]b"])
    name, _, meta, problem = parse_header(':: Broken {"position":')
    assert (name, meta) == ("Broken", None) and "not valid JSON" in problem


def test_markup_is_stripped_from_the_text() -> None:
    text = "<<set $x to 1>>\\\nHello ''bold'' //it// (if: $x > 0)[hook (nested: (a))] <b>tag</b> 5 < 6\n[[Go->There]]"
    assert plain_text(text) == "Hello bold it hook tag 5 < 6"


def test_a_story_split_over_two_twee_files_becomes_a_scenario_that_checks(tmp_path, capsys) -> None:
    out = tmp_path / "late_desk.yaml"
    code = main(["import-twine", str(TWINE / "part1.twee"), str(TWINE / "part2.twee"), "--out", str(out)])
    report = capsys.readouterr().out
    assert code == 0
    result = load_file(out)
    assert result.scenario is not None and not result.errors, [d.format() for d in result.errors]
    s = result.scenario
    assert s.title == "The Late Delivery Desk" and s.start == "front_desk_main"  # StoryData's start
    start = s.nodes["front_desk_main"]
    assert [(c.text, c.next) for c in start.choices] == [
        ("Apologise first", "sorry_help"), ("Check the system", "check_the_system"), ("Ignore them", "leave")]
    assert start.text == "A customer arrives: the parcel is late & they're upset."
    assert set(s.endings) == {"check_the_system", "leave"}  # passages without links
    assert s.endings["check_the_system"].text == "The system says it shipped {{yesterday}}."
    for expected in ("<<set>>", "(set:)", "(if:)", "<<link>>", "$patience", "$checked", "$mood",
                     "Scripts not carried over: 1", "Styles not carried over: 1",
                     "the setter [$checked to true] on link 'Check the system' was dropped",
                     "'Missing passage', which is no passage", "special passage 'StoryInit'",
                     "metadata block is not valid JSON", "check: 0 error(s)"):
        assert expected in report, expected
    assert "# " in out.read_text(encoding="utf-8").splitlines()[0]  # the report is also in the file


def test_published_html_with_entities_and_startnode(tmp_path, capsys) -> None:
    out = tmp_path / "refund.yaml"
    assert main(["import-twine", str(TWINE / "published.html"), "--out", str(out)]) == 0
    s = load_file(out).scenario
    assert s.title == "The Refund & the Receipt" and s.start == "counter_1"  # startnode pid 2, not the first
    assert s.nodes["counter_1"].text == '"I want my money back," she says. It\'s 5 < 10 & > 2.\nShe glares.'
    assert [c.next for c in s.nodes["counter_1"].choices] == ["receipt", "refund_now"]
    assert s.nodes["receipt"].text == "She finds it. Relief."
    out_text = capsys.readouterr().out
    assert "Scripts not carried over: 1" in out_text and "Styles not carried over: 1" in out_text


def test_no_story_data_starts_at_start_else_the_first_passage(tmp_path) -> None:
    named = read_twee([("a.twee", ":: Intro\n[[Start]]\n:: Start\n[[Intro]] [[End]]\n:: End\nBye.\n")])
    assert named.start is None
    plain = tmp_path / "p.twee"
    plain.write_text(":: First one\nHi [[Second]]\n:: Second\nThe end.\n", encoding="utf-8")
    for twee, start in ((":: Intro\n[[Start]]\n:: Start\n[[Intro]] [[End]]\n:: End\nBye.\n", "start"),
                        (plain.read_text(encoding="utf-8"), "first_one")):
        src = tmp_path / "s.twee"
        src.write_text(twee, encoding="utf-8")
        out = tmp_path / "s.yaml"
        assert main(["import-twine", str(src), "--out", str(out), "--force"]) == 0
        assert load_file(out).scenario.start == start


def test_an_archive_imports_its_first_story_and_says_so(tmp_path, capsys) -> None:
    one = '<tw-storydata name="One" startnode="1"><tw-passagedata pid="1" name="A">[[B]]</tw-passagedata>' \
          '<tw-passagedata pid="2" name="B">End of one.</tw-passagedata></tw-storydata>'
    two = '<tw-storydata name="Two" startnode="1"><tw-passagedata pid="1" name="Z">Two.</tw-passagedata>' \
          '</tw-storydata>'
    story = read_html(one + two, "archive.html")
    assert story.title == "One" and [p.name for p in story.passages] == ["A", "B"]
    assert any("archive of 2 stories" in n for n in story.notes)


def test_a_start_passage_without_links_and_a_story_without_endings_still_check(tmp_path) -> None:
    for twee in (":: Start\nJust one passage.\n", ":: Start\n[[Loop]]\n:: Loop\n[[Start]]\n"):
        src = tmp_path / "s.twee"
        src.write_text(twee, encoding="utf-8")
        out = tmp_path / "s.yaml"
        assert main(["import-twine", str(src), "--out", str(out), "--force"]) == 0
        result = load_file(out)
        assert result.scenario is not None and not result.errors


@pytest.mark.parametrize("args, message", [
    (["nowhere.twee"], "no such file"), ([str(TWINE / "part1.twee"), str(TWINE / "published.html")], "on its own")])
def test_usage_errors(tmp_path, capsys, args, message) -> None:
    assert main(["import-twine", *args, "--out", str(tmp_path / "x.yaml")]) == 2
    assert message in capsys.readouterr().err


def test_never_overwrites_without_force(tmp_path, capsys) -> None:
    out = tmp_path / "x.yaml"
    out.write_text("mine\n", encoding="utf-8")
    assert main(["import-twine", str(TWINE / "published.html"), "--out", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "mine\n"
