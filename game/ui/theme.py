"""Semantic theme tokens: colours, text sizes and spacing, for normal, projector and high-contrast use."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    """Colours and text sizes by meaning (background, text, accent...), which every widget draws with."""

    name: str
    background: RGB
    surface: RGB
    surface_alt: RGB
    text: RGB
    text_muted: RGB
    accent: RGB
    accent_text: RGB
    good: RGB
    bad: RGB
    warn: RGB
    focus: RGB
    border: RGB
    # Text sizes in logical pixels (the logical screen is 720 px high).
    sizes: dict[str, int] = field(default_factory=dict)
    font_scale: float = 1.0
    radius: int = 12
    focus_width: int = 4

    def px(self, token: str) -> int:
        """Logical pixel size of a text size token, scaled by the theme's font scale."""
        return round(self.sizes[token] * self.font_scale)

    def scaled(self, factor: float) -> Theme:
        """The same theme with text scaled (the player's text-size setting)."""
        return replace(self, font_scale=self.font_scale * factor)


_SIZES = {"small": 18, "body": 24, "large": 30, "title": 42, "huge": 64}
# Projector: nothing smaller than 1/24 of the screen height (30 of 720), body larger, headings larger still.
_PROJECTOR_SIZES = {"small": 30, "body": 32, "large": 40, "title": 52, "huge": 72}

NORMAL = Theme(
    "normal",
    background=(244, 240, 232), surface=(255, 253, 249), surface_alt=(232, 226, 214),
    text=(33, 37, 41), text_muted=(84, 90, 98), accent=(28, 100, 130), accent_text=(255, 255, 255),
    good=(32, 120, 72), bad=(178, 46, 46), warn=(168, 98, 0), focus=(230, 140, 20), border=(196, 188, 174),
    sizes=_SIZES,
)

HIGH_CONTRAST = Theme(
    "high_contrast",
    background=(0, 0, 0), surface=(16, 16, 16), surface_alt=(40, 40, 40),
    text=(255, 255, 255), text_muted=(230, 230, 230), accent=(255, 230, 0), accent_text=(0, 0, 0),
    good=(90, 240, 120), bad=(255, 120, 120), warn=(255, 200, 60), focus=(0, 220, 255), border=(255, 255, 255),
    sizes=_SIZES, focus_width=5,
)

PROJECTOR = Theme(
    "projector",
    background=(12, 18, 28), surface=(22, 30, 44), surface_alt=(38, 50, 70),
    text=(255, 255, 255), text_muted=(222, 228, 236), accent=(255, 214, 92), accent_text=(12, 18, 28),
    good=(120, 230, 150), bad=(255, 175, 165), warn=(255, 205, 110), focus=(110, 220, 255), border=(150, 170, 200),
    sizes=_PROJECTOR_SIZES, focus_width=6,
)

THEMES = {t.name: t for t in (NORMAL, HIGH_CONTRAST, PROJECTOR)}


def get_theme(name: str) -> Theme:
    return THEMES.get(name, NORMAL)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
