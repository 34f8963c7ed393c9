"""Player settings: text size and speed, sound, theme, fullscreen, motion; kept as JSON in the data folder."""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from ..safe_json import Damaged, read_json, remove_stale_temp_files, set_aside
from .paths import settings_path

TEXT_SIZES = ("small", "normal", "large", "huge")
TEXT_SPEEDS = ("slow", "normal", "fast", "instant")
THEMES = ("normal", "high_contrast", "projector")
COACH_TIMES = ("immediate", "debrief")  # the coach's note after each choice, or only in the debrief
METER_TIMES = ("live", "end")  # meters move as you play, or are shown only at the end
FONT_SCALES = {"small": 0.85, "normal": 1.0, "large": 1.25, "huge": 1.6}
#: Characters revealed per second; "instant" is a rate high enough to show any text in one frame. Normal shows a
#: 420-character passage in 4 s (slow in about 8 s, fast in 2 s); a click or key shows it at once at any speed.
INSTANT_CPS = 1_000_000.0
CHARS_PER_SECOND = {"slow": 52.5, "normal": 105.0, "fast": 210.0, "instant": INSTANT_CPS}
FILE_VERSION = 1

_LABELS = {
    "text_size": "text size", "text_speed": "text speed", "sound": "sound", "volume": "volume",
    "theme": "theme", "fullscreen": "full screen", "facilitator": "facilitator mode", "coach": "coach",
    "meters": "meters", "motion": "motion",
}


@dataclass(frozen=True)
class Settings:
    """The player's choices, as kept in the settings file."""

    text_size: str = "normal"
    text_speed: str = "normal"
    sound: bool = True
    volume: float = 0.8
    theme: str = "normal"
    fullscreen: bool = False
    facilitator: bool = False
    coach: str = "immediate"
    meters: str = "live"
    motion: bool = True  # people walk in and out and nod, and nodes dissolve; off: cuts (blinks stay)

    @property
    def font_scale(self) -> float:
        """How much larger than normal to draw text."""
        return FONT_SCALES.get(self.text_size, 1.0)

    @property
    def chars_per_second(self) -> float:
        """Typewriter speed; INSTANT_CPS for 'instant'."""
        return CHARS_PER_SECOND.get(self.text_speed, CHARS_PER_SECOND["normal"])

    @property
    def instant_text(self) -> bool:
        return self.text_speed == "instant"

    def with_changes(self, **changes: object) -> Settings:
        """A copy with some values changed (no checks: use validated values)."""
        return replace(self, **changes)

    def to_json(self) -> dict:
        return {"version": FILE_VERSION, **asdict(self)}


def _check(name: str, value: object) -> object:
    """The value if it is acceptable for the field, else raise ValueError."""
    if name == "text_size" and value in TEXT_SIZES:
        return value
    if name == "text_speed" and value in TEXT_SPEEDS:
        return value
    if name == "theme" and value in THEMES:
        return value
    if name == "coach" and value in COACH_TIMES:
        return value
    if name == "meters" and value in METER_TIMES:
        return value
    if name in ("sound", "fullscreen", "facilitator", "motion") and isinstance(value, bool):
        return value
    if name == "volume" and isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number) and 0.0 <= number <= 1.0:
            return number
    raise ValueError(name)


def settings_from_json(data: object) -> tuple[Settings, list[str]]:
    """Settings from parsed JSON, keeping good values; the names of the bad ones are returned."""
    if not isinstance(data, dict):
        return Settings(), ["the file"]
    good: dict[str, object] = {}
    bad: list[str] = []
    for f in fields(Settings):
        if f.name not in data:
            continue
        try:
            good[f.name] = _check(f.name, data[f.name])
        except ValueError:
            bad.append(_LABELS[f.name])
    return Settings(**good), bad


_TEMP_PREFIX = ".settings-"


def _damaged_notice(target: Path, reason: str) -> str:
    """The plain sentence for a settings file that was set aside (or could not be)."""
    moved = set_aside(target)
    where = f"It has been kept as {moved.name}" if moved is not None else "It has been left as it is"
    return (f"Your settings file {target} was damaged ({reason}). {where}; the defaults are in use for now, and "
            "saving a setting will write a new file.")


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings, or defaults plus a plain message when the file is unreadable. Never raises, never hangs.

    A damaged file (not JSON, nested too deeply, odd numbers, a FIFO, a device, a link out of the folder, wrong
    types) is renamed aside, never deleted; good values it held are kept for this session.
    """
    try:
        target = Path(path) if path is not None else settings_path()
        remove_stale_temp_files(target.parent, (_TEMP_PREFIX,))
        data = read_json(target)
    except Damaged as exc:
        return Settings(), _damaged_notice(target, str(exc))
    except OSError as exc:
        return Settings(), f"Your settings could not be read ({exc.strerror or exc}), so the defaults are in use."
    except Exception as exc:  # a broken data folder setting must not stop the game
        return Settings(), f"Your settings could not be read ({exc}), so the defaults are in use."
    if data is None:
        return Settings(), None
    settings, bad = settings_from_json(data)
    if bad == ["the file"]:
        return settings, _damaged_notice(target, "it is not a list of settings")
    if bad:
        moved = set_aside(target)
        kept = f" The file as it was is kept as {moved.name}." if moved is not None else ""
        if moved is not None:
            save_settings(settings, target)
        return settings, (f"Some saved settings were not valid ({', '.join(bad)}); those are back to the "
                          f"defaults.{kept}")
    return settings, None


def peek_settings(path: Path | None = None) -> Settings | None:
    """The settings saved now (defaults when there is no file), or None when the file is odd; changes nothing."""
    try:
        data = read_json(Path(path) if path is not None else settings_path())
    except (Damaged, OSError):
        return None
    if data is None:
        return Settings()
    settings, bad = settings_from_json(data)
    return None if bad else settings


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write the settings atomically (temp file, then os.replace). Returns a plain message on failure."""
    tmp_name: str | None = None
    try:
        target = Path(path) if path is not None else settings_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(settings.to_json(), indent=2, sort_keys=True) + "\n"
        fd, tmp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
        return None
    except OSError as exc:
        return f"Your settings could not be saved ({exc.strerror or exc}). They will last until you close the game."
    except Exception as exc:
        return f"Your settings could not be saved ({exc}). They will last until you close the game."
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
