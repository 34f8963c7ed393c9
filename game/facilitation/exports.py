"""Where a class debrief is exported: <data dir>/exports/<scenario>-<timestamp>/, never overwriting."""

from __future__ import annotations

import os
import secrets
from datetime import datetime
from pathlib import Path

from ..userdata.paths import data_dir


def export_folder(scenario_id: str, when: datetime | None = None, root: Path | None = None) -> Path:
    """A new, not yet existing folder for one export (created by the writer)."""
    when = when or datetime.now()
    base = (root or data_dir() / "exports") / f"{scenario_id}-{when:%Y%m%d-%H%M%S}"
    folder, n = base, 2
    while folder.exists():
        folder = base.with_name(f"{base.name}-{n}")
        n += 1
    return folder


def new_temp_file(folder: Path, prefix: str, suffix: str = ".tmp") -> tuple[int, str]:
    """A new temporary file in folder, opened for writing, with the user's normal file mode (the umask decides,
    as for any file they save; mkstemp's 0600 would hide an export from the people it is meant for)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = str(folder / f"{prefix}{secrets.token_hex(6)}{suffix}")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name in {folder}")
