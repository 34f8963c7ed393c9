"""The game's font: DejaVu Sans shipped in assets/fonts, with pygame's own font as the fallback."""

from __future__ import annotations

import pygame

from ..resources import fonts_dir

FONT_DIR = fonts_dir()
_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
_cache: dict[tuple[int, bool], pygame.font.Font] = {}


def font_path(bold: bool = False) -> str | None:
    """Path of the shipped font file, or None when it is missing."""
    path = FONT_DIR / _FILES[bool(bold)]
    return str(path) if path.is_file() else None


def _load(px: int, bold: bool) -> pygame.font.Font:
    path = font_path(bold)
    if path is not None:
        try:
            font = pygame.font.Font(path, px)
            font.render("Ag€", True, (0, 0, 0))  # a damaged file can open and then fail to draw
            return font
        except (OSError, pygame.error, ValueError):
            pass
    font = pygame.font.Font(None, px)
    if bold:
        font.set_bold(True)
    return font


def get_font(px: int, bold: bool = False) -> pygame.font.Font:
    """A font of px pixels, cached; falls back to pygame's default font if the file is missing or broken."""
    if not pygame.font.get_init():  # first use, or pygame was quit and started again: old fonts are dead
        _cache.clear()
        pygame.font.init()
    key = (max(4, int(px)), bool(bold))
    font = _cache.get(key)
    if font is None:
        font = _cache[key] = _load(*key)
    return font


def clear_cache() -> None:
    """Forget loaded fonts (after pygame.font.quit, or in tests)."""
    _cache.clear()
