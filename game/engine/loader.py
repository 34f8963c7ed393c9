"""Load scenario files into the immutable model, reporting every problem with its place."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from . import vocabulary as v
from .analysis_cache import AnalysisCache
from .choice_ids import RESERVED, derived_id
from .conditions import Condition, ConditionError, meter_names_in_boolean_position, parse_condition
from .diagnostics import Diagnostic, Reporter
from .model import Branch, Choice, Customer, Economics, Effects, Ending, Meter, Node, Scenario, Timer
from .spec import SCENARIO
from .text import placeholders
from .typecheck import PosDict, PosList, check, suggest
from .yamltree import MAX_BYTES, YMap, decode, parse

SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadResult:
    """What loading one file gave: a scenario (if it has no errors) and its diagnostics."""

    path: str
    scenario: Scenario | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    @property
    def ok(self) -> bool:
        return self.scenario is not None


def load_file(path: str | os.PathLike, cache: AnalysisCache | None = None) -> LoadResult:
    name = str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            rep = Reporter(name)
            rep.error((1, 1), "CC005", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
            return LoadResult(name, None, rep.sorted())
        data = Path(path).read_bytes()
    except OSError as exc:
        rep = Reporter(name)
        rep.error((1, 1), "CC026", f"cannot read the file: {exc.strerror or exc}")
        return LoadResult(name, None, rep.sorted())
    return load_bytes(data, name, cache)


def load_bytes(data: bytes, path: str = "<memory>", cache: AnalysisCache | None = None) -> LoadResult:
    """Load and check one scenario; the exploration step's findings come from `cache` when it has them."""
    rep = Reporter(path)
    loaded = _load(data, path, rep)
    scenario = None
    if loaded is not None and not rep.has_errors:
        scenario = loaded[0]
        _analyse(scenario, loaded[1], data, rep, cache)
    if rep.has_errors:
        scenario = None
    return LoadResult(path, scenario, rep.sorted())


