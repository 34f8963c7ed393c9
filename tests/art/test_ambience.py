"""The room tones and music bed: one per setting, shipped, deterministic, quiet, seamless; played under the
sound switch and volume on channels of their own, and silent (never an error) without a mixer or a file."""

import io
import math
import threading
import wave

import pygame
import pytest

from game.engine.vocabulary import SETTINGS
from game.resources import sounds_dir
from game.ui import ambience_synth as synth
from game.ui.ambience import MUSIC, MUSIC_GAIN, ROOM_GAIN, room_name
from game.ui.audio import GAIN, Audio

NAMES = [room_name(s) for s in SETTINGS] + [MUSIC]


def _audio(**kwargs) -> Audio:
    """An Audio whose beds load in the call, so a test can listen straight after asking."""
    audio = Audio(**kwargs)
    audio.ambience.background = False
    return audio


@pytest.fixture
def mixer():
    if not pygame.mixer.get_init():
        pygame.mixer.init()
    for thread in threading.enumerate():  # beds still loading for earlier tests must not start over these
        if thread.name.startswith("load-"):
            thread.join(30)
    yield
    pygame.mixer.stop()


def _frames(name: str) -> tuple[wave._wave_params, memoryview]:
    with wave.open(str(sounds_dir() / f"{name}.wav")) as wav:
        return wav.getparams(), memoryview(wav.readframes(wav.getnframes())).cast("h")


def test_every_setting_has_a_recipe_and_a_shipped_room_tone():
    assert set(synth.ROOMS) == set(SETTINGS)
    assert set(synth.files()) == {f"{n}.wav" for n in NAMES}
    for name in NAMES:
        assert (sounds_dir() / f"{name}.wav").is_file(), f"run python assets/sounds/generate.py ({name})"


def test_the_generator_gives_the_same_bytes_every_time_and_the_shipped_files_are_its_output():
    first = synth.room_wav("meeting_room")
    assert first == synth.room_wav("meeting_room")
    for setting in ("meeting_room", "help_desk", "boutique"):  # the quickest recipes; the rest are checked below
        shipped = (sounds_dir() / f"{room_name(setting)}.wav").read_bytes()
        assert shipped == synth.room_wav(setting), f"run python assets/sounds/generate.py ({setting})"


def test_the_room_tones_differ_from_one_another():
    heads = {bytes(_frames(room_name(s))[1][:4000]) for s in SETTINGS}
    assert len(heads) == len(SETTINGS)


@pytest.mark.parametrize("name", NAMES)
def test_each_bed_is_quiet_and_loops_without_a_click(name):
    params, frames = _frames(name)
    music = name == MUSIC
    assert (params.nchannels, params.sampwidth) == (1, 2)
    assert params.framerate == (synth.MUSIC_RATE if music else synth.ROOM_RATE)
    seconds = params.nframes / params.framerate
    assert (20 <= seconds <= 40) if music else (8 <= seconds <= 15), seconds
    full = 32767
    peak = max(abs(s) for s in frames) / full
    rms = math.sqrt(sum(s * s for s in frames) / len(frames)) / full
    assert peak <= (synth.MUSIC_PEAK if music else synth.ROOM_PEAK) + 0.001
    assert 0.01 < rms < 0.1, f"{name}: RMS {rms:.3f} of full scale"
    # The seam (last sample to first) is no bigger a step than the sound's own ordinary steps.
    steps = sorted(abs(frames[i + 1] - frames[i]) for i in range(len(frames) - 1))
    seam = abs(frames[0] - frames[-1])
    assert seam <= steps[int(len(steps) * 0.99)], f"{name}: seam step {seam} vs 99th percentile"
    # And the first and last tenths of a second are as loud as the rest: no fade to silence at the loop.
    tenth = params.framerate // 10
    for part in (frames[:tenth], frames[-tenth:]):
        assert math.sqrt(sum(s * s for s in part) / len(part)) / full > rms * 0.3


def test_a_looped_tone_is_continuous_across_its_seam():
    tone = synth.Tone("seam check")
    tone.hum(1.0, (97.37,))  # a frequency that does not fit the loop a whole number of times
    looped = tone.looped()
    assert abs(looped[0] - looped[-1]) < 2 * math.sin(math.pi * 97.37 / synth.ROOM_RATE) * 1.05
    raw_jump = abs(tone.buf[0] - tone.buf[tone.n - 1])
    assert raw_jump > 0.3  # without the crossfade the same loop would jump


