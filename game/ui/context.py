"""Everything a scene may use, passed in rather than held in globals."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..engine import LoadResult
from ..userdata.progress import ProgressStore
from ..userdata.settings import Settings
from .audio import Audio
from .text import TextCache
from .theme import Theme, get_theme
from .viewport import Viewport


@dataclass
class Context:
    settings: Settings
    viewport: Viewport
    text: TextCache
    audio: Audio
    progress: ProgressStore
    library: list[LoadResult] = field(default_factory=list)
    scenario_dir: Path | None = None
    facilitator: bool = False
    time: float = 0.0  # seconds since start, advanced by the App
    notices: list[str] = field(default_factory=list)  # plain messages for the player (e.g. progress unsaved)
    settings_path: Path | None = None

    @property
    def theme(self) -> Theme:
        base = get_theme("projector" if self.facilitator and self.settings.theme == "normal"
                         else self.settings.theme)
        return base.scaled(self.settings.font_scale)

    def px(self, token: str) -> int:
        """Window pixel size for a text size token in the current theme and viewport."""
        return self.viewport.px(self.theme.px(token))
