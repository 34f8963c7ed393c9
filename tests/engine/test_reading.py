"""Reading files from strangers: only regular files, never past the size cap, never a hang."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine import load_file
from game.engine.reading import Unreadable, read_capped
from tests.conftest import FIXTURES, ROOT


def only_error(result) -> tuple[str, int, int, str]:
    assert result.scenario is None and len(result.diagnostics) == 1, [d.format() for d in result.diagnostics]
    d = result.diagnostics[0]
    return d.code, d.line, d.col, d.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_at_once_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    code, line, col, message = only_error(load_file(fifo))
    assert time.monotonic() - started < 1
    assert (code, line, col) == ("CC026", 1, 1) and "a pipe" in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_check_on_a_pipe_ends_with_one_located_error(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "check", str(fifo), "-q"],
                          capture_output=True, text=True, timeout=20, cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stdout.strip().endswith("[CC026]") and ":1:1: error: " in proc.stdout


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it() -> None:
    code, _, _, message = only_error(load_file("/dev/zero"))
    assert code == "CC026" and "a device" in message


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "looks_like.yaml"
    folder.mkdir()
    code, _, _, message = only_error(load_file(folder))
    assert code == "CC026" and "a folder" in message


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    code, _, _, message = only_error(load_file(tmp_path / "nothing.yaml"))
    assert code == "CC026" and "No such file" in message


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="needs a file whose size stat does not know")
def test_the_size_cap_holds_while_reading_even_when_stat_says_zero() -> None:
    assert os.stat("/proc/self/maps").st_size == 0  # regular, but its size is only known by reading it
    with pytest.raises(Unreadable) as exc:
        read_capped("/proc/self/maps", limit=16)
    assert exc.value.code == "CC005"


def test_a_file_at_the_cap_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(b"x" * 64)
    assert read_capped(path, limit=64) == b"x" * 64
    with pytest.raises(Unreadable) as exc:
        read_capped(path, limit=63)
    assert exc.value.code == "CC005"


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(FIXTURES / "valid" / "minimal.yaml")
    assert load_file(link).scenario is not None
