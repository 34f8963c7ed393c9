"""Art the stage may show next, warmed ahead so that no frame waits for a picture.

At each moment of a node (a beat read, the choices, the pick, her reply, the coach's card), `upcoming` lists the
few pictures of the person the next moments will show: her faces still, talking and mid-blink, at the stage's
size. Backdrops are not warmed: the art caches hold one 1080p backdrop, and warming another would push out
the one on screen. A `Warmer` works through that list on still frames (the reader reading, the choices or the
coach's card waiting), when nothing is presented, within a per-frame budget: a picture not yet painted costs
that frame its painting, never a frame the player sees. Before a screen's first frame, `first_node` lists what
its first node and the nodes after it will show, to be warmed at once. Warming fills the art caches, which are
bounded in bytes, and adds none of its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ...engine import Scenario
from ...engine.model import Node
from ...engine.playthrough import Beat, reply_mood
from ..play import art
from ..play.moment import CHOOSING, CHOSEN, FEEDBACK, READING, REPLY, reacted
from .cast import Cast, on_stage

BUDGET_S = 0.004  # a still frame starts no further picture once this much of it has gone on warming
MOST = 4  # whole faces warmed per moment at most, the likeliest first; fewer where the portrait cache holds few
ON_SCREEN = 1  # whole faces a moment keeps showing (talking and mid-blink are small parts of it): kept warm
MOST_PIECES = 8  # pictures (faces and their parts) warmed per moment at most
FIRST_MOST = 6  # pictures warmed before the first frame at most, those it shows among them


@dataclass(frozen=True)
class Want:
    """One portrait to warm: who (`look`, their appearance as text, for comparing), with which face, at which
    size, talking or mid-blink; `appearance` is what play.art is called with."""

    look: tuple
    mood: str
    size: tuple[int, int]
    talking: bool = False
    blinking: bool = False
    appearance: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def face(self) -> tuple:
        """The whole face this picture is (or is a part of)."""
        return (self.look, self.mood, self.size)

    def warm(self) -> None:
        art.portrait_pieces(self.appearance, self.mood, self.size, self.talking, blinking=self.blinking)


def look_of(appearance: Mapping[str, object]) -> tuple:
    return tuple(sorted((str(k), str(v)) for k, v in appearance.items()))


def _portraits(cast: Cast | None, mood: str, size: tuple[int, int], still: bool = True, talking: bool = True,
               blink: bool = True) -> list[Want]:
    """A standing person's pictures with `mood`: still, talking and mid-blink, as asked."""
    if cast is None or cast.on_call:
        return []  # a caller's card is small and drawn at its own size: it is quick to paint on demand
    look = look_of(cast.appearance)
    flags = [(False, False)] * still + [(True, False)] * talking + [(False, True)] * blink
    return [Want(look, mood, size, t, b, cast.appearance) for t, b in flags]


def showing(scene: Any, size: tuple[int, int]) -> list[Want]:
    """The pictures of the person the scene's current beat shows: still, talking and mid-blink."""
    v = scene.view
    if v is None or not v.beats:
        return []
    beats = tuple(v.beats)
    b = beats[min(scene.beat, len(beats) - 1)]
    cast = on_stage(scene.scenario, beats, b.speaker, b.mood, False, v.node_id)
    if cast is None:
        return []
    return _portraits(cast, art.mood_for(b.mood, scene.satisfaction_percent()) if cast.customer else cast.mood, size)


def upcoming(scene: Any, size: tuple[int, int]) -> list[Want]:
    """The pictures the scene's person may show next, likeliest first, for the phase it is in now (`size`: the
    standing person's picture). Reading a beat: her face mid-blink, then the next beat's faces (after the
    last, her faces once a choice is picked). Choosing: those faces. After a pick: her reply's, and then the
    next node's first faces."""
    v = scene.view
    if v is None:
        return []
    sc = scene.scenario
    beats = tuple(v.beats)
    sat = scene.satisfaction_percent()
    wants: list[Want] = []

    def beat_faces(node_id: str, said: tuple[Beat, ...], i: int, **which: bool) -> list[Want]:
        b = said[i]
        cast = on_stage(sc, said, b.speaker, b.mood, False, node_id)
        if cast is None:
            return []
        return _portraits(cast, art.mood_for(b.mood, sat) if cast.customer else cast.mood, size, **which)

    if scene.phase == READING and beats:
        i = min(scene.beat, len(beats) - 1)
        wants += beat_faces(v.node_id, beats, i, still=False, talking=False)
        if i + 1 < len(beats):
            wants += beat_faces(v.node_id, beats, i + 1)
    if scene.phase in (READING, CHOOSING) and (not beats or scene.beat + 1 >= len(beats)):
        wants += _picked_faces(sc, v.node_id, beats, sat, size)
    if scene.phase in (CHOSEN, REPLY) and scene.step is not None and scene.step.reply is not None:
        r = scene.step.reply
        cast = on_stage(sc, beats, r.speaker, r.mood, True, v.node_id)
        wants += _portraits(cast, r.mood, size, still=scene.phase == CHOSEN)
    if scene.phase in (CHOSEN, REPLY, FEEDBACK) and scene.play.node is not None:
        later = scene.play.node
        wants += beat_faces(later.id, _first_beats(later), 0)
    return _within_room(_unique(wants), {w.face for w in showing(scene, size)}, most(size))


