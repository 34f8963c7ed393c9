"""Contact sheets of every portrait mood and every scene, for looking at the art: python -m tests.art.contact_sheets"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.engine.vocabulary import MOODS, SETTINGS  # noqa: E402
from game.ui.art.portrait import render_portrait  # noqa: E402
from game.ui.art.scenes import render_scene  # noqa: E402
from game.ui.fonts import get_font  # noqa: E402

LOOKS = [
    {"skin": "light", "hair": "bun", "hair_colour": "black", "outfit": "teal", "glasses": True, "age": "adult"},
    {"skin": "dark", "hair": "curly", "hair_colour": "black", "outfit": "yellow", "age": "young"},
    {"skin": "brown", "hair": "covered", "outfit": "purple", "age": "adult"},
    {"skin": "tan", "hair": "short", "hair_colour": "brown", "outfit": "blue", "age": "adult"},
    {"skin": "medium", "hair": "long", "hair_colour": "red", "outfit": "green", "age": "young"},
    {"skin": "light", "hair": "bald", "outfit": "grey", "glasses": True, "age": "older"},
    {"skin": "medium", "hair": "short", "hair_colour": "white", "outfit": "orange", "age": "older"},
    {"skin": "dark", "hair": "long", "hair_colour": "blonde", "outfit": "red", "age": "adult"},
    {"skin": "tan", "hair": "covered", "outfit": "teal", "glasses": True, "age": "older"},
    {},
]


def portrait_sheet(cell: tuple[int, int] = (180, 210)) -> pygame.Surface:
    w, h = cell
    label_h = 28
    sheet = pygame.Surface((w * (len(MOODS) + 1), label_h + h * len(LOOKS)))
    sheet.fill((236, 230, 220))
    font = get_font(16, bold=True)
    for col, name in enumerate([*MOODS, "angry, talking"]):
        sheet.blit(font.render(name, True, (50, 50, 60)), (col * w + 8, 6))
    for row, look in enumerate(LOOKS):
        for col, mood in enumerate(MOODS):
            sheet.blit(render_portrait(look, mood, cell), (col * w, label_h + row * h))
        sheet.blit(render_portrait(look, "angry", cell, talking=True), (len(MOODS) * w, label_h + row * h))
    return sheet


def library_sheet(cell: tuple[int, int] = (170, 200), columns: int = 8) -> pygame.Surface:
    """Every person in the bundled scenarios, neutral, with their scenario and name."""
    from game.engine import load_file

    folder = Path(__file__).resolve().parents[2] / "scenarios"
    found = []
    for path in sorted(folder.glob("*.yaml")):
        scenario = load_file(str(path)).scenario
        if scenario is None or not scenario.nodes:
            continue
        found.append((path.stem, scenario.customer.name, scenario.customer.appearance))
        found += [(path.stem, name, person.appearance) for name, person in scenario.people.items()
                  if name != scenario.customer.name]
    w, h = cell
    rows = (len(found) + columns - 1) // columns
    sheet = pygame.Surface((w * columns, (h + 36) * rows))
    sheet.fill((236, 230, 220))
    font = get_font(13)
    for i, (stem, name, appearance) in enumerate(found):
        x, y = (i % columns) * w, (i // columns) * (h + 36)
        sheet.blit(render_portrait(appearance, "neutral", cell), (x, y))
        sheet.blit(font.render(stem[:22], True, (90, 90, 100)), (x + 4, y + h + 2))
        sheet.blit(font.render(name[:22], True, (40, 40, 50)), (x + 4, y + h + 18))
    return sheet


def scene_sheet(cell: tuple[int, int] = (480, 270)) -> pygame.Surface:
    w, h = cell
    sheet = pygame.Surface((w * 2, h * ((len(SETTINGS) + 1) // 2)))
    sheet.fill((40, 40, 48))
    for i, setting in enumerate(SETTINGS):
        sheet.blit(render_scene(setting, cell), ((i % 2) * w, (i // 2) * h))
    return sheet


def main(out_dir: Path = Path("/tmp/art")) -> list[Path]:
    pygame.init()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, sheet in (("portraits.png", portrait_sheet()), ("scenes.png", scene_sheet()),
                        ("library.png", library_sheet())):
        target = out_dir / name
        pygame.image.save(sheet, str(target))
        written.append(target)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/art")):
        print(path)
