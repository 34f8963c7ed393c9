"""Placeholders in scenario text: {customer}, {role}, meter ids and the scenario's vars."""

from __future__ import annotations

import re
from collections.abc import Mapping

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def placeholders(template: str) -> list[str]:
    """Names used as {placeholders} in template ({{ and }} are literal braces)."""
    return [m.group(1) for m in _PLACEHOLDER.finditer(template) if m.group(1) is not None]


def interpolate(template: str, values: Mapping[str, object]) -> str:
    """Fill placeholders; an unknown one is left visible rather than crashing."""

    def repl(m: re.Match) -> str:
        whole = m.group(0)
        if whole == "{{":
            return "{"
        if whole == "}}":
            return "}"
        name = m.group(1).strip()
        return str(values[name]) if name in values else whole

    return _PLACEHOLDER.sub(repl, template)
