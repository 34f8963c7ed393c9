"""Exported debrief pages are clean handouts, and the export's notice covers nothing (issue 12, defect 10)."""

import pygame

from game.facilitation.session import ENDING

from .helpers import PAGE_DOWN, classroom, clean, top

HINT_WORDS = ("Esc", "Page Down", "Page Up", "E export", "F1", "· T", "W compare")


def to_debrief(pilot, scene):
    for _ in range(80):
        if scene.session.stage == ENDING:
            break
        pilot.press(PAGE_DOWN)
    pilot.press(PAGE_DOWN)
    assert top(pilot) == "DebriefScene"
    return pilot.app.top


def test_exported_pages_have_no_key_hints_and_match_the_handout_drawing(expired, data_dir):
    pilot, scene = classroom(expired, (1024, 768))
    debrief = to_debrief(pilot, scene)
    debrief.wait_for_outcomes(10)
    pilot.press("e")
    folder = next((data_dir / "exports").iterdir())
    pngs = sorted(folder.glob("*.png"), key=lambda p: int(p.name.split("-")[1]))
    ctx = pilot.app.ctx
    assert len(pngs) == debrief.page_count(ctx)
    canvas = pygame.Surface(ctx.viewport.window)
    for i, png in enumerate(pngs):
        debrief.draw_page(canvas, ctx, i, handout=True)
        texts = " | ".join(b.text for b in debrief.rec.blocks)
        assert not any(word in texts for word in HINT_WORDS), f"page {i + 1}: {texts}"
        saved = pygame.image.load(str(png))
        assert pygame.image.tobytes(saved, "RGB") == pygame.image.tobytes(canvas, "RGB"), f"page {i + 1}"
    debrief.draw_page(canvas, ctx, 0)
    assert "Esc" in " ".join(b.text for b in debrief.rec.blocks), "the screen itself still says how to go on"


def test_the_export_notice_is_a_page_of_its_own_and_wraps_the_folder_at_separators(expired, data_dir):
    pilot, scene = classroom(expired, (1024, 768))
    pilot.press(PAGE_DOWN)
    pilot.press("e")  # from the classroom screen itself
    assert top(pilot) == "ExportNotice"
    notice = pilot.app.top
    folder = str(notice.result.folder)
    assert folder.startswith(str(data_dir))
    assert clean(pilot) == []
    ctx = pilot.app.ctx
    block = next(b for b in notice.rec.blocks if b.text.replace("\u200b", "") == folder)
    lines = ctx.text.wrap(block.text, ctx.px("body"), block.box.width - 2 * ctx.viewport.px(24), True)
    assert len(lines) > 1, "a long folder at projector size takes several lines"
    assert all(x.rstrip("\u200b").endswith("/") for x in lines[:-1]), lines
    pilot.press(PAGE_DOWN)
    assert top(pilot) == "ClassroomScene" and scene.session.stage == "text", "any key returns, nothing else"
