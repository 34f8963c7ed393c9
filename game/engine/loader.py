"""Load scenario files into the immutable model, reporting every problem with its place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..sha256 import sha256
from .analysis_cache import AnalysisCache
from .builder import Builder
from .diagnostics import Diagnosed, Diagnostic, Reporter
from .glyphs import check_glyphs
from .model import Scenario
from .reading import Unreadable, read_capped
from .spec import SCENARIO
from .structure import Positions, structure_checks
from .typecheck import check, prune
from .yamltree import YMap, decode, parse

SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadResult(Diagnosed):
    """What loading one file gave: a scenario (if it has no errors) and its diagnostics."""

    path: str
    scenario: Scenario | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str = ""  # which scenario folder it came from (see game.sources): bundled, user or extra
    unexplored: bool = False  # its paths were not explored: no answer was cached and the caller could not wait

    @property
    def ok(self) -> bool:
        return self.scenario is not None


def load_file(path: str | os.PathLike, cache: AnalysisCache | None = None,
              explore_uncached: bool = True) -> LoadResult:
    """Load one scenario file: a regular file only (never a pipe, device or folder), read up to the size cap.
    `explore_uncached`: see load_bytes."""
    name = str(path)
    try:
        data = read_capped(path)
    except Unreadable as exc:
        rep = Reporter(name)
        rep.error((1, 1), exc.code, exc.message)
        return LoadResult(name, None, rep.sorted())
    return load_bytes(data, name, cache, explore_uncached=explore_uncached)


_ERRORS = "errors:"  # cache entries holding every diagnostic of a file with errors
_MAX_CACHED_DIAGNOSTICS = 10_000


def load_bytes(data: bytes, path: str = "<memory>", cache: AnalysisCache | None = None,
               explore: bool = True, explore_uncached: bool = True) -> LoadResult:
    """Load and check one scenario; the exploration step's findings come from `cache` when it has them.

    A file with errors cannot be played, so all its diagnostics are cached: the next check of the same
    bytes reads them back without parsing. `explore=False` leaves out the exploration step (its checks
    find nothing the model needs), for a caller that only plays or explores bytes known to load cleanly.
    `explore_uncached=False` takes the exploration's findings from `cache` but does not explore when it has
    none (the result says `unexplored`): the game's library, which explores such files in another process.
    """
    key = AnalysisCache.key(data)
    rep = Reporter(path)
    known = cache.get(_ERRORS + key) if cache is not None else None
    if known is not None and any(d["severity"] == "error" for d in known):
        _replay(known, rep)
        return LoadResult(path, None, rep.sorted())
    loaded = _load(data, path, rep)
    scenario = None
    if loaded is not None and not rep.has_errors:
        scenario = loaded[0]
        unexplored = explore and not explore_uncached and (cache is None or cache.get(key) is None)
        if explore and not unexplored:
            _analyse(scenario, loaded[1], key, rep, cache)
    else:
        unexplored = False
    if rep.has_errors:
        scenario = None
        if cache is not None and len(rep.items) <= _MAX_CACHED_DIAGNOSTICS:
            cache.put(_ERRORS + key, _stored(rep.items))
    return LoadResult(path, scenario, rep.sorted(), unexplored=unexplored and scenario is not None)


def _stored(items: list[Diagnostic]) -> list[dict]:
    return [{k: v for k, v in d.to_json().items() if k != "path"} for d in items]


def _replay(stored: list[dict], rep: Reporter) -> None:
    for d in stored:
        add = rep.error if d["severity"] == "error" else rep.warning
        add((d["line"], d["col"]), d["code"], d["message"])


def scenario_files(paths: list[str]) -> list[str]:
    """Expand directories into the scenario files inside them, sorted."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for entry in sorted(os.listdir(p)):
                full = os.path.join(p, entry)
                if entry.endswith(SCENARIO_SUFFIXES) and entry != "principles.yaml" and os.path.isfile(full):
                    out.append(full)
        else:
            out.append(p)
    return out


def load_all(paths: list[str], cache: AnalysisCache | None = None) -> list[LoadResult]:
    """Load every scenario file; one broken file never stops the others."""
    results = [load_file(p, cache) for p in scenario_files(paths)]
    if cache is not None:
        cache.save()
    return results


#: The exploration's findings of the last files explored in this process, by content key: loading the same
#: text again (the game, a test, a what-if) never explores it twice. Bounded; the findings are plain data.
_RECENT: dict[str, list[dict]] = {}
_RECENT_SIZE = 64


def _analyse(scenario: Scenario, where: Positions, key: str, rep: Reporter, cache: AnalysisCache | None) -> None:
    from . import budget

    recent = f"{key}|{budget.STATE_LIMIT}|{budget.SECONDS}|{budget.MEMORY_MB}"  # a test may change the limits
    cached = cache.get(key) if cache is not None else None
    if cached is None:
        cached = _RECENT.get(recent)
        if cached is None:
            found = Reporter(rep.path)
            structure_checks(scenario, where, found)
            cached = _stored(found.items)
        if cache is not None:
            cache.put(key, cached)
    _RECENT.pop(recent, None)
    _RECENT[recent] = cached
    while len(_RECENT) > _RECENT_SIZE:
        _RECENT.pop(next(iter(_RECENT)))
    _replay(cached, rep)


def _load(data: bytes, path: str, rep: Reporter) -> tuple[Scenario, Positions] | None:
    text = decode(data, rep)
    if text is None:
        return None
    root = parse(text, rep)
    if rep.has_errors:
        return None
    if root is None:
        rep.error((1, 1), "CC008", "the file is empty; a scenario needs at least id, title, nodes and endings")
        return None
    if not isinstance(root, YMap):
        kind = "a list" if not hasattr(root, "value") else "plain text"
        rep.error(root.pos, "CC009", f"the top level is {kind}; a scenario is a mapping of keys like 'id:'")
        return None
    raw = prune(check(root, SCENARIO, rep, "the scenario"))
    check_glyphs(raw, text, rep)
    # The cross-reference checks run on whatever parts checked cleanly, so one run reports every problem.
    builder = Builder(raw, path, rep, sha256(data).hexdigest()[:12], text)
    scenario = builder.build()
    return None if scenario is None else (scenario, builder.positions)
