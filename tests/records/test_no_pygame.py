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


def test_the_network_modules_load_only_when_something_is_sent(tmp_path):
    """A game that records plays but has no LRS never loads http.client (and OpenSSL with it: about 6 MB)."""
    code = (
        "import sys\n"
        "from game.records.config import LrsConfig\n"
        "from game.records.sender import post\n"
        "from game.records.service import RecordsService\n"
        "from game.userdata.progress import ProgressStore\n"
        f"RecordsService(ProgressStore({str(tmp_path / 'p.db')!r}))\n"
        "print('http.client' in sys.modules, 'ssl' in sys.modules)\n"
        "answer = post(LrsConfig(endpoint='http://127.0.0.1:9/xapi/', username='u', password='p'), ['{}'], 1)\n"
        "print(answer.status is None and 'reach' in answer.words or 'answer' in answer.words)\n"
    )
    env = {"CUSTOMER_CHAIN_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]
