"""Learning records are plain Python: the statements, recorder, sender, exports and commands never load pygame."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("game.records.statements", "game.records.recorder", "game.records.sender", "game.records.export",
           "game.records.service", "game.records.classroom", "game.commands.records", "game.commands.record",
           "game.userdata.saves")


def test_records_do_not_import_pygame():
    code = f"import sys, importlib; [importlib.import_module(m) for m in {MODULES!r}]; print('pygame' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
