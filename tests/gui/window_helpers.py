"""What the window tests share besides fixtures: how long to wait, which threads train, what a window shows."""
from __future__ import annotations

import threading

from playground.gui.main_window import MainWindow

WAIT_MS = 20_000   # machines are slow and shared


def training_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "training" and t.is_alive()]


def shown_snapshot(window: MainWindow):
    return window.controller.snapshot


def epoch(window: MainWindow) -> int:
    snapshot = shown_snapshot(window)
    return -1 if snapshot is None else snapshot.epoch


def pick(combo, data) -> None:
    """Choose an item the way a click in the popup does: the index changes, then activated fires."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
