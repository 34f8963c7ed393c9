"""`python run.py bench`: the real game measured headless against bare pygame reference programs."""
