"""Sound cues play through the dummy audio driver, fall back to synthesis, and go silent without a mixer."""

import io
import wave
from pathlib import Path

import pygame
import pytest

from game.ui import audio
from game.ui.audio import CUES, Audio

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def mixer():
    if not pygame.mixer.get_init():
        pygame.mixer.init()
    yield
    pygame.mixer.stop()


def test_the_cue_names_cover_the_scenario_sounds():
    from game.engine.vocabulary import SOUNDS

    assert set(SOUNDS) <= set(CUES)
    assert {"click", "good", "bad", "reveal", "coin_loss", "coin_gain"} <= set(CUES)


def test_every_cue_plays_with_the_dummy_driver(mixer):
    sound = Audio()
    assert sound.available
    for cue in CUES:
        sound.play(cue)
        assert sound._sounds[cue] is not None, cue
    sound.stop()


def test_looping_ring_plays_until_stopped(mixer):
    sound = Audio()
    sound.play("phone_ring", loop=True)
    assert sound.is_playing("phone_ring")
    sound.stop("phone_ring")
    assert not sound.is_playing("phone_ring")


def test_disabled_or_silent_audio_does_not_play(mixer):
    sound = Audio(enabled=False)
    sound.play("phone_ring", loop=True)
    assert not sound.is_playing("phone_ring")
    sound.set_enabled(True)
    sound.set_volume(0.0)
    sound.play("phone_ring", loop=True)
    assert not sound.is_playing("phone_ring")
    sound.set_volume(0.5)
    assert sound.is_playing("phone_ring")  # the ring asked for while silent starts with the sound
    sound.set_enabled(False)
    assert not sound.is_playing("phone_ring")
    sound.set_enabled(True)
    assert sound.is_playing("phone_ring")
    sound.stop("phone_ring")
    sound.set_enabled(False)
    sound.set_enabled(True)
    assert not sound.is_playing("phone_ring")


def test_asking_for_a_loop_twice_keeps_one_ring(mixer):
    sound = Audio()
    sound.play("phone_ring", loop=True)
    sound.play("phone_ring", loop=True)
    assert sound._sounds["phone_ring"].get_num_channels() == 1
    sound.stop()
    assert not sound.is_playing("phone_ring")


def test_volume_is_clamped_and_applied(mixer):
    sound = Audio(volume=3)
    assert sound.volume == 1.0
    sound.play("good")
    sound.set_volume(0.5)
    assert sound._sounds["good"].get_volume() == pytest.approx(0.5, abs=0.01)
    sound.set_volume("loud")
    assert sound.volume == 0.8


def test_unknown_cue_is_ignored(mixer):
    sound = Audio()
    sound.play("trumpet_fanfare")
    sound.stop("trumpet_fanfare")
    assert not sound.is_playing("trumpet_fanfare")


def test_missing_sound_files_are_synthesised(mixer, tmp_path):
    sound = Audio(sound_dir=tmp_path)
    sound.play("door_chime")
    assert sound._sounds["door_chime"].get_length() == pytest.approx(1.9, abs=0.05)


def test_broken_sound_file_falls_back_to_synthesis(mixer, tmp_path):
    (tmp_path / "click.wav").write_bytes(b"RIFF nonsense" * 10)
    sound = Audio(sound_dir=tmp_path)
    sound.play("click")
    assert sound._sounds["click"] is not None
    assert sound._sounds["click"].get_length() > 0.03


def test_no_audio_device_means_silence(monkeypatch):
    def fail(*_args, **_kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", fail)
    monkeypatch.setattr(pygame.mixer, "Sound", fail)
    monkeypatch.setattr(pygame.mixer, "stop", fail)
    sound = Audio()
    assert sound.available is False
    sound.preload()
    for cue in CUES:
        sound.play(cue, loop=True)
    sound.set_volume(0.3)
    sound.set_enabled(False)
    sound.set_enabled(True)
    sound.stop("phone_ring")
    sound.stop()
    assert not sound.is_playing("phone_ring")


def test_shipped_wav_files_match_the_generator():
    for cue in CUES:
        shipped = (ROOT / "assets" / "sounds" / f"{cue}.wav").read_bytes()
        assert shipped == audio.wav_bytes(cue), f"run python assets/sounds/generate.py ({cue})"


def test_sounds_are_soft_and_click_free():
    """Peaks stay at half of full scale, and no cue starts or ends abruptly."""
    for cue in CUES:
        with wave.open(io.BytesIO(audio.wav_bytes(cue))) as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, audio.RATE)
            frames = memoryview(wav.readframes(wav.getnframes())).cast("h")
        peak = max(abs(s) for s in frames)
        assert 0.45 * 32767 <= peak <= 0.51 * 32767, cue
        assert abs(frames[0]) < 0.05 * 32767 and abs(frames[-1]) < 0.05 * 32767, cue


def test_the_mixer_runs_at_the_rate_every_shipped_sound_is_made_at_or_below(monkeypatch):
    """A faster mixer would hear nothing more and hold every decoded sound at twice the memory."""
    for path in sorted((ROOT / "assets" / "sounds").glob("*.wav")):
        with wave.open(str(path)) as wav:
            assert wav.getframerate() <= audio.RATE, path.name
    opened: list[dict] = []
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: (audio.RATE, -16, 2) if opened else None)
    monkeypatch.setattr(pygame.mixer, "init", lambda **kwargs: opened.append(kwargs))
    assert Audio().available
    assert opened[0]["frequency"] == audio.RATE
    assert opened[0]["buffer"] / audio.RATE <= 1024 / 44100 + 1e-9  # no later than a cue was at 44.1 kHz
