"""Learning and complexity curves of the current experiment, swept in the background and plotted as they end.

A learning curve (error against training-set size) tells whether more data
would help: a gap that stays open is variance, two curves meeting high above
the baseline are bias. A complexity curve (error against width, depth, or
polynomial degree) shows the U: validation error falls while bias shrinks and
rises again as variance takes over. Each point is a short run with curves'
sweep recipe, not the live training, so the model on screen is untouched.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from playground.analysis import curves
from playground.config.experiment import Experiment
from playground.gui.diagnostics import texts
from playground.gui.diagnostics.error_units import ErrorUnit, unit_for
from playground.gui.diagnostics.job_runner import JobProgress, JobRunner
from playground.gui.diagnostics.notes import note
from playground.gui.views import theme
from playground.gui.views.loss_view import SPLIT_PENS
from playground.gui.widgets.flow_layout import FlowLayout, flowing

BASELINE_PEN = pg.mkPen(theme.MUTED, width=1.5, style=Qt.PenStyle.DashLine)
COMPLEXITY_KINDS = ("width", "depth", "degree")


class CurvePanel(QWidget):
    def __init__(self, experiment_source: Callable[[], Experiment], parent: QWidget | None = None):
        super().__init__(parent)
        self.experiment_source = experiment_source
        self.sweep_epochs = curves.SWEEP_EPOCHS  # per point; tests lower it
        self.curve: curves.Curve | None = None
        self._baseline: float | None = None

        self.learning_button = QPushButton(self.tr("Learning curve"))
        self.learning_button.setToolTip(self.tr(
            "Train on 10 % to 100 % of the training data and plot training and validation error against the "
            "number of examples: does more data help?"))
        self.learning_button.clicked.connect(self.start_learning_curve)
        self.complexity_button = QPushButton(self.tr("Complexity curve"))
        self.complexity_button.setToolTip(self.tr(
            "Train ever bigger models and plot training and validation error against their size: where does "
            "variance take over from bias?"))
        self.complexity_button.clicked.connect(self.start_complexity_curve)
        self.kind_combo = QComboBox()
        for kind in COMPLEXITY_KINDS:
            self.kind_combo.addItem(texts.sweep_axis(kind), kind)
        self.kind_combo.setToolTip(self.tr("What grows along the complexity curve. The polynomial degree needs "
                                           "the 1-D curve data set."))
        self.runner = JobRunner(self)
        self.runner.finished.connect(self._show_curve)
        self.runner.running_changed.connect(self._running)
        self.progress = JobProgress(self.runner)

        self.plot = theme.plot_widget()
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.12)
        item.getAxis("left").enableAutoSIPrefix(False)
        self.train_points = item.plot([], [], pen=SPLIT_PENS["train"], symbol="o", symbolSize=6,
                                      symbolBrush=SPLIT_PENS["train"].color(), symbolPen=None)
        self.val_points = item.plot([], [], pen=SPLIT_PENS["val"], symbol="o", symbolSize=6,
                                    symbolBrush=SPLIT_PENS["val"].color(), symbolPen=None)
        # The legend sits above the plot: inside it, some curve's points always end up under it.
        entries = ((SPLIT_PENS["train"].color().name(), "\u25cf", self.tr("train")),
                   (SPLIT_PENS["val"].color().name(), "\u25cf", self.tr("validation")),
                   (theme.MUTED, "- - -", self.tr("baseline")))
        self.legend = QLabel(" \u00a0 ".join(f"<span style='color:{color}'>{mark}</span> {name}"
                                              for color, mark, name in entries))
        self.legend.setFont(theme.small_font(self.legend))
        self.baseline_line = pg.InfiniteLine(angle=0, pen=BASELINE_PEN)
        self.baseline_line.setVisible(False)
        item.addItem(self.baseline_line)
        self.plot.setMinimumHeight(180)
        self.figure = QWidget()  # the legend and the plot, hidden until there is a curve: empty axes say nothing
        figure_layout = QVBoxLayout(self.figure)
        figure_layout.setContentsMargins(0, 0, 0, 0)
        figure_layout.addWidget(self.legend)
        figure_layout.addWidget(self.plot, 1)
        self.figure.hide()
        self.hint = note(self.tr("Each point trains a fresh copy of this network with full-batch Adam, so a "
                                 "curve takes from seconds to a minute. Training on screen goes on."))

        buttons = QWidget()
        buttons_flow = FlowLayout(buttons)  # as many rows as the tab column needs (one on a wide screen)
        for widget in (self.learning_button, self.complexity_button, self.kind_combo):
            buttons_flow.addWidget(widget)
        flowing(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.hint)
        layout.addWidget(self.figure, 1)
        self.set_experiment(experiment_source())

    # -- commands ------------------------------------------------------------
    def start_learning_curve(self) -> None:
        self._start(partial(curves.learning_curve, epochs=self.sweep_epochs))

    def start_complexity_curve(self) -> None:
        kind = self.kind_combo.currentData()
        self._start(partial(curves.complexity_curve, kind=kind, epochs=self.sweep_epochs))

    def _start(self, sweep: Callable) -> None:
        self.runner.start(sweep, self.experiment_source())

    def set_experiment(self, experiment: Experiment) -> None:
        """Offer the degree sweep only on the curve data, where curves.complexity_curve allows it."""
        allowed = experiment.data.dataset == "curve"
        self.kind_combo.model().item(COMPLEXITY_KINDS.index("degree")).setEnabled(allowed)
        if not allowed and self.kind_combo.currentData() == "degree":
            self.kind_combo.setCurrentIndex(0)

    def forget(self) -> None:
        """Drop the job and the curve: they belong to an experiment that is gone."""
        self.runner.abandon()
        self.curve = None
        self.train_points.setData([], [])
        self.val_points.setData([], [])
        self.figure.hide()
        self.progress.show_status("")

    def set_baseline(self, baseline: float | None) -> None:
        """The baseline in force (the diagnosis'), drawn dashed; None where it is unknown."""
        self._baseline = baseline
        self._show_baseline()

    # -- results ---------------------------------------------------------------
    def _running(self, running: bool) -> None:
        self.learning_button.setEnabled(not running)
        self.complexity_button.setEnabled(not running)

    def _show_curve(self, curve: curves.Curve, cancelled: bool) -> None:
        self.curve = curve
        self.figure.show()
        unit = self._unit()
        item = self.plot.getPlotItem()
        item.setLabel("bottom", texts.sweep_axis(curve.kind))
        item.setLabel("left", unit.axis_label())
        # Widths double from point to point: evenly spaced on a log scale, each tick naming its point.
        x = np.log2(curve.x) if curve.kind == "width" else curve.x.astype(np.float64)
        item.getAxis("bottom").setTicks([[(float(p), str(int(v))) for p, v in zip(x, curve.x)]])
        self.train_points.setData(x, unit.scaled(curve.train_error))
        self.val_points.setData(x, unit.scaled(curve.val_error))
        self._show_baseline()
        item.enableAutoRange()
        if not curve.complete:
            self.progress.show_status(self.tr("Stopped: {points} points were finished.").format(points=len(curve.x)))

    def _unit(self) -> ErrorUnit:
        if self.curve is None:
            return unit_for(self.experiment_source().task)
        return ErrorUnit(percent=self.curve.error_name == "error rate")

    def _show_baseline(self) -> None:
        baseline = self._baseline
        if baseline is None and self.curve is not None:
            baseline = self.curve.baseline_error
        self.baseline_line.setVisible(baseline is not None)
        if baseline is not None:
            self.baseline_line.setPos(self._unit().scaled(baseline))

    def points(self) -> int:
        """How many points the plot shows."""
        x, _ = self.val_points.getData()
        return 0 if x is None else len(x)
