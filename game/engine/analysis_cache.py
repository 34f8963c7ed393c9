"""A cache of the slow part of checking (state exploration), keyed by file content and checker code.

An edited file has a new hash and is always analysed again; so is every file after the checker changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

MAX_ENTRIES = 500
_CODE_FILES = ("loader.py", "analysis.py", "rules.py", "conditions.py", "typecheck.py", "spec.py", "lifetime.py",
               "yamltree.py", "textcheck.py", "suggest.py", "structure.py", "budget.py", "reading.py",
               "diagnostics.py", "vocabulary.py", "model.py", "text.py", "playthrough.py")
_code_hash: str | None = None


def checker_hash() -> str:
    """Hash of the checker's own source, so a changed checker never trusts old results."""
    global _code_hash
    if _code_hash is None:
        h = hashlib.sha256()
        here = Path(__file__).resolve().parent
        for name in _CODE_FILES:
            h.update((here / name).read_bytes())
        _code_hash = h.hexdigest()[:16]
    return _code_hash


class AnalysisCache:
    """Diagnostics of the exploration step per content hash, stored as a JSON file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, list[dict]] = {}
        self.changed = False
        self.problem: str | None = None
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                self.problem = f"analysis cache ignored: {exc}"
                data = {}
            if isinstance(data, dict) and data.get("checker") == checker_hash():
                entries = data.get("entries")
                if isinstance(entries, dict):
                    self.entries = {k: v for k, v in entries.items() if _valid(v)}

    @staticmethod
    def key(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

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
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".analysis-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"checker": checker_hash(), "entries": self.entries}, fh)
            os.replace(tmp, self.path)
        except OSError as exc:
            return f"analysis cache not saved: {exc}"
        self.changed = False
        return None


def _valid(items: object) -> bool:
    return isinstance(items, list) and all(
        isinstance(d, dict) and isinstance(d.get("line"), int) and isinstance(d.get("col"), int)
        and d.get("severity") in ("error", "warning") and isinstance(d.get("code"), str)
        and isinstance(d.get("message"), str) for d in items)
