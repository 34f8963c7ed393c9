"""A node's lines for the classroom's dialogue box, a page at a time: as many beats to a page as fit in the
box along the bottom of the stage (the facilitator clicks once per page, not once per line)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...engine.playthrough import Beat
from ..play.speech import speaker_label

NARRATOR = "narrator"


@dataclass(frozen=True)
class Page:
    """What the box shows at once: the nameplate ('' when only the narrator speaks), who that is (the
    narrator when nobody), their face, and each line (text, narrated) in turn."""

    name: str
    speaker: str
    mood: str
    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "\n\n".join(text for text, _ in self.parts)

    @property
    def narrated(self) -> bool:
        return any(narrated for _, narrated in self.parts)

    @property
    def said(self) -> tuple[str, bool]:
        """The page as the layout measures it (a narrated part leans, so it is measured leaning)."""
        return self.text, self.narrated


def page_of(beats: Sequence[Beat]) -> Page:
    """The beats on one page: named after its first speaker; another speaker's line says who speaks."""
    spoken = next((b for b in beats if not b.narration), None)
    name = speaker_label(spoken.speaker) if spoken is not None else ""
    parts = []
    for b in beats:
        if b.narration:
            parts.append((b.text, True))
        else:
            who = speaker_label(b.speaker)
            parts.append((b.text if who == name else f"{who}: {b.text}", False))
    mood = spoken.mood if spoken is not None else (beats[0].mood if beats else "neutral")
    return Page(name, spoken.speaker if spoken is not None else NARRATOR, mood, tuple(parts))


def beat_pages(beats: Sequence[Beat], fits: Callable[[Page], bool]) -> list[Page]:
    """The beats grouped in order, a page holding as many as `fits` allows (at least one each)."""
    groups: list[list[Beat]] = []
    for b in beats:
        if groups and fits(page_of([*groups[-1], b])):
            groups[-1].append(b)
        else:
            groups.append([b])
    return [page_of(g) for g in groups]
