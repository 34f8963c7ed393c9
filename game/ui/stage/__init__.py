"""The stage: one component for every screen that shows a scene (solo play, the ending and the classroom).

Layers, back to front: the setting (scenery.draw_setting), the person (scenery.draw_person / draw_caller, placed
by a motion.Pose: blinks, a nod, walking in and out; a second one beside them, dimmed, by people.draw_back; who
they are: cast.on_stage / with_them), the HUD (hud.draw_hud) and title chip, the dialogue box with its
nameplate (dialogue.draw_dialogue), and the choices rising over the scene (choices.draw_choices).
stage.layout.compute_stage places them; every text drawn is logged in a textlog.TextLog so tests can measure it
against its box.
"""
