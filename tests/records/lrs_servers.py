"""A real LRS for tests (ralph, fs backend, in a temp folder) and a flaky proxy to put in front of it.

ralph 5.1's fs backend writes each POST with the data backend's default operation ("create"), which refuses
to touch the file once it exists, so every POST after the first fails with a 500. A sitecustomize shim on the
server's PYTHONPATH makes that backend append instead; nothing else of ralph is changed.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

USER, PASSWORD = "customer-chain-test", "s3cret-for-tests-only"
SHIM = """try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
except ImportError:
    pass
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Ralph:
    """`ralph runserver -b fs` on 127.0.0.1, with credentials made by `ralph auth`, all inside `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI"
        self.process: subprocess.Popen | None = None
        (folder / "shim").mkdir(parents=True)
        (folder / "shim" / "sitecustomize.py").write_text(SHIM)
        self.env = {**os.environ, "RALPH_APP_DIR": str(folder / "app"), "RALPH_RUNSERVER_BACKEND": "fs",
                    "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "lrs"),
                    "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
                    "PYTHONPATH": os.pathsep.join([str(folder / "shim"), os.environ.get("PYTHONPATH", "")])}

    def _ralph(self) -> list[str]:
        exe = shutil.which("ralph")
        return [exe] if exe else [sys.executable, "-m", "ralph"]

    def start(self, wait: float = 90.0) -> None:
        subprocess.run([*self._ralph(), "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M",
                        "mailto:lrs-admin@example.org", "-w"], env=self.env, cwd=self.folder, check=True,
                       capture_output=True, timeout=60)
        log = open(self.folder / "server.log", "wb")  # noqa: SIM115 (closed with the process)
        self.process = subprocess.Popen([*self._ralph(), "runserver", "-b", "fs", "--host", "127.0.0.1",
                                         "--port", str(self.port)], env=self.env, cwd=self.folder, stdout=log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ralph stopped: {(self.folder / 'server.log').read_text()[-2000:]}")
            try:
                self.get("/statements?limit=1")
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("ralph did not start in time")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)

    def get(self, path: str) -> dict:
        request = urllib.request.Request(self.url + path)
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
        request.add_header("X-Experience-API-Version", "1.0.3")
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read())

    def statements(self) -> list[dict]:
        """Every statement the LRS holds (following `more` links)."""
        out: list[dict] = []
        page = self.get("/statements?limit=100")
        while True:
            out += page["statements"]
            more = page.get("more")
            if not more:
                return out
            page = self.get(more[more.index("/statements"):] if "/statements" in more else more)


class FlakyProxy:
    """Forwards to an LRS, but answers the n-th request badly: every `fail_every`-th with 503 or 500 (not
    forwarded), every `cut_every`-th forwarded and then cut before the answer, every `slow_every`-th forwarded
    after `slow_s` seconds. Bounded: at most `max_requests` requests are served."""

    def __init__(self, target_port: int, fail_every: int = 3, cut_every: int = 5, slow_every: int = 7,
                 slow_s: float = 2.5, max_requests: int = 400) -> None:
        self.target_port = target_port
        self.fail_every, self.cut_every, self.slow_every, self.slow_s = fail_every, cut_every, slow_every, slow_s
        self.max_requests = max_requests
        self.count = 0
        self.log: list[str] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                proxy._serve(self)

            def do_GET(self) -> None:
                proxy._serve(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = False
        self.server.block_on_close = True  # stop() waits for a slow answer still being forwarded
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/xAPI"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> FlakyProxy:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _forward(self, handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, str, list, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.target_port, timeout=20)
        headers = {k: v for k, v in handler.headers.items() if k.lower() not in ("host", "connection")}
        conn.request(handler.command, handler.path, body=body or None, headers=headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, response.reason, response.getheaders(), data

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        body = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
        with self._lock:
            self.count += 1
            n = self.count
        if n > self.max_requests:
            handler.send_error(429, "Too many requests in this test")
            return
        if handler.command == "POST" and n % self.cut_every == 0:
            self._forward(handler, body)  # stored by the LRS, but the client never hears so
            self.log.append(f"{n}: forwarded, then cut")
            handler.close_connection = True
            handler.connection.shutdown(socket.SHUT_RDWR)
            return
        if handler.command == "POST" and n % self.fail_every == 0:
            code = 503 if n % 2 else 500
            self.log.append(f"{n}: {code}")
            handler.send_error(code)
            return
        if handler.command == "POST" and n % self.slow_every == 0:
            self.log.append(f"{n}: slow ({self.slow_s}s)")
            time.sleep(self.slow_s)
        status, reason, headers, data = self._forward(handler, body)
        self.log.append(f"{n}: {status}")
        handler.send_response(status, reason)
        for key, value in headers:
            if key.lower() not in ("transfer-encoding", "connection", "content-length", "date", "server"):
                handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
