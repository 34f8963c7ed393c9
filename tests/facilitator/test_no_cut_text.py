"""Nothing on a facilitator screen is cut short with "…" (issue 12, defect 3): every screen (intro, text,
choices, votes, reveal, consequences, what-if, ending, debrief, help, leaving, export) at 1024x768, 1280x720
and 1920x1080 in the default and projector themes. Every shortening is recorded where it happens: the
facilitator's own drawing helpers note each cut, and the shared one-line fitter and the help's are wrapped."""

import pygame
import pytest

from game.facilitation.session import CHOICES, ENDING
from game.ui.bootstrap import Options, make_app
from game.ui.facilitator import draw, facilitator_scene, overlays
from game.ui.pilot import Pilot
from game.ui.play import chrome
from game.userdata.settings import Settings

from .helpers import PAGE_DOWN, PAGE_UP, clean, top

SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
THEMES = ["normal", "projector"]


@pytest.fixture
def cuts(monkeypatch):
    found: list[str] = []
    monkeypatch.setattr(draw, "CUTS", found)
    fit, shorten = chrome._fit, overlays._shorten

    def fit_logged(text, px, width, bold):
        out = fit(text, px, width, bold)
        if out != text:
            found.append(text)
        return out

    def shorten_logged(font, text, width):
        out = shorten(font, text, width)
        if out != text:
            found.append(text)
        return out

    monkeypatch.setattr(chrome, "_fit", fit_logged)
    monkeypatch.setattr(overlays, "_shorten", shorten_logged)
    return found


def look(pilot, where, cuts, seen):
    problems = clean(pilot)  # a real draw of the scene on top
    assert problems == [], f"{where}: {problems[:3]}"
    assert cuts == [], f"{where}: cut short: {cuts[:3]}"
    seen.add(where.split(" ")[0])


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_facilitator_screen_cuts_text(expired, cuts, size, theme):
    scene = facilitator_scene(expired)
    app = make_app(Options(size=size, facilitator=True, theme=theme,
                           settings=Settings(sound=False, text_speed="instant")), first=scene)
    pilot = Pilot(app)
    pilot.frame()
    s = scene.session
    seen: set[str] = set()
    look(pilot, "intro", cuts, seen)
    pilot.press(pygame.K_F1)
    look(pilot, "help", cuts, seen)
    pilot.press(pygame.K_F1)
    pilot.press("q")
    look(pilot, "leaving", cuts, seen)
    pilot.press(pygame.K_ESCAPE)
    detoured = False
    for step in range(120):
        if s.stage == ENDING:
            break
        where = f"{s.stage} at {s.play.location} (step {step})"
        look(pilot, where, cuts, seen)
        if s.stage == CHOICES:
            for n in range(1, len(s.choices) + 1):
                pilot.press(str(n))
            look(pilot, "votes " + where, cuts, seen)
            if s.timer_left is not None and "timeout" not in seen:
                pilot.press("t")
                pilot.advance(s.timer_left + 1)  # the clock decides: the timeout's screens too
                look(pilot, "timeout " + where, cuts, seen)
                continue
        if s.stage == "consequences" and not detoured and len(s.path) == 2:
            pilot.press("w")
            look(pilot, "what-if view", cuts, seen)
            pilot.press(pygame.K_UP)
            look(pilot, "what-if earlier", cuts, seen)
            pilot.press(pygame.K_RETURN)
            look(pilot, "what-if chosen", cuts, seen)
            pilot.press(PAGE_DOWN)
            look(pilot, "what-if consequences", cuts, seen)
            pilot.press(pygame.K_ESCAPE)
            look(pilot, "back", cuts, seen)
            detoured = True
        pilot.press(PAGE_DOWN)
    look(pilot, "ending", cuts, seen)
    pilot.press(PAGE_DOWN)
    assert top(pilot) == "DebriefScene"
    debrief = pilot.app.top
    debrief.wait_for_outcomes(10)
    for page in range(debrief.page_count(pilot.app.ctx)):
        look(pilot, f"debrief page {page + 1}", cuts, seen)
        pilot.press(PAGE_DOWN)
    canvas = pygame.Surface(pilot.app.ctx.viewport.window)
    for page in range(debrief.page_count(pilot.app.ctx)):  # the exported handouts
        debrief.draw_page(canvas, pilot.app.ctx, page, handout=True)
        assert cuts == [], f"handout page {page + 1}: cut short: {cuts[:3]}"
    pilot.press("e")
    look(pilot, "export", cuts, seen)
    pilot.press(pygame.K_ESCAPE)
    for _ in range(10):
        if top(pilot) != "DebriefScene":
            break
        pilot.press(PAGE_UP)
    assert {"intro", "help", "leaving", "text", "choices", "votes", "chosen", "consequences", "what-if",
            "timeout", "ending", "debrief", "export"} <= seen, seen
