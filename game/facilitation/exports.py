"""Where a class debrief is exported: <data dir>/exports/<scenario>-<timestamp>/, never overwriting."""

from __future__ import annotations

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
