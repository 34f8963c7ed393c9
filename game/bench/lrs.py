"""A local learning record store for the bench: ralph (`ralph runserver -b fs`) on 127.0.0.1 in a temp folder.

ralph 5.1's fs backend refuses to write a file that exists, so every POST after the first would fail; a
sitecustomize shim on the server's path makes that backend append (as the records tests do).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .harness import BenchError

USER, PASSWORD = "customer-chain-bench", "bench-only-secret"
SHIM = """try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
except ImportError:
    pass
"""


def ralph_command() -> list[str] | None:
    """How to start ralph here, or None when it is not installed."""
    exe = shutil.which("ralph")
    if exe:
        return [exe]
    return [sys.executable, "-m", "ralph"] if importlib.util.find_spec("ralph") is not None else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalLrs:
    """ralph with credentials made by `ralph auth`, all inside `folder`; a context manager that stops it."""

    def __init__(self, folder: Path, command: list[str]) -> None:
        self.folder, self.command = folder, command
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI"
        self.process: subprocess.Popen | None = None
        (folder / "shim").mkdir(parents=True, exist_ok=True)
        (folder / "shim" / "sitecustomize.py").write_text(SHIM, encoding="utf-8")
        self.env = {**os.environ, "RALPH_APP_DIR": str(folder / "app"), "RALPH_RUNSERVER_BACKEND": "fs",
                    "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "lrs"),
                    "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
                    "PYTHONPATH": os.pathsep.join([str(folder / "shim"), os.environ.get("PYTHONPATH", "")])}

    def __enter__(self) -> LocalLrs:
        try:
            subprocess.run([*self.command, "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M",
                            "mailto:lrs-admin@example.org", "-w"], env=self.env, cwd=self.folder, check=True,
                           capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as exc:
            raise BenchError(f"ralph could not make its credentials ({exc})") from exc
        log = open(self.folder / "server.log", "wb")  # noqa: SIM115 (closed with the process)
        self.process = subprocess.Popen([*self.command, "runserver", "-b", "fs", "--host", "127.0.0.1", "--port",
                                         str(self.port)], env=self.env, cwd=self.folder, stdout=log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.__exit__()
                raise BenchError("ralph stopped before it answered: "
                                 + (self.folder / "server.log").read_text(errors="replace")[-300:])
            try:
                self._get("/statements?limit=1")
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise BenchError("ralph did not answer within 60 s")

    def _get(self, path: str) -> bytes:
        import base64

        request = urllib.request.Request(self.url + path)
        request.add_header("Authorization", "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode())
        request.add_header("X-Experience-API-Version", "1.0.3")
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (a local http address)
            return response.read()

    def __exit__(self, *_: object) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
