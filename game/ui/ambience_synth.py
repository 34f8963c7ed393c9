"""Room tones for every setting and the soft music bed, synthesised from a fixed seed (standard library only).

`assets/sounds/generate.py` writes them to `assets/sounds/room_SETTING.wav` and `music_bed.wav`; the game
plays the files (see `game/ui/ambience.py`) and stays quiet when one is missing. The same recipe always gives
the same bytes. Each tone is a quiet bed (noise shaped by filters, a hum, a few distant events) whose end is
crossfaded into its start so it loops without a click; the music bed is rendered round a circle, so the tails
of its last chord ring on into its first.
"""

from __future__ import annotations

import io
import math
import random
import sys
import wave
import zlib
from array import array
from collections.abc import Callable

from ..engine.vocabulary import SETTINGS

ROOM_RATE = 16000
ROOM_SECONDS = 10.0
MUSIC_RATE = 22050
MUSIC_SECONDS = 24.0
SEAM_SECONDS = 0.5
ROOM_PEAK = 0.22  # of full scale: a bed under the voices, never in front of them
MUSIC_PEAK = 0.3
TAU = 2 * math.pi

Samples = list[float]


class Tone:
    """One room tone being built: a buffer of N + seam samples, layers added in, then looped."""

    def __init__(self, name: str, seconds: float = ROOM_SECONDS, rate: int = ROOM_RATE) -> None:
        self.rate = rate
        self.n = int(seconds * rate)
        self.total = self.n + int(SEAM_SECONDS * rate)
        self.buf: Samples = [0.0] * self.total
        self.rng = random.Random(zlib.crc32(name.encode()))

    # ---- beds ------------------------------------------------------------------------------------
    def noise(self, level: float, low: float, high: float, sway: float = 0.0, sway_hz: float = 0.2) -> None:
        """Band-limited noise (air, fans, a crowd far off), optionally swaying slowly in level."""
        rng = self.rng
        a_hi = math.exp(-TAU * high / self.rate)
        a_lo = math.exp(-TAU * low / self.rate)
        lp_hi = lp_lo = 0.0
        phase = rng.random() * TAU
        step = TAU * sway_hz / self.rate
        buf = self.buf
        for i in range(self.total):
            w = rng.uniform(-1.0, 1.0)
            lp_hi = a_hi * lp_hi + (1 - a_hi) * w
            lp_lo = a_lo * lp_lo + (1 - a_lo) * lp_hi
            gain = 1.0 + sway * math.sin(phase + step * i)
            buf[i] += (lp_hi - lp_lo) * level * gain

    def murmur(self, level: float, voices: int, low: float = 180.0, high: float = 900.0) -> None:
        """People talking out of earshot: band noise whose loudness rises and falls like phrases."""
        env = [0.0] * self.total
        rng = self.rng
        for _ in range(voices):
            t = rng.uniform(-1.0, 1.0)
            while t < self.total / self.rate:
                length = rng.uniform(0.8, 2.6)
                peak = rng.uniform(0.4, 1.0)
                start, end = int(t * self.rate), int((t + length) * self.rate)
                for i in range(max(0, start), min(self.total, end)):
                    u = (i - start) / (end - start)
                    syllable = 0.6 + 0.4 * math.sin(TAU * 4.0 * u * length) ** 2
                    env[i] += peak * math.sin(math.pi * u) * syllable
                t += length + rng.uniform(0.2, 1.5)
        raw = [0.0] * self.total
        saved, self.buf = self.buf, raw
        self.noise(1.0, low, high)
        self.buf = saved
        scale = level / max(1.0, voices ** 0.5)
        for i in range(self.total):
            self.buf[i] += raw[i] * env[i] * scale

    def hum(self, level: float, freqs: tuple[float, ...]) -> None:
        """A steady electrical or ventilation hum: a few sines, upper ones softer."""
        buf = self.buf
        for k, f in enumerate(freqs):
            amp = level / (k + 1)
            w = TAU * f / self.rate
            for i in range(self.total):
                buf[i] += amp * math.sin(w * i)

    # ---- events ----------------------------------------------------------------------------------
    def times(self, every: float, jitter: float = 0.5) -> list[float]:
        """Start times across the loop, about `every` seconds apart, never in the seam."""
        out, t = [], self.rng.uniform(0.2, every)
        end = self.n / self.rate - 0.6
        while t < end:
            out.append(t)
            t += every * self.rng.uniform(1 - jitter, 1 + jitter)
        return out

    def add(self, start: float, samples: Samples) -> None:
        i0 = int(start * self.rate)
        for j, s in enumerate(samples):
            if i0 + j < self.total:
                self.buf[i0 + j] += s

    def beep(self, freq: float, seconds: float, level: float) -> Samples:
        """A soft electronic beep with rounded ends."""
        n = int(seconds * self.rate)
        ramp = max(1, int(0.008 * self.rate))
        return [level * math.sin(TAU * freq * i / self.rate) * min(1.0, i / ramp, (n - i) / ramp) for i in range(n)]

    def bell(self, freq: float, decay: float, level: float, partials: tuple[float, ...] = (1.0, 2.76, 5.4)) -> Samples:
        """A struck sound (glass, cutlery, a chime): decaying inharmonic partials."""
        n = int(decay * 5 * self.rate)
        out = []
        for i in range(n):
            t = i / self.rate
            env = math.exp(-t / decay) * min(1.0, t / 0.002)
            out.append(level * env * sum(math.sin(TAU * freq * p * t) / (k + 1) for k, p in enumerate(partials)
                                         if freq * p < self.rate / 2))
        return out

    def tap(self, level: float, body: float = 220.0) -> Samples:
        """A key, a heel or a hanger: a few milliseconds of filtered noise over a low thud."""
        n = int(0.03 * self.rate)
        lp, out = 0.0, []
        for i in range(n):
            lp = 0.5 * lp + 0.5 * self.rng.uniform(-1, 1)
            out.append(level * (lp + 0.5 * math.sin(TAU * body * i / self.rate)) * math.exp(-i / (0.005 * self.rate)))
        return out

    def chirp(self, f0: float, f1: float, seconds: float, level: float) -> Samples:
        """A bird's note: a quick pitch sweep under a rounded envelope."""
        n = int(seconds * self.rate)
        phase, out = 0.0, []
        for i in range(n):
            u = i / n
            phase += TAU * (f0 + (f1 - f0) * u) / self.rate
            out.append(level * math.sin(phase) * math.sin(math.pi * u) ** 2)
        return out

    def typing(self, level: float, every: float) -> None:
        """Bursts of keyboard taps at a few desks."""
        for start in self.times(every, 0.6):
            t = start
            for _ in range(self.rng.randint(4, 14)):
                self.add(t, self.tap(level * self.rng.uniform(0.5, 1.0), self.rng.uniform(180, 320)))
                t += self.rng.choice((0.08, 0.11, 0.14, 0.19))

    def chime(self, notes: tuple[float, ...], at: float, level: float, gap: float = 0.45) -> None:
        for k, f in enumerate(notes):
            self.add(at + k * gap, self.bell(f, 0.5, level, (1.0, 2.0, 3.0)))

    # ---- out -------------------------------------------------------------------------------------
    def looped(self) -> Samples:
        """The first N samples with the seam's overflow crossfaded (equal power) into the start."""
        seam = self.total - self.n
        out = self.buf[: self.n]
        for i in range(seam):
            u = i / seam
            out[i] = self.buf[i] * math.sin(0.5 * math.pi * u) + self.buf[self.n + i] * math.cos(0.5 * math.pi * u)
        return out


