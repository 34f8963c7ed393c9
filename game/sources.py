"""Where scenarios come from: the bundled library, the user's own folder, and any folders the user names.

One module below both the view and the commands: the select screen, `check`, `paths`, `run` and the rest all
ask it. Folders are read in order: the bundled library, `<user data folder>/scenarios/`, the folders in
CUSTOMER_CHAIN_SCENARIOS (separated by the platform's path separator) and those given with `--scenarios DIR`.
A file's id must be unique across all of them: a later file with an id already taken is reported as an error
on its `id:` line (naming the first file), never merged with it, so two scenarios never share progress.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import resources
from .userdata.paths import data_dir

if TYPE_CHECKING:
    from .engine import LoadResult
    from .engine.analysis_cache import AnalysisCache

ENV_VAR = "CUSTOMER_CHAIN_SCENARIOS"
SUFFIXES = (".yaml", ".yml")
NOT_SCENARIOS = {"principles.yaml"}  # the principle vocabulary lives beside the scenarios
BUNDLED, USER, EXTRA = "bundled", "user", "extra"
USER_README = """Your own scenarios
==================

Put scenario files (*.yaml) here and Customer Chain lists them under "Your own scenarios".
The author guide that came with the game explains the format; `customer-chain check` checks every
file here, and `customer-chain new my_scenario` writes a commented starting point.
"""
_ID_LINE = re.compile(rb"^id[ \t]*:", re.MULTILINE)

#: Folders given on the command line with --scenarios (set once by the entry point).
_cli_folders: list[str] = []


@dataclass(frozen=True)
class Folder:
    """One place scenarios are read from."""

    kind: str  # BUNDLED, USER or EXTRA
    path: Path
    origin: str  # in words: where this folder was named

    @property
    def exists(self) -> bool:
        return self.path.is_dir()


def set_cli_folders(folders: Iterable[str]) -> None:
    """Remember the folders given with --scenarios for this run."""
    _cli_folders[:] = [f for f in folders if f]


def bundled_dir() -> Path:
    return resources.scenarios_dir()


def user_dir(create: bool = False) -> Path:
    """The user's own scenario folder; `create` makes it (with a short README) if it is not there yet."""
    folder = data_dir() / "scenarios"
    if create and not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "README.txt").write_text(USER_README, encoding="utf-8")
        except OSError:
            pass  # a read-only data folder: the game plays the bundled library without it
    return folder


def folders() -> list[Folder]:
    """Every scenario folder in reading order, each once."""
    out = [Folder(BUNDLED, bundled_dir(), "bundled with the game"), Folder(USER, user_dir(), "your own folder")]
    for part in os.environ.get(ENV_VAR, "").split(os.pathsep):
        if part.strip():
            out.append(Folder(EXTRA, Path(part.strip()).expanduser(), ENV_VAR))
    out.extend(Folder(EXTRA, Path(p).expanduser(), "--scenarios") for p in _cli_folders)
    seen: set[str] = set()
    unique = []
    for folder in out:
        key = os.path.realpath(folder.path)
        if key not in seen:
            seen.add(key)
            unique.append(folder)
    return unique


def display_path(path: str | os.PathLike) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    text = str(path)
    try:
        rel = os.path.relpath(text)
    except ValueError:
        return text
    return rel if not rel.startswith("..") else text


def analysis_cache() -> AnalysisCache:
    from .engine.analysis_cache import AnalysisCache  # not needed for the first frame: imported on first use

    """The analysis cache in the user's data folder."""
    return AnalysisCache(data_dir() / "cache" / "analysis.json")


@dataclass(frozen=True)
class Entry:
    """A scenario file found in a folder, or a reason it cannot be read without opening it."""

    path: str
    folder: Folder
    refused: str | None = None  # why it is not read (a link out of the folder, not a regular file)


def entries(folder: Folder) -> list[Entry]:
    """The scenario files directly in `folder`, sorted; links out of the folder and non-files are refused."""
    try:
        names = sorted(os.listdir(folder.path))
    except OSError:
        return []
    root = os.path.realpath(folder.path)
    out = []
    for name in names:
        if name.startswith(".") or not name.lower().endswith(SUFFIXES) or name.lower() in NOT_SCENARIOS:
            continue
        full = os.path.join(folder.path, name)
        out.append(Entry(display_path(full), folder, _refusal(full, root)))
    return out


