"""The theme a screen gets: the player's colours, projector-sized type in facilitator mode, cached."""

from game.ui.bootstrap import Options, make_context
from game.ui.theme import PROJECTOR, contrast_ratio
from game.userdata.settings import Settings


def test_facilitator_mode_keeps_high_contrast_colours_with_projector_sizes(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    ctx = make_context(Options(settings=Settings(theme="high_contrast", text_size="small"), facilitator=True))
    th = ctx.theme
    assert th.name == "high_contrast"
    assert th.px("body") >= PROJECTOR.px("body") and th.px("body") * 24 >= 720
    assert contrast_ratio(th.text, th.background) >= 7
    assert ctx.theme is th  # rebuilt only when the settings change
    ctx.settings = ctx.settings.with_changes(text_size="huge")
    assert ctx.theme is not th and ctx.theme.px("body") <= round(PROJECTOR.px("body") * 1.25)


def test_player_mode_follows_the_text_size(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    small = make_context(Options(settings=Settings(text_size="small"))).theme.px("body")
    huge = make_context(Options(settings=Settings(text_size="huge"))).theme.px("body")
    assert huge > small
