"""Shared fixtures for facilitator mode: the bundled scenarios, loaded once."""

import pytest

from game.engine import load_file
from tests.conftest import SCENARIOS


@pytest.fixture(scope="session")
def expired():
    result = load_file(str(SCENARIOS / "expired_return.yaml"))
    assert result.scenario is not None, result.diagnostics
    return result.scenario


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Progress, settings and exports go to a temporary folder."""
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    return tmp_path
