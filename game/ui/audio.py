"""Sound for the game: cues synthesised by the project, played through pygame's mixer when there is one.

Each cue is loaded from assets/sounds/CUE.wav (written by assets/sounds/generate.py) and, if that file is
missing or unreadable, synthesised here in pure Python. With no audio device every call is a silent no-op.
The room tones and music bed under the screens are `Audio.ambience` (game/ui/ambience.py).
"""

from __future__ import annotations

import io
import math
import random
from array import array
from collections.abc import Callable
from pathlib import Path

import pygame

from ..resources import sounds_dir
from .ambience import Ambience, load_sound

SOUND_DIR = sounds_dir()
RATE = 22050
SCENARIO_CUES = ("phone_ring", "door_chime", "message_ping", "typing", "announcement")
UI_CUES = ("click", "good", "bad", "reveal", "coin_loss", "coin_gain")
CUES = SCENARIO_CUES + UI_CUES
#: Relative loudness of each cue, so UI cues sit quietly under the scenario's sounds.
GAIN = {"click": 0.5, "typing": 0.6, "bad": 0.7, "coin_loss": 0.75}

# ---- synthesis ---------------------------------------------------------------------------------------


def _bell(freq: float, t: float, decay: float, partials: tuple[tuple[float, float], ...]) -> float:
    """A soft bell: a few sine partials under an exponential decay."""
    env = math.exp(-t / decay)
    return env * sum(a * math.sin(2 * math.pi * freq * m * t) for m, a in partials)


def _edge(t: float, length: float, attack: float = 0.01, release: float = 0.03) -> float:
    """A gentle fade in and out so nothing clicks."""
    if t < 0 or t > length:
        return 0.0
    return min(1.0, t / attack if attack else 1.0, (length - t) / release if release else 1.0)


def _render(seconds: float, voice: Callable[[float], float]) -> list[float]:
    return [voice(i / RATE) for i in range(int(seconds * RATE))]


def _notes(seconds: float, notes: tuple[tuple[float, float], ...], decay: float,
           partials: tuple[tuple[float, float], ...] = ((1, 1.0), (2, 0.25), (3, 0.08))) -> list[float]:
    """Bell notes (start time, frequency) mixed together."""
    def voice(t: float) -> float:
        total = 0.0
        for start, freq in notes:
            if t >= start:
                total += _bell(freq, t - start, decay, partials) * min(1.0, (t - start) / 0.004)
        return total * _edge(t, seconds, 0.001, 0.08)
    return _render(seconds, voice)


def _phone_ring() -> list[float]:
    """A desk phone's trill: two tones warbling 18 times a second, in the double-ring cadence, then a pause."""
    bursts = ((0.0, 0.4), (0.6, 0.4))
    length = 3.0

    def voice(t: float) -> float:
        for start, dur in bursts:
            if start <= t <= start + dur:
                u = t - start
                # Switch between the two tones 18 times a second, with rounded edges so it trills without clicks.
                mix = 0.5 + 0.5 * math.tanh(3 * math.sin(2 * math.pi * 18 * u))
                low = math.sin(2 * math.pi * 1000 * u) + 0.2 * math.sin(2 * math.pi * 2000 * u)
                high = math.sin(2 * math.pi * 1250 * u) + 0.2 * math.sin(2 * math.pi * 2500 * u)
                return (low * mix + high * (1 - mix)) * _edge(u, dur, 0.015, 0.04)
        return 0.0
    return _render(length, voice)


def _typing() -> list[float]:
    """Soft key taps: short bursts of filtered noise at an unhurried, uneven pace."""
    rng = random.Random(7)
    out = [0.0] * int(1.4 * RATE)
    t = 0.05
    while t < 1.3:
        start = int(t * RATE)
        level = 0.6 + 0.4 * rng.random()
        prev = 0.0
        for i in range(int(0.025 * RATE)):
            if start + i >= len(out):
                break
            prev = 0.55 * prev + 0.45 * rng.uniform(-1, 1)
            body = math.sin(2 * math.pi * 180 * i / RATE) * 0.5
            out[start + i] += (prev + body) * level * math.exp(-i / (0.004 * RATE))
        t += rng.choice((0.09, 0.11, 0.13, 0.16, 0.3))
    return out


