"""The optimizer arena's tab: the racers' settings, the race on a contour plot, and the loss per step."""
from playground.gui.arena.arena_tab import ArenaTab

__all__ = ["ArenaTab"]
