"""Preview reload latency: saving the previewed file to the first frame that shows it, against a bare pygame
loop that polls the file as often, parses it with the C loader and flips one frame."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

from ..sources import bundled_dir
from .child import game_argv, reference_argv, run_child
from .harness import Figure, Target, interleave, median

SIZE = (1280, 720)
SCENARIO = "expired_return"
REFERENCE_LABEL = "a 60 fps loop polling the file's stat every 0.2 s (as the preview does), C-parsing it and flipping"


def _latency(argv_of, data_dir: str, work: Path, saves: int, name: str, scenario: str) -> tuple[float, float]:
    """The median save-to-frame latency, and the median save-to-report time of the paths' check (NaN for the
    reference, which checks no paths)."""
    path = work / f"{name}-{scenario}.yaml"
    shutil.copyfile(bundled_dir() / f"{scenario}.yaml", path)
    result = run_child(argv_of(*SIZE, saves, path), data_dir, timeout=60 + 45 * saves)[1]
    checked = result.get("check_ms")
    return median(result["latency_ms"]), median(checked) if checked else math.nan


def preview_figure(runs: int, saves: int, data_dir: str, work: Path, scenario: str = SCENARIO) -> Figure:
    game, ref = interleave(
        lambda: _latency(lambda *a: game_argv("preview", *a), data_dir, work, saves, "game", scenario),
        lambda: _latency(lambda *a: reference_argv("reload", *a), data_dir, work, saves, "reference", scenario),
        runs)
    checked = [c for _, c in game if not math.isnan(c)]
    return Figure("preview.reload", f"Preview reload: save {scenario} to the new frame", "ms",
                  [g for g, _ in game], [r for r, _ in ref], REFERENCE_LABEL, Target(max_value=500.0),
                  note=f"{SIZE[0]}x{SIZE[1]}, median of {saves} save(s) a run (a new file moved over the old, as "
                       "editors save); the preview promises a save shows within half a second. The check of the "
                       "save's paths runs after that frame, in its own process; its time is in details",
                  details={"check_report_ms": round(median(checked), 1) if checked else None,
                           "check_report_samples_ms": [round(c, 1) for c in checked]})
