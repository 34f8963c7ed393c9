"""The pygame view of Customer Chain: scenes, widgets, art, sound and fonts."""
