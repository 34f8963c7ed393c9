"""Sending the outbox to an LRS: batches POSTed to `<endpoint>/statements`, retried with backoff.

200 and 204 mark a batch delivered. A 409 means the LRS already holds (some of) those ids; the batch is
then sent one statement at a time and a 409 for one statement marks it delivered too, since statement ids
are made here and never reused. Because a statement is marked only after the LRS answered, a crash or a
cut connection at any point means it is sent again later, and the LRS drops the copy by its id: each
statement is stored exactly once. The game never waits for any of this: the Sender runs on its own thread.
"""

from __future__ import annotations

import base64
import random
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .config import LrsConfig
from .outbox import Outbox
from .vocabulary import XAPI_VERSION

BATCH = 50
TIMEOUT_S = 10.0
FIRST_RETRY_S = 2.0
MAX_RETRY_S = 300.0
IDLE_S = 60.0


@dataclass(frozen=True)
class Answer:
    status: int | None  # HTTP status, None when no answer came
    words: str  # a plain sentence for a failure, "" for success


@dataclass
class SendReport:
    sent: int = 0
    refused: int = 0
    posts: int = 0
    error: str = ""


def _describe(exc: BaseException, config: LrsConfig, timeout: float) -> str:
    import http.client
    import urllib.error

    host = config.shown_endpoint
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"the LRS at {host} did not answer within {timeout:g} seconds"
    if isinstance(exc, ConnectionRefusedError):
        return f"nothing answers at {host} (connection refused)"
    if isinstance(exc, (ConnectionResetError, http.client.RemoteDisconnected, http.client.IncompleteRead,
                        BrokenPipeError)):
        return f"the connection to {host} was cut before the LRS answered"
    if isinstance(exc, socket.gaierror):
        return f"the LRS's address {host} could not be found (check the name and the network)"
    if isinstance(exc, OSError):
        return f"could not reach the LRS at {host} ({exc.strerror or type(exc).__name__})"
    return f"could not reach the LRS at {host} ({type(exc).__name__})"


def _status_words(status: int, reason: str) -> str:
    if status in (401, 403):
        return f"the LRS refused the user name or password ({status} {reason})"
    if status == 404:
        return f"there is no LRS at that address ({status} {reason}); check the endpoint"
    if status >= 500:
        return f"the LRS had a problem ({status} {reason}); it will be tried again"
    return f"the LRS answered {status} {reason}"


def post(config: LrsConfig, bodies: list[str], timeout: float = TIMEOUT_S) -> Answer:
    """POST a JSON array of statements; never raises for network trouble."""
    # Imported at the first send: with OpenSSL and the email parser they take about 6 MB, which a game
    # that records plays but sends them nowhere never needs.
    import http.client
    import urllib.error
    import urllib.request

    data = ("[" + ",".join(bodies) + "]").encode("utf-8")
    request = urllib.request.Request(config.statements_url, data=data, method="POST")
    request.add_header("Content-Type", "application/json")
    request.add_header("X-Experience-API-Version", XAPI_VERSION)
    if config.username or config.password:
        token = base64.b64encode(f"{config.username}:{config.password}".encode()).decode("ascii")
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https checked)
            response.read(1_000_000)
            return Answer(response.status, "")
    except urllib.error.HTTPError as exc:
        with exc:
            exc.read(10_000)
        return Answer(exc.code, _status_words(exc.code, exc.reason or ""))
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return Answer(None, _describe(exc, config, timeout))


class Sender:
    """Delivers the outbox; `send_all` once (the `records send` command) or `start` a background thread."""

    def __init__(self, outbox: Outbox, config: LrsConfig, batch: int = BATCH, timeout: float | None = None,
                 poster: Callable[[LrsConfig, list[str], float], Answer] = post) -> None:
        self.outbox, self.config, self.batch, self._post = outbox, config, batch, poster
        self.timeout = config.timeout if timeout is None else timeout
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_error = ""

    # ---- one pass --------------------------------------------------------------------------------
    def _deliver(self, rows: list[tuple[str, str]], report: SendReport) -> bool:
        """Send rows; True when each was acknowledged or refused for good, False on a failure to retry."""
        answer = self._post(self.config, [body for _, body in rows], self.timeout)
        report.posts += 1
        ids = [i for i, _ in rows]
        if answer.status in (200, 204) or (answer.status == 409 and len(rows) == 1):
            self.outbox.mark_sent(ids)
            report.sent += len(ids)
            return True
        if answer.status in (400, 409) and len(rows) > 1:
            return all(self._deliver([row], report) for row in rows)
        if answer.status == 400:
            self.outbox.mark_sent(ids, refused=answer.words)
            report.refused += 1
            return True
        self.outbox.note_error(ids, answer.words)
        report.error = self.last_error = answer.words
        return False

    def send_once(self) -> SendReport:
        """Send what is waiting, batch by batch, until the outbox is empty or a send fails."""
        report = SendReport()
        if not self.config.enabled:
            report.error = "no LRS is set up"
            return report
        while not self._stop.is_set():
            rows = self.outbox.waiting(self.batch)
            if not rows or not self._deliver(rows, report):
                break
        if not report.error:
            self.last_error = ""
        return report

    def send_all(self, tries: int = 5, first_wait: float = 0.5, max_wait: float = 8.0,
                 sleep: Callable[[float], None] = time.sleep) -> SendReport:
        """send_once, retried with backoff up to `tries` times while failures leave statements waiting."""
        total = SendReport()
        wait = first_wait
        for attempt in range(tries):
            report = self.send_once()
            total.sent += report.sent
            total.refused += report.refused
            total.posts += report.posts
            total.error = report.error
            if not report.error or attempt == tries - 1:
                break
            sleep(wait)
            wait = min(max_wait, wait * 2)
        return total

    # ---- in the background -----------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None and self.config.enabled:
            self._thread = threading.Thread(target=self._run, name="lrs-sender", daemon=True)
            self._thread.start()

    def notify(self) -> None:
        """New statements are waiting: send soon."""
        self._wake.set()

    def stop(self, wait: float = 1.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(wait)

    def _run(self) -> None:
        delay = FIRST_RETRY_S
        while not self._stop.is_set():
            try:
                report = self.send_once()
            except Exception as exc:  # the database may be locked or damaged: report it and try later
                report = SendReport(error=f"the records could not be read ({type(exc).__name__}: {exc})")
                self.last_error = report.error
            if report.error:
                pause = delay * random.uniform(0.8, 1.2)
                delay = min(MAX_RETRY_S, delay * 2)
            else:
                pause, delay = IDLE_S, FIRST_RETRY_S
            self._wake.wait(pause)
            self._wake.clear()
