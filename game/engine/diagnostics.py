"""Located problems in scenario files, with stable codes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


# Stable codes: never renumber; add new ones at the end.
CODES: dict[str, str] = {
    "CC001": "YAML syntax error",
    "CC002": "tag not allowed",
    "CC003": "anchor or alias not allowed",
    "CC004": "nesting too deep",
    "CC005": "file too large",
    "CC006": "duplicate key",
    "CC007": "file is not valid UTF-8",
    "CC008": "file is empty",
    "CC009": "top level is not a mapping",
    "CC010": "unknown key",
    "CC011": "wrong type",
    "CC012": "value out of range",
    "CC013": "missing required key",
    "CC014": "link to a node that does not exist",
    "CC015": "node no path reaches",
    "CC016": "node with no way out",
    "CC017": "ending no path reaches",
    "CC018": "meter no choice changes",
    "CC019": "choice without feedback",
    "CC020": "unknown placeholder",
    "CC021": "condition syntax error",
    "CC022": "condition names something unknown",
    "CC023": "duplicate id",
    "CC024": "branch may fall through",
    "CC025": "unsupported format version",
    "CC026": "file could not be read",
    "CC027": "too many YAML events",
    "CC028": "path exploration stopped at its limit",
    "CC029": "branches loop without a decision",
    "CC030": "control character in text",
    "CC031": "text with nothing visible",
    "CC032": "node may show no choice",
    "CC033": "no way to an ending",
    "CC034": "way to an ending not certain",
    "CC040": "character no bundled font can draw",
    "CC045": "speaker is a near miss of a cast name",
    "CC046": "speaker not in the cast",
    "CC047": "flag set but never tested",
    "CC048": "cast member never speaks",
    "CC049": "meter sits at its limit",
    "CC050": "quoting mistake in text",
    "CC060": "two choices in a node share an id",
    "CC061": "reserved choice id",
    "CC065": "scenario id already used by another file",
    "CC066": "text variants without a last default",
    "CC067": "principle not in the vocabulary",
    "CC068": "best option clearly the longest (length tell)",
    "CC069": "options lead to the same place in most decisions",
    "CC070": "unknown speaker",
    "CC071": "others at an ending name nobody whose value counts",
    "CC072": "node with both text and lines",
    "CC073": "positive word of mouth too generous",
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem, pointing at a line and column (1-based) of a file."""

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message} [{self.code}]"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


class Diagnosed:
    """`errors` and `warnings` of an answer that holds a `diagnostics` list (a load result, a path check)."""

    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


class Reporter:
    """Collects diagnostics for one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Diagnostic] = []

    def error(self, pos: tuple[int, int], code: str, message: str) -> None:
        self.items.append(Diagnostic(self.path, pos[0], pos[1], Severity.ERROR, code, message))

    def warning(self, pos: tuple[int, int], code: str, message: str) -> None:
        self.items.append(Diagnostic(self.path, pos[0], pos[1], Severity.WARNING, code, message))

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.line, d.col, d.code))
