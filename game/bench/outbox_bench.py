"""The xAPI outbox draining 1,000 statements to a local LRS (ralph), against bare http.client POSTs of the same
number of statements in the same batches; skipped, with the reason, when ralph is not installed."""

from __future__ import annotations

import base64
import copy
import http.client
import json
import time
import uuid
from pathlib import Path

from ..engine import load_file
from ..records.config import LrsConfig
from ..records.outbox import Outbox
from ..records.recorder import PlayRecorder
from ..records.sender import BATCH, Sender
from ..records.vocabulary import XAPI_VERSION
from ..sources import bundled_dir
from ..userdata.progress import ProgressStore
from .harness import BenchError, Figure, Target, interleave
from .lrs import PASSWORD, USER, LocalLrs, ralph_command

STATEMENTS = 1000
REFERENCE_LABEL = f"http.client POSTs of the same statements, {BATCH} a batch on one connection, no database"
FID, LABEL = "records.outbox_drain", f"Drain {STATEMENTS:,} xAPI statements to a local LRS"


def template_statements(work: Path) -> list[dict]:
    """The statements of one recorded play of the expired return (always the first choice)."""
    store = ProgressStore(work / "templates.db")
    learner = store.save_learner("Bench Learner", "bench@example.org", "")
    scenario = load_file(bundled_dir() / "expired_return.yaml").scenario
    if scenario is None:
        raise BenchError("the expired return scenario does not load")
    rec = PlayRecorder.start(store, learner, scenario, LrsConfig())
    while not rec.play.ended:
        rec.choose(0)
    rec.finish()
    return Outbox(store.path).statements()


def fresh(templates: list[dict], count: int) -> list[dict]:
    """count statements like the templates with new ids (an LRS keeps each id once), a new registration a play."""
    out: list[dict] = []
    while len(out) < count:
        registration = str(uuid.uuid4())
        for st in templates[:count - len(out)]:
            st = copy.deepcopy(st)
            st["id"] = str(uuid.uuid4())
            st.setdefault("context", {})["registration"] = registration
            out.append(st)
    return out


def drain_ms(work: Path, run: int, statements: list[dict], config: LrsConfig) -> float:
    """Put the statements in a new outbox and time `Sender.send_all` (what `records send` does) until empty."""
    store = ProgressStore(work / f"outbox-{run}.db")
    if not store.enqueue(statements):
        raise BenchError(f"the outbox could not be written: {store.problem}")
    sender = Sender(Outbox(store.path), config)
    start = time.perf_counter()
    report = sender.send_all(tries=1)
    elapsed = (time.perf_counter() - start) * 1000
    if report.error or report.sent != len(statements):
        raise BenchError(f"the outbox sent {report.sent} of {len(statements)}: {report.error}")
    return elapsed


def bare_post_ms(port: int, statements: list[dict]) -> float:
    bodies = [json.dumps(statements[i:i + BATCH]).encode() for i in range(0, len(statements), BATCH)]
    headers = {"Content-Type": "application/json", "X-Experience-API-Version": XAPI_VERSION,
               "Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        for body in bodies:
            conn.request("POST", "/xAPI/statements", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status not in (200, 204):
                raise BenchError(f"the LRS answered {response.status} to a bare POST")
    finally:
        conn.close()
    return (time.perf_counter() - start) * 1000


def outbox_figure(runs: int, work: Path, count: int = STATEMENTS, quick: bool = False) -> Figure:
    target = Target(max_ratio=1.5)
    command = ralph_command()
    if quick:
        return Figure(FID, LABEL, "ms", [], [], REFERENCE_LABEL, target,
                      skipped="a quick run does not start ralph (about 10 s); the full bench measures this")
    if command is None:
        return Figure(FID, LABEL, "ms", [], [], REFERENCE_LABEL, target,
                      skipped="ralph is not installed (pip install 'ralph-malph[lrs,cli]' to measure this)")
    folder = work / "lrs"
    folder.mkdir(parents=True, exist_ok=True)
    templates = template_statements(folder)
    with LocalLrs(folder, command) as lrs:
        config = LrsConfig(endpoint=lrs.url, username=USER, password=PASSWORD)
        n = iter(range(10_000))
        game, ref = interleave(lambda: drain_ms(folder, next(n), fresh(templates, count), config),
                               lambda: bare_post_ms(lrs.port, fresh(templates, count)), runs)
    return Figure(FID, f"Drain {count:,} xAPI statements to a local LRS", "ms", game, ref, REFERENCE_LABEL, target,
                  note=f"ralph (fs backend) on 127.0.0.1; `records send` logic: batches of {BATCH}, each marked sent "
                       "in the progress database", details={"statements": count})
