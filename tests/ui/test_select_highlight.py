"""The select screen: one highlighted card (the mouse takes the focus), lines keep their colours, several cards
fit a 4:3 projector screen, and class sessions show on their cards."""

from __future__ import annotations

import pygame

from game.ui.menu import cards as card_module
from game.userdata.progress import Attempt

from .test_shell_support import card_index, start, top


def open_select(pilot) -> None:
    pilot.press(pygame.K_RETURN)
    pilot.advance(0.5)
    assert top(pilot.app) == "SelectScene"


def card_centre(select, index: int) -> tuple[float, float]:
    p = select.places[index]
    return p.x + p.w / 2, select.header_h + p.y - select.scroller.offset + p.h / 2


def highlighted_cards(pilot, select) -> list[int]:
    """Cards whose top edge is drawn in the accent colour (the focus and hover highlight)."""
    ctx = pilot.app.ctx
    surface = pygame.Surface(ctx.viewport.window)
    select.draw(surface, ctx)
    out = []
    for i, p in enumerate(select.places):
        top_y = select.header_h + p.y - select.scroller.offset
        if top_y < select.header_h or top_y + 8 > ctx.viewport.height:
            continue
        x, y = ctx.viewport.point(p.x + p.w / 2, top_y)
        edge = [tuple(surface.get_at((x, y + dy)))[:3] for dy in range(0, 4)]
        if tuple(ctx.theme.accent) in edge:
            out.append(i)
    return out


def test_hover_takes_the_focus_so_only_one_card_is_highlighted(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    open_select(pilot)
    select = pilot.app.top
    assert select.focus == 0
    pilot.press(pygame.K_RIGHT)
    assert select.focus == 1
    pilot.move(card_centre(select, 2))
    assert select.focus == 2
    assert highlighted_cards(pilot, select) == [2]
    pilot.press(pygame.K_RIGHT)  # the keyboard carries on from where the mouse left the focus
    assert select.focus == 3
    assert highlighted_cards(pilot, select) == [3]


def test_the_progress_line_keeps_its_colour_under_the_mouse(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    open_select(pilot)
    app = pilot.app
    select = app.top
    i = card_index(select, "expired_return")
    scenario = select.cards[i].scenario
    ending = next(e for e in scenario.endings.values() if e.outcome == "advocate")
    app.ctx.progress.record(Attempt(scenario.id, scenario.version, ["1"], {}, ending.id, "advocate", 183040.0))
    select.resume(app.ctx, None)
    line = select.texts[i].blocks[-1]
    assert line.tone == "good"
    drawn: list[tuple[str, tuple]] = []
    real = card_module.blit_paragraph

    def spy(surface, ctx, text, area, token, colour=None, *args, **kwargs):
        drawn.append((text, tuple(colour) if colour is not None else None))
        return real(surface, ctx, text, area, token, colour, *args, **kwargs)

    monkeypatch.setattr(card_module, "blit_paragraph", spy)
    surface = pygame.Surface(app.ctx.viewport.window)
    colours = []
    for hovered in (False, True):
        drawn.clear()
        card_module.draw_card(surface, app.ctx, select.cards[i], select.texts[i], (40, 40, 600, 320),
                              select.portraits, focused=hovered, hovered=hovered)
        colours.append(next(c for t, c in drawn if t == line.text))
    assert colours[0] == colours[1] == tuple(app.ctx.theme.good)


def test_several_cards_fit_a_facilitator_screen_at_1024x768(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch, size=(1024, 768), facilitator=True)
    open_select(pilot)
    select = pilot.app.top
    view = select.scroller.view
    first_three = select.places[:3]
    assert first_three[-1].y + first_three[-1].h - first_three[0].y <= view, [p.h for p in first_three]
    assert select.compact
    text = select.texts[0]
    assert text.blocks[0].text == select.cards[0].scenario.title
    assert any(select.cards[0].scenario.customer.name in b.text for b in text.blocks)
    # Where there is room the cards keep their summary and skills.
    pilot2 = start(tmp_path / "wide", monkeypatch, size=(1280, 720))
    open_select(pilot2)
    wide = pilot2.app.top
    assert not wide.compact and any(b.text.startswith("Practise:") for b in wide.texts[0].blocks)


def test_class_sessions_show_on_the_card(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    open_select(pilot)
    app = pilot.app
    select = app.top
    i = card_index(select, "status_update")
    scenario = select.cards[i].scenario
    ending = next(iter(scenario.endings.values()))
    for when in ("2026-11-20T10:00:00+00:00", "2026-11-27T10:00:00+00:00"):
        app.ctx.progress.record(Attempt(scenario.id, scenario.version, ["1"], {}, ending.id, ending.outcome, 100.0,
                                        finished_at=when, facilitator=True, learner_id="someone-else"))
    select.resume(app.ctx, None)
    words = [b.text for b in select.texts[i].blocks]
    assert "Played in class twice · last on 27 November 2026" in words
    assert words[-1] == "Not played yet"  # the learner's own line counts their own plays, not the class's
    other = card_index(select, "expired_return")
    assert not any("in class" in b.text for b in select.texts[other].blocks)
