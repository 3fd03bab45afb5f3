"""Drawing your own points on the output plane (the "points" dataset), as ConvNetJS's demos let you.

Left click adds a point of the picked class, right click one of the other class (class 0, or
class 1 while 0 is picked); holding a button down and dragging paints a trail. The eraser removes
the points near the pointer. A regression set takes its value from the slider (right click: the
negated value). Undo steps back one stroke; clear removes every point.

The editor keeps the points being drawn and hands them to the controller at the end of each
stroke: training goes on and uses them from the next epoch (Trainer.set_hyper). A set that cannot
train yet (one class only) stays in the editor, with a note saying what is missing.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QSlider, QToolButton, QVBoxLayout, QWidget

from playground.config import catalog
from playground.config.experiment import Experiment, ExperimentError
from playground.data.datasets import PLANE
from playground.gui.diagnostics.notes import note
from playground.gui.views import heatmap, theme

PAINT_SPACING = 0.35   # plane units between two points of a dragged trail
ERASER_RADIUS = 0.6
POINT_SIZE = 9
VALUE_STEPS = 20       # the value slider: -1 .. 1 in steps of 0.1


def starter_points() -> list[list[float]]:
    """A first set to edit: two small clusters, so the set trains from the moment it is chosen."""
    offsets = [(-0.6, 0.0), (0.6, 0.0), (0.0, -0.6), (0.0, 0.6), (0.0, 0.0)]
    return [[c * 2.5 + dx, c * 2.5 + dy, float(label)] for label, c in ((0, -1), (1, 1)) for dx, dy in offsets]


class PointsToolbar(QWidget):
    """The editor's controls under the plane: class picker, eraser, undo, clear, the value slider."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.classes = QButtonGroup(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        row.addWidget(QLabel(self.tr("Draw:")))
        for label, color in enumerate(heatmap.CLASS_COLORS[:catalog.MAX_POINT_CLASSES]):
            button = QToolButton()
            button.setCheckable(True)
            button.setText(str(label))
            button.setToolTip(self.tr("Left click adds class {label}; right click adds the other class").format(
                label=label))
            button.setStyleSheet(f"QToolButton {{ background: {color}; color: white; border: 2px solid white;"
                                 f" border-radius: 3px; min-width: 16px; }}"
                                 f"QToolButton:checked {{ border-color: {theme.TEXT}; }}")
            self.classes.addButton(button, label)
            row.addWidget(button)
        self.classes.button(1).setChecked(True)
        self.eraser = QToolButton()
        self.eraser.setCheckable(True)
        self.eraser.setText(self.tr("Eraser"))
        self.eraser.setToolTip(self.tr("Click or drag to remove the points under the pointer"))
        self.undo = QToolButton()
        self.undo.setText(self.tr("Undo"))
        self.undo.setToolTip(self.tr("Take back the last stroke"))
        self.clear = QToolButton()
        self.clear.setText(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Remove every point"))
        for button in (self.eraser, self.undo, self.clear):
            row.addWidget(button)
        row.addStretch(1)
        values = QHBoxLayout()
        values.setContentsMargins(0, 0, 0, 0)
        self.regression = QCheckBox(self.tr("Values"))
        self.regression.setToolTip(self.tr(
            "Draw numbers to fit (regression) instead of classes: each click takes the slider's value."))
        self.value = QSlider(Qt.Orientation.Horizontal)
        self.value.setRange(-VALUE_STEPS // 2, VALUE_STEPS // 2)
        self.value.setValue(VALUE_STEPS // 4)
        self.value.setToolTip(self.tr("The value a left click draws; a right click draws its negative"))
        self.value_label = QLabel()
        self.value.valueChanged.connect(self._show_value)
        self._show_value(self.value.value())
        values.addWidget(self.regression)
        values.addWidget(self.value, 1)
        values.addWidget(self.value_label)
        self.note = note()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addLayout(values)
        layout.addWidget(self.note)

    def value_of(self, button: Qt.MouseButton) -> float:
        """The label a click with this button draws: a class index, or a value for a regression."""
        if self.regression.isChecked():
            value = self.value.value() * 2 / VALUE_STEPS
            return -value if button == Qt.MouseButton.RightButton else value
        picked = self.classes.checkedId()
        if button == Qt.MouseButton.RightButton:
            return 1.0 if picked == 0 else 0.0
        return float(picked)

    def _show_value(self, step: int) -> None:
        self.value_label.setText(f"{step * 2 / VALUE_STEPS:+.1f}")


class PointsEditor(QObject):
    """Edits data.points by mouse on an OutputPanel's plane while the experiment's dataset is "points"."""

    def __init__(self, output_panel, controller, parent: QObject | None = None):
        super().__init__(parent or output_panel)
        self.controller = controller
        self.plot = output_panel.view.plot
        self.toolbar = PointsToolbar()
        output_panel.layout().insertWidget(output_panel.layout().indexOf(output_panel.view) + 1, self.toolbar)
        self.overlay = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen("w", width=1.2))
        self.overlay.setZValue(20)
        self.plot.addItem(self.overlay)
        self.points: list[list[float]] = []
        self._applied: list[list[float]] | None = None  # the points last handed to the controller
        self._undo: list[list[list[float]]] = []
        self._stroke: Qt.MouseButton | None = None
        self._last: QPointF | None = None
        self.toolbar.undo.clicked.connect(self.undo)
        self.toolbar.clear.clicked.connect(self.clear)
        self.toolbar.regression.toggled.connect(self._task_toggled)
        self.plot.viewport().installEventFilter(self)
        controller.experiment_changed.connect(self.show_experiment)
        self.show_experiment(controller.experiment)

    @property
    def active(self) -> bool:
        return self.controller.experiment.data.dataset == "points"

    # -- following the experiment ----------------------------------------
    def show_experiment(self, experiment: Experiment) -> None:
        data = experiment.data
        self.toolbar.setVisible(data.dataset == "points")
        if data.dataset != "points":
            self.overlay.clear()
            self.points, self._undo, self._applied = [], [], None
            return
        if data.points != self._applied and self._stroke is None:  # a file, a preset or the data panel chose these
            self._applied = data.points
            self.points = [list(p) for p in data.points]
            self.toolbar.regression.blockSignals(True)
            self.toolbar.regression.setChecked(data.points_task == "regression")
            self.toolbar.regression.blockSignals(False)
            self.toolbar.note.setText("")
        self._draw()

    # -- editing ------------------------------------------------------------
    def add(self, x1: float, x2: float, label: float) -> None:
        self.points.append([round(x1, 3), round(x2, 3), label])

    def erase(self, x1: float, x2: float) -> None:
        self.points = [p for p in self.points if math.hypot(p[0] - x1, p[1] - x2) > ERASER_RADIUS]

    def undo(self) -> None:
        if self._undo:
            self.points = self._undo.pop()
            self._commit()

    def clear(self) -> None:
        if self.points:
            self._undo.append(self.points)
            self.points = []
            self._commit()

    def _task_toggled(self, regression: bool) -> None:
        """Classes and values do not mix: switching starts an empty set (undo brings the old one back)."""
        self._undo.append(self.points)
        self.points = []
        self._commit()

    def _changes(self) -> dict:
        """The edit as controller changes; the task only when it changed, since that rebuilds the network."""
        changes: dict = {"data.points": [list(p) for p in self.points]}
        task = "regression" if self.toolbar.regression.isChecked() else "classification"
        if task != self.controller.experiment.data.points_task:
            changes["data.points_task"] = task
        return changes

    def _commit(self) -> None:
        """Hand the points to the training when they can train; else keep them here and say what is missing."""
        self._draw()
        changes = self._changes()
        try:
            self.controller.experiment.with_changes(**changes)
        except ExperimentError:
            self._say_missing()
            return
        self.toolbar.note.setText("")
        self._applied = changes["data.points"]
        self.controller.apply(changes)

    def _say_missing(self) -> None:
        self.toolbar.note.setText(self.tr("Draw at least two points to fit") if self.toolbar.regression.isChecked()
                                  else self.tr("Draw points of at least two classes to train"))

    def _draw(self) -> None:
        if not self.points:
            self.overlay.clear()
            return
        rows = np.asarray(self.points, np.float64)
        if self.toolbar.regression.isChecked():
            rgba = heatmap.signed_rgba(rows[:, 2], max(1.0, float(np.abs(rows[:, 2]).max())), lut=heatmap.POINT_LUT)
        else:
            rgba = heatmap.CLASS_RGB[np.clip(rows[:, 2].astype(np.intp), 0, len(heatmap.CLASS_COLORS) - 1)]
        brushes = [pg.mkBrush(*color) for color in np.round(rgba).astype(int).tolist()]
        self.overlay.setData(x=rows[:, 0], y=rows[:, 1], brush=brushes)

    # -- the mouse ------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.active or kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                                           QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick):
            return False
        where = self._plane_point(event.position())
        if kind == QEvent.Type.MouseButtonPress and event.button() in (Qt.MouseButton.LeftButton,
                                                                       Qt.MouseButton.RightButton):
            self._undo.append([list(p) for p in self.points])
            self._stroke = event.button()
            self._last = None
            self._paint(where)
        elif kind == QEvent.Type.MouseMove and self._stroke is not None:
            self._paint(where)
        elif kind == QEvent.Type.MouseButtonRelease and self._stroke is not None:
            self._stroke = None
            self._commit()
        return True

    def _plane_point(self, position: QPointF) -> QPointF | None:
        """The plane coordinates under a viewport position, None outside the plane."""
        scene = self.plot.mapToScene(position.toPoint())
        point = self.plot.getPlotItem().getViewBox().mapSceneToView(scene)
        inside = PLANE[0] <= point.x() <= PLANE[1] and PLANE[2] <= point.y() <= PLANE[3]
        return point if inside else None

    def _paint(self, where: QPointF | None) -> None:
        if where is None:
            return
        if self.toolbar.eraser.isChecked():
            self.erase(where.x(), where.y())
        elif self._last is None or math.hypot(where.x() - self._last.x(), where.y() - self._last.y()) >= PAINT_SPACING:
            self.add(where.x(), where.y(), self.toolbar.value_of(self._stroke))
            self._last = where
        self._draw()
