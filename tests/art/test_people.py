"""The library's people: nobody looks like anyone else, bodies and clothes vary, faces show every mood."""

import itertools
from pathlib import Path

import pygame
import pytest

from game.engine import load_file
from game.engine.vocabulary import BUILDS, FACIAL_HAIR, MOODS, OUTFIT_STYLES
from game.ui.art.portrait import look_from, render_portrait
from game.ui.art.portrait_kit import Frame
from game.ui.art.portrait_look import SKIN

SCENARIOS = sorted(p for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml")
                   if p.name != "principles.yaml")
SIZE = (150, 176)


def people(path: Path) -> dict[str, dict]:
    """Every person in a scenario (customer and cast) with their appearance words."""
    result = load_file(str(path))
    assert result.scenario is not None, result.errors
    s = result.scenario
    out = {s.customer.name: dict(s.customer.appearance)}
    for name, person in s.people.items():
        out.setdefault(name, dict(person.appearance))
    return out


def all_people() -> dict[tuple[str, str], dict]:
    return {(p.stem, name): look for p in SCENARIOS for name, look in people(p).items()}


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_two_people_in_a_scenario_look_alike(path):
    found = people(path)
    looks = {name: look_from(words) for name, words in found.items()}
    pictures = {name: pygame.image.tobytes(render_portrait(words, "neutral", SIZE), "RGBA")
                for name, words in found.items()}
    for a, b in itertools.combinations(found, 2):
        assert looks[a] != looks[b], (path.stem, a, b)
        assert pictures[a] != pictures[b], (path.stem, a, b)


def test_the_library_has_no_twins_and_varied_bodies_and_clothes():
    looks = {who: look_from(words) for who, words in all_people().items()}
    assert len(set(looks.values())) == len(looks), "two people in the library share a look"
    builds = {look.build for look in looks.values()}
    styles = {look.outfit_style for look in looks.values()}
    assert len(builds) >= 3 and builds <= set(BUILDS), builds
    assert len(styles) >= 3 and styles <= set(OUTFIT_STYLES), styles
    assert len({look.facial_hair for look in looks.values()} - {"none"}) >= 2
    assert len({look.hair for look in looks.values()}) >= 5


def silhouette_width(appearance: dict, y: float) -> int:
    """Opaque pixels across the figure at a height given in figure units."""
    size = (300, 330)
    face = render_portrait(appearance, "neutral", size)
    row = round(Frame(size).p(0.0, y)[1])
    return sum(1 for x in range(size[0]) if face.get_at((x, row)).a > 128)


def test_builds_have_different_silhouettes():
    widths = {b: (silhouette_width({"build": b}, 0.80), silhouette_width({"build": b}, 0.99)) for b in BUILDS}
    assert widths["slim"][0] < widths["average"][0] < widths["broad"][0]
    assert widths["round"][1] > widths["average"][1]  # fuller at the middle
    assert len(set(widths.values())) == len(BUILDS)


def face_region(surface: pygame.Surface) -> pygame.Surface:
    f = Frame(surface.get_size())
    left, top = f.p(-0.16, 0.3)
    right, bottom = f.p(0.16, 0.62)
    return surface.subsurface(pygame.Rect(round(left), round(top), round(right - left), round(bottom - top)))


def differing(a: pygame.Surface, b: pygame.Surface) -> int:
    count = 0
    for x in range(a.get_width()):
        for y in range(a.get_height()):
            pa, pb = a.get_at((x, y)), b.get_at((x, y))
            if sum(abs(pa[i] - pb[i]) for i in range(3)) > 40:
                count += 1
    return count


@pytest.mark.parametrize("look", [{"skin": "tan", "hair": "ponytail", "build": "round", "facial_hair": "beard"},
                                  {"skin": "dark", "hair": "short", "outfit_style": "jacket", "glasses": True}])
def test_seven_moods_show_seven_different_faces(look):
    assert {"pleased", "neutral", "impatient", "upset", "angry", "surprised", "thinking"} <= set(MOODS)
    faces = {mood: face_region(render_portrait(look, mood, (240, 280))) for mood in MOODS}
    area = faces["neutral"].get_width() * faces["neutral"].get_height()
    for first, second in itertools.combinations(MOODS, 2):
        assert differing(faces[first], faces[second]) > area * 0.01, (first, second)


@pytest.mark.parametrize("style", OUTFIT_STYLES)
@pytest.mark.parametrize("build", BUILDS)
def test_the_collar_sits_over_the_neck(style, build):
    """No square bib: beside the neck opening, just below the shoulder line, is cloth, not skin."""
    size = (430, 440)
    look = {"skin": "dark", "outfit": "yellow", "outfit_style": style, "build": build}
    face = render_portrait(look, "neutral", size)
    f = Frame(size)
    neck = {"slim": 0.05, "average": 0.058, "broad": 0.07, "round": 0.068}[build]
    skin = SKIN["dark"]
    for side in (-1, 1):
        x, y = f.p(side * (neck + 0.002), 0.742)
        colour = face.get_at((round(x), round(y)))
        assert sum(abs(colour[i] - skin[i]) for i in range(3)) > 60, (style, build, side, colour)


@pytest.mark.parametrize("word", ["build", "outfit_style", "facial_hair"])
def test_new_appearance_words_change_the_picture(word):
    values = {"build": BUILDS, "outfit_style": OUTFIT_STYLES, "facial_hair": FACIAL_HAIR}[word]
    pictures = [pygame.image.tobytes(render_portrait({word: value}, "neutral", SIZE), "RGBA") for value in values]
    assert len(set(pictures)) == len(values)
    assert look_from({word: "nonsense"}) == look_from({})


def test_dimmed_listeners_are_kept_within_a_byte_bound() -> None:
    """Sixteen dimmed 1080p listeners were 32 MB; the copies are bounded in bytes and the one drawn is kept."""
    from game.ui.stage import people

    people._dimmed.clear()
    face = pygame.Surface((696, 712), pygame.SRCALPHA)
    face.fill((200, 150, 120, 255))
    for n in range(16):
        pic = people.dimmed(face, ("listener", n))
        assert people.dimmed(face, ("listener", n)) is pic
        assert people._dimmed.bytes <= people._dimmed.max_bytes
    assert len(people._dimmed) == 2 and pic.get_at((5, 5))[:3] < face.get_at((5, 5))[:3]  # darker
    people._dimmed.clear()