def _refusal(full: str, root: str) -> str | None:
    try:
        if os.path.islink(full):
            target = os.path.realpath(full)
            if os.path.commonpath([root, target]) != root:
                return "it is a link to a file outside its folder; copy the file into the folder instead"
        mode = os.stat(full).st_mode
    except (OSError, ValueError) as exc:
        return f"cannot read the file: {getattr(exc, 'strerror', None) or exc}"
    if stat.S_ISDIR(mode):
        return "it is a folder, not a scenario file"
    if not stat.S_ISREG(mode):
        return "it is not a regular file (a device, pipe or socket)"
    return None


def load_entries(found: Sequence[Entry], cache: AnalysisCache | None = None,
                 on_result: Callable[[LoadResult], None] | None = None,
                 explore_uncached: bool = True) -> list[LoadResult]:
    """Load every entry (broken ones included, as results with errors) and report duplicate ids; each result
    is also handed to `on_result` as soon as it is made (a screen can show it while the rest load).
    `explore_uncached=False`: see engine.load_bytes."""
    from .engine import LoadResult, load_file

    results: list[LoadResult] = []
    owner: dict[str, LoadResult] = {}
    for entry in found:
        if entry.refused:
            from .engine.diagnostics import Diagnostic, Severity

            result = LoadResult(entry.path, None, [Diagnostic(entry.path, 1, 1, Severity.ERROR, "CC026",
                                                              f"not read: {entry.refused}")])
        else:
            result = load_file(entry.path, cache, explore_uncached=explore_uncached)
        result.source = entry.folder.kind
        scenario = result.scenario
        if scenario is not None:
            first = owner.get(scenario.id)
            if first is None:
                owner[scenario.id] = result
            else:
                result = _duplicate(result, first)
        results.append(result)
        if on_result is not None:
            on_result(result)
    if cache is not None:
        cache.save()
    return results


def _duplicate(result: LoadResult, first: LoadResult) -> LoadResult:
    from .engine import LoadResult

    line = _id_line(result.path)
    where = f"{first.path}:{_id_line(first.path)}"
    message = (f"scenario id '{result.scenario.id}' is already used by {where}; give this file its own id "
               "(ids keep each scenario's progress apart)")
    from .engine.diagnostics import Diagnostic, Severity

    diag = Diagnostic(result.path, line, 1, Severity.ERROR, "CC065", message)
    dup = LoadResult(result.path, None, sorted([*result.diagnostics, diag], key=lambda d: (d.line, d.col)))
    dup.source = result.source
    return dup


def _id_line(path: str) -> int:
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 20)
    except OSError:
        return 1
    match = _ID_LINE.search(head)
    return head.count(b"\n", 0, match.start()) + 1 if match else 1


def load_library(cache: AnalysisCache | None = None,
                 on_result: Callable[[LoadResult], None] | None = None,
                 explore_uncached: bool = True) -> list[LoadResult]:
    """Every scenario in every folder, in reading order, broken files included."""
    return load_entries([e for f in folders() for e in entries(f)], cache, on_result, explore_uncached)


def expand(paths: Sequence[str]) -> list[Entry]:
    """Files and folders named by the user: folders give their scenario files, files stand for themselves."""
    out: list[Entry] = []
    for p in paths:
        if os.path.isdir(p):
            out.extend(entries(Folder(EXTRA, Path(p), "named on the command line")))
        else:
            out.append(Entry(display_path(p), Folder(EXTRA, Path(p).parent, "named on the command line")))
    return out


def find(name: str, cache: AnalysisCache | None = None, explore_uncached: bool = True) -> LoadResult | None:
    """A scenario by file path, or by id from any folder (the first file with that id); None if not found.
    `explore_uncached=False`: see engine.load_bytes."""
    from .engine import load_file

    if os.path.exists(name) and not os.path.isdir(name):
        result = load_file(display_path(name), cache, explore_uncached=explore_uncached)
        if cache is not None:
            cache.save()
        return result
    library = load_library(cache, explore_uncached=explore_uncached)
    for result in library:
        if result.scenario is not None and result.scenario.id == name:
            return result
    stem = name.removesuffix(".yaml").removesuffix(".yml")
    for result in library:  # a broken file named after the id: show its errors rather than "not found"
        if result.scenario is None and Path(result.path).stem == stem:
            return result
    return None
