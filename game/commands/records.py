"""`records`: the learning records on this computer: their state, sending them to the LRS, and exports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..records.config import load_config
from ..records.export import write_csv, write_statements
from ..records.outbox import Outbox
from ..records.sender import Sender
from ..userdata.progress import ProgressStore
from .common import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("records", help="learning records: status, send to the LRS, export as CSV or xAPI JSON")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("status", help="how many records wait, where they go, the last problem")
    send = actions.add_parser("send", help="send the waiting records to the LRS now (retried with backoff)")
    send.add_argument("--tries", type=int, default=5, help="passes before giving up for now (default 5)")
    send.add_argument("--batch", type=int, default=50, help="statements per request (default 50)")
    export = actions.add_parser("export", help="write the records to files")
    export.add_argument("--csv", metavar="FILE", help="one row per attempt: learner, scenario, times, meters, value")
    export.add_argument("--xapi", metavar="FILE", help="every xAPI statement recorded here, as a JSON array")
    p.set_defaults(func=run)


def _open() -> tuple[ProgressStore, Outbox]:
    store = ProgressStore()
    if store.problem:
        print(f"error: {store.problem}", file=sys.stderr)
        raise SystemExit(1)
    return store, Outbox(store.path)


def run(args: argparse.Namespace) -> int:
    config, problem = load_config()
    if problem:
        print(f"warning: {problem}", file=sys.stderr)
    if args.action == "status":
        store, outbox = _open()
        status = outbox.status()
        print(status.words(config.shown_endpoint))
        print(f"LRS: {config.shown_endpoint or 'not set up'}" + (f" (user {config.username})" if config.username
                                                                 else ""))
        print(f"waiting: {status.waiting}  sent: {status.sent}  refused: {status.refused}  "
              f"learners: {len(store.learners())}  attempts: {len(store.all_attempts())}")
        return 0
    if args.action == "send":
        if not config.enabled:
            print("error: no LRS is set up: set CUSTOMER_CHAIN_LRS_ENDPOINT (and _USERNAME, _PASSWORD)",
                  file=sys.stderr)
            return 1
        _, outbox = _open()
        report = Sender(outbox, config, batch=max(1, min(500, args.batch))).send_all(tries=max(1, args.tries))
        left = outbox.status().waiting
        print(f"sent {report.sent} record(s) to {config.shown_endpoint} in {report.posts} request(s); "
              f"{left} waiting" + (f"; {report.refused} refused" if report.refused else ""))
        if left:
            print(f"error: {report.error or 'some records are still waiting'}", file=sys.stderr)
            return 1
        return 0
    if args.action == "export":
        if not (args.csv or args.xapi):
            raise UsageError("say what to export: --csv FILE and/or --xapi FILE")
        store, outbox = _open()
        try:
            if args.csv:
                print(f"{write_csv(Path(args.csv), store, outbox)} attempt(s) written to {args.csv}")
            if args.xapi:
                print(f"{write_statements(Path(args.xapi), outbox)} statement(s) written to {args.xapi}")
        except OSError as exc:
            print(f"error: could not write the export: {exc.strerror or exc}", file=sys.stderr)
            return 1
        return 0
    raise UsageError("choose an action: status, send or export")