def _slide(seconds: float, f0: float, f1: float, decay: float) -> list[float]:
    """A gentle glide between two pitches, for the 'bad' cue: soft, not a buzzer."""
    phase = 0.0
    out = []
    for i in range(int(seconds * RATE)):
        t = i / RATE
        freq = f0 + (f1 - f0) * min(1.0, t / (seconds * 0.7))
        phase += 2 * math.pi * freq / RATE
        tone = math.sin(phase) + 0.15 * math.sin(2 * phase)
        out.append(tone * math.exp(-t / decay) * _edge(t, seconds, 0.01, 0.06))
    return out


_RECIPES: dict[str, Callable[[], list[float]]] = {
    "phone_ring": _phone_ring,
    "door_chime": lambda: _notes(1.9, ((0.0, 659.25), (0.5, 523.25)), 0.55),
    "message_ping": lambda: _notes(0.5, ((0.0, 1318.5), (0.07, 1760.0)), 0.12, ((1, 1.0), (2, 0.1))),
    "typing": _typing,
    "announcement": lambda: _notes(2.0, ((0.0, 523.25), (0.38, 659.25), (0.76, 783.99)), 0.5),
    "click": lambda: _notes(0.06, ((0.0, 1760.0),), 0.012, ((1, 1.0),)),
    "good": lambda: _notes(0.55, ((0.0, 659.25), (0.1, 880.0)), 0.18),
    "bad": lambda: _slide(0.45, 349.23, 293.66, 0.25),
    "reveal": lambda: _notes(0.9, ((0.0, 523.25), (0.07, 659.25), (0.14, 783.99), (0.21, 1046.5)), 0.3),
    "coin_gain": lambda: _notes(0.45, ((0.0, 987.77), (0.08, 1318.5)), 0.14, ((1, 1.0), (3, 0.12))),
    "coin_loss": lambda: _notes(0.6, ((0.0, 659.25), (0.12, 493.88), (0.24, 392.0)), 0.16, ((1, 1.0), (2, 0.15))),
}


def synthesise(cue: str, peak: float = 0.5) -> bytes:
    """The cue as 16-bit mono PCM at RATE in native byte order, normalised to `peak` of full scale."""
    samples = _RECIPES[cue]()
    top = max((abs(s) for s in samples), default=0.0) or 1.0
    scale = 32767 * peak / top
    pcm = array("h", (int(max(-32767, min(32767, s * scale))) for s in samples))
    return pcm.tobytes()


def wav_bytes(cue: str) -> bytes:
    """The cue as a complete WAV file in memory."""
    import wave  # only when a cue has no file of its own

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(synthesise(cue))
    return buffer.getvalue()


# ---- playback ----------------------------------------------------------------------------------------


MIXER_BUFFER = 512  # samples: about 23 ms at RATE, the delay a cue had at 44.1 kHz with 1024


def _start_mixer() -> bool:
    """Open the mixer at RATE: every cue and bed is made at RATE or below, so a faster device would hear
    nothing more, and each decoded sound would take twice the memory (the music bed 4 MB instead of 2,
    and 12 MB instead of 4 while it is converted)."""
    try:
        if pygame.mixer.get_init():
            return True
        pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=MIXER_BUFFER)
        return bool(pygame.mixer.get_init())
    except (pygame.error, NotImplementedError, AttributeError, OSError):
        return False


