"""What is said: the typewriter that reveals a line, and how a speaker is named on screen."""

from __future__ import annotations


class Typewriter:
    """Reveals text at a number of characters per second; `complete()` shows it all at once."""

    def __init__(self, text: str, chars_per_second: float) -> None:
        self.text = text
        self.cps = max(1.0, chars_per_second)
        self.shown = float(len(text)) if self.cps >= 10_000 else 0.0

    @property
    def done(self) -> bool:
        return self.shown >= len(self.text)

    @property
    def chars(self) -> int:
        return len(self.text) if self.done else int(self.shown)

    def update(self, dt: float) -> bool:
        """Advance; True when more text became visible."""
        if self.done:
            return False
        before = int(self.shown)
        self.shown = min(float(len(self.text)), self.shown + self.cps * dt)
        return int(self.shown) != before

    def complete(self) -> bool:
        """Show everything; True if anything was still hidden."""
        if self.done:
            return False
        self.shown = float(len(self.text))
        return True


def speaker_label(speaker: str) -> str:
    """How a speaker is named on screen ('' for the narrator, whose words are set in italics-like muted text)."""
    return "" if speaker.strip().lower() == "narrator" else speaker
