"""Small pieces for the menu screens: backdrop, icons, notices, scenario cards, scrolling, setting rows."""
