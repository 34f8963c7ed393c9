"""Every user-data test gets its own empty data folder through CUSTOMER_CHAIN_DATA_DIR."""

import pytest


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(folder))
    return folder