def scenario_files(paths: list[str]) -> list[str]:
    """Expand directories into the scenario files inside them, sorted."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for entry in sorted(os.listdir(p)):
                full = os.path.join(p, entry)
                if entry.endswith(SCENARIO_SUFFIXES) and os.path.isfile(full):
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


def _analyse(scenario: Scenario, where: Positions, data: bytes, rep: Reporter, cache: AnalysisCache | None) -> None:
    key = AnalysisCache.key(data)
    cached = cache.get(key) if cache is not None else None
    if cached is None:
        found = Reporter(rep.path)
        structure_checks(scenario, where, found)
        cached = [{k: v for k, v in d.to_json().items() if k != "path"} for d in found.items]
        if cache is not None:
            cache.put(key, cached)
    for d in cached:
        add = rep.error if d["severity"] == "error" else rep.warning
        add((d["line"], d["col"]), d["code"], d["message"])


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
    raw = check(root, SCENARIO, rep, "the scenario")
    if rep.has_errors:
        return None
    builder = _Builder(raw, path, rep, hashlib.sha256(data).hexdigest()[:12])
    scenario = builder.build()
    return None if scenario is None else (scenario, builder.positions)


class _Builder:
    """Turns checked plain data into the model, with the cross-reference checks."""

    def __init__(self, raw: PosDict, path: str, rep: Reporter, version: str) -> None:
        self.raw, self.path, self.rep, self.version = raw, path, rep, version
        self.meters: dict[str, Meter] = {}
        self.flags: set[str] = set()
        self.targets: set[str] = set()

    def build(self) -> Scenario | None:
        raw, rep = self.raw, self.rep
        if raw["format"] != v.FORMAT_VERSION:
            rep.error(raw.at("format"), "CC025",
                      f"format {raw['format']} is not supported; this version of the game reads format 1")
            return None
        self._meters(raw.get("meters") or PosDict(raw.pos))
        nodes_raw: PosDict = raw["nodes"]
        endings_raw: PosDict = raw["endings"]
        for eid in endings_raw:
            if eid in nodes_raw:
                rep.error(endings_raw.key_at(eid), "CC023",
                          f"'{eid}' is both a node and an ending; give them different ids")
        self.targets = set(nodes_raw) | set(endings_raw)
        self._collect_flags(nodes_raw)
        vars_raw = raw.get("vars") or PosDict(raw.pos)
        for name in vars_raw:
            if name in self.meters or name in ("customer", "role"):
                what = "a meter" if name in self.meters else "a built-in placeholder"
                rep.error(vars_raw.key_at(name), "CC023",
                          f"var '{name}' has the same name as {what}; rename the var (e.g. '{name}_name')")
        values = {"customer", "role", *self.meters, *vars_raw}
        self.known_placeholders = values
        customer = self._customer(raw["customer"])
        nodes = {nid: self._node(nid, n, customer.name, nodes_raw.key_at(nid)) for nid, n in nodes_raw.items()}
        endings = {eid: self._ending(eid, e) for eid, e in endings_raw.items()}
        if raw["start"] not in nodes:
            rep.error(raw.at("start"), "CC014",
                      f"start node '{raw['start']}' does not exist{suggest(raw['start'], nodes)}")
        if rep.has_errors:
            return None
        scenario = Scenario(
            id=raw["id"], title=raw["title"], summary=raw["summary"], setting=raw["setting"],
            audience=raw["audience"], skills=tuple(raw["skills"]), minutes=raw["minutes"],
            order=raw.get("order", 1000), customer=customer, meters=tuple(self.meters.values()),
            start=raw["start"], nodes=MappingProxyType(nodes), endings=MappingProxyType(endings),
            vars=MappingProxyType(dict(raw.get("vars") or {})), cast=self._cast(raw.get("cast") or []),
            path=self.path, version=self.version, rollback=raw.get("rollback", True),
        )
        self._graph_checks(scenario)
        return scenario

    def _meters(self, meters_raw: PosDict) -> None:
        for mid, defaults in v.DEFAULT_METERS.items():
            spec = meters_raw.get(mid) or {}
            self.meters[mid] = self._meter(mid, spec, meters_raw, defaults)
        for mid, spec in meters_raw.items():
            if mid in v.DEFAULT_METERS:
                continue
            if "label" not in spec:
                self.rep.error(meters_raw.at(mid), "CC013", f"meter '{mid}' needs a 'label'")
            self.meters[mid] = self._meter(mid, spec, meters_raw, {"label": mid.replace("_", " ").title()})

    def _meter(self, mid: str, spec: dict, parent: PosDict, defaults: dict) -> Meter:
        lo, hi = spec.get("min", 0), spec.get("max", 100)
        start = spec.get("start", defaults.get("start", lo))
        pos = parent.at(mid)
        if lo >= hi:
            self.rep.error(pos, "CC012", f"meter '{mid}' has min {lo} not below max {hi}")
        elif not lo <= start <= hi:
            self.rep.error(pos, "CC012", f"meter '{mid}' starts at {start}, outside {lo} to {hi}")
        return Meter(mid, spec.get("label", defaults["label"]), lo, hi, start,
                     spec.get("visible", True), spec.get("unit", ""), spec.get("better", "higher"))

    def _collect_flags(self, nodes_raw: PosDict) -> None:
        for node in nodes_raw.values():
            effects = [c.get("effects") or {} for c in node.get("choices") or []]
            effects.append((node.get("timer") or {}).get("effects") or {})
            for eff in effects:
                self.flags.update(eff.get("set") or [])
                self.flags.update(eff.get("clear") or [])

    def _customer(self, raw: PosDict) -> Customer:
        e = raw["economics"]
        econ = Economics(e["spend_per_visit"], e["visits_per_year"], e["years"], e["word_of_mouth"],
                         e.get("unit", "$"), e.get("visit_label", "visit"), e.get("note", ""), e.get("whose", ""))
        return Customer(raw["name"], raw["role"], econ, MappingProxyType(dict(raw.get("appearance") or {})))

    def _cast(self, cast_raw: list) -> MappingProxyType:
        out: dict[str, MappingProxyType] = {}
        for i, member in enumerate(cast_raw):
            if member["name"] in out:
                self.rep.error(cast_raw.item_pos[i], "CC023", f"cast member '{member['name']}' is listed twice")
            out[member["name"]] = MappingProxyType(dict(member.get("appearance") or {}))
        return MappingProxyType(out)

    def _prose(self, text: str, pos: tuple[int, int], what: str) -> None:
        for name in placeholders(text):
            if name.strip() not in self.known_placeholders:
                self.rep.error(pos, "CC020", f"placeholder {{{name}}} in {what} names nothing"
                               f"{suggest(name.strip(), self.known_placeholders)} "
                               "(known: {customer}, {role}, meter ids and vars; write {{ for a literal brace)")

    def _link(self, target: str, pos: tuple[int, int], what: str) -> None:
        if target not in self.targets:
            self.rep.error(pos, "CC014", f"{what} leads to '{target}', which does not exist"
                           f"{suggest(target, self.targets)}")

    def _condition(self, text: str, pos: tuple[int, int]) -> Condition | None:
        try:
            cond = parse_condition(text)
        except ConditionError as exc:
            self.rep.error(pos, "CC021", f"condition '{text}': {exc} (at character {exc.column})")
            return None
        for name in sorted(cond.names):
            if name not in self.meters and name not in self.flags:
                self.rep.error(pos, "CC022", f"condition '{text}' names '{name}', which is no meter or flag"
                               f"{suggest(name, [*self.meters, *self.flags])}")
        for name in meter_names_in_boolean_position(cond.tree, set(self.meters)):
            self.rep.error(pos, "CC021", f"condition '{text}' uses meter '{name}' on its own; "
                           f"compare it with a number, e.g. '{name} >= 50'")
        return cond

    def _effects(self, raw: PosDict | None) -> Effects:
        if not raw:
            return Effects()
        deltas = []
        for key, value in raw.items():
            if key in ("set", "clear"):
                continue
            if key not in self.meters:
                self.rep.error(raw.key_at(key), "CC010",
                               f"effect on '{key}', which is no meter{suggest(key, self.meters)}")
                continue
            deltas.append((key, int(value)))
        return Effects(tuple(deltas), tuple(raw.get("set") or ()), tuple(raw.get("clear") or ()))

    def _node(self, nid: str, raw: PosDict, customer_name: str, key_pos: tuple[int, int]) -> Node:
        rep = self.rep
        choices_raw: PosList = raw.get("choices") or PosList(raw.pos)
        branches_raw: PosList = raw.get("branch") or PosList(raw.pos)
        if "choices" in raw and "branch" in raw:
            rep.error(raw.key_at("branch"), "CC011",
                      f"node '{nid}' has both 'choices' and 'branch'; use one or the other")
        if not choices_raw and not branches_raw:
            rep.error(key_pos, "CC016", f"node '{nid}' has no choices and no branch, so the story stops "
                      "there; add choices, a branch, or lead to an ending")
        if "timer" in raw and not choices_raw:
            rep.error(raw.key_at("timer"), "CC011", f"node '{nid}' has a timer but no choices to race it")
        if "text" not in raw and not branches_raw:
            rep.error(key_pos, "CC013", f"node '{nid}' needs 'text'")
        text = raw.get("text", "")
        self._prose(text, raw.at("text"), f"node '{nid}'")
        choices = []
        ids: dict[str, int] = {}
        for i, c in enumerate(choices_raw):
            pos = choices_raw.item_pos[i]
            self._link(c["next"], c.at("next"), f"choice {i + 1} of '{nid}'")
            self._prose(c["text"], c.at("text"), f"choice {i + 1} of '{nid}'")
            if len(choices_raw) > 1 and not c.get("feedback"):
                rep.warning(pos, "CC019", f"choice {i + 1} of '{nid}' has no feedback; "
                            "say why it helps or hurts")
            cond = self._condition(c["if"], c.at("if")) if "if" in c else None
            cid = self._choice_id(nid, i, c, pos, ids)
            choices.append(Choice(c["text"], c["next"], self._effects(c.get("effects")),
                                  c.get("feedback", ""), c.get("principle", ""), cond, cid))
        timer = None
        if "timer" in raw:
            t = raw["timer"]
            self._link(t["next"], t.at("next"), f"the timer of '{nid}'")
            if not t.get("feedback"):
                rep.warning(raw.key_at("timer"), "CC019", f"the timer of '{nid}' has no feedback")
            timer = Timer(t["seconds"], t["next"], t.get("text", "Time ran out"), self._effects(t.get("effects")),
                          t.get("feedback", ""), t.get("principle", ""))
        branches = []
        for i, b in enumerate(branches_raw):
            self._link(b["next"], b.at("next"), f"branch {i + 1} of '{nid}'")
            cond = self._condition(b["if"], b.at("if")) if "if" in b else None
            branches.append(Branch(b["next"], cond))
        if branches and branches[-1].condition is not None:
            rep.error(branches_raw.item_pos[-1], "CC024", f"the last branch of '{nid}' has an 'if'; "
                      "when no condition holds the story would stop: drop the last 'if'")
        speaker = raw.get("speaker", customer_name)
        return Node(nid, speaker, text, raw.get("mood", "neutral"), raw.get("scene", self.raw["setting"]),
                    raw.get("sound"), tuple(choices), timer, tuple(branches))

    def _choice_id(self, nid: str, i: int, c: PosDict, item_pos: tuple[int, int], seen: dict[str, int]) -> str:
        """The choice's stable id (explicit or derived), with the uniqueness checks (CC060, CC061)."""
        explicit = "id" in c
        cid = c["id"] if explicit else derived_id(c["next"], c["text"], c.get("if"))
        pos = c.at("id") if explicit else item_pos
        if explicit and cid in RESERVED:
            self.rep.error(pos, "CC061", f"choice {i + 1} of '{nid}' has the id '{cid}', which records use for "
                           "a timer running out; choose another id")
        elif cid in seen and explicit:
            self.rep.error(pos, "CC060", f"choice {i + 1} of '{nid}' has the id '{cid}', like choice "
                           f"{seen[cid] + 1}; give each choice of a node its own 'id'")
        elif cid in seen:
            self.rep.error(pos, "CC060", f"choice {i + 1} of '{nid}' leads where choice {seen[cid] + 1} leads with "
                           f"the same text and condition, so both get the id '{cid}'; give one an 'id'")
        seen.setdefault(cid, i)
        return cid

    def _ending(self, eid: str, raw: PosDict) -> Ending:
        self._prose(raw["text"], raw.at("text"), f"ending '{eid}'")
        mood = raw.get("mood", {"leaves": "upset", "stays": "neutral", "advocate": "pleased"}[raw["outcome"]])
        return Ending(eid, raw["title"], raw["outcome"], raw["text"], raw["summary"], mood)

    def _graph_checks(self, scenario: Scenario) -> None:
        """Cheap checks on the link graph, ignoring conditions."""
        from .analysis import reachable_ids

        rep, raw = self.rep, self.raw
        nodes_raw, endings_raw = raw["nodes"], raw["endings"]
        reached = reachable_ids(scenario)
        for nid in scenario.nodes:
            if nid not in reached:
                rep.warning(nodes_raw.key_at(nid), "CC015", f"no path reaches node '{nid}'")
        for eid in scenario.endings:
            if eid not in reached:
                rep.warning(endings_raw.key_at(eid), "CC017", f"no path reaches ending '{eid}'")
        changed = {k for n in scenario.nodes.values() for c in _all_effects(n) for k, _ in c.deltas}
        meters_raw = raw.get("meters") or {}
        for m in scenario.meters:
            if m.id not in changed:
                pos = meters_raw.key_at(m.id) if isinstance(meters_raw, PosDict) and m.id in meters_raw \
                    else raw.key_at("nodes")
                rep.warning(pos, "CC018", f"no choice changes meter '{m.id}'")
        self.positions = Positions({k: nodes_raw.key_at(k) for k in nodes_raw},
                                   {k: endings_raw.key_at(k) for k in endings_raw}, raw.key_at("nodes"), reached)


