"""Fast checks of what the build ships, so a new package or data file is never left out of the wheel."""

from __future__ import annotations

import re

from game import resources

from .conftest import ROOT

PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _listed_packages() -> set[str]:
    block = re.search(r"^packages = \[(.*?)\]", PYPROJECT, re.MULTILINE | re.DOTALL)
    assert block, "pyproject.toml lists the packages explicitly under [tool.setuptools]"
    return set(re.findall(r'"([\w.]+)"', block.group(1)))


def test_every_package_under_game_is_listed_for_the_build():
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "game").rglob("__init__.py")}
    assert on_disk | {"game.scenarios", "game.assets"} == _listed_packages()


def test_every_shipped_file_kind_is_matched_by_package_data():
    scenarios = {p.suffix for p in (ROOT / "scenarios").iterdir() if p.is_file()}
    assets = {p.suffix for p in (ROOT / "assets").rglob("*") if p.is_file() and p.name != "generate.py"}
    data = re.search(r"^\[tool.setuptools.package-data\](.*?)^\[", PYPROJECT, re.MULTILINE | re.DOTALL).group(1)
    for suffix in scenarios | assets:
        assert f"*{suffix}" in data or suffix == ".md", f"no package-data pattern ships *{suffix} files"
    engine_data = {p.suffix for p in (ROOT / "game").rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")}
    for suffix in engine_data:
        assert f"*{suffix}" in data, f"a data file *{suffix} inside game/ is not shipped"


def test_resources_are_found_through_the_package():
    assert (resources.scenarios_dir() / "expired_return.yaml").is_file()
    assert (resources.fonts_dir() / "DejaVuSans.ttf").is_file()
    assert (resources.sounds_dir() / "phone_ring.wav").is_file()
    assert resources.schema_path().is_file() and resources.author_guide_path().is_file()
