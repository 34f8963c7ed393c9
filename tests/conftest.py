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
#: The bundled scenario files (principles.yaml beside them is the principle vocabulary, not a scenario).
BUNDLED_FILES = sorted(p for p in SCENARIOS.glob("*.yaml") if p.name != "principles.yaml")


def pytest_addoption(parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="also run the tests marked slow (heavy fuzz sizes, one process per command)")


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "slow: heavy sizes, skipped unless --run-slow or -m slow")


def pytest_collection_modifyitems(config, items) -> None:
    """Skip slow tests by default; `--run-slow` or a `-m` expression naming slow selects them."""
    if config.getoption("--run-slow") or "slow" in (config.getoption("-m") or ""):
        return
    import pytest

    skip = pytest.mark.skip(reason="slow: run with --run-slow (or -m slow)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
