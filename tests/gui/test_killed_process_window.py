"""The window after its training process is killed: says so once, and the next Play trains again."""
from __future__ import annotations

import os
import signal

from playground.config.experiment import Experiment
from playground.gui.controller import Controller


def test_the_window_reports_a_killed_process_once_and_play_trains_again(qtbot):
    controller = Controller(Experiment().with_changes(**{"data.samples": 100, "device": "cpu"}))
    said = []
    controller.message.connect(lambda text, severity: said.append(text))
    try:
        qtbot.waitUntil(lambda: controller.snapshot is not None, timeout=60_000)
        controller.play()
        qtbot.waitUntil(lambda: controller.snapshot.epoch >= 2, timeout=60_000)
        os.kill(controller.session._process.pid, signal.SIGKILL)
        qtbot.waitUntil(lambda: controller.state == "error", timeout=60_000)
        qtbot.wait(300)  # more frames: the message must not repeat
        reports = [text for text in said if "stopped unexpectedly" in text]
        assert len(reports) == 1 and not controller.playing
        epoch_at_crash = controller.snapshot.epoch
        controller.play()
        qtbot.waitUntil(lambda: controller.state == "running" and controller.snapshot.epoch > epoch_at_crash + 1,
                        timeout=60_000)
        assert controller.playing
    finally:
        assert controller.close() is True
