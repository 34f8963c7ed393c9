"""Text bound for a terminal, made harmless: scenario files are strangers' text and may hold escape codes.

A key or title with ESC[2J would clear the screen, OSC 52 would write the clipboard, BEL would ring; a
right-to-left override would make a line read differently from what it says. Every such character is
written as a visible escape instead (`\\x1b`, `\\u202e`), so what is printed is what the file says.
"""

from __future__ import annotations

import io
import re
from typing import TextIO

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embedding/override/isolate marks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """`text` with every character that could steer a terminal written out as a visible escape."""
    return _UNSAFE.sub(_visible, text)


class EscapingWriter(io.TextIOBase):
    """A text stream that escapes what it is given and passes it on to `inner`."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(escape(text))
        return len(text)

    def flush(self) -> None:
        """Pass the flush on while the stream underneath is open (this wrapper may be collected after it closed:
        the interpreter's shutdown, or a test runner's captured output)."""
        if not getattr(self.inner, "closed", False):
            self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", "utf-8")

    def writable(self) -> bool:
        return True
