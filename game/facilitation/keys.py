"""The facilitator's key map: presenter clickers first, then the keyboard. No pygame here.

Keys are looked up by the typed character (so '?' and '.' work on any layout) and then by the key's
name as pygame spells it (`pygame.key.name`), e.g. "page down", "f5", "[3]" for the keypad.
"""

from __future__ import annotations

from dataclasses import dataclass

NEXT, PREVIOUS, BLANK, RESUME, HELP = "next", "previous", "blank", "resume", "help"
VOTE, CLEAR_VOTES, TIMER, WHAT_IF, EXPORT = "vote", "clear_votes", "timer", "what_if", "export"
SELECT_UP, SELECT_DOWN, BACK, ADOPT, DEBRIEF, QUIT = "select_up", "select_down", "back", "adopt", "debrief", "quit"


@dataclass(frozen=True)
class Action:
    name: str
    number: int | None = None  # the option for a vote


@dataclass(frozen=True)
class Binding:
    keys: str  # as shown on the help overlay
    action: str
    meaning: str


#: Key name or typed character -> action. Clickers send Page Down/Up, arrows, Space, B or '.', F5 and Esc.
_BY_KEY: dict[str, str] = {
    "page down": NEXT, "right": NEXT, "space": NEXT, "return": NEXT, "enter": NEXT,
    "page up": PREVIOUS, "left": PREVIOUS,
    "b": BLANK, ".": BLANK, "period": BLANK,
    "f5": RESUME,
    "f1": HELP, "?": HELP, "h": HELP,
    "0": CLEAR_VOTES, "[0]": CLEAR_VOTES, "backspace": CLEAR_VOTES,
    "t": TIMER, "w": WHAT_IF, "e": EXPORT,
    "up": SELECT_UP, "down": SELECT_DOWN,
    "escape": BACK, "a": ADOPT, "d": DEBRIEF, "q": QUIT,
}

#: What the help overlay lists, in the order a facilitator needs it.
BINDINGS: tuple[Binding, ...] = (
    Binding("Page Down, →, Space", NEXT, "Reveal the next step"),
    Binding("Page Up, ←", PREVIOUS, "Back a step (nothing is lost)"),
    Binding("B or .", BLANK, "Blank the screen, and back"),
    Binding("F5", RESUME, "Start, or resume the picture"),
    Binding("1 to 9", VOTE, "Add a vote for that option"),
    Binding("0, Backspace", CLEAR_VOTES, "Clear the votes here"),
    Binding("↑ ↓", SELECT_DOWN, "Highlight the option to take"),
    Binding("T", TIMER, "Run or pause the timer"),
    Binding("W", WHAT_IF, "What if: compare the options"),
    Binding("A", ADOPT, "Keep the what-if as the path"),
    Binding("Esc", BACK, "Close, or leave the what-if"),
    Binding("D", DEBRIEF, "Class debrief"),
    Binding("E", EXPORT, "Export PNG images and a CSV"),
    Binding("F1 or ?", HELP, "Show or hide these keys"),
    Binding("F11", "fullscreen", "Full screen on or off"),
    Binding("Q", QUIT, "Leave the session"),
)


def action_for(name: str, char: str = "") -> Action | None:
    """The action for a key: `name` as pygame names it, `char` the character typed (may be empty)."""
    for key in (char, name.lower()):
        if not key:
            continue
        if len(key) == 1 and key.isdigit() and key != "0":
            return Action(VOTE, int(key))
        if len(key) == 3 and key[0] == "[" and key[2] == "]" and key[1].isdigit() and key[1] != "0":
            return Action(VOTE, int(key[1]))
        action = _BY_KEY.get(key if len(key) > 1 else key.lower())
        if action is not None:
            return Action(action)
    return None
