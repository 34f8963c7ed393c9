"""What the play screen shows of one moment: the node's beats, the options, and the reply to a decision."""

from __future__ import annotations

from dataclasses import dataclass

from ...engine import Playthrough
from ...engine.playthrough import Beat

READING, CHOOSING, CHOSEN, REPLY, FEEDBACK, STUCK = "reading", "choosing", "chosen", "reply", "feedback", "stuck"
_MOOD_SCALE = ("angry", "upset", "impatient", "neutral", "pleased")
REACTION = 5  # a choice that moves satisfaction at least this far shows on the customer's face at once


def reacted(mood: str, satisfaction_delta: int) -> str:
    """The face one step warmer or cooler after a choice that clearly pleased or hurt the customer."""
    if mood not in _MOOD_SCALE or abs(satisfaction_delta) < REACTION:
        return mood
    i = _MOOD_SCALE.index(mood) + (1 if satisfaction_delta > 0 else -1)
    return _MOOD_SCALE[max(0, min(len(_MOOD_SCALE) - 1, i))]


@dataclass(frozen=True)
class NodeView:
    """What the screen shows for one node, captured before the player's decision moves the play on.

    `speaker`, `text` and `mood` are the first beat's; `widest` is the longest text the speech panel must
    hold during this node (any beat, or any reply an option can bring), so the layout never jumps."""

    node_id: str
    speaker: str
    text: str
    mood: str
    setting: str
    sound: str | None
    choices: tuple[str, ...]
    timer: int | None
    beats: tuple[Beat, ...] = ()
    widest: tuple[str, str] = ("", "")
    said: tuple[tuple[str, str], ...] = ()  # (speaker, text) of every beat and every reply the node can bring

    @classmethod
    def of(cls, play: Playthrough) -> NodeView:
        node = play.node
        assert node is not None
        beats = tuple(play.beats)
        first = beats[0] if beats else Beat(play.speaker, play.text, node.mood)
        texts = [(b.speaker, b.text) for b in beats]
        texts += [(r.speaker or first.speaker, r.text) for r in
                  [c.reply for c in node.choices] + [node.timer.reply if node.timer else None] if r is not None]
        widest = max(texts, key=lambda t: len(t[1])) if texts else (first.speaker, first.text)
        return cls(node.id, first.speaker, first.text, first.mood, node.scene or play.scenario.setting, node.sound,
                   tuple(v.text for v in play.choices), play.timer_seconds, beats, widest,
                   tuple(texts) or ((first.speaker, first.text),))
