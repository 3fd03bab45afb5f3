"""`playground` without a command: the window. With --screenshot it trains a while, saves a picture and exits.

The screenshot run is driven by timers so the event loop never blocks: wait for the first
frame, train for --train-seconds, pause, let the paused frame arrive, grab, close.
"""
from __future__ import annotations

import json
import math
import os
import sys
import time

from PySide6.QtCore import QSettings, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from playground.config.experiment import Experiment
from playground.gui import language
from playground.gui.main_window import MainWindow, last_experiment
from playground.gui.signals import CloseOnSignals

ORGANIZATION = "Neural Playground"
APPLICATION = "Neural Playground"
POLL_MS = 50
FIRST_FRAME_TIMEOUT_S = 60.0


def application(lang: str | None = None) -> QApplication:
    """The running QApplication, or a new one named for QSettings; speaking `lang` (None: the system's language)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    language.install(app, lang)
    if app.platformName() == "offscreen":
        qInstallMessageHandler(_without_offscreen_noise)
    return app


def _without_offscreen_noise(mode, context, message: str) -> None:
    # The offscreen platform warns whenever a layout changes the window's size hints; nothing is wrong.
    if message != "This plugin does not support propagateSizeHints()":
        print(message, file=sys.stderr)


def run(args, experiment: Experiment) -> int:
    screenshot: str | None = getattr(args, "screenshot", None)
    if screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a picture needs no screen
    # A screenshot is a reproducible picture of the given experiment: no saved state in or out.
    settings = None if screenshot else QSettings(ORGANIZATION, APPLICATION)
    app = application(getattr(args, "lang", None) or language.chosen(settings))
    signals = CloseOnSignals(app)  # before the window: Ctrl+C while it builds must not be lost either
    try:
        start = starting_experiment(experiment, settings)
        window = MainWindow(start, settings)
        signals.window = window
        if signals.requested:
            window.close()
            return 0
        if start != experiment:  # the remembered one: it may no longer load
            window.fall_back_when_broken()
        tab = getattr(args, "tab", None)
        if tab and not window.show_tab(tab):
            print(f"playground: error: argument --tab: no tab {tab!r}; choose from {', '.join(window.tab_keys())}",
                  file=sys.stderr)
            window.close()
            return 2
        if getattr(args, "presentation", False):
            window.set_presentation(True)
        size = getattr(args, "window_size", None)
        if size:
            window.resize(*size)
        window.show()
        if screenshot:
            shooter = Screenshot(window, screenshot, getattr(args, "train_seconds", None) or 0.0)
            QTimer.singleShot(0, shooter.start)
        return app.exec()
    finally:
        signals.uninstall()


def starting_experiment(given: Experiment, settings: QSettings | None) -> Experiment:
    """What the command line asked for; with no flags at all, the experiment open when the window last closed."""
    if settings is None or given != Experiment():
        return given
    return last_experiment(settings) or given


class Screenshot:
    """Waits for the first frame, trains, pauses, waits for the paused frame, saves the window, quits."""

    def __init__(self, window: MainWindow, path: str, train_seconds: float):
        self.window = window
        self.path = path
        self.train_seconds = train_seconds
        self.stage = self._first_frame
        self.timer = QTimer(window)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(lambda: self.stage())

    def start(self) -> None:
        self.deadline = time.monotonic() + FIRST_FRAME_TIMEOUT_S
        self.timer.start()

    def _first_frame(self) -> None:
        if self.window.controller.snapshot is None and time.monotonic() < self.deadline:
            return
        if self.train_seconds > 0:
            self.window.controller.play()
            self.deadline = time.monotonic() + self.train_seconds
            self.stage = self._training
        else:
            self.stage = self._settled

    def _training(self) -> None:
        if time.monotonic() >= self.deadline:
            self.window.controller.pause()
            self.stage = self._settled

    def _settled(self) -> None:
        """Saves once the snapshot on screen is one taken after training stopped."""
        controller = self.window.controller
        controller.tick()
        shown = controller.snapshot
        if controller.state == "running" or (shown is not None and shown.state == "running"):
            return
        self.timer.stop()
        QApplication.processEvents()  # layouts the last frame asked for (a tab strip that wrapped) are done first
        saved = self.window.grab().save(self.path, "PNG")
        if saved:
            print(json.dumps(outcome(controller)), flush=True)
        else:
            print(f"playground: error: cannot write the screenshot to {self.path}", file=sys.stderr)
        self.window.close()
        QApplication.instance().exit(0 if saved else 2)


def outcome(controller) -> dict:
    """Where the run shown stands, for a shell to check: epoch, step, state and the two losses (null: none yet)."""
    shown = controller.snapshot
    number = lambda value: value if value is not None and math.isfinite(value) else None
    return {"epoch": shown.epoch if shown else 0, "step": shown.step if shown else 0, "state": controller.state,
            "train_loss": number(shown.train_loss) if shown else None,
            "val_loss": number(shown.val_loss) if shown else None}