# ---- one recipe per setting ----------------------------------------------------------------------

def _shop_counter(t: Tone) -> None:
    t.noise(0.11, 60, 2500)
    t.murmur(0.5, 3)
    t.hum(0.03, (100.0, 200.0))
    for at in t.times(2.6):
        t.add(at, t.beep(2400, 0.09, 0.05))  # a till scanning, two aisles away
    t.add(t.n / t.rate * 0.55, t.bell(1318.5, 0.5, 0.05, (1.0, 2.0)))


def _call_centre(t: Tone) -> None:
    t.noise(0.09, 80, 3000)
    t.murmur(0.7, 8, 200, 1100)
    t.typing(0.10, 1.3)
    for at in t.times(3.5):
        t.add(at, t.beep(1400, 0.06, 0.03))  # a headset's call tone


def _office(t: Tone) -> None:
    t.noise(0.16, 40, 900, sway=0.1, sway_hz=0.1)  # the air conditioning
    t.hum(0.025, (50.0, 100.0, 150.0))
    t.typing(0.07, 2.8)
    t.murmur(0.2, 1)


def _airport(t: Tone) -> None:
    t.noise(0.20, 30, 500, sway=0.2, sway_hz=0.07)  # a big hall's rumble
    t.murmur(0.55, 6, 150, 800)
    for at in t.times(1.6):
        t.add(at, t.tap(0.04, 120))  # wheels on a floor joint
    t.chime((523.25, 659.25, 783.99), t.n / t.rate * 0.3, 0.06)


