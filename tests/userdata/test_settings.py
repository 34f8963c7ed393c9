"""Settings persist as JSON, survive damage with a plain message, and are written atomically."""

import json

from hypothesis import given
from hypothesis import strategies as st

from game.userdata import Settings, data_dir, load_settings, save_settings
from game.userdata.paths import settings_path
from game.userdata.settings import INSTANT_CPS, TEXT_SIZES, TEXT_SPEEDS, THEMES


def test_data_dir_follows_the_environment_variable(data_folder):
    assert data_dir() == data_folder
    assert settings_path() == data_folder / "settings.json"


def test_data_dir_defaults_to_the_platform_folder(monkeypatch):
    monkeypatch.delenv("CUSTOMER_CHAIN_DATA_DIR")
    assert "customer-chain" in str(data_dir())


def test_missing_file_gives_defaults_without_a_message():
    settings, message = load_settings()
    assert settings == Settings()
    assert message is None


def test_round_trip_through_the_data_folder(data_folder):
    chosen = Settings(text_size="huge", text_speed="instant", sound=False, volume=0.25, theme="high_contrast",
                      fullscreen=True, facilitator=True, motion=False)
    assert save_settings(chosen) is None
    assert (data_folder / "settings.json").is_file()
    loaded, message = load_settings()
    assert message is None
    assert loaded == chosen
    assert [p.name for p in data_folder.iterdir()] == ["settings.json"]  # no temp files left behind


@given(size=st.sampled_from(TEXT_SIZES), speed=st.sampled_from(TEXT_SPEEDS), sound=st.booleans(),
       volume=st.floats(0, 1), theme=st.sampled_from(THEMES), full=st.booleans(), facilitator=st.booleans(),
       motion=st.booleans())
def test_any_valid_settings_round_trip(tmp_path_factory, size, speed, sound, volume, theme, full, facilitator,
                                       motion):
    path = tmp_path_factory.mktemp("s") / "settings.json"
    chosen = Settings(size, speed, sound, volume, theme, full, facilitator, motion=motion)
    assert save_settings(chosen, path) is None
    assert load_settings(path) == (chosen, None)


def test_derived_values():
    assert Settings(text_size="small").font_scale < Settings().font_scale < Settings(text_size="large").font_scale
    assert Settings(text_size="large").font_scale < Settings(text_size="huge").font_scale
    assert Settings(text_speed="slow").chars_per_second < Settings().chars_per_second
    assert Settings().chars_per_second < Settings(text_speed="fast").chars_per_second
    assert Settings(text_speed="instant").chars_per_second == INSTANT_CPS
    assert Settings(text_speed="instant").instant_text


def test_garbage_bytes_give_defaults_and_a_plain_message(data_folder):
    data_folder.mkdir()
    (data_folder / "settings.json").write_bytes(b"\x00\xff\xfe garbage {{{")
    settings, message = load_settings()
    assert settings == Settings()
    assert "damaged" in message and "defaults" in message


def test_json_that_is_not_an_object_is_treated_as_damaged(data_folder):
    data_folder.mkdir()
    (data_folder / "settings.json").write_text("[1, 2, 3]")
    settings, message = load_settings()
    assert settings == Settings()
    assert "damaged" in message


def test_bad_values_fall_back_one_by_one_and_unknown_keys_are_ignored(data_folder):
    data_folder.mkdir()
    (data_folder / "settings.json").write_text(json.dumps({
        "text_size": "gigantic", "volume": 5, "sound": "yes", "theme": "projector", "fullscreen": True,
        "favourite_colour": "green",
    }))
    settings, message = load_settings()
    assert settings.theme == "projector" and settings.fullscreen is True
    assert settings.text_size == "normal" and settings.volume == Settings().volume and settings.sound is True
    assert "text size" in message and "volume" in message and "sound" in message
    assert "favourite" not in message


def test_a_motion_value_that_is_not_true_or_false_falls_back_to_on(data_folder):
    data_folder.mkdir()
    (data_folder / "settings.json").write_text(json.dumps({"motion": "off", "theme": "projector"}))
    settings, message = load_settings()
    assert settings.motion is True and settings.theme == "projector"
    assert "motion" in message


def test_saving_where_no_folder_can_be_made_returns_a_message(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    message = save_settings(Settings(), blocker / "inside" / "settings.json")
    assert message is not None and message.startswith("Your settings could not be saved")
    assert blocker.read_text() == "not a folder"


def test_a_failed_save_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    assert save_settings(Settings(theme="projector"), path) is None

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("game.userdata.settings.os.replace", refuse)
    message = save_settings(Settings(theme="normal"), path)
    assert message is not None and "Permission denied" in message
    assert load_settings(path) == (Settings(theme="projector"), None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_reading_a_folder_instead_of_a_file_gives_a_message(data_folder):
    (data_folder / "settings.json").mkdir(parents=True)
    settings, message = load_settings()
    assert settings == Settings()
    assert message is not None
