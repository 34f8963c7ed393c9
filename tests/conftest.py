"""Shared test setup: headless SDL, and paths to the bundled scenarios and fixtures."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# Never touch the real user's data folder from tests (settings, progress, caches).
os.environ["CUSTOMER_CHAIN_DATA_DIR"] = tempfile.mkdtemp(prefix="customer-chain-tests-")

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: heavy sizes (storms of 50,000 events); run with -m slow")


def pytest_collection_modifyitems(config, items):
    """Heavy sizes run only when asked for (`-m slow`); by default CI runs the fixed small sample."""
    if "slow" in (config.getoption("-m") or ""):
        return
    import pytest

    skip = pytest.mark.skip(reason="heavy size: run with -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
