"""Every benchmark section in order, with the settings for a full or a quick run, and the JSON report."""

from __future__ import annotations

import math
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..engine import scenario_files
from ..sources import bundled_dir
from .harness import BenchError, Figure, Target


@dataclass(frozen=True)
class Config:
    runs: int = 5  # runs for the cheap figures (start-up, frames, loading and paths of bundled scenarios)
    heavy_runs: int = 2  # runs for figures that take seconds each (generated scenario, paths, stage, preview)
    idle_runs: int = 3
    frames: int = 600
    idle_seconds: float = 4.0
    generated_nodes: int = 1000
    stage_frames: int = 400  # recorded frames on the stage (dissolving or talking), after two warm-up cycles
    preview_saves: int = 2
    cjk_chars: int = 10_000
    statements: int = 1000
    quick: bool = False
    only: tuple[str, ...] = ()  # section names to measure (all when empty)

    @property
    def preview_scenario(self) -> str:
        return "birthday" if self.quick else "expired_return"  # quick: the smallest bundled exploration

    def paths_files(self, bundled: list[str]) -> list[str]:
        """The bundled scenarios `paths` is timed on: all of them, or two small ones in a quick run."""
        if not self.quick:
            return bundled
        return [f for f in bundled if Path(f).stem in QUICK_PATHS]

    @classmethod
    def make(cls, runs: int | None, quick: bool, only: tuple[str, ...] = ()) -> Config:
        if quick:
            n = max(1, runs or 1)
            return cls(runs=n, heavy_runs=n, idle_runs=n, frames=90, idle_seconds=0.6, generated_nodes=20,
                       stage_frames=80, preview_saves=1, cjk_chars=10_000, statements=100, quick=True, only=only)
        n = max(1, runs or cls.runs)
        return cls(runs=n, heavy_runs=min(n, cls.heavy_runs), idle_runs=min(n, cls.idle_runs), only=only)


Section = tuple[str, Callable[[], list[Figure]]]
QUICK_PATHS = ("birthday", "status_update")


def _sections(cfg: Config, data_dir: str, work: Path) -> list[Section]:
    from .frames import frame_and_memory_figures
    from .generate import write_scenario
    from .idle import idle_figures
    from .loading import loading_figures
    from .outbox_bench import outbox_figure
    from .paths_bench import paths_figure
    from .preview_bench import preview_figure
    from .stage import stage_figures
    from .startup import startup_figures
    from .text_bench import cjk_figure

    bundled = scenario_files([str(bundled_dir())])
    generated = str(write_scenario(work, cfg.generated_nodes))
    gen_label = f"generated {cfg.generated_nodes:,}-node scenario"

    def paths_all() -> list[Figure]:
        figures = [paths_figure(f"paths.{Path(f).stem}", f"paths on {Path(f).stem}", f, cfg.heavy_runs, 1000.0)
                   for f in cfg.paths_files(bundled)]
        figures.append(paths_figure("paths.generated", f"paths on the {gen_label}", generated, cfg.heavy_runs,
                                    10_000.0))
        return figures

    return [
        ("start-up", lambda: startup_figures(cfg.runs, data_dir)),
        ("frame time and memory", lambda: frame_and_memory_figures(min(cfg.runs, 3), cfg.frames, data_dir)),
        ("stage frame time", lambda: stage_figures(cfg.heavy_runs, cfg.stage_frames, data_dir)),
        ("preview reload", lambda: [preview_figure(cfg.heavy_runs, cfg.preview_saves, data_dir, work,
                                                   cfg.preview_scenario)]),
        ("CJK text layout", lambda: [cjk_figure(cfg.runs, cfg.cjk_chars)]),
        ("xAPI outbox", lambda: [outbox_figure(cfg.heavy_runs, work, cfg.statements, quick=cfg.quick)]),
        ("idle CPU", lambda: idle_figures(cfg.idle_runs, cfg.idle_seconds, data_dir)),
        ("scenario loading", lambda: [
            *loading_figures("loading.bundled", f"Load and check all {len(bundled)} bundled scenarios", bundled,
                             cfg.runs, work, {"files": len(bundled)}),
            *loading_figures("loading.generated", f"Load and check the {gen_label}", [generated], cfg.heavy_runs,
                             work, {"nodes": cfg.generated_nodes, "bytes": os.path.getsize(generated)}),
        ]),
        ("path analysis", paths_all),
    ]


# Figures each section promises, so a failed section still reports its shape (with null values).
EXPECTED = {
    "start-up": ("startup.title", "startup.select"),
    "frame time and memory": ("frames.play.p50", "frames.play.p95", "frames.play.p99", "memory.peak"),
    "stage frame time": ("frames.stage.dissolve.p99", "frames.stage.talking.p99"),
    "preview reload": ("preview.reload",),
    "CJK text layout": ("text.cjk_layout",),
    "xAPI outbox": ("records.outbox_drain",),
    "idle CPU": ("idle.title", "idle.select", "idle.play", "idle.ending"),
    "scenario loading": ("loading.bundled", "loading.bundled_cold", "loading.generated", "loading.generated_cold"),
    "path analysis": ("paths.generated",),
}


def _failed(section: str, error: Exception) -> list[Figure]:
    return [Figure(fid, fid, "", [math.nan], [math.nan], "-", Target(), note=f"not measured: {error}")
            for fid in EXPECTED[section]]


def run_suite(cfg: Config, log: Callable[[str], None] = lambda _: None) -> dict:
    """Run every section; a section that cannot be measured reports why instead of stopping the others."""
    figures: list[Figure] = []
    started = time.perf_counter()
    load_before = _load_average()
    with tempfile.TemporaryDirectory(prefix="cc-bench-") as tmp:
        data_dir = os.path.join(tmp, "data")
        os.makedirs(data_dir)
        with _data_dir(data_dir):  # in-process commands (paths) keep their caches in the throw-away folder too
            _measure(cfg, data_dir, Path(tmp), figures, log)
    return {
        "command": "python run.py bench" + (" --quick" if cfg.quick else "") + f" --runs {cfg.runs}"
                   + "".join(f" --only '{name}'" for name in cfg.only),
        "quick": cfg.quick,
        "runs": cfg.runs,
        "machine": machine(),
        "load_average": {"start": load_before, "end": _load_average()},
        "seconds": round(time.perf_counter() - started, 1),
        "figures": figures,
    }


@contextmanager
def _data_dir(path: str) -> Iterator[None]:
    from ..userdata.paths import ENV_VAR

    before = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = path
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = before


def _measure(cfg: Config, data_dir: str, work: Path, figures: list[Figure], log: Callable[[str], None]) -> None:
    for name, section in _sections(cfg, data_dir, work):
        if cfg.only and name not in cfg.only:
            continue
        log(f"measuring {name}...")
        t0 = time.perf_counter()
        try:
            figures.extend(section())
        except BenchError as exc:
            log(f"  {name} could not be measured: {exc}")
            figures.extend(_failed(name, exc))
        log(f"  {name}: {time.perf_counter() - t0:.1f} s")


def _load_average() -> float | None:
    """The 1-minute load average: how busy the shared machine was (None where the OS has none)."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def machine() -> dict:
    import pygame
    import yaml

    return {
        "python": platform.python_version(),
        "pygame": pygame.version.ver,
        "sdl": ".".join(map(str, pygame.get_sdl_version())),
        "pyyaml": yaml.__version__,
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "executable": sys.executable,
    }
