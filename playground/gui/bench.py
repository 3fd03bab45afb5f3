"""`playground bench --gui`: the real window, offscreen, training at full speed; one JSON line of numbers.

fps counts frames the controller rendered; latency is how late a 5 ms timer in the GUI
thread fires (what a click would wait); steps and epochs per second come from the
session's snapshots over the same window of time, after a short warm-up. compare_fps is how
many frames a second the Compare tab draws (curves and small multiples, repainted) while four
variants race on its background thread.
arena_fps: the optimizer arena racing all eleven optimizers and Lookahead on Rosenbrock,
frames painted per second (a step per racer per frame).
"""
from __future__ import annotations

import dataclasses
import json
import os
import time

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from playground.config.experiment import Experiment

PROBE_MS = 5
WARM_UP_S = 1.0
DEFAULT_SECONDS = 5.0
COMPARE_VARIANTS = "sgd,momentum,adam,rmsprop"


class GuiBench:
    def __init__(self, window, seconds: float):
        self.window = window
        self.seconds = seconds
        self.intervals: list[float] = []
        self.probe = QTimer(window)
        self.probe.setTimerType(Qt.TimerType.PreciseTimer)
        self.probe.setInterval(PROBE_MS)
        self.probe.timeout.connect(self._probe)
        self.waiting = QTimer(window)
        self.waiting.setInterval(50)
        self.waiting.timeout.connect(self._wait_for_first_frame)
        self.start_mark: tuple | None = None
        self.end_mark: tuple | None = None
        self._last_probe: float | None = None

    def start(self) -> None:
        self.waiting.start()

    def _wait_for_first_frame(self) -> None:
        controller = self.window.controller
        if controller.snapshot is None:
            return
        self.waiting.stop()
        controller.play()
        QTimer.singleShot(int(WARM_UP_S * 1000), self._begin)

    def _begin(self) -> None:
        self.start_mark = self._mark()
        self._last_probe = time.perf_counter()
        self.probe.start()
        QTimer.singleShot(int(self.seconds * 1000), self._end)

    def _probe(self) -> None:
        now = time.perf_counter()
        self.intervals.append(now - self._last_probe)
        self._last_probe = now

    def _end(self) -> None:
        self.probe.stop()
        self.end_mark = self._mark()
        self.window.close()
        QApplication.instance().quit()

    def _mark(self) -> tuple[float, int, int, int]:
        """(time, frames rendered, trainer step, trainer epoch) now."""
        snapshot = self.window.controller.session.peek()
        step, epoch = (snapshot.step, snapshot.epoch) if snapshot is not None else (0, 0)
        return time.perf_counter(), self.window.controller.frames, step, epoch

    def result(self) -> dict:
        (t0, f0, s0, e0), (t1, f1, s1, e1) = self.start_mark, self.end_mark
        span = max(t1 - t0, 1e-9)
        late_ms = np.maximum(np.array(self.intervals) * 1000 - PROBE_MS, 0.0) if self.intervals else np.zeros(1)
        return {
            "fps": round((f1 - f0) / span, 1),
            "latency_p50_ms": round(float(np.percentile(late_ms, 50)), 2),
            "latency_p95_ms": round(float(np.percentile(late_ms, 95)), 2),
            "latency_max_ms": round(float(late_ms.max()), 2),
            "steps_per_s": round((s1 - s0) / span, 1),
            "epochs_per_s": round((e1 - e0) / span, 2),
        }


class PaintCounter(QObject):
    """Counts the paint events of the widget it filters."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def arena_fps(app: QApplication, seconds: float) -> float:
    """Frames a second of the arena in a window of its own racing every optimizer and Lookahead, after a warm-up."""
    from playground.arena.race import MAX_STEPS
    from playground.gui.arena.arena_tab import ArenaView

    view = ArenaView()
    view.resize(700, 800)
    view.show()
    view.table.set_chosen(list(range(view.table.rowCount())))
    view.steps.setValue(MAX_STEPS)  # nobody reaches the end: every running racer steps every frame
    counter = PaintCounter(view)
    view.contour.plot.viewport().installEventFilter(counter)
    marks = []
    mark = lambda: marks.append((time.perf_counter(), counter.count))
    view.play_button.setChecked(True)
    QTimer.singleShot(int(WARM_UP_S * 1000), mark)
    QTimer.singleShot(int((WARM_UP_S + seconds) * 1000), lambda: (mark(), app.quit()))
    app.exec()
    view.play_button.setChecked(False)
    view.close()
    (t0, n0), (t1, n1) = marks
    return round((n1 - n0) / max(t1 - t0, 1e-9), 1)


def run(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playground.gui.app import application
    from playground.gui.main_window import MainWindow

    app = application()
    window = MainWindow(Experiment(), settings=None)
    window.controller.set_speed("full")  # the classroom pace would cap what is measured
    window.controller.set_stop_at_epoch(None)
    window.show()
    bench = GuiBench(window, getattr(args, "seconds", None) or DEFAULT_SECONDS)
    QTimer.singleShot(0, bench.start)
    app.exec()
    result = {**bench.result(), "compare_fps": round(compare_fps(bench.seconds), 1)}
    result["arena_fps"] = arena_fps(app, bench.seconds)
    print(json.dumps(result))
    return 0


def compare_fps(seconds: float) -> float:
    """Frames per second of the Compare tab with four variants racing: each frame is what a progress tick
    draws and a repaint, with every variant's grid new in every frame (the race brings new ones 15 times a
    second; the worst case is all four at once in every frame), so all four small multiples draw each time."""
    from playground.gui.diagnostics.compare_panel import ComparePanel

    racing = Experiment().with_changes(**{"training.epochs": 100_000})  # still racing when the measurement ends
    panel = ComparePanel(lambda: racing, lambda changes: None)
    panel.resize(300, 900)
    panel.show()
    panel.values.setText(COMPARE_VARIANTS)
    panel.start()
    ready = time.perf_counter() + 30.0  # the first epoch's grids: counting frames before them would draw nothing
    while panel.live.data is None and time.perf_counter() < ready:
        QApplication.processEvents()
        time.sleep(0.01)  # the race's thread needs the interpreter to get there
    frames, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        QApplication.processEvents()
        panel.live.grids = [None if grid is None else dataclasses.replace(grid) for grid in panel.live.grids]
        panel.runner.progressed.emit(0.0)
        panel.repaint()
        frames += 1
    fps = frames / (time.perf_counter() - started)
    panel.runner.shutdown()
    return fps
