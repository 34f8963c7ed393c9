"""The select screen: grouping, broken files as cards, scrolling that keeps the focus in view, progress."""

from __future__ import annotations

import sys
import types

import pygame

from game.ui.scene import Scene
from game.userdata.progress import Attempt

from .test_shell_support import (
    card_index,
    centre,
    copy_scenario,
    finish_by_keyboard,
    focus_card_by_keyboard,
    names,
    start,
    top,
)


def open_select(pilot) -> None:
    pilot.press(pygame.K_RETURN)
    assert top(pilot.app) == "SelectScene"


def test_customers_and_coworkers_are_grouped_and_ordered(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    open_select(pilot)
    select = pilot.app.top
    kinds = [s.kind for s in select.sections]
    assert kinds[0] == "external" and "internal" in kinds
    assert [s.title for s in select.sections][:2] == ["Customers", "Co-workers"]
    for section in select.sections:
        keys = [(r.scenario.order, r.scenario.title.lower()) for r in section.cards]
        assert keys == sorted(keys)
        for r in section.cards:
            expected = "internal" if r.scenario.audience == "internal" else "external"
            assert section.kind == expected
    tags = {select.texts[i].tag for i, r in enumerate(select.cards) if r.scenario.audience == "internal"}
    assert tags == {"CO-WORKER"}
    tags = {select.texts[i].tag for i, r in enumerate(select.cards) if r.scenario.audience == "external"}
    assert tags == {"CUSTOMER"}


def test_a_broken_file_is_a_card_with_its_first_error_and_the_rest_still_play(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    copy_scenario("expired_return", folder)
    copy_scenario("status_update", folder)
    (folder / "broken.yaml").write_bytes(b"format: 1\nid: broken\ntitle: [unclosed\n\x00\xff")
    pilot = start(tmp_path, monkeypatch, scenario_dir=folder)
    open_select(pilot)
    app = pilot.app
    select = app.top
    broken = [i for i, r in enumerate(select.cards) if r.scenario is None]
    assert len(broken) == 1
    index = broken[0]
    text = select.texts[index]
    assert text.tag == "NEEDS FIXING"
    assert text.blocks[0].text == "broken.yaml"
    first = select.cards[index].errors[0].format()
    assert text.blocks[1].text == first and "broken.yaml:" in first
    assert select.sections[-1].kind == "broken"
    # Choosing it, by key or click, starts nothing.
    pilot.press(pygame.K_END)
    assert select.focus == index
    pilot.press(pygame.K_RETURN)
    assert top(app) == "SelectScene"
    place = select.places[index]
    pilot.advance(0.5)
    pilot.click((place.x + 40, select.header_h + place.y - select.scroller.offset + 20))
    assert top(app) == "SelectScene"
    pilot.screenshot(str(tmp_path / "broken.png"))
    # The others still play, all the way through.
    focus_card_by_keyboard(pilot, "expired_return")
    pilot.press(pygame.K_RETURN)
    assert top(app) == "PlayScene"
    finish_by_keyboard(pilot)
    assert names(app) == ["TitleScene", "SelectScene"]


def test_many_scenarios_scroll_and_keep_the_focus_in_view(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    for n in range(14):
        copy_scenario("expired_return", folder, new_id=f"copy_{n:02d}", title=f"Copy number {n:02d}",
                      audience="internal" if n % 3 == 0 else None, order=n)
    pilot = start(tmp_path, monkeypatch, scenario_dir=folder)
    open_select(pilot)
    select = pilot.app.top
    view = select.scroller.view

    def focus_visible() -> bool:
        p = select.places[select.focus]
        return p.y - select.scroller.offset >= -1 and p.y + p.h - select.scroller.offset <= view + 1

    assert select.scroller.limit > 0
    for key in [pygame.K_DOWN] * 6 + [pygame.K_PAGEDOWN, pygame.K_END, pygame.K_PAGEUP, pygame.K_HOME] \
            + [pygame.K_TAB] * 9 + [pygame.K_RIGHT] * 4 + [pygame.K_LEFT] * 3 + [pygame.K_UP] * 2:
        pilot.press(key)
        pilot.advance(0.6)
        assert focus_visible(), pygame.key.name(key)
    pilot.press(pygame.K_END)
    pilot.advance(0.6)
    assert select.focus == len(select.cards) - 1
    assert select.scroller.offset == select.scroller.limit
    # The wheel scrolls without moving the focus.
    focus = select.focus
    for _ in range(4):
        pilot.wheel(1)
    pilot.advance(0.6)
    assert select.scroller.offset < select.scroller.limit
    assert select.focus == focus
    for _ in range(50):
        pilot.wheel(1)
    pilot.advance(1)
    assert select.scroller.offset == 0
    assert not select.animating()


def test_progress_shows_on_the_card_after_a_play(tmp_path, monkeypatch):
    pilot = start(tmp_path, monkeypatch)
    open_select(pilot)
    app = pilot.app
    select = app.top
    i = card_index(select, "expired_return")
    assert select.texts[i].blocks[-1].text == "Not played yet"
    scenario = select.cards[i].scenario
    ending = next(e for e in scenario.endings.values() if e.outcome == "advocate")
    app.ctx.progress.record(Attempt(scenario.id, scenario.version, ["1"], {}, ending.id, "advocate", 183040.0))
    app.ctx.progress.record(Attempt(scenario.id, scenario.version, ["2"], {}, ending.id, "advocate", 11440.0))
    select.resume(app.ctx, None)
    line = select.texts[i].blocks[-1].text
    assert line.startswith("Best: customer became an advocate")
    assert f"1 of {len(scenario.endings)} endings found" in line
    assert "played 2 times" in line


def test_facilitator_mode_opens_the_facilitator_view(tmp_path, monkeypatch):
    opened = []

    class Stand(Scene):
        def draw(self, surface, ctx):
            surface.fill(ctx.theme.surface)

    def facilitator_scene(scenario, shuffle=False):
        opened.append((scenario.id, shuffle))
        return Stand()

    fake = types.ModuleType("game.ui.facilitator")
    fake.facilitator_scene = facilitator_scene
    monkeypatch.setitem(sys.modules, "game.ui.facilitator", fake)
    pilot = start(tmp_path, monkeypatch, facilitator=True)
    open_select(pilot)
    focus_card_by_keyboard(pilot, "status_update")
    pilot.press(pygame.K_RETURN)
    assert opened == [("status_update", True)], "the classroom shuffles the options as solo play does"
    assert top(pilot.app) == "Stand"


def test_without_a_facilitator_view_facilitator_mode_still_plays(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "game.ui.facilitator", None)  # as if it were not installed
    pilot = start(tmp_path, monkeypatch, facilitator=True)
    open_select(pilot)
    pilot.press(pygame.K_RETURN)
    assert top(pilot.app) == "PlayScene"


def test_a_corrupt_progress_database_is_reported_and_the_game_plays_on(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "progress.sqlite3").write_bytes(b"\x13\x37 this is not a database \xff" * 64)
    pilot = start(tmp_path, monkeypatch)
    app = pilot.app
    assert app.ctx.notices and "progress" in app.ctx.notices[0].lower()
    pilot.screenshot(str(tmp_path / "title.png"))
    open_select(pilot)
    select = app.top
    assert select.notes and select.notice_place is not None
    focus_card_by_keyboard(pilot, "expired_return")
    pilot.press(pygame.K_RETURN)
    finish_by_keyboard(pilot)
    assert names(app) == ["TitleScene", "SelectScene"]
    i = card_index(select, "expired_return")
    assert "played once" in select.texts[i].blocks[-1].text  # kept in memory for this session
    assert (data / "progress.sqlite3").read_bytes().startswith(b"\x13\x37")  # left as it was


def test_empty_scenario_folder_shows_a_message(tmp_path, monkeypatch):
    folder = tmp_path / "empty"
    folder.mkdir()
    pilot = start(tmp_path, monkeypatch, scenario_dir=folder)
    open_select(pilot)
    for key in (pygame.K_DOWN, pygame.K_RETURN, pygame.K_END, pygame.K_PAGEDOWN):
        pilot.press(key)
    pilot.click((300, 300))
    pilot.wheel(-1)
    assert top(pilot.app) == "SelectScene"
    pilot.click(centre(pilot.app.top.header_buttons[-1].logical))
    assert top(pilot.app) == "TitleScene"


def test_card_text_is_readable_in_every_theme_hovered_or_not(tmp_path, monkeypatch):
    from game.ui.menu.cards import tone_colour
    from game.ui.theme import THEMES, contrast_ratio
    from game.userdata.settings import Settings

    for name in THEMES:
        pilot = start(tmp_path, monkeypatch, settings=Settings(sound=False, theme=name))
        ctx = pilot.app.ctx
        th = ctx.theme
        for fill in (th.surface, th.surface_alt):
            for tone in ("text", "muted", "good", "warn", "bad"):
                assert contrast_ratio(tone_colour(ctx, tone, fill), fill) >= 4.5, (name, tone)
