"""Teaching quality, measured from a scenario: the principle vocabulary, length tells, diverging decisions.

Good branching practice asks that the best option is not findable by its length or position and that choices
change the story, not only the meters. These figures are checked for authors (warnings with codes) and for
the bundled library as a whole (tests).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .diagnostics import Reporter
from .model import Choice, Node, Scenario
from .typecheck import PosDict, check
from .yamltree import MAX_BYTES, YMap, decode, parse

PRINCIPLES_FILE = "principles.yaml"
MAX_PRINCIPLES = 16
#: The best option is a "length tell" when it is this much longer than every other option.
TELL_RATIO, TELL_CHARS = 1.25, 15


@dataclass(frozen=True)
class Principle:
    name: str
    means: str
    seed: str = ""


def _principles_spec():
    from .spec import ListOf, Record, Text, _opt, _req

    item = Record("A principle.", fields={
        "name": _req(Text("The principle's name, as choices write it.", max_len=60)),
        "means": _req(Text("One line: what it means in practice.", max_len=300)),
        "seed": _opt(Text("Where it comes from in the source material.", max_len=200)),
    })
    return Record("The principle vocabulary.", fields={
        "principles": _req(ListOf("The principles.", item=item, min_items=1, max_items=64)),
    })


def read_principles(path: Path) -> tuple[list[Principle], Reporter]:
    """Principles from one principles.yaml (a stranger's file: bounded, located errors)."""
    rep = Reporter(str(path))
    try:
        data = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        rep.error((1, 1), "CC026", f"cannot read the file: {exc.strerror or exc}")
        return [], rep
    text = decode(data, rep)
    root = parse(text, rep) if text is not None else None
    if not isinstance(root, YMap):
        if not rep.has_errors:
            rep.error((1, 1), "CC009", "a principles file is a mapping with a 'principles:' list")
        return [], rep
    raw = check(root, _principles_spec(), rep, "the principles file")
    if rep.has_errors or not isinstance(raw, PosDict):
        return [], rep
    return [Principle(p["name"], p["means"], p.get("seed", "")) for p in raw["principles"]], rep


@lru_cache(maxsize=8)
def _cached(paths: tuple[str, ...]) -> dict[str, Principle]:
    out: dict[str, Principle] = {}
    for p in paths:
        found, _ = read_principles(Path(p))
        for principle in found:
            out.setdefault(principle.name, principle)
    return out


def bundled_principles_path() -> Path:
    from ..resources import scenarios_dir

    return scenarios_dir() / PRINCIPLES_FILE


def vocabulary(extra: Iterable[Path] = ()) -> dict[str, Principle]:
    """The bundled principles, then those of any other folder's principles.yaml, by name."""
    files = [bundled_principles_path(), *(Path(f) for f in extra)]
    return _cached(tuple(str(f) for f in files if f.is_file()))


# ---- teaching figures -----------------------------------------------------------------------------------


def score(scenario: Scenario, choice: Choice) -> int:
    """How good an option is for the person served: its satisfaction and loyalty changes."""
    polarity = scenario.polarity
    return sum(polarity.get(mid, 1) * delta for mid, delta in choice.effects.deltas
               if mid in ("satisfaction", "loyalty"))


def decisions(scenario: Scenario) -> list[Node]:
    return [n for n in scenario.nodes.values() if len(n.choices) > 1]


def single_best(scenario: Scenario, node: Node) -> int | None:
    """Index of the one best option of a decision, or None when two share the top score."""
    scores = [score(scenario, c) for c in node.choices]
    top = max(scores)
    return scores.index(top) if scores.count(top) == 1 else None


def is_length_tell(scenario: Scenario, node: Node) -> bool:
    """The best option is clearly the longest: a learner could find it without reading."""
    best = single_best(scenario, node)
    if best is None:
        return False
    lengths = [len(c.text) for c in node.choices]
    rest = max(n for i, n in enumerate(lengths) if i != best)
    return lengths[best] >= rest * TELL_RATIO and lengths[best] - rest >= TELL_CHARS


def diverges(node: Node) -> bool:
    return len({c.next for c in node.choices}) > 1


@dataclass(frozen=True)
class TeachingSummary:
    decisions: int
    diverging: int
    single_best: int
    best_longest: int
    length_tells: int
    choices: int
    replies: int
    principles: tuple[str, ...]
    best_shortest: int = 0

    @property
    def diverging_share(self) -> float:
        return self.diverging / self.decisions if self.decisions else 0.0

    def line(self) -> str:
        d = max(1, self.decisions)
        return (f"teaching: {self.diverging} of {self.decisions} decisions lead to different places "
                f"({100 * self.diverging / d:.0f} %); best option is the longest in {self.best_longest} and the "
                f"shortest in {self.best_shortest} of {self.single_best}; {self.length_tells} length tell(s); "
                f"replies on {self.replies} of {self.choices} options; principles: "
                f"{', '.join(self.principles) or 'none'}")

    def to_json(self) -> dict:
        return {"decisions": self.decisions, "diverging": self.diverging, "single_best": self.single_best,
                "best_longest": self.best_longest, "best_shortest": self.best_shortest,
                "length_tells": self.length_tells, "choices": self.choices, "replies": self.replies,
                "principles": list(self.principles)}


def summary(scenario: Scenario) -> TeachingSummary:
    nodes = decisions(scenario)
    best_longest = best_shortest = single = 0
    for node in nodes:
        best = single_best(scenario, node)
        if best is not None:
            single += 1
            lengths = [len(c.text) for c in node.choices]
            best_longest += lengths[best] == max(lengths)
            best_shortest += lengths[best] == min(lengths)
    options = [c for n in scenario.nodes.values() for c in n.choices]
    timers = [n.timer for n in scenario.nodes.values() if n.timer]
    used = sorted({c.principle for c in options if c.principle} | {t.principle for t in timers if t.principle})
    return TeachingSummary(len(nodes), sum(diverges(n) for n in nodes), single, best_longest,
                           sum(is_length_tell(scenario, n) for n in nodes), len(options) + len(timers),
                           sum(c.reply is not None for c in options) + sum(t.reply is not None for t in timers),
                           tuple(used), best_shortest)
