"""What the game remembers for its player: settings and progress, in the user's data folder. No pygame here.

Names are imported on first use: finding the data folder must not open the progress database's modules
(sqlite3 and its dependencies) before the title screen is up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "data_dir": "paths",
    "Attempt": "progress", "ProgressStore": "progress", "ScenarioProgress": "progress",
    "Settings": "settings", "load_settings": "settings", "save_settings": "settings",
}

if TYPE_CHECKING:
    from .paths import data_dir
    from .progress import Attempt, ProgressStore, ScenarioProgress
    from .settings import Settings, load_settings, save_settings

__all__ = ["Attempt", "ProgressStore", "ScenarioProgress", "Settings", "data_dir", "load_settings", "save_settings"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
