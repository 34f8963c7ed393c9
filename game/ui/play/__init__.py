"""Reusable pieces of the play screen: layout, stage, speech, meters, choices, coach card, history, countdown.

Each piece is small, themed by `ctx.theme`, and independent of PlayScene so other screens (the facilitator's
classroom view, the ending and debrief) can compose them.
"""
