"""Where the game keeps its files: the platform's user data folder, or CUSTOMER_CHAIN_DATA_DIR when set."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "customer-chain"
ENV_VAR = "CUSTOMER_CHAIN_DATA_DIR"


def data_dir() -> Path:
    """The folder for settings and progress (not created here; writers create it when they need it)."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return data_dir() / "settings.json"


def progress_path() -> Path:
    return data_dir() / "progress.sqlite3"