def _within_room(wants: list[Want], on_screen: set[tuple], faces: int) -> list[Want]:
    """The wants, likeliest first, that need at most `faces` whole faces besides those `on_screen`: talking
    and mid-blink are small parts of a face (see art.portrait_parts), so it is faces that fill the cache."""
    kept: list[Want] = []
    new: set[tuple] = set()
    for want in wants:
        if want.face not in on_screen and want.face not in new:
            if len(new) >= faces:
                continue
            new.add(want.face)
        kept.append(want)
    return kept[:MOST_PIECES]


def most(size: tuple[int, int]) -> int:
    """Whole faces to warm per moment at this size: MOST, or what the portrait cache holds beside the face on
    screen (at 1080p a stage portrait is about 2 MB)."""
    return max(1, min(MOST, art.portrait_room(size) - ON_SCREEN))


def _picked_faces(sc: Scenario, node_id: str, beats: tuple[Beat, ...], sat: int,
                  size: tuple[int, int]) -> list[Want]:
    """Her face once each option is picked: the face she answers with (still and talking), or the last
    beat's face a step warmer or cooler for an option that moves her satisfaction."""
    node = sc.nodes.get(node_id)
    if node is None or not beats:
        return []
    last = beats[-1]
    wants: list[Want] = []
    picks = [(c.reply, dict(c.effects.deltas)) for c in node.choices]
    if node.timer is not None:
        picks.append((node.timer.reply, dict(node.timer.effects.deltas)))
    for reply, deltas in picks:
        if reply is not None:
            mood = reply_mood(reply, deltas)
            cast = on_stage(sc, beats, reply.speaker or node.speaker, mood, True, node_id)
            wants += _portraits(cast, mood, size, blink=False)
        else:
            cast = on_stage(sc, beats, last.speaker, last.mood, False, node_id)
            if cast is not None and cast.customer:
                mood = reacted(art.mood_for(last.mood, sat), deltas.get("satisfaction", 0))
                wants += _portraits(cast, mood, size, talking=False, blink=False)
    return wants


def _first_beats(node: Node) -> tuple[Beat, ...]:
    if node.lines:
        return tuple(Beat(line.speaker.strip(), line.text, line.mood) for line in node.lines)
    return (Beat(node.speaker.strip(), node.text, node.mood),)


def first_node(scene: Any, size: tuple[int, int]) -> list[Want]:
    """What the screen's first node may show, likeliest first: each beat's faces, her faces once a choice is
    picked, and the first faces of the nodes its options lead to (at most FIRST_MOST pictures)."""
    v = scene.view
    if v is None or not v.beats:
        return []
    sc = scene.scenario
    beats = tuple(v.beats)
    sat = scene.satisfaction_percent()
    wants: list[Want] = []
    for i, b in enumerate(beats):
        cast = on_stage(sc, beats, b.speaker, b.mood, False, v.node_id)
        face = art.mood_for(b.mood, sat) if cast is not None and cast.customer else cast.mood if cast else ""
        wants += _portraits(cast, face, size, blink=i == 0)
    wants += _picked_faces(sc, v.node_id, beats, sat, size)
    node = sc.nodes.get(v.node_id)
    for target in node.exits() if node is not None else []:
        later = sc.nodes.get(target)
        if later is not None and not later.is_branch:
            said = _first_beats(later)
            cast = on_stage(sc, said, said[0].speaker, said[0].mood, False, target)
            face = art.mood_for(said[0].mood, sat) if cast is not None and cast.customer else cast.mood if cast else ""
            wants += _portraits(cast, face, size, talking=False, blink=False)
    return _unique(wants)[:min(FIRST_MOST, max(1, art.portrait_room(size)))]


def _unique(wants: list[Want]) -> list[Want]:
    return list(dict.fromkeys(wants))


class Warmer:
    """The pictures still to warm for the moment on screen, worked through within a per-frame budget."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.queue: list[Want] = []
        self.clock = clock

    def plan(self, wants: list[Want]) -> None:
        self.queue = list(wants)

    @property
    def pending(self) -> bool:
        return bool(self.queue)

    def work(self, drawn: bool, budget: float = BUDGET_S) -> int:
        """Warm pictures on a frame that presents nothing (`drawn` False): one at least, then more while
        within `budget` seconds. A drawn frame warms nothing, so warming never makes a slow frame. Returns how
        many were warmed."""
        if drawn:
            return 0
        start = self.clock()
        done = 0
        while self.queue and (done == 0 or self.clock() - start < budget):
            self.queue.pop(0).warm()
            done += 1
        return done
