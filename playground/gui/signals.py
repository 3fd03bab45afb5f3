"""Ctrl+C (SIGINT) and SIGTERM close the window as its close button does: settings saved, training stopped.

Python runs a signal handler only when the interpreter gets control back, and Qt's
event loop sits in C++ until an event arrives. So the C-level handler's wake-up
byte (signal.set_wakeup_fd) goes to a socket that a QSocketNotifier watches: the
notifier's slot returns control to Python, which then runs the handler.
"""
from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QWidget

SIGNALS = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None)


class CloseOnSignals(QObject):
    """While installed, SIGINT and SIGTERM close `window`; uninstall() puts the previous handlers back.

    Installed before the window exists, so that a signal during start-up is not lost: `requested` remembers it
    and the window, once set, is closed at once."""

    def __init__(self, parent: QObject, window: QWidget | None = None):
        super().__init__(parent)
        self.window = window
        self.requested = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)  # set_wakeup_fd needs a non-blocking descriptor
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {number: signal.signal(number, self._close) for number in SIGNALS}

    def _drain(self) -> None:
        try:
            self._reader.recv(64)  # the wake-up bytes; their only job was to bring us here
        except OSError:
            pass

    def _close(self, number: int, frame) -> None:
        self.requested = True
        if self.window is not None:
            self.window.close()

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
