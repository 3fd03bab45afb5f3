"""The optimizer arena's tab, and the live model's loss landscape tab."""
from playground.gui.arena.arena_tab import ArenaTab
from playground.gui.arena.landscape_tab import LandscapeTab, PathRecorder

__all__ = ["ArenaTab", "LandscapeTab", "PathRecorder"]
