"""Ctrl+C and SIGTERM close the window like its close button: no KeyboardInterrupt, no traceback."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from playground.gui.signals import CloseOnSignals

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_closes_the_window_from_the_event_loop(qtbot, number):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    closer = CloseOnSignals(window, window)
    before = signal.getsignal(number)
    try:
        os.kill(os.getpid(), number)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    finally:
        closer.uninstall()
    assert signal.getsignal(number) is not closer._close and signal.getsignal(number) is not None
    assert before is not None


def _children(pid: int) -> list[str]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return path.read_text().split() if path.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the training process through /proc")
def test_ctrl_c_in_the_terminal_closes_the_app_cleanly(tmp_path):
    picture = tmp_path / "never.png"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "playground", "--screenshot", str(picture), "--train-seconds", "300"],
                           cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not _children(app.pid) and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)  # up once the window has started its training process
        assert app.poll() is None and _children(app.pid), "the app did not start"
        os.killpg(app.pid, signal.SIGINT)  # as a terminal's Ctrl+C does: to the app and its training process
        out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert not picture.exists()  # closed long before the screenshot was due
