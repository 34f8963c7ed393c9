"""Learners: who is playing. A name, and optionally an e-mail or an organisation's account id.

Several learners can share one installation; the last one chosen is remembered. A learner's id is a random
UUID made on this machine (the default learner, who owns progress from before learners existed, is "default").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .db import DEFAULT_LEARNER

MAX_NAME = 60
MAX_CONTACT = 120
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_ACCOUNT = re.compile(r"^[\w.@:+-]{1,120}$")
_FORM = re.compile(r"^\s*(?P<name>[^<>]*?)\s*(?:<\s*(?P<contact>[^<>]*?)\s*>)?\s*$")
UNNAMED = "Player"  # what a learner without a name is called on screen


@dataclass(frozen=True)
class Learner:
    """Someone who plays on this computer: an id that never changes, and the name they gave."""

    id: str
    name: str
    email: str = ""
    account: str = ""

    @property
    def shown(self) -> str:
        """The name as shown: 'Player' until the learner gives one."""
        return self.name or UNNAMED

    @property
    def label(self) -> str:
        """Name with the e-mail or account, as in 'Ana Silva <ana@example.org>'."""
        contact = self.email or self.account
        return f"{self.shown} <{contact}>" if contact else self.shown

    @property
    def needs_name(self) -> bool:
        return not self.name


def new_id() -> str:
    """A new learner's id: a random UUID (uuid is imported here, off the start-up's path)."""
    import uuid

    return str(uuid.uuid4())


def clean_name(text: str) -> str:
    """A name with control characters removed and whitespace collapsed, at most MAX_NAME characters."""
    kept = "".join(ch for ch in text if ch.isprintable())
    return " ".join(kept.split())[:MAX_NAME]


def check_contact(text: str) -> tuple[str, str]:
    """(email, account) from what the player typed; raise ValueError with a plain sentence when unusable."""
    text = text.strip()
    if not text:
        return "", ""
    if len(text) > MAX_CONTACT:
        raise ValueError(f"That is longer than {MAX_CONTACT} characters.")
    if "@" in text and not text.startswith("@"):
        if not _EMAIL.match(text):
            raise ValueError("That e-mail address does not look complete (like name@example.org).")
        return text, ""
    if not _ACCOUNT.match(text):
        raise ValueError("An account id may use letters, digits and . _ - + : @ only.")
    return "", text


def parse_learner(text: str) -> tuple[str, str, str]:
    """'Name <email or account>' -> (name, email, account); raise ValueError with a plain sentence."""
    match = _FORM.match(text or "")
    if match is None:
        raise ValueError("Write the learner as \"Name\" or \"Name <e-mail or account id>\".")
    name = clean_name(match.group("name") or "")
    if not name:
        raise ValueError("The learner needs a name, as in \"Ana Silva <ana@example.org>\".")
    email, account = check_contact(match.group("contact") or "")
    return name, email, account


__all__ = ["DEFAULT_LEARNER", "Learner", "UNNAMED", "check_contact", "clean_name", "new_id", "parse_learner"]
