"""The game's screens, each a Scene."""