@dataclass(frozen=True)
class Positions:
    """Where the ids stood in the file, for the exploration step's messages."""

    nodes: dict[str, tuple[int, int]]
    endings: dict[str, tuple[int, int]]
    nodes_key: tuple[int, int]
    linked: set[str]


def structure_checks(scenario: Scenario, where: Positions, rep: Reporter) -> None:
    """The state-aware exploration: endings no play-through reaches, nodes that can show no choice."""
    from .analysis import explore_states

    exploration = explore_states(scenario)
    if not exploration.complete:
        rep.warning(where.nodes_key, "CC028", f"stopped exploring after {exploration.limit:,} states; "
                    "conditional reachability was not fully checked")
        return
    for eid in scenario.endings:
        if eid in where.linked and eid not in exploration.endings:
            rep.warning(where.endings[eid], "CC017", f"ending '{eid}' is linked but no play-through reaches it: "
                        "the conditions on the way never all hold")
    for nid in sorted(exploration.dead_ends):
        rep.error(where.nodes[nid], "CC016", f"node '{nid}' can show no choice: every choice's condition fails "
                  "for some play-through that reaches it")


def _all_effects(node: Node) -> list[Effects]:
    out = [c.effects for c in node.choices]
    if node.timer:
        out.append(node.timer.effects)
    return out
