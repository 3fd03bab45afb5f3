"""The loss landscape of the live model: a 2-D slice around its weights now, the 1-D slices through the centre,
and the training path on the plane of its principal components.

The slice is computed where the model lives, between two training steps, as a job
for the session's call() (as the gradient check is): analysis.landscape.live_plane
evaluates the whole grid in vmapped chunks. The weight path comes from the snapshots:
PathRecorder, no widget, keeps each epoch's layer weights whether or not the tab is shown.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from playground.analysis import landscape
from playground.config.experiment import ExperimentError
from playground.gui.diagnostics.job_runner import JobProgress, JobRunner
from playground.gui.diagnostics.notes import note
from playground.gui.views import theme
from playground.gui.views.contour_plot import COLORS, ContourPlot
from playground.gui.widgets.flow_layout import FlowLayout, flowing
from playground.training.snapshot import Snapshot

MAX_RECORDS = 1000  # epochs kept for the path; beyond, every other one is dropped
PATH_COLOR = COLORS[1]
SLICE_PENS = (pg.mkPen(COLORS[0], width=1), pg.mkPen(COLORS[2], width=1))


def _wait(future: Future, should_stop: Callable[[], bool]) -> landscape.Landscape | None:
    """The plane the job computed; None when should_stop() came first; its message raised when it refused."""
    while True:
        try:
            outcome = future.result(timeout=POLL_S)
            break
        except TimeoutError:
            if should_stop():
                return None
    if isinstance(outcome, str):
        raise ExperimentError(outcome)
    return outcome


class PathRecorder(QObject):
    """Each epoch's (weights, bias) per layer, from the snapshots of one training run."""

    new_run = Signal()  # the snapshots are of another run (a reset, other data or network, another experiment)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.records: list[list[tuple[np.ndarray, np.ndarray]]] = []
        self._run: int | None = None
        self._epoch = -1

    def render(self, snapshot: Snapshot) -> None:
        if snapshot.history.run != self._run or snapshot.epoch < self._epoch:
            self.clear()
            self._run = snapshot.history.run
            self.new_run.emit()
        if snapshot.epoch == self._epoch:
            return
        self._epoch = snapshot.epoch
        self.records.append([(layer.weights, layer.bias) for layer in snapshot.layers])
        if len(self.records) > MAX_RECORDS:
            self.records = self.records[::2]

    def clear(self) -> None:
        self.records = []
        self._run, self._epoch = None, -1


SessionCall = Callable[[Callable], Future]  # the session's call(job): job(trainer) on the live model, a future
POLL_S = 0.05


