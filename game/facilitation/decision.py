"""One decision of a class session's path: what was taken, and the room's votes for each option shown."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import TIMEOUT, EngineError

MAX_VOTES = 999  # per option: a show of hands, never more than a large lecture hall


@dataclass
class Decision:
    """One decision on a path: what was taken (a choice's source index, or the timer) and the room's votes."""

    kind: str  # "choice" or "timeout"
    source_index: int | None
    votes: dict[int, int] = field(default_factory=dict)  # visible option number -> hands

    def to_json(self) -> dict:
        return {"kind": self.kind, "source_index": self.source_index,
                "votes": {str(k): v for k, v in sorted(self.votes.items())}}

    @classmethod
    def from_json(cls, data: object) -> Decision:
        if not isinstance(data, dict) or data.get("kind") not in ("choice", TIMEOUT):
            raise EngineError(f"saved class decision {data!r} is not understood")
        index = data.get("source_index")
        if data["kind"] == "choice" and (not isinstance(index, int) or isinstance(index, bool)):
            raise EngineError(f"saved class decision {data!r} has no choice index")
        return cls(data["kind"], index if data["kind"] == "choice" else None, votes_from_json(data.get("votes")))


def votes_from_json(raw: object) -> dict[int, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise EngineError("saved votes are not understood")
    votes: dict[int, int] = {}
    for key, value in raw.items():
        if not (str(key).isdigit() and isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            raise EngineError(f"saved vote {key!r}: {value!r} is not understood")
        if value:
            votes[int(key)] = min(MAX_VOTES, value)
    return votes
