"""Plays in progress, kept so a learner who leaves mid-scenario (menu, closed window, crash) can continue.

One JSON file per learner and scenario under `<data folder>/saves/`, rewritten atomically after every
decision. It holds the play (by stable choice ids), the scenario version it was made with, the attempt's
registration and start time, and the journal of what happened (rolled-back decisions included).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_atomic
from .paths import data_dir
from .rows import bounded_json, plain_number

SAVE_FORMAT = 1
MAX_BYTES = 1_000_000
_SAFE = re.compile(r"[^a-z0-9_-]")


@dataclass
class SavedPlay:
    scenario_id: str
    scenario_version: str
    learner_id: str
    registration: str
    started_at: str
    play: dict  # Playthrough.to_json()
    elapsed: float = 0.0  # seconds of play so far
    journal: list[dict] = field(default_factory=list)  # {"event", "choice", "node", "at", "statement"}

    def to_json(self) -> dict:
        return {"format": SAVE_FORMAT, "scenario": self.scenario_id, "version": self.scenario_version,
                "learner": self.learner_id, "registration": self.registration, "started_at": self.started_at,
                "elapsed": round(self.elapsed, 3), "play": self.play, "journal": self.journal}

    @property
    def decisions(self) -> int:
        choices = self.play.get("choices")
        return len(choices) if isinstance(choices, list) else 0


def _name(part: str) -> str:
    return _SAFE.sub("_", part.lower())[:80] or "_"


def save_path(learner_id: str, scenario_id: str, folder: Path | None = None) -> Path:
    return (folder or data_dir() / "saves") / _name(learner_id) / f"{_name(scenario_id)}.json"


def write_save(save: SavedPlay, folder: Path | None = None) -> str | None:
    """Write the save atomically; a plain sentence when it could not be written."""
    try:
        data = json.dumps(save.to_json(), ensure_ascii=False, sort_keys=True).encode("utf-8")
        write_atomic(save_path(save.learner_id, save.scenario_id, folder), data)
    except (OSError, ValueError) as exc:
        return f"Your place in this scenario could not be kept ({getattr(exc, 'strerror', None) or exc})."
    return None


def _valid(data: object) -> SavedPlay | None:
    """The save if every field has the right type and size, else None."""
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        return None
    texts = [data.get(k) for k in ("scenario", "version", "learner", "registration", "started_at")]
    play, journal, elapsed = data.get("play"), data.get("journal", []), plain_number(data.get("elapsed", 0))
    if not all(isinstance(t, str) and len(t) <= 200 for t in texts) or not isinstance(play, dict):
        return None
    if not isinstance(journal, list) or not all(isinstance(j, dict) for j in journal) or elapsed is None:
        return None
    return SavedPlay(*texts, play=play, elapsed=max(0.0, elapsed), journal=journal)


def read_save(learner_id: str, scenario_id: str, folder: Path | None = None) -> SavedPlay | None:
    """The saved play, or None when there is none or it is unreadable (then it is left where it is)."""
    path = save_path(learner_id, scenario_id, folder)
    try:
        if not path.is_file() or path.is_symlink():
            return None
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_BYTES:
        return None
    save = _valid(bounded_json(raw, MAX_BYTES, 8))
    return save if save is not None and save.scenario_id == scenario_id else None


def remove_save(learner_id: str, scenario_id: str, folder: Path | None = None) -> None:
    with contextlib.suppress(OSError):
        os.unlink(save_path(learner_id, scenario_id, folder))
