"""Every records test gets its own empty data folder and no LRS settings from the environment."""

import pytest

from game.records.config import ENV


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(folder))
    for var in ENV.values():
        monkeypatch.delenv(var, raising=False)
    return folder