def test_the_beds_play_crossfade_and_keep_their_own_channels(mixer):
    audio = _audio(volume=0.8)
    amb = audio.ambience
    amb.music()
    assert amb.playing() == MUSIC
    amb.room("garden_centre")
    assert amb.playing() == "room_garden_centre"
    amb.room("garden_centre")  # asked again: the same loop goes on
    assert amb.playing() == "room_garden_centre"
    assert amb._sounds["room_garden_centre"].get_num_channels() == 1
    for _ in range(12):
        audio.play("click")
    assert amb.playing() == "room_garden_centre"  # cues never steal the bed's channel
    amb.room("office")
    assert amb.playing() == "room_office"
    amb.hush()
    assert amb.playing() is None and amb.wanted is None


def test_a_bed_is_loaded_on_a_background_thread_and_starts_when_ready(mixer, monkeypatch):
    from game.ui import ambience

    loaders = []
    real_load = ambience.load_sound

    def load(path):
        loaders.append(threading.current_thread())
        return real_load(path)

    monkeypatch.setattr(ambience, "load_sound", load)
    audio = Audio()
    audio.ambience.music()
    audio.ambience.room("airport")  # asked for before the music has even loaded
    audio.ambience.wait()
    assert loaders and all(t is not threading.main_thread() for t in loaders)
    assert audio.ambience.playing() == "room_airport"  # the music, loaded late or early, gave way to the room


def test_a_room_tone_is_quieter_than_any_cue_and_follows_the_volume(mixer):
    audio = _audio(volume=0.8)
    audio.ambience.room("restaurant")
    bed = audio.ambience._sounds["room_restaurant"]
    assert bed.get_volume() == pytest.approx(0.8 * ROOM_GAIN, abs=0.01)
    assert min(GAIN.values()) > MUSIC_GAIN > ROOM_GAIN
    audio.set_volume(0.5)
    assert bed.get_volume() == pytest.approx(0.5 * ROOM_GAIN, abs=0.01)
    audio.set_volume(0.0)
    assert audio.ambience.playing() is None
    audio.set_volume(0.6)
    assert audio.ambience.playing() == "room_restaurant"


def test_sound_off_plays_no_bed_and_turning_it_on_brings_back_the_last_one_asked_for(mixer):
    audio = _audio(enabled=False)
    audio.ambience.music()
    audio.ambience.room("pharmacy")
    assert audio.ambience.playing() is None
    assert not any(pygame.mixer.Channel(i).get_busy() for i in range(2))
    audio.set_enabled(True)
    assert audio.ambience.playing() == "room_pharmacy"
    audio.set_enabled(False)
    assert audio.ambience.playing() is None
    audio.stop()  # every sound: the bed is forgotten too
    audio.set_enabled(True)
    assert audio.ambience.playing() is None


def test_a_missing_or_broken_bed_is_silence(mixer, tmp_path):
    (tmp_path / "room_office.wav").write_bytes(b"RIFF nonsense" * 10)
    audio = _audio(sound_dir=tmp_path)
    audio.ambience.room("office")
    audio.ambience.music()
    assert audio.ambience.playing() is None
    audio.ambience.hush()


def test_no_audio_device_means_silent_beds(monkeypatch):
    def fail(*_args, **_kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", fail)
    monkeypatch.setattr(pygame.mixer, "Sound", fail)
    monkeypatch.setattr(pygame.mixer, "Channel", fail)
    monkeypatch.setattr(pygame.mixer, "set_reserved", fail)
    audio = Audio()
    assert audio.available is False
    audio.ambience.music()
    audio.ambience.room("airport")
    audio.set_volume(0.3)
    audio.set_enabled(False)
    audio.set_enabled(True)
    audio.ambience.hush()
    assert audio.ambience.playing() is None


def test_the_wav_header_is_little_endian_pcm():
    with wave.open(io.BytesIO(synth.room_wav("meeting_room"))) as wav:
        frames = memoryview(wav.readframes(wav.getnframes())).cast("h")
    assert max(abs(s) for s in frames) == round(32767 * synth.ROOM_PEAK)


def test_only_the_main_thread_touches_the_mixer_a_loader_thread_only_decodes(mixer, monkeypatch):
    """A loader thread that played its bed while the main thread ran pygame.quit() crashed Python 3.13 with a
    segmentation fault; now the thread decodes and the app's loop (poll) starts the bed on the main thread."""
    from game.ui.ambience import Ambience

    starts = []
    real_start = Ambience._start

    def start(self, name):
        starts.append(threading.current_thread())
        return real_start(self, name)

    monkeypatch.setattr(Ambience, "_start", start)
    audio = Audio()
    if not audio.available:
        pytest.skip("no mixer, not even the dummy driver")
    audio.ambience.room("pharmacy")
    for done in list(audio.ambience._loading.values()):
        assert done.wait(30)  # decoded, but nobody on the main thread has polled yet
    assert starts == [] and audio.ambience.playing() is None
    audio.ambience.poll()
    assert starts == [threading.main_thread()] and audio.ambience.playing() == "room_pharmacy"
    audio.ambience.hush()
