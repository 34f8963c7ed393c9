"""`schema`: print (or write) the JSON Schema generated from the format spec."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..engine.spec import scenario_json_schema


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="print the scenario JSON Schema (for YAML editors)")
    p.add_argument("--write", metavar="PATH", help="write it to PATH instead of printing")
    p.set_defaults(func=run)


def schema_text() -> str:
    return json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    if args.write:
        Path(args.write).write_text(schema_text(), encoding="utf-8")
    else:
        print(schema_text(), end="")
    return 0
