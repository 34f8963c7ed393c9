"""Art drawn in code: portraits, scenes, the desk phone and the value chart."""