def _service_desk(t: Tone) -> None:
    t.noise(0.11, 60, 1800)
    t.murmur(0.45, 3)
    t.chime((880.0, 698.46), t.n / t.rate * 0.5, 0.05, gap=0.35)  # "next customer, please"


def _pharmacy(t: Tone) -> None:
    t.noise(0.11, 50, 1500)
    t.hum(0.035, (60.0, 120.0, 180.0))  # the medicine fridge
    t.murmur(0.25, 2)
    for at in t.times(4.0):
        t.add(at, t.beep(3100, 0.05, 0.035))


def _garden_centre(t: Tone) -> None:
    t.noise(0.14, 100, 4000, sway=0.4, sway_hz=0.13)  # wind through the plants
    for at in t.times(1.8, 0.6):
        base = t.rng.uniform(2600, 4200)
        s = at
        for _ in range(t.rng.randint(2, 5)):
            t.add(s, t.chirp(base, base * t.rng.uniform(1.1, 1.35), t.rng.uniform(0.05, 0.12), 0.08))
            s += t.rng.uniform(0.1, 0.2)
    t.murmur(0.15, 1)


def _boutique(t: Tone) -> None:
    t.noise(0.08, 60, 1500)
    t.hum(0.015, (100.0,))
    for at in t.times(2.2):
        t.add(at, t.bell(t.rng.uniform(2800, 3600), 0.06, 0.03))  # hangers on a rail
    for at in t.times(0.9, 0.3):
        t.add(at, t.tap(0.03, 140))  # footsteps on a hard floor


def _restaurant(t: Tone) -> None:
    t.noise(0.10, 60, 2500)
    t.murmur(0.65, 6)
    for at in t.times(0.8, 0.7):
        t.add(at, t.bell(t.rng.uniform(2200, 4000), 0.05, 0.04))  # cutlery and glasses


def _meeting_room(t: Tone) -> None:
    t.noise(0.11, 90, 700)  # the projector's fan
    t.hum(0.02, (120.0, 240.0))
    for k in range(int(t.n / t.rate)):
        t.add(k + 0.1, t.tap(0.03, 1800))  # the wall clock


def _help_desk(t: Tone) -> None:
    t.noise(0.14, 70, 1200)
    t.hum(0.02, (50.0, 100.0))
    t.typing(0.08, 2.0)
    for at in t.times(3.3):
        t.add(at, t.beep(1046.5, 0.05, 0.03))  # a ticket arriving


def _hotel_reception(t: Tone) -> None:
    t.noise(0.09, 50, 1200)
    t.murmur(0.3, 2, 160, 700)
    t.add(t.n / t.rate * 0.4, t.bell(1760.0, 0.7, 0.06, (1.0, 2.0, 3.0)))  # the bell on the desk
    for at in t.times(3.0):
        t.add(at, t.tap(0.03, 110))