class Audio:
    """Plays named cues. `available` is False when no mixer could start; then every call does nothing."""

    def __init__(self, enabled: bool = True, volume: float = 0.8, sound_dir: Path | None = None,
                 defer: bool = False) -> None:
        self.enabled = bool(enabled)
        self.volume = _clamp(volume)
        self.sound_dir = sound_dir if sound_dir is not None else SOUND_DIR
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self._looping: set[str] = set()  # loops asked for, resumed when sound comes back on
        self.available = False
        self.ambience = Ambience(self)  # the room tone or music bed under the screens
        self._started = False
        if not defer:
            self.start()

    def start(self) -> None:
        """Open the mixer (once). With `defer`, the App calls this after the first frame is on screen, since
        opening a sound device can take a tenth of a second; the bed asked for meanwhile starts then."""
        if self._started:
            return
        self._started = True
        self.available = _start_mixer()
        if self.available:
            self.ambience.resume()

    def _sound(self, cue: str) -> pygame.mixer.Sound | None:
        if cue in self._sounds:
            return self._sounds[cue]
        sound = None
        if cue in _RECIPES:
            sound = self._load_file(cue) or self._synthesise(cue)
        self._sounds[cue] = sound
        if sound is not None:
            sound.set_volume(self.volume * GAIN.get(cue, 1.0))
        return sound

    def _load_file(self, cue: str) -> pygame.mixer.Sound | None:
        return load_sound(self.sound_dir / f"{cue}.wav")

    @staticmethod
    def _synthesise(cue: str) -> pygame.mixer.Sound | None:
        try:
            return pygame.mixer.Sound(file=io.BytesIO(wav_bytes(cue)))
        except (pygame.error, OSError, ValueError):
            return None

    def preload(self, cues: tuple[str, ...] = CUES) -> None:
        """Load cues now rather than on first play (e.g. behind a loading screen)."""
        if self.available:
            for cue in cues:
                self._sound(cue)

    def play(self, cue: str, loop: bool = False) -> None:
        """Play a cue (unknown cues are ignored); loop=True repeats until stop(cue) and is not restarted
        if it is already looping."""
        if loop and cue in CUES:
            self._looping.add(cue)
        if not (self.available and self.enabled) or self.volume <= 0:
            return
        sound = self._sound(cue)
        if sound is None:
            return
        try:
            if loop and sound.get_num_channels() > 0:
                return
            sound.play(loops=-1 if loop else 0)
        except pygame.error:
            return

    def stop(self, cue: str | None = None) -> None:
        """Stop one cue, or every sound (the room tone or music bed too) when cue is None."""
        if cue is None:
            self._looping.clear()
            self.ambience.wanted = None
        else:
            self._looping.discard(cue)
        if not self.available:
            return
        try:
            if cue is None:
                pygame.mixer.stop()
            elif self._sounds.get(cue) is not None:
                self._sounds[cue].stop()
        except pygame.error:
            return

    def _silence(self) -> None:
        """Stop what is sounding but remember the loops, to resume them when sound comes back."""
        if not self.available:
            return
        try:
            pygame.mixer.stop()
        except pygame.error:
            return

    def _resume_loops(self) -> None:
        for cue in sorted(self._looping):
            self.play(cue, loop=True)
        self.ambience.resume()

    def set_enabled(self, enabled: bool) -> None:
        """Turn sound on or off; a ring that was looping, and the bed, start again when sound comes back on."""
        was = self.enabled
        self.enabled = bool(enabled)
        if not self.enabled:
            self._silence()
        elif not was:
            self._resume_loops()

    def set_volume(self, volume: float) -> None:
        """Master volume 0..1 for every cue."""
        was_silent = self.volume <= 0
        self.volume = _clamp(volume)
        for cue, sound in self._sounds.items():
            if sound is not None:
                sound.set_volume(self.volume * GAIN.get(cue, 1.0))
        self.ambience.set_volume()
        if self.volume <= 0:
            self._silence()
        elif was_silent and self.enabled:
            self._resume_loops()

    def is_playing(self, cue: str) -> bool:
        """Whether the cue is sounding now (always False without a mixer)."""
        sound = self._sounds.get(cue)
        if not self.available or sound is None:
            return False
        try:
            return sound.get_num_channels() > 0
        except pygame.error:
            return False


def _clamp(volume: float) -> float:
    try:
        value = float(volume)
    except (TypeError, ValueError):
        return 0.8
    if math.isnan(value):
        return 0.8
    return max(0.0, min(1.0, value))
