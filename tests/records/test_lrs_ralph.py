"""Against a real LRS (ralph): records reach it with the learner as actor, exactly once, through a bad network.

The figure of issue 14: one recorded best path of the expired return plus `records send`; a second send adds
nothing; five more plays sent through a proxy that fails every third request and cuts every fifth (and slows
every seventh past the client's timeout), then repeated sends, leave exactly six times as many statements.
"""

import importlib.util
import shutil
from collections import Counter

import pytest

from game.cli import main
from game.records.outbox import Outbox
from game.userdata.progress import ProgressStore
from tests.records.helpers import EXPIRED_BEST, EXPIRED_BEST_CHOICES, EXPIRED_BEST_STATEMENTS
from tests.records.lrs_servers import PASSWORD, USER, FlakyProxy, Ralph, free_port
from tests.records.xapi_rules import problems

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ralph") is None or (
    shutil.which("ralph") is None and importlib.util.find_spec("ralph.__main__") is None),
    reason="ralph is not installed: pip install 'ralph-malph[lrs,cli]' to test against a real LRS")

LEARNER = "Ana Silva <ana@example.org>"


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    server = Ralph(tmp_path_factory.mktemp("ralph"))
    server.start()
    yield server
    server.stop()


def _point_at(monkeypatch, url: str, timeout: str = "10") -> None:
    monkeypatch.setenv("CUSTOMER_CHAIN_LRS_ENDPOINT", url)
    monkeypatch.setenv("CUSTOMER_CHAIN_LRS_USERNAME", USER)
    monkeypatch.setenv("CUSTOMER_CHAIN_LRS_PASSWORD", PASSWORD)
    monkeypatch.setenv("CUSTOMER_CHAIN_LRS_TIMEOUT", timeout)


def _ours(ralph, registrations: set[str]) -> list[dict]:
    return [s for s in ralph.statements() if s.get("context", {}).get("registration") in registrations]


def _registrations() -> set[str]:
    return {a.registration for a in ProgressStore().all_attempts()}


def test_a_recorded_play_reaches_the_lrs_once_with_the_learner_as_actor(ralph, monkeypatch, capsys):
    _point_at(monkeypatch, ralph.url)
    assert main(["run", "expired_return", "--choices", EXPIRED_BEST, "--record", "--learner", LEARNER]) == 0
    assert main(["records", "send"]) == 0
    out = capsys.readouterr()
    assert PASSWORD not in out.out + out.err
    sent = Outbox(ProgressStore().path).statements()
    stored = _ours(ralph, _registrations())
    assert sorted(s["id"] for s in stored) == sorted(s["id"] for s in sent)
    assert len(stored) == EXPIRED_BEST_STATEMENTS
    assert {s["actor"].get("mbox") for s in stored} == {"mailto:ana@example.org"}
    assert Counter(s["verb"]["id"].rsplit("/", 1)[-1] for s in stored) == {
        "initialized": 1, "attempted": 1, "answered": len(EXPIRED_BEST_CHOICES), "completed": 1}
    for st in stored:  # what the LRS gives back is still valid xAPI
        assert problems({k: v for k, v in st.items() if k not in ("stored", "authority", "version")}) == []
    assert main(["records", "send"]) == 0
    assert len(_ours(ralph, _registrations())) == EXPIRED_BEST_STATEMENTS


def test_through_a_flaky_network_each_statement_is_stored_exactly_once(ralph, monkeypatch, capsys):
    # Nothing listening yet: the send fails, says why in words, and keeps everything.
    _point_at(monkeypatch, f"http://127.0.0.1:{free_port()}/xAPI", timeout="1.5")
    assert main(["run", "expired_return", "--choices", EXPIRED_BEST, "--record", "--learner", LEARNER]) == 0
    assert main(["records", "send", "--tries", "1"]) == 1
    assert "connection refused" in capsys.readouterr().err
    assert Outbox(ProgressStore().path).status().waiting == EXPIRED_BEST_STATEMENTS
    # Direct: the first play is sent; a second send adds nothing.
    _point_at(monkeypatch, ralph.url)
    assert main(["records", "send"]) == 0
    first = _ours(ralph, _registrations())
    assert len(first) == EXPIRED_BEST_STATEMENTS
    assert main(["records", "send"]) == 0
    assert len(_ours(ralph, _registrations())) == EXPIRED_BEST_STATEMENTS
    # Five more plays through the flaky proxy, each followed by a send, then sends until nothing waits.
    proxy = FlakyProxy(ralph.port).start()
    try:
        _point_at(monkeypatch, proxy.url, timeout="1.5")
        for _ in range(5):
            assert main(["run", "expired_return", "--choices", EXPIRED_BEST, "--record", "--learner", LEARNER]) == 0
            main(["records", "send", "--tries", "1", "--batch", "5"])
        for _ in range(20):
            if main(["records", "send", "--tries", "2", "--batch", "5"]) == 0:
                break
        capsys.readouterr()
    finally:
        proxy.stop()
    outbox = Outbox(ProgressStore().path)
    assert outbox.status().waiting == 0
    stored = _ours(ralph, _registrations())
    counts = Counter(s["id"] for s in stored)
    assert len(stored) == 6 * len(first) == 6 * EXPIRED_BEST_STATEMENTS, proxy.log
    assert set(counts.values()) == {1}
    assert set(counts) == {s["id"] for s in outbox.statements()}
    faults = [entry for entry in proxy.log if not entry.endswith((": 200", ": 204"))]
    assert any("cut" in f for f in faults) and any("503" in f or "500" in f for f in faults), proxy.log
    print(f"\nflaky network: {proxy.count} requests, {len(faults)} faults: {faults}")
