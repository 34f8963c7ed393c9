"""Building the scenario model from checked plain data, with the cross-reference checks (used by the loader)."""

from __future__ import annotations

import difflib
import re
from types import MappingProxyType

from . import talk, teaching
from . import vocabulary as v
from .author_checks import author_checks
from .choice_ids import RESERVED, derived_id
from .conditions import Condition, ConditionError, meter_names_in_boolean_position, parse_condition
from .diagnostics import Reporter
from .model import Branch, Choice, Customer, Effects, Ending, Meter, Node, Scenario, Timer
from .structure import Positions, branch_cycles, can_reach_an_ending, cycle_text
from .suggest import Suggester
from .text import placeholders
from .typecheck import PosDict, PosList, suggest


class Builder:
    """Turns checked plain data into the model, with the cross-reference checks."""

    def __init__(self, raw: PosDict, path: str, rep: Reporter, version: str, text: str = "") -> None:
        self.raw, self.path, self.rep, self.version, self.text = raw, path, rep, version, text
        self.meters: dict[str, Meter] = {}
        self.flags: set[str] = set()
        self.targets: set[str] = set()
        self.tested: set[str] = set()
        self._suggesters: dict[str, Suggester] = {}

    def _near(self, kind: str, word: str, names) -> str:
        """A did-you-mean for word among names; one index per kind of name, built on first use."""
        suggester = self._suggesters.get(kind)
        if suggester is None:
            suggester = self._suggesters[kind] = Suggester(sorted(names))
        return suggester.phrase(word)

    def _part(self, key: str) -> PosDict:
        """A top-level mapping, empty when it is missing or failed its check."""
        value = self.raw.get(key)
        return value if isinstance(value, PosDict) else PosDict(self.raw.pos)

    def build(self) -> Scenario | None:
        raw, rep = self.raw, self.rep
        if isinstance(raw.get("format"), int) and raw["format"] != v.FORMAT_VERSION:
            rep.error(raw.at("format"), "CC025",
                      f"format {raw['format']} is not supported; this version of the game reads format 1")
            return None
        self._meters(self._part("meters"))
        nodes_raw, endings_raw = self._part("nodes"), self._part("endings")
        for eid in endings_raw.key_pos:
            if eid in nodes_raw.key_pos:
                rep.error(endings_raw.key_at(eid), "CC023",
                          f"'{eid}' is both a node and an ending; give them different ids")
        # Ids whose content failed its check still exist: links to them are not reported as broken.
        self.targets = set(nodes_raw.key_pos) | set(endings_raw.key_pos)
        self._collect_flags(nodes_raw)
        vars_raw = self._part("vars")
        for name in vars_raw.key_pos:
            if name in self.meters or name in ("customer", "role"):
                what = "a meter" if name in self.meters else "a built-in placeholder"
                rep.error(vars_raw.key_at(name), "CC023",
                          f"var '{name}' has the same name as {what}; rename the var (e.g. '{name}_name')")
        values = {"customer", "role", *self.meters, *vars_raw.key_pos}
        self.known_placeholders = values
        customer = self._customer(self._part("customer"))
        name = customer.name if customer else ""
        self.people = talk.people(rep, raw.get("cast") or PosList(raw.pos), talk.positive_word_of_mouth(rep))
        self.speakers = {name, *self.people} - {""}
        self.principles = teaching.vocabulary()
        nodes = {nid: self._node(nid, n, name, nodes_raw.key_at(nid)) for nid, n in nodes_raw.items()}
        endings = {eid: self._ending(eid, e) for eid, e in endings_raw.items()}
        start = raw.get("start")
        if start is not None and start not in nodes_raw.key_pos:
            rep.error(raw.at("start"), "CC014",
                      f"start node '{start}' does not exist{self._near('nodes', start, nodes_raw.key_pos)}")
        cast = self._cast(raw.get("cast") or PosList(raw.pos))
        author_checks(self.raw, nodes_raw, cast, name, dict(vars_raw), self.tested, rep)
        if rep.has_errors or customer is None:
            return None
        scenario = Scenario(
            id=raw["id"], title=raw["title"], summary=raw["summary"], setting=raw["setting"],
            audience=raw["audience"], skills=tuple(raw["skills"]), minutes=raw["minutes"],
            order=raw.get("order", 1000), customer=customer, meters=tuple(self.meters.values()),
            start=raw["start"], nodes=MappingProxyType(nodes), endings=MappingProxyType(endings),
            vars=MappingProxyType(dict(vars_raw)), cast=cast,
            path=self.path, version=self.version, coach=raw.get("coach", "immediate"),
            shuffle=raw.get("shuffle", True), people=MappingProxyType(self.people),
            rollback=raw.get("rollback", True),
        )
        self._graph_checks(scenario)
        return scenario

    def _meters(self, meters_raw: PosDict) -> None:
        for mid, defaults in v.DEFAULT_METERS.items():
            spec = meters_raw.get(mid) or {}
            self.meters[mid] = self._meter(mid, spec, meters_raw, defaults)
        for mid in meters_raw.key_pos:
            spec = meters_raw.get(mid)
            if mid in v.DEFAULT_METERS:
                continue
            if not isinstance(spec, PosDict):  # its check failed and was reported: keep the id known
                spec = PosDict(meters_raw.at(mid))
                spec["label"] = mid
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
            if not isinstance(node, dict):
                continue
            effects = [c.get("effects") or {} for c in node.get("choices") or []]
            effects.append((node.get("timer") or {}).get("effects") or {})
            for eff in effects:
                self.flags.update(eff.get("set") or [])
                self.flags.update(eff.get("clear") or [])

    def _customer(self, raw: PosDict) -> Customer | None:
        """The customer, or None when a part failed its check (already reported)."""
        e = raw.get("economics")
        needed = ("spend_per_visit", "visits_per_year", "years", "word_of_mouth")
        if not isinstance(e, dict) or any(k not in e for k in needed) or "name" not in raw or "role" not in raw:
            return None
        econ = talk.economics(e, talk.positive_word_of_mouth(self.rep))
        return Customer(raw["name"], raw["role"], econ, MappingProxyType(dict(raw.get("appearance") or {})))

    def _cast(self, cast_raw: PosList) -> MappingProxyType:
        out: dict[str, MappingProxyType] = {}
        for i, member in enumerate(cast_raw):
            if "name" not in member:
                continue
            if member["name"] in out:
                self.rep.error(cast_raw.item_pos[i], "CC023", f"cast member '{member['name']}' is listed twice")
            out[member["name"]] = MappingProxyType(dict(member.get("appearance") or {}))
        return MappingProxyType(out)

    def _prose(self, text: str, pos: tuple[int, int], what: str) -> None:
        for name in placeholders(text):
            if name.strip() not in self.known_placeholders:
                self.rep.error(pos, "CC020", f"placeholder {{{name}}} in {what} names nothing"
                               f"{self._near('placeholders', name.strip(), self.known_placeholders)} "
                               "(known: {customer}, {role}, meter ids and vars; write {{ for a literal brace)")

    def _link(self, target: str, pos: tuple[int, int], what: str) -> None:
        if target not in self.targets:
            self.rep.error(pos, "CC014", f"{what} leads to '{target}', which does not exist"
                           f"{self._near('targets', target, self.targets)}")

    def _condition(self, text: str, pos: tuple[int, int]) -> Condition | None:
        try:
            cond = parse_condition(text)
        except ConditionError as exc:
            self.rep.error(pos, "CC021", f"condition '{text}': {exc} (at character {exc.column})")
            self.tested.update(re.findall(r"[a-z][a-z0-9_]*", text))  # no 'never tested' on top of a typo
            return None
        self.tested.update(cond.names)
        for name in sorted(cond.names):
            if name not in self.meters and name not in self.flags:
                self.tested.update(difflib.get_close_matches(name, list(self.flags), n=1, cutoff=0.6))
                self.rep.error(pos, "CC022", f"condition '{text}' names '{name}', which is no meter or flag"
                               f"{self._near('names', name, [*self.meters, *self.flags])}")
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
                               f"effect on '{key}', which is no meter{self._near('meters', key, self.meters)}")
                continue
            deltas.append((key, int(value)))
        return Effects(tuple(deltas), tuple(raw.get("set") or ()), tuple(raw.get("clear") or ()))

    def _node(self, nid: str, raw: PosDict, customer_name: str, key_pos: tuple[int, int]) -> Node:
        rep = self.rep
        choices_raw: PosList = raw.get("choices") or PosList(raw.pos)
        branches_raw: PosList = raw.get("branch") or PosList(raw.pos)
        dropped = set(raw.key_pos) - set(raw)  # written, but failed its check (already reported)
        if "choices" in raw.key_pos and "branch" in raw.key_pos:
            rep.error(raw.key_at("branch"), "CC011",
                      f"node '{nid}' has both 'choices' and 'branch'; use one or the other")
        if not choices_raw and not branches_raw and not dropped & {"choices", "branch"}:
            rep.error(key_pos, "CC016", f"node '{nid}' has no choices and no branch, so the story stops "
                      "there; add choices, a branch, or lead to an ending")
        if "timer" in raw.key_pos and not choices_raw and "choices" not in dropped:
            rep.error(raw.key_at("timer"), "CC011", f"node '{nid}' has a timer but no choices to race it")
        if "text" in raw.key_pos and "lines" in raw.key_pos:
            rep.error(raw.key_at("lines"), "CC072", f"node '{nid}' has both 'text' and 'lines'; "
                      "put the text in the lines, or use one of them")
        elif "text" not in raw.key_pos and "lines" not in raw.key_pos and not branches_raw \
                and "branch" not in dropped:
            rep.error(key_pos, "CC013", f"node '{nid}' needs 'text' (or 'lines')")
        text, text_if = talk.variants(self, raw.get("text", ""), raw.at("text"), f"node '{nid}'")
        beats = talk.lines(self, raw["lines"], nid, self.speakers) if isinstance(raw.get("lines"), PosList) else ()
        if beats:
            text = talk.joined(beats)
        choices = []
        ids: dict[str, int] = {}
        for i, c in enumerate(choices_raw):
            pos = choices_raw.item_pos[i]
            what = f"choice {i + 1} of '{nid}'"
            if "next" in c:
                self._link(c["next"], c.at("next"), what)
            ctext, ctext_if = talk.variants(self, c.get("text", ""), c.at("text"), what)
            feedback, feedback_if = talk.variants(self, c.get("feedback", ""), c.at("feedback"), what, prose=False)
            if len(choices_raw) > 1 and "feedback" not in c.key_pos:
                rep.warning(pos, "CC019", f"{what} has no feedback; say why it helps or hurts")
            self._principle(c.get("principle", ""), c.at("principle"), what)
            cond = self._condition(c["if"], c.at("if")) if "if" in c else None
            reply = talk.reply(self, c.get("reply"), c.at("reply"), what, self.speakers)
            cid = self._choice_id(nid, i, c, pos, ids, ctext)
            choices.append(Choice(ctext, c.get("next", ""), self._effects(c.get("effects")), feedback,
                                  c.get("principle", ""), cond, cid, reply, bool(c.get("fixed", False)),
                                  ctext_if, feedback_if))
        timer = None
        if "timer" in raw:
            t = raw["timer"]
            if "next" in t:
                self._link(t["next"], t.at("next"), f"the timer of '{nid}'")
            if "feedback" not in t.key_pos:
                rep.warning(raw.key_at("timer"), "CC019", f"the timer of '{nid}' has no feedback")
            what = f"the timer of '{nid}'"
            feedback, feedback_if = talk.variants(self, t.get("feedback", ""), t.at("feedback"), what, prose=False)
            self._principle(t.get("principle", ""), t.at("principle"), what)
            timer = Timer(t.get("seconds", 1), t.get("next", ""), t.get("text", "Time ran out"),
                          self._effects(t.get("effects")), feedback, t.get("principle", ""),
                          talk.reply(self, t.get("reply"), t.at("reply"), what, self.speakers), feedback_if)
        branches = []
        for i, b in enumerate(branches_raw):
            if "next" in b:
                self._link(b["next"], b.at("next"), f"branch {i + 1} of '{nid}'")
            cond = self._condition(b["if"], b.at("if")) if "if" in b else None
            branches.append(Branch(b.get("next", ""), cond))
        if branches and branches[-1].condition is not None:
            rep.error(branches_raw.item_pos[-1], "CC024", f"the last branch of '{nid}' has an 'if'; "
                      "when no condition holds the story would stop: drop the last 'if'")
        speaker = raw.get("speaker", customer_name)
        return Node(nid, speaker, text, raw.get("mood", "neutral"), raw.get("scene", self.raw.get("setting", "")),
                    raw.get("sound"), tuple(choices), timer, tuple(branches), beats, text_if,
                    raw.get("call", False) is True)

    def _choice_id(self, nid: str, i: int, c: PosDict, item_pos: tuple[int, int], seen: dict[str, int],
                   text: str = "") -> str:
        """The choice's stable id (explicit or derived from its default text), with the uniqueness checks
        (CC060, CC061)."""
        explicit = "id" in c
        cid = c["id"] if explicit else derived_id(c.get("next", ""), text, c.get("if"))
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
        text, text_if = talk.variants(self, raw.get("text", ""), raw.at("text"), f"ending '{eid}'")
        outcome = raw.get("outcome", "stays")
        mood = raw.get("mood", {"leaves": "upset", "stays": "neutral", "advocate": "pleased"}[outcome])
        others = talk.others(self.rep, raw.get("others"), eid, self.people, self.meters)
        return Ending(eid, raw.get("title", ""), outcome, text, raw.get("summary", ""), mood, raw.get("scene", ""),
                      others, text_if)

    def _principle(self, name: str, pos: tuple[int, int], what: str) -> None:
        if name and name not in self.principles:
            self.rep.warning(pos, "CC067", f"{what} names the principle '{name}', which is not in the principle "
                             f"vocabulary{suggest(name, self.principles)} (see principles.yaml beside the "
                             "bundled scenarios)")

    def _graph_checks(self, scenario: Scenario) -> None:
        """Cheap checks on the link graph, ignoring conditions."""
        from .analysis import reachable_ids

        rep, raw = self.rep, self.raw
        nodes_raw, endings_raw = raw["nodes"], raw["endings"]
        looping = set()
        for group in branch_cycles(scenario):
            looping.update(group)
            rep.error(nodes_raw.key_at(group[0]), "CC029",
                      f"branches loop without a decision ({cycle_text(scenario, group)}): branches change "
                      "nothing, so play would go round for ever; lead one of them to a node with choices")
        reached = reachable_ids(scenario)
        finishing = can_reach_an_ending(scenario)
        for nid in scenario.nodes:
            if nid not in reached:
                rep.warning(nodes_raw.key_at(nid), "CC015", f"no path reaches node '{nid}'")
            elif nid not in finishing and nid not in looping and scenario.nodes[nid].exits():
                rep.error(nodes_raw.key_at(nid), "CC033", f"no path leads from node '{nid}' to an ending, so "
                          "play would go round for ever; give it a way out to an ending")
        for eid in scenario.endings:
            if eid not in reached:
                rep.warning(endings_raw.key_at(eid), "CC017", f"no path reaches ending '{eid}'")
        self._teaching_checks(scenario)
        changed = {k for n in scenario.nodes.values() for c in _all_effects(n) for k, _ in c.deltas}
        meters_raw = raw.get("meters") or {}
        for m in scenario.meters:
            if m.id not in changed:
                pos = meters_raw.key_at(m.id) if isinstance(meters_raw, PosDict) and m.id in meters_raw \
                    else raw.key_at("nodes")
                rep.warning(pos, "CC018", f"no choice changes meter '{m.id}'")
        meter_pos = {m: meters_raw.key_at(m) for m in meters_raw} if isinstance(meters_raw, PosDict) else {}
        self.positions = Positions({k: nodes_raw.key_at(k) for k in nodes_raw},
                                   {k: endings_raw.key_at(k) for k in endings_raw}, raw.key_at("nodes"), reached,
                                   meter_pos)


    def _teaching_checks(self, scenario: Scenario) -> None:
        """Warnings for what makes a decision a quiz: a best option findable by its length, and options
        that all lead to the same place in most of the scenario's decisions."""
        nodes_raw = self.raw["nodes"]
        decisions = teaching.decisions(scenario)
        for node in decisions:
            if teaching.is_length_tell(scenario, node):
                best = teaching.single_best(scenario, node)
                self.rep.warning(nodes_raw[node.id]["choices"].item_pos[best], "CC068",
                                 f"the best option of '{node.id}' (choice {best + 1}) is clearly the longest, so a "
                                 "learner can find it without reading; shorten it or give the others substance")
        same = [n for n in decisions if not teaching.diverges(n)]
        if len(decisions) >= 4 and len(same) * 2 > len(decisions):
            self.rep.warning(self.raw.key_at("nodes"), "CC069",
                             f"in {len(same)} of {len(decisions)} decisions every option leads to the same place, "
                             "so choices change only the meters; let some of them change the story")


def _all_effects(node: Node) -> list[Effects]:
    out = [c.effects for c in node.choices]
    if node.timer:
        out.append(node.timer.effects)
    return out
