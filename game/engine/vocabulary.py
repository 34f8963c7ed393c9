"""The fixed words of the scenario format that the game knows how to show and play."""

from __future__ import annotations

FORMAT_VERSION = 1
MOODS = ("pleased", "neutral", "impatient", "upset", "angry", "surprised", "thinking")
SETTINGS = ("shop_counter", "call_centre", "office", "airport", "service_desk", "pharmacy", "garden_centre",
            "boutique", "restaurant", "meeting_room", "help_desk", "hotel_reception")
COACH_MODES = ("immediate", "debrief")
NARRATOR = "narrator"
SOUNDS = ("phone_ring", "door_chime", "message_ping", "typing", "announcement")
OUTCOMES = ("leaves", "stays", "advocate")
AUDIENCES = ("external", "internal")
SKIN_TONES = ("light", "medium", "tan", "brown", "dark")
HAIR_STYLES = ("short", "long", "curly", "bun", "ponytail", "bald", "covered")
HAIR_COLOURS = ("black", "brown", "blonde", "red", "grey", "white")
OUTFITS = ("blue", "green", "red", "purple", "grey", "orange", "teal", "yellow")
AGES = ("young", "adult", "older")
BUILDS = ("slim", "average", "broad", "round")
OUTFIT_STYLES = ("crew", "vneck", "collar", "cardigan", "jacket")
FACIAL_HAIR = ("none", "stubble", "moustache", "beard")
DEFAULT_METERS = {
    "satisfaction": {"label": "Satisfaction", "start": 50},
    "loyalty": {"label": "Loyalty", "start": 50},
}
ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
