"""Learning records: xAPI 1.0.3 statements for every play, an outbox that loses nothing, and its sender.

No pygame here: the game, the headless `run --record` and the `records` commands share this package.
"""
