"""Variance made visible: K copies of the network, each trained on its own training set, drawn on top of each other.

Each copy's training set is freshly drawn from the generator (a CSV file has
none: there, a bootstrap resample). Where the K decision boundaries (or, on 1-D
data, the K fitted curves) agree, the model has low variance; where they fan
out, it has high variance. The shading under them is how much the members
disagree at each point of the plane. The numbers are ensemble.decompose's:
bias², variance and noise of the squared error for regression, of the 0-1 loss
(Kohavi and Wolpert's decomposition) for classification.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from playground.analysis import ensemble
from playground.config.experiment import Experiment
from playground.gui.diagnostics.error_ladder import VARIANCE_COLOR
from playground.gui.diagnostics.error_units import unit_for
from playground.gui.diagnostics.job_runner import JobProgress, JobRunner
from playground.gui.diagnostics.notes import note
from playground.gui.views import heatmap, theme
from playground.gui.widgets.flow_layout import FlowLayout, flowing
from playground.training.snapshot import DataView

MIN_K, MAX_K = 2, 64  # a spread needs two models at least
MEMBER_PEN = pg.mkPen(40, 40, 40, 110, width=1)
MEAN_PEN = pg.mkPen(VARIANCE_COLOR, width=2.5)
SPREAD_MAP = pg.ColorMap([0.0, 1.0], ["#ffffff", "#bcbddc"])  # the variance colour washed out: lines stay legible
CLASS_DISAGREEMENT_MAX = 0.5  # two classes split evenly: the most two can disagree


def disagreement(task: str, grid: np.ndarray) -> np.ndarray:
    """Per grid point: the share of members that differ from the majority (classification)
    or the members' standard deviation (regression)."""
    if task == "regression":
        return grid.std(axis=0)
    labels = grid.argmax(axis=1) if task == "multiclass" else (grid > 0.5).astype(np.int64)
    classes = int(labels.max()) + 1
    shares = np.stack([(labels == c).mean(axis=0) for c in range(classes)])
    return 1.0 - shares.max(axis=0)


def boundary_fields(task: str, member: np.ndarray) -> list[tuple[np.ndarray, float]]:
    """(field, level) pairs whose level curves are one member's decision boundaries; none for regression."""
    if task == "binary":
        return [(member, 0.5)]
    if task == "multiclass":
        # Class c's margin over its strongest rival is smooth and crosses 0 exactly on c's boundary.
        margins = []
        for c in range(member.shape[0]):
            rivals = np.delete(member, c, axis=0).max(axis=0)
            margins.append((member[c] - rivals, 0.0))
        return margins
    return []


