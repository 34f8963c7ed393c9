"""The code stays ruff clean (the rules are in pyproject.toml)."""

import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT


def test_ruff_finds_nothing():
    if shutil.which("ruff") is None and subprocess.run([sys.executable, "-m", "ruff", "--version"],
                                                       capture_output=True).returncode != 0:
        pytest.skip("ruff is not installed (it is in the test extras)")
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "game", "tests", "run.py"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]
