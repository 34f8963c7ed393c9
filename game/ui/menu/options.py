"""The rows of the settings screen: which values each setting takes and how they read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...userdata.settings import COACH_TIMES, METER_TIMES, TEXT_SIZES, TEXT_SPEEDS, THEMES, Settings

VOLUMES = tuple(round(v / 10, 1) for v in range(11))
THEME_WORDS = {"normal": "Normal", "high_contrast": "High contrast", "projector": "Projector"}


@dataclass(frozen=True)
class OptionRow:
    key: str  # the Settings field
    label: str
    values: tuple
    words: Callable[[object], str]
    hint: str

    def index(self, settings: Settings) -> int:
        value = getattr(settings, self.key)
        if value in self.values:
            return self.values.index(value)
        if isinstance(value, float):  # a volume between the steps: the nearest step
            return min(range(len(self.values)), key=lambda i: abs(self.values[i] - value))
        return 0

    def shown(self, settings: Settings) -> str:
        return self.words(getattr(settings, self.key))

    def step(self, settings: Settings, direction: int) -> Settings:
        """The settings with this row moved one value left (-1) or right (+1); toggles and lists wrap."""
        i = self.index(settings) + direction
        if self.key == "volume":
            i = max(0, min(len(self.values) - 1, i))
        else:
            i %= len(self.values)
        return settings.with_changes(**{self.key: self.values[i]})

    def at_end(self, settings: Settings, direction: int) -> bool:
        """True when volume cannot go further that way (other rows wrap round)."""
        if self.key != "volume":
            return False
        i = self.index(settings)
        return (direction < 0 and i == 0) or (direction > 0 and i == len(self.values) - 1)


def _on_off(value: object) -> str:
    return "On" if value else "Off"


ROWS: tuple[OptionRow, ...] = (
    OptionRow("text_size", "Text size", TEXT_SIZES, lambda v: str(v).capitalize(),
              "Bigger text for easier reading; the screens rearrange to fit."),
    OptionRow("text_speed", "Text speed", TEXT_SPEEDS, lambda v: str(v).capitalize(),
              "How fast lines appear. Instant shows each line at once."),
    OptionRow("sound", "Sound", (True, False), _on_off,
              "Phones, door chimes, gentle signals, room sounds and soft music."),
    OptionRow("volume", "Volume", VOLUMES, lambda v: f"{round(float(v) * 100)}%", "How loud the sounds play."),
    OptionRow("theme", "Colours", THEMES, lambda v: THEME_WORDS.get(str(v), str(v)),
              "High contrast for the clearest reading; Projector for a room with a big screen."),
    OptionRow("coach", "Coach", COACH_TIMES, lambda v: "After each choice" if v == "immediate" else "In the debrief",
              "When the coach explains your choices. In the debrief, you read each reaction for yourself first."),
    OptionRow("meters", "Meters", METER_TIMES, lambda v: "Live" if v == "live" else "At the end",
              "Watch satisfaction and loyalty move as you play, or see them only when the conversation ends."),
    OptionRow("motion", "Motion", (True, False), _on_off,
              "People walk in and out and nod, and scenes fade into each other. Off: pictures change at once."),
    OptionRow("fullscreen", "Full screen", (False, True), _on_off, "F11 switches at any time."),
    OptionRow("facilitator", "Facilitator mode", (False, True), _on_off,
              "For leading a group on a big screen: larger text, and scenarios open in the facilitator view."),
)