ROOMS: dict[str, Callable[[Tone], None]] = {
    "shop_counter": _shop_counter, "call_centre": _call_centre, "office": _office, "airport": _airport,
    "service_desk": _service_desk, "pharmacy": _pharmacy, "garden_centre": _garden_centre, "boutique": _boutique,
    "restaurant": _restaurant, "meeting_room": _meeting_room, "help_desk": _help_desk,
    "hotel_reception": _hotel_reception,
}


def room_tone(setting: str) -> Samples:
    tone = Tone(setting)
    ROOMS[setting](tone)
    return tone.looped()


# ---- the music bed -------------------------------------------------------------------------------

_CHORDS = (  # four gentle chords, six seconds each: Cmaj7, Am7, Fmaj7, G6
    (130.81, 196.0, 246.94, 329.63), (110.0, 164.81, 196.0, 261.63),
    (87.31, 174.61, 220.0, 329.63), (98.0, 196.0, 246.94, 329.63),
)
_MELODY = ((0.5, 659.25), (2.0, 783.99), (3.5, 659.25), (6.5, 523.25), (8.0, 659.25), (12.5, 440.0),
           (14.0, 523.25), (15.5, 659.25), (18.5, 587.33), (20.0, 493.88), (21.5, 392.0))


def _smooth(x: float) -> float:
    return x * x * (3 - 2 * x)


def music_bed() -> Samples:
    """Slow pads and a few soft bell notes, rendered round a circle so the loop has no seam."""
    rate, n = MUSIC_RATE, int(MUSIC_SECONDS * MUSIC_RATE)
    out = [0.0] * n
    span = MUSIC_SECONDS / len(_CHORDS)
    for k, chord in enumerate(_CHORDS):
        start, length = int(k * span * rate), span + 2.5  # each chord swells in and fades under the next
        env = [_smooth(min(1.0, j / rate / 1.8, (length - j / rate) / 2.5)) for j in range(int(length * rate))]
        pad = [0.0] * len(env)
        for f in chord:
            for detune, amp in ((1.0, 0.5), (1.003, 0.35)):
                w = TAU * f * detune / rate
                for j in range(len(pad)):
                    pad[j] += amp * math.sin(w * j)
        for j, (e, p) in enumerate(zip(env, pad, strict=True)):
            out[(start + j) % n] += e * p
    for at, f in _MELODY:
        for j in range(int(3.0 * rate)):
            t = j / rate
            env = math.exp(-t / 0.8) * min(1.0, t / 0.01)
            tone = math.sin(TAU * f * t) + 0.2 * math.sin(TAU * 2 * f * t)
            out[(int(at * rate) + j) % n] += 0.9 * env * tone
    return out


# ---- files ---------------------------------------------------------------------------------------

def pcm(samples: Samples, peak: float) -> bytes:
    """16-bit mono PCM, scaled so the loudest sample is `peak` of full scale."""
    top = max((abs(s) for s in samples), default=0.0) or 1.0
    scale = 32767 * peak / top
    frames = array("h", (round(max(-32767.0, min(32767.0, s * scale))) for s in samples))
    if sys.byteorder == "big":
        frames.byteswap()  # WAV data is little-endian
    return frames.tobytes()


def _wav(frames: bytes, rate: int) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()


def room_wav(setting: str) -> bytes:
    return _wav(pcm(room_tone(setting), ROOM_PEAK), ROOM_RATE)


def music_wav() -> bytes:
    return _wav(pcm(music_bed(), MUSIC_PEAK), MUSIC_RATE)


def files() -> dict[str, Callable[[], bytes]]:
    """Every ambience file name and the function that makes its bytes."""
    made: dict[str, Callable[[], bytes]] = {f"room_{s}.wav": (lambda s=s: room_wav(s)) for s in SETTINGS}
    made["music_bed.wav"] = music_wav
    return made
