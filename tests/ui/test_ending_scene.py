"""The ending screen stands the customer in the ending's own setting (e.g. his restaurant), else the scenario's."""

from game.commands.common import require_scenario
from game.engine import Playthrough
from game.ui.bootstrap import Options, make_app
from game.ui.pilot import Pilot
from game.userdata.settings import Settings

from .test_play_support import ending_paths


def drawn_setting(monkeypatch, scenario, ending_id: str) -> str:
    import game.ui.scenes.ending as ending_screen

    drawn: list[str] = []
    real = ending_screen.draw_setting

    def spy(surface, ctx, setting, *args, **kwargs):
        drawn.append(setting)
        return real(surface, ctx, setting, *args, **kwargs)

    monkeypatch.setattr(ending_screen, "draw_setting", spy)
    play = Playthrough(scenario)
    for c in ending_paths(scenario)[ending_id]:
        play.choose(int(c) - 1)
    assert play.ending is not None and play.ending.id == ending_id
    scene = ending_screen.EndingScene(play, record=False)
    pilot = Pilot(make_app(Options(size=(1280, 720), settings=Settings(sound=False)), first=scene))
    pilot.frame()
    assert pilot.app.top is scene and drawn
    return drawn[-1]


def test_the_lunch_ending_is_at_the_restaurant(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_CHAIN_DATA_DIR", str(tmp_path))
    scenario = require_scenario("relationship_client")
    assert scenario.setting == "call_centre"
    assert scenario.endings["broken_handshake"].scene == "restaurant"
    assert drawn_setting(monkeypatch, scenario, "broken_handshake") == "restaurant"
    assert drawn_setting(monkeypatch, scenario, "lost_to_rival") == "call_centre"
