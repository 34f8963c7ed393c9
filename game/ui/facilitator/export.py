"""Export the class debrief: one PNG per debrief page and a CSV of the facilitator's notes, in a new folder."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from ...facilitation import ClassSession, export_folder, write_csv
from ...facilitation.exports import new_temp_file
from ..context import Context
from ..scene import Pop, Scene, Transition
from .draw import FOOTER_H, MARGIN, TOP_H, Recorder, footer, paragraph, top_bar

EXPLORE_WAIT_S = 10.0


@dataclass(frozen=True)
class ExportResult:
    folder: Path | None
    files: list[Path] = field(default_factory=list)
    message: str = ""


def _save_png(surface: pygame.Surface, path: Path) -> None:
    """Save atomically: a temporary PNG in the same folder, then os.replace."""
    fd, tmp = new_temp_file(path.parent, f".{path.stem}.", ".png")
    os.close(fd)
    try:
        pygame.image.save(surface, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def export_debrief(ctx: Context, session: ClassSession, scene=None, folder: Path | None = None) -> ExportResult:
    """Render every debrief page at the window's size and write the CSV; never raises for disk problems."""
    from .debrief import DebriefScene

    scene = scene if scene is not None else DebriefScene(session)
    if scene.job is None:
        scene.enter(ctx)
    scene.wait_for_outcomes(EXPLORE_WAIT_S)  # the exploration is bounded; an export shows its result
    folder = folder or export_folder(session.scenario.id)
    files: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        canvas = pygame.Surface(ctx.viewport.window)
        for i in range(scene.page_count(ctx)):
            scene.draw_page(canvas, ctx, i, handout=True)
            path = folder / f"debrief-{i + 1}-{scene.page_name(ctx, i)}.png"
            _save_png(canvas, path)
            files.append(path)
        files.append(write_csv(scene.data, folder / "debrief.csv"))
    except (OSError, pygame.error) as exc:
        return ExportResult(None, files, f"Could not export the debrief to {folder}: {exc}")
    scene.dirty = True
    return ExportResult(folder, files, f"Exported {len(files) - 1} images and a CSV to {folder}")


def path_breaks(text: str) -> str:
    """The text with a zero-width break after each path separator, so a long folder wraps between its parts
    and never in the middle of a name."""
    return text.replace("/", "/\u200b").replace("\\", "\\\u200b")


class ExportNotice(Scene):
    """Where the export went, on a page of its own (so it covers nothing); any key or a click returns."""

    def __init__(self, result: ExportResult) -> None:
        super().__init__()
        self.result = result
        self.rec = Recorder()

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            return Pop()
        return None

    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        th = ctx.theme
        vp = ctx.viewport
        self.rec.clear()
        surface.fill(th.background)
        ok = self.result.folder is not None
        top_bar(surface, ctx, self.rec, "Debrief exported" if ok else "Export failed", "", th.accent)
        box = vp.rect(MARGIN, TOP_H + 24, vp.width - 2 * MARGIN, vp.height - TOP_H - FOOTER_H - 48)
        pygame.draw.rect(surface, th.surface, box, border_radius=vp.px(th.radius))
        inner = box.inflate(-2 * vp.px(24), -2 * vp.px(24))
        if ok:
            count = len(self.result.files) - 1
            head = f"{count} page images and a CSV of the class's choices are in this folder:"
            h = paragraph(surface, ctx, self.rec, head, inner, "body", th.text, box=box)
            where = pygame.Rect(inner.left, inner.top + h + vp.px(16), inner.width, 1)
            paragraph(surface, ctx, self.rec, path_breaks(str(self.result.folder)), where, "body", th.accent,
                      bold=True, box=box)
        else:
            paragraph(surface, ctx, self.rec, path_breaks(self.result.message), inner, "body", th.warn, box=box)
        footer(surface, ctx, self.rec, "Any key returns")
