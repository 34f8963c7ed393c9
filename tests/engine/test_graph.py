"""`graph`: Mermaid ids and labels escaped so any id and text work, options numbered as the player sees them,
top to bottom, and images through Graphviz (or a clear message without it)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from game.cli import main
from game.commands import graph
from game.engine import load_bytes, load_file
from tests.conftest import BUNDLED_FILES, FIXTURES, ROOT, SCENARIOS

WORDS = FIXTURES / "valid" / "mermaid_words.yaml"
BUNDLED = BUNDLED_FILES
MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
_ID = r"[A-Za-z0-9_]+"


def test_mermaid_ids_never_clash_with_mermaid_words_or_the_start_circle() -> None:
    for word in ("end", "call", "class", "style", "start", "subgraph", "graph", "click", "default", "o", "x"):
        safe = graph.mermaid_id("n", word)
        assert safe == f"n_{word}" and re.fullmatch(_ID, safe)
    assert graph.mermaid_id("e", "end") != graph.mermaid_id("n", "end")  # a node and an ending never merge
    text = graph.to_mermaid(load_file(WORDS).scenario)
    assert "begin_((start)) --> n_start" in text
    assert not re.search(r"^\s+(end|call|class|style|start)\b", text, flags=re.M)


def test_mermaid_label_text_uses_entity_codes_for_special_characters() -> None:
    assert graph.mermaid_text('Say "hi" | #1 <b> `x`') == "Say #quot;hi#quot; #124; #35;1 #lt;b#gt; #96;x#96;"
    assert graph.mermaid_text("plain: (a) [b] {c} & d;") == "plain: (a) [b] {c} & d;"


def _labels(text: str) -> list[str]:
    return re.findall(r'"([^"]*)"', text)


@pytest.mark.parametrize("path", [*BUNDLED, WORDS], ids=lambda p: p.stem)
def test_every_mermaid_line_has_safe_ids_and_quoted_labels(path: Path) -> None:
    text = graph.to_mermaid(load_file(path).scenario)
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    for line in lines[1:]:
        body = re.sub(r'"[^"]*"', '""', line.strip())  # labels out of the way
        if body.startswith("classDef"):
            continue
        ids = re.findall(rf"(?:^|-->\|\"\"\| |--> )({_ID})", body)
        assert ids and all(i.startswith(("n_", "e_", "begin_")) for i in ids), line
    for label in _labels(text):
        assert not set(label.replace("<br/>", "")) & set('"<>|`'), label


def test_dot_is_top_to_bottom_and_wraps_text() -> None:
    text = graph.to_dot(load_file(SCENARIOS / "ringing_phone.yaml").scenario)
    assert "rankdir=TB;" in text
    labels = re.findall(r'label="((?:[^"\\]|\\.)*)"', text)
    assert labels and all(len(part) <= graph.WRAP + 8 for lab in labels for part in lab.split("\\n")), labels


def test_choices_are_numbered_as_the_player_sees_them() -> None:
    # In 'ignored' the first choice needs a flag nobody who got there can have: it never shows, and the
    # second choice is the player's number 1.
    hidden = MINIMAL.replace("      - text: Sorry! How can I help?\n",
                             "      - text: Sorry! How can I help?\n        if: helped\n")
    scenario = load_bytes(hidden.encode()).scenario
    labels = {(a, b): lines for a, b, lines in graph.edges(scenario)}
    assert labels[("ignored", "check_meters")][0].startswith("never shown. Sorry!")
    assert labels[("ignored", "left")][0] == "1. Keep ignoring."
    assert labels[("hello", "left")][0] == "2. Not now."


def test_wrap_cuts_long_text_with_an_ellipsis() -> None:
    out = graph.wrap("word " * 40, 20, 2)
    assert len(out) == 2 and out[-1].endswith("…") and all(len(x) <= 20 for x in out)


def test_image_without_graphviz_is_one_clear_line(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setattr(graph.shutil, "which", lambda name: None)
    code = main(["graph", str(WORDS), "--format", "svg", "--out", str(tmp_path / "g.svg")])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1 and "Graphviz" in err and "not installed" in err
    assert not (tmp_path / "g.svg").exists()


def test_png_needs_out(capsys) -> None:
    assert main(["graph", str(WORDS), "--format", "png"]) == 2
    assert "--out" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_svg_and_png_through_graphviz(tmp_path) -> None:
    assert main(["graph", "ringing_phone", "--format", "svg", "--out", str(tmp_path / "g.svg")]) == 0
    assert (tmp_path / "g.svg").read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    assert main(["graph", str(WORDS), "--format", "png", "--out", str(tmp_path / "g.png")]) == 0
    assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _mermaid_dir() -> str | None:
    folder = os.environ.get("CUSTOMER_CHAIN_MERMAID_DIR", "")
    ok = folder and all((Path(folder) / "node_modules" / m).is_dir() for m in ("mermaid", "jsdom"))
    return folder if ok and shutil.which("node") else None


@pytest.mark.skipif(_mermaid_dir() is None, reason="set CUSTOMER_CHAIN_MERMAID_DIR to a folder with "
                    "node_modules/mermaid and node_modules/jsdom (npm install mermaid jsdom) to run the real parser")
def test_the_real_mermaid_parser_accepts_every_graph(tmp_path) -> None:
    files = []
    for path in [*BUNDLED, WORDS, FIXTURES / "valid" / "minimal.yaml"]:
        out = tmp_path / f"{path.stem}.mmd"
        out.write_text(graph.to_mermaid(load_file(path).scenario), encoding="utf-8")
        files.append(str(out))
    bad = tmp_path / "bad.mmd"
    bad.write_text("flowchart TD\n  a --> end\n", encoding="utf-8")  # proves the parser can say no
    script = (ROOT / "tests" / "tools" / "mermaid_parse.mjs").read_text(encoding="utf-8")
    done = subprocess.run(["node", "--input-type=module", "-", *files, str(bad)], input=script, text=True,
                          capture_output=True, cwd=_mermaid_dir(), timeout=300)
    lines = done.stdout.splitlines()
    assert [ln.split()[0] for ln in lines] == ["ok"] * len(files) + ["FAIL"], done.stdout + done.stderr
