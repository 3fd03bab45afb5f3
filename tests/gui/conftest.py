"""The window tests' fixtures: a real MainWindow on the real training session, closed after each test."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from window_helpers import WAIT_MS, training_threads  # noqa: E402

from playground.config.experiment import Experiment  # noqa: E402
from playground.gui import language  # noqa: E402
from playground.gui.main_window import MainWindow  # noqa: E402


@pytest.fixture(autouse=True)
def no_training_thread_left():
    yield
    assert training_threads() == [], "a training thread outlived its test"


@pytest.fixture
def chinese():
    """The real zh_CN translation installed for one test, English again afterwards."""
    app = QApplication.instance() or QApplication([])
    language.install(app, "zh_CN")
    yield app
    language.install(app, language.ENGLISH)


@pytest.fixture
def open_window(qtbot):
    """open_window(experiment=None, settings=None) -> a shown MainWindow, closed at the end of the test."""
    windows: list[MainWindow] = []

    def make(experiment: Experiment | None = None, settings: QSettings | None = None) -> MainWindow:
        window = MainWindow(experiment or Experiment(), settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: window.controller.snapshot is not None, timeout=WAIT_MS)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