class EnsemblePanel(QWidget):
    def __init__(self, experiment_source: Callable[[], Experiment], parent: QWidget | None = None):
        super().__init__(parent)
        self.experiment_source = experiment_source
        self.epochs: int | None = None  # None: the experiment's own number of epochs; tests lower it
        self.result: ensemble.EnsembleResult | None = None
        self._data: DataView | None = None
        self._members: list[pg.GraphicsObject] = []  # rebuilt per result, which comes once a minute at most

        self.button = QPushButton(self.tr("Train the ensemble"))
        self.button.setToolTip(self.tr(
            "Train several copies of this network, each on a different resample of the training data, and "
            "measure how much they disagree: that disagreement is variance."))
        self.button.clicked.connect(self.start)
        self.k_box = QSpinBox()
        self.k_box.setRange(MIN_K, MAX_K)
        self.k_box.setValue(ensemble.DEFAULT_K)
        self.k_box.setToolTip(self.tr("How many copies to train; more give steadier numbers and take longer."))
        self.runner = JobRunner(self)
        self.runner.finished.connect(self._show_result)
        self.runner.running_changed.connect(lambda running: self.button.setEnabled(not running))
        self.progress = JobProgress(self.runner)

        self.plot = theme.plot_widget()
        self.plot.setMinimumHeight(200)
        self.plot.hide()  # until there is a result
        self.spread = pg.ImageItem(axisOrder="row-major")
        self.spread.setLookupTable(SPREAD_MAP.getLookupTable(nPts=256))
        self.plot.addItem(self.spread)
        self.mean_curve = self.plot.plot([], [], pen=MEAN_PEN)
        self.mean_curve.setZValue(5)  # over the members it averages
        self.points = pg.ScatterPlotItem(size=5, pen=pg.mkPen(255, 255, 255, 160))
        self.points.setZValue(10)
        self.plot.addItem(self.points)
        self.hint = note(self.tr("Each copy trains for the experiment's number of epochs: with 16 copies that can "
                                 "take a minute. Training on screen goes on."))
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.numbers.setStyleSheet(f"color: {theme.TEXT};")

        copies = QWidget()
        copies_row = QHBoxLayout(copies)
        copies_row.setContentsMargins(0, 0, 0, 0)
        copies_row.addWidget(QLabel(self.tr("Copies")))
        copies_row.addWidget(self.k_box)
        controls = QWidget()
        controls_flow = FlowLayout(controls)  # the copies beside the button where the column has room, else under it
        controls_flow.addWidget(self.button)
        controls_flow.addWidget(copies)
        flowing(controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(controls)
        layout.addWidget(self.progress)
        layout.addWidget(self.hint)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.numbers)

    def start(self) -> None:
        self.runner.start(partial(ensemble.train_ensemble, k=self.k_box.value(), epochs=self.epochs),
                          self.experiment_source())

    def set_data(self, data: DataView) -> None:
        """The data the live model trains on: its validation points go under the members' boundaries."""
        self._data = data

    def forget(self) -> None:
        """Drop the job and the picture: they belong to an experiment that is gone."""
        self.runner.abandon()
        self.result = None
        self._clear_plot()
        self.plot.hide()
        self.numbers.clear()
        self.progress.show_status("")

    def member_curves(self) -> int:
        """How many member boundaries or fitted curves the plot shows."""
        return len(self._members)

    # -- drawing ---------------------------------------------------------------
    def _clear_plot(self) -> None:
        for item in self._members:
            self.plot.removeItem(item)
        self._members = []
        self.spread.clear()
        self.mean_curve.setData([], [])
        self.points.clear()

    def _show_result(self, result: ensemble.EnsembleResult, cancelled: bool) -> None:
        self.result = result
        self._clear_plot()
        grid = result.grid_predictions
        self.plot.setVisible(grid is not None)  # more than two inputs: no plane to draw, the numbers only
        if grid is not None and len(result.grid_extent) == 4:
            self._draw_plane(result, grid)
        elif grid is not None:
            self._draw_line(result, grid)
        self.numbers.setText(self._numbers_text(result))
        if not result.complete:
            self.progress.show_status(self.tr("Stopped after {epochs} epochs: the numbers are for models trained "
                                              "that far.").format(epochs=result.epochs))

    def _draw_plane(self, result: ensemble.EnsembleResult, grid: np.ndarray) -> None:
        x0, x1, y0, y1 = result.grid_extent
        spread = disagreement(result.task, grid)
        top = CLASS_DISAGREEMENT_MAX if result.task != "regression" else max(float(spread.max()), 1e-12)
        self.spread.setImage(spread, levels=(0.0, top))
        self.spread.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        # Grid index j lies at x0 + j (x1 - x0) / (r - 1), as probes.GridInputs places the points.
        r = grid.shape[-1]
        to_plane = QTransform.fromTranslate(x0, y0).scale((x1 - x0) / (r - 1), (y1 - y0) / (r - 1))
        for member in grid:
            for field, level in boundary_fields(result.task, member):
                curve = pg.IsocurveItem(data=field.T, level=level, pen=MEMBER_PEN)  # isocurves read [x, y]
                curve.setTransform(to_plane)
                self.plot.addItem(curve)
                self._members.append(curve)
        if self._data is not None and self._data.x_val.shape[1:] == (2,):
            colors = heatmap.point_rgba(self._data, self._data.y_val)
            self.points.setData(pos=self._data.x_val, brush=[pg.mkBrush(*c) for c in colors])
        self.plot.getPlotItem().setAspectLocked(True)  # the plane's units are the same both ways
        self.plot.getPlotItem().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _draw_line(self, result: ensemble.EnsembleResult, grid: np.ndarray) -> None:
        x0, x1 = result.grid_extent
        xs = np.linspace(x0, x1, grid.shape[-1])
        values = grid.argmax(axis=1) if result.task == "multiclass" else grid
        self._members = [self.plot.plot(xs, member, pen=MEMBER_PEN) for member in values]
        self.mean_curve.setData(xs, values.mean(axis=0))
        if self._data is not None and self._data.x_val.shape[1:] == (1,):
            self.points.setData(x=self._data.x_val[:, 0], y=self._data.y_val.astype(np.float64),
                                brush=pg.mkBrush(theme.TEXT))
        self.plot.getPlotItem().setAspectLocked(False)
        self.plot.getPlotItem().enableAutoRange()

    def _numbers_text(self, result: ensemble.EnsembleResult) -> str:
        d = result.decomposition
        unit = unit_for(result.task)
        terms = {key: unit.text(d[key]) for key in ("error", "bias2", "variance", "noise")}
        if result.task == "regression":
            text = self.tr("Squared error on the validation points: expected error {error} = bias\u00b2 {bias2} + "
                           "variance {variance} + noise {noise}.").format(**terms)
        else:
            text = self.tr("0-1 loss on the validation points (Kohavi\u2013Wolpert decomposition): expected error "
                           "{error} = bias\u00b2 {bias2} + variance {variance} + noise {noise}. Majority-vote error "
                           "{vote}.").format(**terms, vote=unit.text(d["vote_error"]))
        if not d["noise_known"]:
            text += " " + self.tr("The data's noise is unknown: it counts in bias\u00b2.")
        if result.sampling == "bootstrap":
            text += " " + self.tr("A CSV file has no generator, so each copy trains on a bootstrap resample of the "
                                  "one training set: the variance is that of resampling it, not of new data, and "
                                  "part of the variance over training sets counts in bias\u00b2.")
        else:
            text += " " + self.tr("Each copy trained on a fresh training set from the generator.")
        if result.diverged:
            text += " " + self.tr("{count} of {k} models diverged and are left out.").format(
                count=result.diverged, k=result.k)
        return text
