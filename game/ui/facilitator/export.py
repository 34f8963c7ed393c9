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
            scene.draw_page(canvas, ctx, i)
            path = folder / f"debrief-{i + 1}-{scene.page_name(ctx, i)}.png"
            _save_png(canvas, path)
            files.append(path)
        files.append(write_csv(scene.data, folder / "debrief.csv"))
    except (OSError, pygame.error) as exc:
        return ExportResult(None, files, f"Could not export the debrief to {folder}: {exc}")
    scene.dirty = True
    return ExportResult(folder, files, f"Exported {len(files) - 1} images and a CSV to {folder}")
