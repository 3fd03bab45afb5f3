"""Compare and Sweep: many variants of the current experiment trained at once in the background.

Compare varies one field over a few values and overlays the variants' validation
loss curves, one colour each, above their decision boundaries (or fitted curves)
as small multiples framed in the same colours, drawn live by the output plot's
own view, and a table of their final numbers; a row can be copied into the main
experiment. Sweep samples a hyperparameter on a log or linear
scale and plots each model's validation error against its value, the best one
picked out, whose value can be used. Both train with analysis.compare's Race, so
every variant's numbers are those of a solo run; the model on screen is untouched.
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.analysis import compare, sweep
from playground.config.experiment import Experiment, ExperimentError
from playground.gui import names
from playground.gui.diagnostics.job_runner import JobProgress, JobRunner
from playground.gui.diagnostics.notes import note
from playground.gui.views import theme
from playground.gui.views.output_view import OutputView
from playground.gui.widgets.flow_layout import FlowLayout, flowing
from playground.training.probes import grid_probe
from playground.training.snapshot import DataView, GridProbe

# Tableau's ten: distinct at a glance, and the loss view's own blue and orange come first.
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
DEFAULT_EPOCHS = 50
GRID_INTERVAL_S = 1 / 15  # how often a running race evaluates its variants' output grids for the small multiples
MULTIPLE_SIDE = 112       # pixels: two or three small multiples side by side in a 1024 px projector's column


@dataclass(frozen=True)
class Outcome:
    """One variant after its run, in plain values: its final numbers and its validation loss per epoch."""

    point: sweep.SweepPoint
    val_loss: np.ndarray


class Live:
    """The curves and output grids so far, for the window to draw while the job runs: the job replaces each
    list whole (the grids: plain numpy GridProbes, None for data of more than two inputs)."""

    def __init__(self) -> None:
        self.val_loss: list[np.ndarray] = []
        self.grids: list[GridProbe | None] = []
        self.data: DataView | None = None


def race(variants: list[Experiment], values: list[dict], live: Live, should_stop: Callable[[], bool],
         progress: Callable[[float], None]) -> list[Outcome]:
    """Train the variants (on the job's thread), publishing their curves every epoch and their output grids at
    the display's rate to `live`; their plain values at the end."""
    published = [-math.inf]

    def publish(done: compare.Race, always: bool = False) -> None:
        live.val_loss = [np.array(t.history.view().val_loss, dtype=np.float64) for t in done.trainers]
        if always or time.monotonic() - published[0] >= GRID_INTERVAL_S:
            published[0] = time.monotonic()
            live.data = done.trainers[0].data_view
            live.grids = [grid_probe(t.net, t.grid_inputs) if t.grid_inputs is not None else None
                          for t in done.trainers]

    done = compare.compare(variants, should_stop, progress, publish)
    publish(done, always=True)  # the last epoch's boundaries, also when the race was cut short
    return [Outcome(point, np.asarray(trainer.history.view().val_loss, dtype=np.float64))
            for point, trainer in zip(sweep.outcomes(done, values), done.trainers)]


def _changes(base: Experiment, values: dict[str, Any]) -> dict[str, Any]:
    """The dotted changes that make `base` the variant with `values`, for the controller's apply()."""
    out: dict[str, Any] = {}
    for field, value in values.items():
        out.update(compare.VARIABLE[field].changes(base, value))
    return out


def _number(value: float | None, digits: int) -> str:
    return "–" if value is None or not np.isfinite(value) else f"{value:.{digits}f}"


def _together(*parts: str | QWidget) -> QWidget:
    """Labels (text) and fields kept on one line of a form that wraps: a label never parts from its field."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        row.addWidget(QLabel(part) if isinstance(part, str) else part)
    return box


def _enabled_with(combo: QComboBox, *fields: QWidget) -> None:
    """Fields that mean something only while the combo names a field (not "(nothing)")."""
    def follow() -> None:
        for field in fields:
            field.setEnabled(combo.currentData() is not None)
    combo.currentIndexChanged.connect(follow)
    follow()


def _short(edit: QLineEdit, characters: int) -> QLineEdit:
    """A line edit about `characters` wide, so that its group fits a narrow column."""
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0" * characters) + 12)
    return edit


class _RacePanel(QWidget):
    """What Compare and Sweep share: a form that wraps in a narrow column (a 1024 px projector's tab column,
    Chinese labels), Run with a progress bar, the epochs, a note, and apply()."""

    def __init__(self, experiment_source: Callable[[], Experiment], apply: Callable[[dict], Any],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.experiment_source = experiment_source
        self.apply = apply
        form = QWidget()
        self.form = FlowLayout(form, row_spacing=4)
        flowing(form)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100_000)
        self.epochs.setValue(DEFAULT_EPOCHS)
        self.epochs.setToolTip(self.tr("Epochs each model trains."))
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.clicked.connect(self.start)
        self.runner = JobRunner(self)
        self.runner.running_changed.connect(lambda running: self.run_button.setEnabled(not running))
        self.runner.finished.connect(self._finished)
        self.progress = JobProgress(self.runner)
        self.plot = theme.plot_widget()
        self.plot.getPlotItem().showGrid(x=True, y=True, alpha=0.12)
        self.plot.getPlotItem().getAxis("left").enableAutoSIPrefix(False)
        self.plot.setMinimumHeight(160)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(form)
        self.layout_.addWidget(self.progress)

    def start(self) -> None:
        try:
            variants, values = self._variants()
        except ExperimentError as error:
            self.progress.show_status(str(error), alarm=True)
            return
        self.live = Live()
        self._starting(values)
        self.runner.start(race, variants, values, self.live)
        self._bring_plot_into_view()

    def _bring_plot_into_view(self) -> None:
        """In a short column (1024 x 768) the form fills the page: scroll down to the plot the run draws into."""
        area = self.parentWidget().parentWidget() if self.parentWidget() is not None else None
        if isinstance(area, QScrollArea):
            area.verticalScrollBar().setValue(self.progress.y())

    def _starting(self, values: list[dict]) -> None:
        """Set up for a run of these variants (Compare: a small multiple each)."""

    def _field_combo(self, fields, chosen: str | None, optional: bool) -> QComboBox:
        """A choice of the fields by their labels, `chosen` first shown; optional: "(nothing)" comes first."""
        combo = QComboBox()
        if optional:
            combo.addItem(self.tr("(nothing)"), None)
        for name in fields:
            combo.addItem(names.field(name), name)
        combo.setCurrentIndex(combo.findData(chosen))
        return combo

    def _base(self) -> Experiment:
        return self.experiment_source().with_changes(**{"training.epochs": self.epochs.value()})



class ComparePanel(_RacePanel):
    def __init__(self, experiment_source: Callable[[], Experiment], apply: Callable[[dict], Any],
                 parent: QWidget | None = None):
        super().__init__(experiment_source, apply, parent)
        self.outcomes: list[Outcome] = []
        self.live = Live()
        # A field and its values, and optionally a second: the variants are every combination of the two.
        self.field, self.values = self._field_row(self.tr("Vary"), "optimizer", "sgd,momentum,adam", False)
        self.field2, self.values2 = self._field_row(self.tr("and"), None, "", True)
        self.form.addWidget(_together(self.tr("Epochs"), self.epochs))
        self.form.addWidget(self.run_button)
        self.plot.getPlotItem().setLabel("left", self.tr("validation loss"))
        self.plot.getPlotItem().setLabel("bottom", self.tr("epoch"))
        self.curves: list[pg.PlotDataItem] = []
        self.runner.progressed.connect(lambda _: self._draw(self.live.val_loss))
        self.multiples: list[_SmallMultiple] = []
        multiples = QWidget()
        self.multiples_flow = FlowLayout(multiples, row_spacing=6)
        flowing(multiples)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("variant"), self.tr("train loss"), self.tr("val loss"),
                                              self.tr("val acc"), self.tr("state")])
        # The numbers whole; the variant's values take what is left of a narrow column, elided (their tip has them).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Short, to fit a narrow column; the tip says what it does.
        self.copy_button = QPushButton(self.tr("Use this variant"))
        self.copy_button.setToolTip(self.tr("Copy the selected variant's settings to the main experiment."))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.copy_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        self.layout_.addWidget(note(self.tr("Every variant trains on the same data from the same seed, all at "
                                            "once, and gets the numbers it would get alone (with dropout: all but "
                                            "its random masks).")))
        self.layout_.addWidget(self.plot, 1)
        self.layout_.addWidget(multiples)
        self.layout_.addWidget(self.table)
        self.layout_.addWidget(self.copy_button)

    def _field_row(self, label: str, field: str | None, values: str, optional: bool) -> tuple[QComboBox, QLineEdit]:
        combo = self._field_combo(compare.VARIABLE, field, optional)
        edit = QLineEdit(values)
        edit.setCursorPosition(0)  # the start in sight when the values are longer than the field
        edit.setToolTip(self.tr("Values separated by commas (hidden widths as 8-8); with a second field, every "
                                "combination of the two trains, {most} at most.").format(most=len(COLOURS)))
        _short(edit, 16)
        self.form.addWidget(_together(label, combo))
        self.form.addWidget(edit)
        _enabled_with(combo, edit)
        return combo, edit

    def _variants(self) -> tuple[list[Experiment], list[dict]]:
        axes = {}
        for combo, edit in ((self.field, self.values), (self.field2, self.values2)):
            field = combo.currentData()
            if field is None:
                continue
            if field in axes:
                raise ExperimentError(self.tr("{field}: chosen twice").format(field=field))
            texts = [text for text in edit.text().split(",") if text.strip()]
            if not texts:
                raise ExperimentError(self.tr("{field}: give at least one value").format(field=field))
            axes[field] = [compare.parse_value(field, text) for text in texts]
        values = compare.grid(axes)
        if not 2 <= len(values) <= len(COLOURS):
            raise ExperimentError(self.tr("{fields}: give 2 to {most} variants, not {count}").format(
                fields=", ".join(axes), most=len(COLOURS), count=len(values)))
        base = self._base()
        return [compare.variant(base, v) for v in values], values

    def _finished(self, outcomes: list[Outcome], cancelled: bool) -> None:
        self.outcomes = outcomes
        self._draw([o.val_loss for o in outcomes])
        self.table.setRowCount(len(outcomes))
        fields = list(outcomes[0].point.values) if outcomes else []
        self.table.horizontalHeaderItem(0).setText(", ".join(map(names.field, fields)) or self.tr("variant"))
        for row, o in enumerate(outcomes):
            p = o.point
            # The values alone: the column's header names the field.
            label = QTableWidgetItem(", ".join(_shown(k, v) for k, v in p.values.items()))
            label.setForeground(pg.mkColor(COLOURS[row]))
            label.setToolTip(_title(p.values))
            cells = [label, QTableWidgetItem(_number(p.train_loss, 4)), QTableWidgetItem(_number(p.val_loss, 4)),
                     QTableWidgetItem(_number(p.val_accuracy, 3)), QTableWidgetItem(names.label("state", p.state))]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        # Every row in sight, no scrolling: there are six at most.
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
                                  + sum(self.table.rowHeight(row) for row in range(len(outcomes))))
        if cancelled:
            self.progress.show_status(self.tr("Stopped: the curves end where training was cancelled."))

    def _starting(self, values: list[dict]) -> None:
        for multiple in self.multiples:
            self.multiples_flow.removeWidget(multiple)
            multiple.deleteLater()
        self.multiples = [_SmallMultiple(v, COLOURS[i]) for i, v in enumerate(values)]
        for multiple in self.multiples:
            self.multiples_flow.addWidget(multiple)

    def _draw(self, curves: list[np.ndarray]) -> None:
        """One line and one small multiple per variant, their items reused from frame to frame while the race runs."""
        grids, data = self.live.grids, self.live.data
        if data is not None:
            for multiple, grid in zip(self.multiples, grids):
                multiple.draw(data, grid)
        item = self.plot.getPlotItem()
        if len(self.curves) != len(curves):
            for curve in self.curves:
                item.removeItem(curve)
            self.curves = [item.plot([], [], pen=pg.mkPen(COLOURS[i], width=2)) for i in range(len(curves))]
        for curve, val_loss in zip(self.curves, curves):
            curve.setData(np.arange(1, len(val_loss) + 1), val_loss)

    def copy_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.apply(_changes(self.experiment_source(), self.outcomes[rows[0].row()].point.values))


# Fields whose values are names of choices, and the names table that labels them.
_CHOICES = {"optimizer": "optimizer", "activation": "activation", "schedule": "schedule", "init": "initializer",
            "loss": "loss"}


def _shown(field: str, value: Any) -> str:
    """A value as the window shows it: hidden widths as 8-8, a choice by its label, a switch as on or off."""
    if isinstance(value, list):
        return "-".join(map(str, value))
    if isinstance(value, bool):
        return names.label("switch", "on" if value else "off")
    if field in _CHOICES and value is not None:
        return names.label(_CHOICES[field], value)
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def _title(values: dict[str, Any]) -> str:
    return ", ".join(f"{names.field(k)} = {_shown(k, v)}" for k, v in values.items())


class _SmallMultiple(QFrame):
    """One variant's output over the input plane (or its fitted curve), drawn by the main output plot's own view
    at a small size, without axes or legend, under its values and framed in its curve's colour."""

    def __init__(self, values: dict[str, Any], colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("multiple")
        self.setStyleSheet(f"QFrame#multiple {{ border: 2px solid {colour}; }}")
        self.setToolTip(_title(values))
        self.view = OutputView()
        self.view.legend.hide()
        self.view.setFixedSize(MULTIPLE_SIDE, MULTIPLE_SIDE)
        # The values alone: the form names the field, and "optimizer=momentum" would not fit the width.
        label = QLabel(", ".join(_shown(k, v) for k, v in values.items()))
        label.setStyleSheet(f"color: {colour}; border: none;")
        label.setFont(theme.small_font(label))
        label.setWordWrap(True)
        label.setMaximumWidth(MULTIPLE_SIDE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(2)
        layout.addWidget(label)
        layout.addWidget(self.view)

    def draw(self, data: DataView, grid: GridProbe | None) -> None:
        self.view.show_grid(data, grid)
        for axis in ("left", "bottom"):  # drawing new data labels the axes again; at this size they would crowd it
            self.view.plot.getPlotItem().hideAxis(axis)


class SweepPanel(_RacePanel):
    def __init__(self, experiment_source: Callable[[], Experiment], apply: Callable[[dict], Any],
                 parent: QWidget | None = None):
        super().__init__(experiment_source, apply, parent)
        self.outcomes: list[Outcome] = []
        self.best: int | None = None
        self.swept: list[sweep.Axis] = []
        self.colours = pg.colormap.get("viridis")  # low error dark, high error yellow
        self.axes = [self._axis_row(self.tr("Search"), "lr", False), self._axis_row(self.tr("and"), None, True)]
        self.models = QSpinBox()
        self.models.setRange(sweep.MIN_SAMPLES, compare.MAX_VARIANTS)
        self.models.setValue(16)
        self.models.setToolTip(self.tr("Models, each at its own value in the range (two parameters: its own "
                                       "point of the plane)."))
        self.sampling = QComboBox()
        self.sampling.addItem(self.tr("at random"), "random")
        self.sampling.addItem(self.tr("on a grid"), "grid")
        self.sampling.setToolTip(self.tr("At random: each model at its own random value (Ng: better than a grid when "
                                         "one parameter matters more). On a grid: evenly spaced values, ends "
                                         "included; with two parameters the square of the largest whole side."))
        self.form.addWidget(_together(self.tr("Models"), self.models, self.sampling))
        self.form.addWidget(_together(self.tr("Epochs"), self.epochs))
        self.form.addWidget(self.run_button)
        item = self.plot.getPlotItem()
        item.setLabel("left", self.tr("validation error"))
        self.points = pg.ScatterPlotItem(size=8, pen=None, brush=pg.mkBrush(COLOURS[0]))
        self.best_point = pg.ScatterPlotItem(size=16, symbol="star", pen=pg.mkPen(COLOURS[3]), brush=pg.mkBrush(COLOURS[3]))
        item.addItem(self.points)
        item.addItem(self.best_point)
        self.best_label = QLabel()
        self.use_button = QPushButton(self.tr("Use this value"))
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_best)
        self.layout_.addWidget(note(self.tr("Each model tries its own value; the star is the lowest validation "
                                            "error. With two parameters, dark is low error.")))
        self.layout_.addWidget(self.plot, 1)
        self.layout_.addWidget(self.best_label)
        self.layout_.addWidget(self.use_button)

    def _axis_row(self, label: str, param: str | None, optional: bool) -> tuple:
        """A parameter, its range and scale in the form, in two groups that wrap: (combo, low, high, scale)."""
        combo = self._field_combo(sweep.PARAMS, param, optional)
        low, high = _short(QLineEdit("1e-4"), 6), _short(QLineEdit("1"), 6)
        scale = QComboBox()
        scale.addItem(self.tr("log"), "log")
        scale.addItem(self.tr("linear"), "linear")
        scale.setToolTip(self.tr("Log: as many models per factor of ten (Ng: alpha = 10^r). For momentum, "
                                 "the scale is of 1 - beta."))
        self.form.addWidget(_together(label, combo))
        self.form.addWidget(_together(self.tr("from"), low, self.tr("to"), high, scale))
        _enabled_with(combo, low, high, scale)
        return combo, low, high, scale

    def chosen_axes(self) -> list[sweep.Axis]:
        axes = []
        for combo, low, high, scale in self.axes:
            param = combo.currentData()
            if param is None:
                continue
            try:
                bounds = float(low.text()), float(high.text())
            except ValueError:
                raise ExperimentError(self.tr("{param}: the range's ends must be numbers").format(param=param)) from None
            axes.append(sweep.Axis(param, *bounds, scale.currentData()))
        return axes

    def _variants(self) -> tuple[list[Experiment], list[dict]]:
        self.swept = self.chosen_axes()
        base = self._base()
        points = sweep.sample(self.swept, self.models.value(), self.sampling.currentData(), base.seed)
        return [compare.variant(base, p) for p in points], points

    def _finished(self, outcomes: list[Outcome], cancelled: bool) -> None:
        """One parameter: error against its value. Two: the plane of both values, each point coloured by error."""
        self.outcomes = outcomes
        points = [o.point for o in outcomes]
        errors = np.array([p.val_error for p in points], dtype=np.float64)
        shown = np.isfinite(errors)
        logs = [axis.scale == "log" and axis.param not in sweep.ONE_MINUS for axis in self.swept]
        # A ScatterPlotItem in log mode takes log10 coordinates.
        coords = [np.array([p.values[axis.param] for p in points], dtype=np.float64) for axis in self.swept]
        coords = [np.log10(c) if log else c for c, log in zip(coords, logs)]
        item = self.plot.getPlotItem()
        item.setLabel("bottom", names.field(self.swept[0].param))
        if len(self.swept) == 2:
            x, y = coords
            item.setLogMode(x=logs[0], y=logs[1])
            item.setLabel("left", names.field(self.swept[1].param))
            span = np.ptp(errors[shown]) if shown.any() else 0.0
            unit = (errors - np.nanmin(np.where(shown, errors, np.nan))) / span if span > 0 else np.zeros_like(errors)
            brushes = [pg.mkBrush(self.colours.map(float(u), mode="qcolor")) for u in unit[shown]]
            self.points.setData(x[shown], y[shown], brush=brushes)
        else:
            x, y = coords[0], errors
            item.setLogMode(x=logs[0], y=False)
            item.setLabel("left", self.tr("validation error"))
            self.points.setData(x[shown], y[shown], brush=pg.mkBrush(COLOURS[0]))
        self.best = sweep.best(points)
        if self.best is None:
            self.best_point.setData([], [])
            self.best_label.setText(self.tr("No model has a finite validation error."))
        else:
            self.best_point.setData([x[self.best]], [y[self.best]])
            values = _title(points[self.best].values)
            self.best_label.setText(self.tr("Best: {values}, validation error {error:.4f}").format(
                values=values, error=errors[self.best]))
        self.use_button.setEnabled(self.best is not None)
        if cancelled:
            self.progress.show_status(self.tr("Stopped: the models were trained only until cancelled."))

    def use_best(self) -> None:
        if self.best is not None:
            self.apply(_changes(self.experiment_source(), self.outcomes[self.best].point.values))
