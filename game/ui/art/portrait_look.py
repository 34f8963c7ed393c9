"""The portrait's look: appearance words checked against the vocabulary, their colours and body shapes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...engine import vocabulary as vocab
from .draw import RGB

SKIN: dict[str, RGB] = {
    "light": (247, 216, 193), "medium": (232, 185, 146), "tan": (206, 152, 108),
    "brown": (163, 108, 72), "dark": (110, 72, 50),
}
HAIR: dict[str, RGB] = {
    "black": (44, 38, 42), "brown": (104, 68, 44), "blonde": (220, 184, 116),
    "red": (168, 78, 44), "grey": (152, 152, 158), "white": (228, 226, 222),
}
OUTFIT: dict[str, RGB] = {
    "blue": (72, 112, 172), "green": (78, 142, 100), "red": (184, 78, 78), "purple": (126, 96, 164),
    "grey": (122, 128, 138), "orange": (214, 130, 70), "teal": (48, 136, 138), "yellow": (220, 180, 76),
}
DEFAULTS = {"skin": "medium", "hair": "short", "hair_colour": "brown", "outfit": "blue", "glasses": False,
            "age": "adult", "build": "average", "facial_hair": "none"}
#: The clothes each age wears when the scenario does not say.
STYLE_FOR_AGE = {"young": "crew", "adult": "collar", "older": "cardigan"}


@dataclass(frozen=True)
class Build:
    """A silhouette in figure units: shoulder half-width and drop, neck half-width, jaw and waist."""

    shoulder: float   # half-width at the arms
    drop: float       # how far the shoulder line falls from the neck to the arm
    neck: float       # neck half-width
    jaw: float        # jaw width as a share of the head's
    waist: float      # extra half-width at the bottom edge (a rounder middle)
    head: float       # extra head half-width


BUILDS: dict[str, Build] = {
    "slim": Build(0.325, 0.062, 0.05, 0.76, -0.01, -0.006),
    "average": Build(0.405, 0.05, 0.058, 0.8, 0.005, 0.0),
    "broad": Build(0.428, 0.026, 0.07, 0.86, 0.0, 0.006),
    "round": Build(0.365, 0.09, 0.068, 0.96, 0.055, 0.016),
}


@dataclass(frozen=True)
class Look:
    """Appearance words checked against the vocabulary."""

    skin: str
    hair: str
    hair_colour: str
    outfit: str
    glasses: bool
    age: str
    build: str = "average"
    outfit_style: str = "collar"
    facial_hair: str = "none"


def look_from(appearance: Mapping[str, object] | None) -> Look:
    """Read appearance words, using defaults for anything missing or unknown."""
    data = appearance if isinstance(appearance, Mapping) else {}

    def pick(key: str, allowed: tuple[str, ...]) -> str:
        value = data.get(key)
        return value if isinstance(value, str) and value in allowed else str(DEFAULTS[key])

    age = pick("age", vocab.AGES)
    colour = data.get("hair_colour")
    if not (isinstance(colour, str) and colour in vocab.HAIR_COLOURS):
        colour = "grey" if age == "older" else DEFAULTS["hair_colour"]
    style = data.get("outfit_style")
    if not (isinstance(style, str) and style in vocab.OUTFIT_STYLES):
        style = STYLE_FOR_AGE[age]
    return Look(pick("skin", vocab.SKIN_TONES), pick("hair", vocab.HAIR_STYLES), str(colour),
                pick("outfit", vocab.OUTFITS), data.get("glasses") is True, age, pick("build", vocab.BUILDS),
                str(style), pick("facial_hair", vocab.FACIAL_HAIR))
