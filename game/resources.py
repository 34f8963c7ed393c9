"""Where the files that ship with the game are: the bundled scenarios, fonts, sounds and their credits.

A built wheel carries them inside the package (`game/scenarios/`, `game/assets/`: pyproject maps the
repository's top-level `scenarios/` and `assets/` there), so they are found through the installed package,
never through the current folder. An editable install or `python run.py` in a source tree runs the package
from the repository itself, where the same files sit beside `game/`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_SOURCE_TREE = Path(__file__).resolve().parent.parent


class MissingResource(RuntimeError):
    """A file the game ships with is missing: the installation is incomplete."""


def _bundled(name: str, required: bool = True) -> Path:
    packaged = resources.files("game").joinpath(name)
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    beside = _SOURCE_TREE / name
    if (_SOURCE_TREE / "pyproject.toml").is_file() and beside.is_dir():
        return beside
    if not required:
        return Path(str(packaged))
    raise MissingResource(f"the game's '{name}' folder is missing from its installation; reinstall the game")


def scenarios_dir() -> Path:
    """The bundled scenario library (with schema.json and the author guide README.md)."""
    return _bundled("scenarios")


def assets_dir() -> Path:
    """The fonts, sounds and their credits; the view falls back to pygame's font and synthesised sound
    when a file is missing, so this never raises."""
    return _bundled("assets", required=False)


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def sounds_dir() -> Path:
    return assets_dir() / "sounds"


def schema_path() -> Path:
    return scenarios_dir() / "schema.json"


def author_guide_path() -> Path:
    return scenarios_dir() / "README.md"


def source_tree() -> Path | None:
    """The repository the game runs from (an editable install or `python run.py`), or None when installed."""
    return _SOURCE_TREE if (_SOURCE_TREE / "pyproject.toml").is_file() and (_SOURCE_TREE / "tests").is_dir() \
        else None
