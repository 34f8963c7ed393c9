"""Where learning records go: the LRS endpoint and its key and secret, from the environment or lrs.json.

CUSTOMER_CHAIN_LRS_ENDPOINT, CUSTOMER_CHAIN_LRS_USERNAME and CUSTOMER_CHAIN_LRS_PASSWORD win over the file
`<data folder>/lrs.json` ({"endpoint", "username", "password", "base_iri", "account_home"}), which is written
readable by its owner only. CUSTOMER_CHAIN_XAPI_BASE sets the base IRI of the activities and
CUSTOMER_CHAIN_LRS_TIMEOUT the seconds to wait for an answer (default 10). The password is
never part of a repr, a message or a log line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..userdata.atomic import write_atomic
from ..userdata.paths import data_dir
from ..userdata.rows import bounded_json
from .vocabulary import DEFAULT_BASE_IRI

ENV = {"endpoint": "CUSTOMER_CHAIN_LRS_ENDPOINT", "username": "CUSTOMER_CHAIN_LRS_USERNAME",
       "password": "CUSTOMER_CHAIN_LRS_PASSWORD", "base_iri": "CUSTOMER_CHAIN_XAPI_BASE",
       "account_home": "CUSTOMER_CHAIN_XAPI_ACCOUNT_HOME"}
FILE_NAME = "lrs.json"


@dataclass(frozen=True)
class LrsConfig:
    """Where learning records are sent (an LRS) and how, as kept in its settings file."""

    endpoint: str = ""
    username: str = ""
    password: str = field(default="", repr=False)
    base_iri: str = DEFAULT_BASE_IRI
    account_home: str = ""
    timeout: float = 10.0

    @property
    def enabled(self) -> bool:
        return bool(self.endpoint)

    @property
    def statements_url(self) -> str:
        """`<endpoint>/statements`, without any user name or password written into the address."""
        return self.shown_endpoint.rstrip("/") + "/statements"

    @property
    def shown_endpoint(self) -> str:
        """The endpoint as it may be shown: any user:password@ part removed."""
        parts = urlsplit(self.endpoint)
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, parts.query, ""))

    def with_changes(self, **changes: str) -> LrsConfig:
        return replace(self, **changes)


def config_path() -> Path:
    return data_dir() / FILE_NAME


def check_endpoint(text: str) -> str | None:
    """A plain sentence when the endpoint cannot be used, else None."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"The LRS address '{LrsConfig(text).shown_endpoint or text[:80]}' should start with https://"
    return None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        return 10.0
    return value if 0.1 <= value <= 300 else 10.0


def load_config(env: Mapping[str, str] | None = None, path: Path | None = None) -> tuple[LrsConfig, str | None]:
    """The configuration, and a plain sentence when part of it was unusable. Never raises."""
    env = os.environ if env is None else env
    values: dict[str, str] = {}
    problem = None
    target = path or config_path()
    try:
        if target.is_file():
            with open(target, "rb") as fh:
                data = bounded_json(fh.read(20_001), 20_000, 2)
            if isinstance(data, dict):
                values = {k: v for k, v in data.items() if k in ENV and isinstance(v, str) and len(v) <= 2000}
            else:
                problem = f"The learning-records settings in {target} could not be read; they were left as they are."
    except OSError as exc:
        problem = f"The learning-records settings could not be read ({exc.strerror or exc})."
    for key, var in ENV.items():
        if env.get(var, "").strip():
            values[key] = env[var].strip()
    config = LrsConfig(**values, timeout=_seconds(env.get("CUSTOMER_CHAIN_LRS_TIMEOUT", "")))
    if config.endpoint and (bad := check_endpoint(config.endpoint)):
        return replace(config, endpoint=""), bad
    return config, problem


def save_config(config: LrsConfig, path: Path | None = None) -> str | None:
    """Write lrs.json (owner-only, atomically); a plain sentence on failure."""
    data = {"endpoint": config.endpoint, "username": config.username, "password": config.password,
            "base_iri": config.base_iri, "account_home": config.account_home}
    try:
        write_atomic(path or config_path(), (json.dumps(data, indent=2) + "\n").encode("utf-8"), private=True)
    except OSError as exc:
        return f"The learning-records settings could not be saved ({exc.strerror or exc})."
    return None