class LandscapeTab(QWidget):
    def __init__(self, call: SessionCall, recorder: PathRecorder, parent: QWidget | None = None):
        """call: the session's, which runs a picklable job(trainer) on the live model between two steps."""
        super().__init__(parent)
        self.setObjectName("landscape")
        theme.light_background(self)
        self.call = call
        self.recorder = recorder
        recorder.new_run.connect(self.forget)
        self.result: landscape.Landscape | None = None
        self._drawn_epoch = -1

        self.kind = QComboBox()
        self.kind.addItem(self.tr("Random directions"), "random")
        self.kind.addItem(self.tr("Principal components of the path"), "pca")
        self.kind.setToolTip(self.tr(
            "Random: two filter-normalized random directions (Li et al. 2018). Principal components: the plane "
            "in which training moved the most, with the path drawn on it."))
        self.resolution = QSpinBox()
        self.resolution.setRange(landscape.MIN_RESOLUTION, landscape.MAX_RESOLUTION)
        self.resolution.setValue(31)
        self.resolution.setToolTip(self.tr("Grid points per axis."))
        self.every = QSpinBox()
        self.every.setRange(0, 100_000)
        self.every.setSpecialValueText(self.tr("on demand"))
        self.every.setSuffix(self.tr(" epochs"))
        self.every.setToolTip(self.tr("Redraw every this many epochs while training, or only on demand."))
        self.button = QPushButton(self.tr("Compute"))
        self.button.clicked.connect(self.start)
        self.runner = JobRunner(self)
        self.runner.finished.connect(self._show)
        self.runner.running_changed.connect(lambda running: self.button.setEnabled(not running))
        self.progress = JobProgress(self.runner, on_cancel=self.cancel)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.contour = ContourPlot()
        self.slices = theme.plot_widget()
        self.slices.getPlotItem().setLabel("bottom", self.tr("distance from the weights now"))
        self.slice_curves = [self.slices.plot(pen=pen) for pen in SLICE_PENS]
        # A caption rather than a legend, which would cover the short chart's curves.
        self.slices_caption = QLabel(self.tr(
            "Through the centre: <span style='color:{c1}'>along direction 1</span>, "
            "<span style='color:{c2}'>along direction 2</span>").format(c1=COLORS[0], c2=COLORS[2]))
        self.slices_caption.setFont(theme.small_font(self.slices_caption))

        self.slices_caption.setWordWrap(True)

        controls = QWidget()
        controls_flow = FlowLayout(controls)  # wraps in a narrow column (a 1024 px projector)
        for widget in (self.kind, self.resolution, self.every, self.button):
            controls_flow.addWidget(widget)
        flowing(controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(controls)
        layout.addWidget(self.progress)
        layout.addWidget(note(self.tr(
            "The training loss at the weights now plus \u03b1 times one direction plus \u03b2 times another; the "
            "centre (the star) is the model as it is.")))
        layout.addWidget(self.summary)
        layout.addWidget(self.contour, 3)
        layout.addWidget(self.slices_caption)
        layout.addWidget(self.slices, 1)

    def start(self) -> None:
        kind, resolution = self.kind.currentData(), self.resolution.value()
        records = list(self.recorder.records)
        job = partial(landscape.live_plane, kind=kind, resolution=resolution, records=records)
        self.runner.start(lambda should_stop, progress: _wait(self.call(job), should_stop))

    def cancel(self) -> None:
        self.runner.abandon()
        self.progress.show_status(self.tr("Cancelled."))

    def forget(self) -> None:
        """Drop the job and the picture: they belong to an experiment that is gone."""
        self.runner.abandon()
        self.result = None
        self._drawn_epoch = -1
        self.summary.clear()
        self.progress.show_status("")
        self.contour.clear()
        for curve in self.slice_curves:
            curve.setData([], [])

    def render(self, snapshot: Snapshot) -> None:
        """While shown: a fresh slice every `every` epochs of training."""
        every = self.every.value()
        if every and not self.runner.running and snapshot.epoch >= self._drawn_epoch + every:
            self._drawn_epoch = snapshot.epoch
            self.start()

    def _show(self, result: landscape.Landscape | None, cancelled: bool) -> None:
        if result is None:
            return
        self.result = result
        self.contour.set_surface(result.alpha, result.beta, result.loss, log=True, marks=[(0.0, 0.0)],
                                 axes=(self.tr("\u03b1 (direction 1)"), self.tr("\u03b2 (direction 2)")))
        shown = result.trajectory if len(result.trajectory) else np.zeros((0, 2))
        self.contour.set_paths([shown] if len(shown) else [], [PATH_COLOR], [False])
        middle_row, middle_column = int(np.argmin(np.abs(result.beta))), int(np.argmin(np.abs(result.alpha)))
        self.slice_curves[0].setData(result.alpha, result.loss[middle_row])
        self.slice_curves[1].setData(result.beta, result.loss[:, middle_column])
        finite = result.loss[np.isfinite(result.loss)]
        self.summary.setText(self.tr(
            "Training loss at the centre: {centre:.4g}; on the grid from {low:.4g} to {high:.4g}.").format(
            centre=result.centre_loss, low=float(finite.min()) if finite.size else float("nan"),
            high=float(finite.max()) if finite.size else float("nan")))
