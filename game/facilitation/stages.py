"""The reveal stages of a class session, in the order a decision goes through them."""

INTRO, TEXT, CHOICES, CHOSEN, CONSEQUENCES, ENDING, DEBRIEF = (
    "intro", "text", "choices", "chosen", "consequences", "ending", "debrief")
STAGES = (INTRO, TEXT, CHOICES, CHOSEN, CONSEQUENCES, ENDING, DEBRIEF)
