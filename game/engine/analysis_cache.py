"""A cache of the slow part of checking (state exploration), keyed by file content and checker code.

An edited file has a new hash and is always analysed again; so is every file after the checker changes.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from ..safe_json import Damaged, read_json, remove_stale_temp_files, set_aside
from ..sha256 import sha256

MAX_ENTRIES = 500
MAX_BYTES = 32 << 20  # 500 entries of diagnostics fit many times over
MAX_DEPTH = 8  # the cache is written 4 levels deep
_TEMP_PREFIX = ".analysis-"
_code_hash: str | None = None


def code_files() -> list[Path]:
    """The checker's source: every module of the engine (the loader, the builder, the checks and the rules
    they use) and the bundled principle vocabulary the builder checks against, so a change to any of them is
    never answered from old results."""
    from .teaching import bundled_principles_path

    here = Path(__file__).resolve().parent
    vocabulary = bundled_principles_path()
    return [*sorted(here.glob("*.py")), *([vocabulary] if vocabulary.is_file() else [])]


def checker_hash() -> str:
    """Hash of the checker's own source, so a changed checker never trusts old results."""
    global _code_hash
    if _code_hash is None:
        h = sha256()
        for path in code_files():
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        _code_hash = h.hexdigest()[:16]
    return _code_hash


class AnalysisCache:
    """Diagnostics of the exploration step per content hash, stored as a JSON file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, list[dict]] = {}
        self.changed = False
        self.problem: str | None = None
        if path is not None:
            self._read(path)

    def _read(self, path: Path) -> None:
        """Take the entries from the file; a damaged file is renamed aside (never deleted) with a `.problem`."""
        remove_stale_temp_files(path.parent, (_TEMP_PREFIX,))
        try:
            data = read_json(path, MAX_BYTES, MAX_DEPTH)
        except Damaged as exc:
            self._set_aside(path, str(exc))
            return
        except OSError as exc:
            self.problem = (f"The analysis cache {path} could not be read ({exc.strerror or exc}); scenario files "
                            "are checked afresh.")
            return
        if data is None:
            return
        if not isinstance(data, dict) or not isinstance(data.get("entries", {}), dict):
            self._set_aside(path, "it is not a list of results")
            return
        if data.get("checker") == checker_hash():
            self.entries = {k: v for k, v in data["entries"].items() if isinstance(k, str) and _valid(v)}

    def _set_aside(self, path: Path, reason: str) -> None:
        moved = set_aside(path)
        where = f"it has been kept as {moved.name}" if moved is not None else "it has been left as it is"
        self.problem = (f"The analysis cache {path} was damaged ({reason}); {where}, and scenario files are checked "
                        "afresh.")

    @staticmethod
    def key(data: bytes) -> str:
        return sha256(data).hexdigest()

    def get(self, key: str) -> list[dict] | None:
        return self.entries.get(key)

    def put(self, key: str, diagnostics: list[dict]) -> None:
        self.entries[key] = diagnostics
        while len(self.entries) > MAX_ENTRIES:
            self.entries.pop(next(iter(self.entries)))
        self.changed = True

    def save(self) -> str | None:
        """Write atomically if anything changed; return a message instead of raising."""
        if self.path is None or not self.changed:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=_TEMP_PREFIX, suffix=".tmp")
        except OSError as exc:
            return f"analysis cache not saved: {exc}"
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"checker": checker_hash(), "entries": self.entries}, fh)
            os.replace(tmp, self.path)
        except (OSError, ValueError) as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return f"analysis cache not saved: {exc}"
        self.changed = False
        return None


def _valid(items: object) -> bool:
    return isinstance(items, list) and all(
        isinstance(d, dict) and isinstance(d.get("line"), int) and isinstance(d.get("col"), int)
        and d.get("severity") in ("error", "warning") and isinstance(d.get("code"), str)
        and isinstance(d.get("message"), str) for d in items)
