"""Shared test setup: headless SDL, and paths to the bundled scenarios and fixtures."""

import os
import tempfile
from pathlib import Path

from hypothesis import settings

# Speed is measured by `run.py bench`, not by timed tests: no property test fails because a loaded machine (CI,
# two cores shared with other work) ran one example slowly.
settings.register_profile("customer-chain", deadline=None)
settings.load_profile("customer-chain")

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# Never touch the real user's data folder from tests (settings, progress, caches).
os.environ["CUSTOMER_CHAIN_DATA_DIR"] = tempfile.mkdtemp(prefix="customer-chain-tests-")

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The bundled scenario files (principles.yaml beside them is the principle vocabulary, not a scenario).
BUNDLED_FILES = sorted(p for p in SCENARIOS.glob("*.yaml") if p.name != "principles.yaml")


def pytest_sessionfinish(session, exitstatus):
    """Let sound files still decoding for a test's app finish before the interpreter (and pygame) shut down."""
    import threading

    for thread in threading.enumerate():
        if thread.name.startswith("load-"):
            thread.join(30)
