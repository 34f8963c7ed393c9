"""The outbox and its sender, against a small in-process LRS that stores by id like a real one."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from game.records.config import LrsConfig, load_config
from game.records.outbox import Outbox
from game.records.sender import Answer, Sender, post
from tests.records.helpers import EXPIRED_BEST_CHOICES, EXPIRED_BEST_STATEMENTS, record_play


class FakeLrs:
    """Stores statements by id; answers 200 with new ids, 204 for repeats, 409 for differing ones (the
    statuses of the spec), or a fixed status when `answer` is set."""

    def __init__(self, conflict_on_repeat: bool = False) -> None:
        self.stored: dict[str, dict] = {}
        self.headers: list[dict] = []
        self.answer: int | None = None
        self.conflict_on_repeat = conflict_on_repeat
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                lrs.headers.append({k.lower(): v for k, v in self.headers.items()})
                if lrs.answer is not None:
                    self.send_response(lrs.answer)
                    self.end_headers()
                    return
                repeats = [s["id"] for s in body if s["id"] in lrs.stored]
                if repeats and lrs.conflict_on_repeat:
                    self.send_response(409)
                    self.end_headers()
                    return
                new = [s for s in body if s["id"] not in lrs.stored]
                lrs.stored.update({s["id"]: s for s in new})
                self.send_response(200 if new else 204)
                self.end_headers()
                if new:
                    self.wfile.write(json.dumps([s["id"] for s in new]).encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def lrs():
    server = FakeLrs()
    yield server
    server.close()


def config(url: str) -> LrsConfig:
    return LrsConfig(url, "key", "the-secret-password", timeout=2)


def test_sends_in_batches_with_the_xapi_header_and_basic_auth(lrs):
    rec, sts = record_play(EXPIRED_BEST_CHOICES)
    outbox = Outbox(rec.store.path)
    report = Sender(outbox, config(lrs.url), batch=5).send_once()
    assert report.sent == EXPIRED_BEST_STATEMENTS == len(sts)
    assert report.posts == -(-len(sts) // 5) and not report.error
    assert set(lrs.stored) == {s["id"] for s in sts}
    head = lrs.headers[0]
    assert head["x-experience-api-version"] == "1.0.3"
    assert head["authorization"] == "Basic " + base64.b64encode(b"key:the-secret-password").decode()
    assert outbox.status().waiting == 0 and outbox.status().sent == len(sts)


def test_a_crash_after_the_post_sends_again_and_the_lrs_keeps_one_copy(lrs):
    rec, sts = record_play(["1", "1"])
    outbox = Outbox(rec.store.path)

    def post_then_crash(cfg, bodies, timeout):
        post(cfg, bodies, timeout)
        raise KeyboardInterrupt  # the game is killed after the LRS stored them, before they were marked

    with pytest.raises(KeyboardInterrupt):
        Sender(outbox, config(lrs.url), poster=post_then_crash).send_once()
    assert outbox.status().waiting == len(sts)
    assert Sender(outbox, config(lrs.url)).send_once().sent == len(sts)
    assert len(lrs.stored) == len(sts) and outbox.status().waiting == 0


def test_a_409_batch_is_resent_one_by_one_and_409_marks_a_statement_delivered():
    lrs = FakeLrs(conflict_on_repeat=True)
    try:
        rec, sts = record_play(["1", "1"])
        outbox = Outbox(rec.store.path)
        early = json.loads(json.dumps(sts[0]))
        lrs.stored[early["id"]] = early  # the LRS already holds the first one (an earlier cut connection)
        report = Sender(outbox, config(lrs.url)).send_once()
        assert report.sent == len(sts) and outbox.status().waiting == 0
        assert len(lrs.stored) == len(sts)
    finally:
        lrs.close()


@pytest.mark.parametrize(("status", "words"), [(401, "refused the user name or password"), (503, "had a problem"),
                                               (404, "no LRS at that address")])
def test_failures_keep_everything_and_say_why_in_words(lrs, status, words):
    rec, sts = record_play(["1"])
    outbox = Outbox(rec.store.path)
    lrs.answer = status
    report = Sender(outbox, config(lrs.url)).send_once()
    assert words in report.error and "the-secret-password" not in report.error
    state = outbox.status()
    assert state.waiting == len(sts) and words in state.last_error
    assert "waiting to be sent" in state.words(lrs.url) and words in state.words(lrs.url)
    lrs.answer = None
    assert Sender(outbox, config(lrs.url)).send_once().sent == len(sts)
    assert outbox.status().last_error == ""


def test_a_statement_the_lrs_rejects_is_kept_aside_and_does_not_block_the_rest(lrs):
    rec, sts = record_play(["1"])
    outbox = Outbox(rec.store.path)
    lrs.answer = 400
    calls = []

    def picky(cfg, bodies, timeout):
        calls.append(len(bodies))
        if len(bodies) == 1 and json.loads(bodies[0])["verb"]["id"].endswith("attempted"):
            return Answer(400, "the LRS answered 400 Bad Request")
        lrs.answer = None if len(bodies) == 1 else 400
        return post(cfg, bodies, timeout)

    report = Sender(outbox, config(lrs.url), poster=picky).send_once()
    assert report.refused == 1 and report.sent == len(sts) - 1
    assert outbox.status().refused == 1 and outbox.status().waiting == 0


def test_unreachable_and_slow_lrs_are_described_without_the_password():
    rec, _ = record_play(["1"])
    outbox = Outbox(rec.store.path)
    refused = Sender(outbox, LrsConfig("http://user:pw-in-url@127.0.0.1:9/xAPI", "u", "secret-pw", timeout=1))
    report = refused.send_once()
    assert "connection refused" in report.error
    assert "pw-in-url" not in report.error and "secret-pw" not in report.error
    assert "secret-pw" not in repr(refused.config) and "pw-in-url" not in refused.config.statements_url


def test_the_background_sender_delivers_without_the_caller_waiting(lrs):
    rec, sts = record_play(EXPIRED_BEST_CHOICES)
    sender = Sender(Outbox(rec.store.path), config(lrs.url))
    sender.start()
    try:
        for _ in range(100):
            if len(lrs.stored) == len(sts):
                break
            threading.Event().wait(0.05)
    finally:
        sender.stop()
    assert len(lrs.stored) == len(sts)


def test_configuration_from_the_environment_wins_over_the_file(data_folder, monkeypatch):
    data_folder.mkdir()
    (data_folder / "lrs.json").write_text(json.dumps({"endpoint": "https://file.example/xapi", "username": "f",
                                                      "password": "p"}))
    assert load_config()[0].endpoint == "https://file.example/xapi"
    monkeypatch.setenv("CUSTOMER_CHAIN_LRS_ENDPOINT", "https://env.example/xapi/")
    cfg, problem = load_config()
    assert (cfg.endpoint, cfg.username, problem) == ("https://env.example/xapi/", "f", None)
    assert cfg.statements_url == "https://env.example/xapi/statements"
    monkeypatch.setenv("CUSTOMER_CHAIN_LRS_ENDPOINT", "ftp://nope")
    cfg, problem = load_config()
    assert not cfg.enabled and "https://" in problem
    (data_folder / "lrs.json").write_text("[" * 5000)
    monkeypatch.delenv("CUSTOMER_CHAIN_LRS_ENDPOINT")
    cfg, problem = load_config()
    assert not cfg.enabled and "could not be read" in problem
