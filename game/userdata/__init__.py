"""What the game remembers for its player: settings and progress, in the user's data folder. No pygame here."""

from .paths import data_dir
from .progress import Attempt, ProgressStore, ScenarioProgress
from .settings import Settings, load_settings, save_settings

__all__ = ["Attempt", "ProgressStore", "ScenarioProgress", "Settings", "data_dir", "load_settings", "save_settings"]
