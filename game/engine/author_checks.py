"""Checks for the mistakes authors make that the format alone allows: speakers, unused flags, silent cast."""

from __future__ import annotations

import difflib
import re

from .diagnostics import Reporter
from .model import Scenario
from .typecheck import PosDict, PosList

NARRATOR = "narrator"
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
NEAR_MISS = 0.8  # how alike two names must be for an unknown speaker to count as a typo of a known one


def _squash(name: str) -> str:
    """A name without case, spaces or punctuation: 'Mrs. Karimi' and 'mrs karimi' squash alike."""
    return re.sub(r"[\W_]+", "", name.lower())


def resolve_speaker(speaker: str, vars_: dict[str, str]) -> str | None:
    """The speaker with {var} placeholders filled in; None when one names something other than a var."""
    missing = False

    def fill(match: re.Match) -> str:
        nonlocal missing
        value = vars_.get(match.group(1).strip())
        if not isinstance(value, str):
            missing = True
            return match.group(0)
        return value

    out = _PLACEHOLDER.sub(fill, speaker.replace("{{", "\0").replace("}}", "\1"))
    return None if missing else out.replace("\0", "{").replace("\1", "}").strip()


def near_miss(name: str, known: list[str]) -> str | None:
    """The known name this one is most likely a typo of, if any."""
    squashed = _squash(name)
    for k in known:
        if _squash(k) == squashed:
            return k
    close = difflib.get_close_matches(name, known, n=1, cutoff=NEAR_MISS)
    return close[0] if close else None


def author_checks(raw: PosDict, nodes_raw: PosDict, cast: dict, customer: str, vars_: dict[str, str],
                  tested: set[str], rep: Reporter) -> None:
    """Speakers against the cast and the customer, flags set but never tested, cast members who never speak."""
    known = [n for n in (customer, *cast) if n]
    spoke: set[str] = set(_beat_speakers(nodes_raw))  # lines and replies are checked by name (CC070)
    for nid, node in nodes_raw.items():
        if "speaker" not in node:
            continue
        speaker = resolve_speaker(node["speaker"], vars_)
        if speaker is None or not known:
            continue
        if speaker in known:
            spoke.add(speaker)
            continue
        if speaker.lower() == NARRATOR:
            continue
        guess = near_miss(speaker, [*known, NARRATOR])
        pos = node.at("speaker")
        if guess is not None:
            rep.error(pos, "CC045", f"speaker '{speaker}' of node '{nid}' is neither the customer nor in the "
                      f"cast; did you mean '{guess}'? (a name written differently shows as a stranger)")
        else:
            rep.warning(pos, "CC046", f"speaker '{speaker}' of node '{nid}' is neither the customer nor in "
                        "'cast', so they get a made-up portrait; add them to 'cast' to choose how they look")
    cast_raw = raw.get("cast")
    if isinstance(cast_raw, PosList):
        for member, pos in zip(cast_raw, cast_raw.item_pos, strict=False):
            name = member.get("name")
            if name and name != customer and name not in spoke:
                rep.warning(pos, "CC048", f"cast member '{name}' never speaks; give a node "
                            f"'speaker: {name}' or remove them from the cast")
    _unused_flags(nodes_raw, tested, rep)


def _beat_speakers(nodes_raw: PosDict):
    """Everyone who speaks in a node's lines or in a reply (to a choice or a timer)."""
    for node in nodes_raw.values():
        if not isinstance(node, dict):
            continue
        for line in node.get("lines") or ():
            if isinstance(line, dict) and isinstance(line.get("speaker"), str):
                yield line["speaker"]
        for option in [*(node.get("choices") or ()), node.get("timer") or {}]:
            reply = option.get("reply") if isinstance(option, dict) else None
            if isinstance(reply, dict) and isinstance(reply.get("speaker"), str):
                yield reply["speaker"]


def _unused_flags(nodes_raw: PosDict, tested: set[str], rep: Reporter) -> None:
    reported: set[str] = set()
    for node in nodes_raw.values():
        holders = list(node.get("choices") or [])
        if isinstance(node.get("timer"), PosDict):
            holders.append(node["timer"])
        for holder in holders:
            effects = holder.get("effects")
            if not isinstance(effects, PosDict):
                continue
            for flag in effects.get("set") or []:
                if flag not in tested and flag not in reported:
                    reported.add(flag)
                    rep.warning(effects.at("set"), "CC047", f"flag '{flag}' is set but no condition tests it; "
                                f"test it in an 'if' (e.g. 'if: {flag}') or stop setting it")


SATURATED = 0.5  # a meter at its limit in more than this share of the ways to an ending is reported


def saturation_checks(scenario: Scenario, endings: dict[str, list], meter_pos: dict[str, tuple[int, int]],
                      fallback: tuple[int, int], rep: Reporter) -> None:
    """CC049: a meter that ends at its minimum or maximum on most explored ways to an ending."""
    finals = [s[1] for states in endings.values() for s in states]
    if len(finals) < 3:
        return
    for i, m in enumerate(scenario.meters):
        if all(values[i] == m.start for values in finals):
            continue  # a meter that never moves is CC018's business
        for limit, word in ((m.max, "maximum"), (m.min, "minimum")):
            share = sum(1 for values in finals if values[i] == limit) / len(finals)
            if share > SATURATED:
                rep.warning(meter_pos.get(m.id, fallback), "CC049",
                            f"meter '{m.id}' ends at its {word} ({limit}) on {share:.0%} of the "
                            f"{len(finals):,} ways to an ending, so it cannot tell good play from bad; "
                            "make its effects smaller or its range wider")
