"""The layers point one way: commands and the view use the engine, sources and userdata, never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

GAME = ROOT / "game"
#: For each layer, the packages of game it must not import.
FORBIDDEN = {
    "engine": ("game.ui", "game.commands", "game.userdata", "game.sources", "game.facilitation", "game.bench"),
    "userdata": ("game.ui", "game.commands", "game.facilitation", "game.bench"),
    "facilitation": ("game.ui", "game.commands", "game.bench"),
    "records": ("game.ui", "game.commands", "game.bench"),
    "ui": ("game.commands", "game.bench"),
}


def _imports(path: Path) -> set[str]:
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            out.add(name)
    return out


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_upward_imports(layer):
    bad = []
    for path in (GAME / layer).rglob("*.py"):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not bad, "\n".join(bad)


def test_sources_is_below_the_view_and_the_commands():
    names = _imports(GAME / "sources.py")
    assert not [n for n in names if n.startswith(("game.ui", "game.commands"))]


def test_nothing_in_the_game_loads_openssl_to_hash():
    """hashlib loads OpenSSL (about 3 MB resident); game.sha256 gives the same digests from Python's own module."""
    import hashlib

    from game.sha256 import sha256

    assert sha256(b"Customer Chain").hexdigest() == hashlib.sha256(b"Customer Chain").hexdigest()
    users = [str(p.relative_to(ROOT)) for p in GAME.rglob("*.py")
             if p.name != "sha256.py" and "hashlib" in _imports(p)]
    assert not users
