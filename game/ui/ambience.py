"""What sounds under the screens: one bed at a time, the room tone of a setting or the music bed, crossfaded.

Scenes ask through the audio object: `ctx.audio.ambience.room(setting)` under the play screen,
`.music()` on the title and after an ending, `.hush()` under the pause menu. Beds play on two mixer channels
kept for them (cues never take those), quieter than any cue, under the same sound switch and volume. Nothing
here is needed to follow a story: a missing file, no mixer or sound turned off are all simply silence.
A bed's file is decoded (and resampled to the mixer's rate, a tenth of a second for the music) on a background
thread, so asking for one never holds up a frame. Only the decoding happens there: the app's loop calls
`poll()` on the main thread, which starts a decoded bed if it is still wanted (a mixer call from another thread
while the main one shuts pygame down can crash the process), and `wait()` lets loads finish before quitting.
"""

from __future__ import annotations

import _thread
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from .audio import Audio

MUSIC = "music_bed"
ROOM_GAIN = 0.3  # a room tone sits well under the voices and cues (which play at gain 0.5 to 1.0)
MUSIC_GAIN = 0.45
FADE_MS = 1500
_CHANNELS = 2  # the bed that is fading out and the one fading in


def room_name(setting: str) -> str:
    """The bed (and file stem) of a setting's room tone."""
    return f"room_{setting}"


def gain(name: str) -> float:
    return MUSIC_GAIN if name == MUSIC else ROOM_GAIN


class Ambience:
    """Loops the bed asked for last and crossfades to the next one; remembers it while sound is off."""

    def __init__(self, audio: Audio) -> None:
        self.audio = audio
        self.wanted: str | None = None  # the bed asked for, kept while sound is off or silent
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self._channels: list[pygame.mixer.Channel] | None = None
        self._current = 0
        self._lock = threading.RLock()
        self._loading: dict[str, threading.Event] = {}  # beds being decoded: set when each is done
        self._ready: list[str] = []  # decoded on the loader thread, to be started by poll() on the main thread
        self.background = True  # load files on a thread; False loads them in the call (tests, tools)

    # ---- what scenes ask for ---------------------------------------------------------------------
    def room(self, setting: str) -> None:
        """Loop the room tone of `setting` (crossfading from whatever bed plays now)."""
        self._want(room_name(setting))

    def music(self) -> None:
        """Loop the soft music bed (the title and the screens after an ending)."""
        self._want(MUSIC)

    def hush(self) -> None:
        """Fade the bed out (under the pause menu, or leaving a screen that had one)."""
        with self._lock:
            self.wanted = None
            channel = self._channel(self._current)
            if channel is not None:
                _quietly(channel.fadeout, FADE_MS)

    def wait(self, timeout: float = 30.0) -> None:
        """Let any file being loaded finish (and start, if it is still wanted). Call it before pygame.quit()."""
        for done in list(self._loading.values()):
            done.wait(timeout)
        self.poll()

    def poll(self) -> None:
        """On the main thread, once a frame: start a bed whose file has just been decoded, if still wanted."""
        if not self._ready:
            return
        with self._lock:
            ready, self._ready = self._ready, []
            for name in ready:
                sound = self._sounds.get(name)
                if sound is not None:
                    _quietly(sound.set_volume, self.audio.volume * gain(name))
                if name == self.wanted and self._audible():
                    self._start(name)

    def playing(self) -> str | None:
        """The bed sounding now (None without a mixer, with sound off, or when its file is missing)."""
        channel = self._channel(self._current)
        if channel is None or self.wanted is None:
            return None
        sound = self._sounds.get(self.wanted)
        try:
            return self.wanted if sound is not None and channel.get_busy() and channel.get_sound() == sound else None
        except pygame.error:
            return None

    # ---- kept in step with the audio settings ----------------------------------------------------
    def resume(self) -> None:
        """Start the wanted bed again after sound was turned back on."""
        if self.wanted is not None:
            self._want(self.wanted)

    def set_volume(self) -> None:
        with self._lock:
            for name, sound in self._sounds.items():
                if sound is not None:
                    _quietly(sound.set_volume, self.audio.volume * gain(name))

    # ---- inside ----------------------------------------------------------------------------------
    def _audible(self) -> bool:
        return self.audio.available and self.audio.enabled and self.audio.volume > 0

    def _want(self, name: str) -> None:
        with self._lock:
            if name == self.wanted and self.playing() == name:
                return
            self.wanted = name
            if not self._audible():
                return
            old = self._channel(self._current)
            if old is not None:
                _quietly(old.fadeout, FADE_MS)
            if name in self._sounds:
                self._start(name)
            elif name not in self._loading:
                if not self.background:
                    self._loaded(name)
                    self.poll()
                    return
                done = self._loading[name] = threading.Event()
                # A bare thread: Thread.start() would hold this frame until the new thread has begun.
                _thread.start_new_thread(self._loaded, (name, done))

    def _loaded(self, name: str, done: threading.Event | None = None) -> None:
        """Decode a bed's file (on the loader thread); poll() starts it on the main thread."""
        try:
            sound = load_sound(self.audio.sound_dir / f"{name}.wav")
            with self._lock:
                self._loading.pop(name, None)
                self._sounds[name] = sound
                self._ready.append(name)
        finally:
            if done is not None:
                done.set()

    def _start(self, name: str) -> None:
        """Fade `name` in on the other channel (the one playing now is already fading out)."""
        sound = self._sounds.get(name)
        if sound is None:
            return
        old = self._channel(self._current)
        self._current = (self._current + 1) % _CHANNELS
        channel = self._channel(self._current)
        if channel is not None:
            _quietly(channel.play, sound, loops=-1, fade_ms=FADE_MS)
        self._forget_all_but(name, old)

    def _channel(self, index: int) -> pygame.mixer.Channel | None:
        if not self.audio.available:
            return None
        if self._channels is None:
            try:
                if pygame.mixer.get_num_channels() < _CHANNELS + 4:
                    pygame.mixer.set_num_channels(_CHANNELS + 6)
                pygame.mixer.set_reserved(_CHANNELS)  # cues never take the beds' channels
                self._channels = [pygame.mixer.Channel(i) for i in range(_CHANNELS)]
            except (pygame.error, IndexError):
                self._channels = []
        return self._channels[index] if index < len(self._channels) else None

    def _forget_all_but(self, name: str, fading: pygame.mixer.Channel | None) -> None:
        """Keep at most the music, the bed now and the one fading out in memory (each is a few MB)."""
        keep = {name, MUSIC}
        try:
            fading_sound = fading.get_sound() if fading is not None else None
        except pygame.error:
            fading_sound = None
        for other, sound in list(self._sounds.items()):
            if other not in keep and sound is not fading_sound:
                del self._sounds[other]


def load_sound(path: Path) -> pygame.mixer.Sound | None:
    """A WAV file as a mixer Sound, or None when it is missing or unreadable (never an error)."""
    if not path.is_file():
        return None
    try:
        return pygame.mixer.Sound(str(path))
    except (pygame.error, OSError, ValueError):
        return None


def _quietly(call, *args, **kwargs) -> None:
    """A mixer call that may fail when the device goes away; sound is never worth an error."""
    try:
        call(*args, **kwargs)
    except pygame.error:
        return
