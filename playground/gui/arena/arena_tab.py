"""The optimizer arena in the window: pick a surface, click a start, and watch the chosen optimizers race.

Everything runs on the GUI thread: a racer's step is one autograd gradient of a
2-D function and one step of the trainer's own optimizer code (arena.race), a
few tens of microseconds, so a 60 Hz timer advances every racer and redraws the
paths with setData on items made once. Any change of surface, start, racer or
schedule starts the race again from step 0.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.arena import race, surfaces
from playground.config import catalog
from playground.config.experiment import ArenaSpec, ExperimentError
from playground.gui.arena.racer_table import RacerTable
from playground.gui.panels.hyper_form import HyperForm
from playground.gui.views import theme
from playground.gui.views.contour_plot import ContourPlot, same_points
from playground.gui.widgets.choice_combo import ChoiceCombo

FRAME_MS = 16
GRID = 400  # pixels a side of the contour image
DEFAULT_STEPS = 500
SPEEDS = (1, 2, 5, 10, 50)
TINY = 1e-12  # the loss chart's floor on a log scale, where a minimum of exactly 0 has no place
TABLE_EVERY = 15  # frames between two updates of the table's loss column


class ArenaView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self.surface = surfaces.surface("rosenbrock")
        self.start = self.surface.start
        self.schedule, self.schedule_hyper = "constant", {}
        self.racers: dict[int, race.Racer] = {}

        self.function = QComboBox()
        for name in surfaces.NAMES:
            self.function.addItem(QCoreApplication.translate("ArenaView", _FUNCTION_LABELS[name]), name)
        self.function.setCurrentIndex(surfaces.NAMES.index("rosenbrock"))
        self.function.setToolTip(self.tr("The surface the optimizers race on."))
        self.function.activated.connect(lambda index: self.set_function(self.function.itemData(index)))
        self.play_button = QPushButton(self.tr("Race"))
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(self.tr("Run the race; click the plot to start from another point."))
        self.play_button.toggled.connect(self._play)
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.clicked.connect(lambda: self.advance(1))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.clicked.connect(self.restart)
        self.step_label = QLabel()
        self.step_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("step 00000"))
        self.formula = QLabel()
        self.formula.setFont(theme.small_font(self.formula))
        self.formula.setStyleSheet(f"color: {theme.MUTED};")
        self.formula.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.ALARM};")
        self.message.hide()

        self.contour = ContourPlot()
        self.contour.clicked.connect(self.set_start)
        self.loss_plot = theme.plot_widget()
        self.loss_plot.getPlotItem().setLabel("bottom", self.tr("step"))
        self.loss_plot.getPlotItem().setLabel("left", self.tr("loss"))
        self.loss_plot.getPlotItem().getViewBox().disableAutoRange()
        self._loss_range: tuple[float, float] | None = None
        self.loss_curves: dict[int, pg.PlotCurveItem] = {}
        self._frames = 0

        self.table = RacerTable()
        self.table.changed.connect(self.restart)
        self.table.rejected.connect(self.show_message)
        self.steps = QSpinBox()
        self.steps.setRange(1, race.MAX_STEPS)
        self.steps.setValue(DEFAULT_STEPS)
        self.steps.setToolTip(self.tr("The race stops after this many steps."))
        self.speed = QComboBox()
        for n in SPEEDS:
            self.speed.addItem(self.tr("{n} per frame").format(n=n), n)
        self.speed.setToolTip(self.tr("Steps each optimizer takes per frame (60 frames a second)."))
        self.lookahead_inner = ChoiceCombo("optimizer", catalog.OPTIMIZERS, self.tr("The optimizer Lookahead wraps."))
        self.lookahead_inner.set_name("sgd")
        self.lookahead_inner.name_picked.connect(self.table.set_lookahead_inner)
        self.schedule_form = HyperForm("schedule", catalog.SCHEDULES, self.tr(
            "Learning-rate schedule for every racer; its epoch is the step here."))
        self.schedule_form.show_values("constant", {})
        self.schedule_form.choice_picked.connect(lambda name: self._set_schedule(name, {}))
        self.schedule_form.value_edited.connect(
            lambda key, value: self._set_schedule(self.schedule, {**self.schedule_hyper, key: value}))
        self.schedule_form.rejected.connect(self.show_message)
        self.log_loss = QCheckBox(self.tr("Log scale"))
        self.log_loss.setChecked(True)
        self.log_loss.toggled.connect(self._rescale)

        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._tick)
        self._layout()
        self.set_function("rosenbrock")

    def _layout(self) -> None:
        # Narrow enough for the right-hand tabs at 1024 px: short rows, and the settings scroll.
        top = QHBoxLayout()
        top.addWidget(self.function, 1)
        top.addWidget(self.step_label)
        buttons = QHBoxLayout()
        for widget in (self.play_button, self.step_button, self.reset_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        settings = QWidget()
        rows = QVBoxLayout(settings)
        rows.setContentsMargins(0, 0, 0, 0)
        self.table.setMinimumHeight(6 * self.fontMetrics().height())
        rows.addWidget(self.table, 1)
        for pairs in (((self.tr("Steps"), self.steps), (self.tr("Speed"), self.speed)),
                      ((self.tr("Lookahead around"), self.lookahead_inner),),
                      ((self.tr("Schedule"), self.schedule_form),)):
            row = QHBoxLayout()
            for label, widget in pairs:
                row.addWidget(QLabel(label))
                row.addWidget(widget)
            row.addStretch(1)
            rows.addLayout(row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(settings)
        loss = QWidget()
        loss_rows = QVBoxLayout(loss)
        loss_rows.setContentsMargins(0, 0, 0, 0)
        loss_rows.addWidget(self.loss_plot, 1)
        loss_rows.addWidget(self.log_loss)
        split = QSplitter(Qt.Orientation.Vertical)
        for widget, stretch in ((self.contour, 5), (loss, 2), (scroll, 3)):
            split.addWidget(widget)
            split.setStretchFactor(split.count() - 1, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.formula)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    # -- what the user changes ------------------------------------------------
    def set_function(self, name: str) -> None:
        try:
            self.surface = surfaces.surface(name)
        except ExperimentError as error:  # a dataset the surface needs could not be made
            self.show_message(str(error))
            return
        self.function.setCurrentIndex(surfaces.NAMES.index(name))
        self.formula.setText(f"f({self.surface.axes[0]}, {self.surface.axes[1]}) = {self.surface.formula}")
        xs, ys, values = self.surface.grid(GRID)
        self.contour.set_surface(xs, ys, values, log=self.surface.bounded_below, marks=list(self.surface.points),
                                 axes=self.surface.axes)
        self.log_loss.setEnabled(self.surface.bounded_below)
        self.start = self.surface.start
        self.restart()

    def apply(self, spec: ArenaSpec) -> None:
        """A lesson's race, ready to play: its function, start, racers and length, with a constant learning rate."""
        self.play_button.setChecked(False)
        self.steps.setValue(spec.steps)
        self.schedule, self.schedule_hyper = "constant", {}
        self.schedule_form.show_values("constant", {})
        with QSignalBlocker(self.table):  # one restart, below, once the surface is set too
            self.table.set_racers(spec.racers)
        self.set_function(spec.function)
        if spec.start is not None:
            self.set_start(*spec.start)

    def set_start(self, x: float, y: float) -> None:
        if not self.surface.contains(x, y):
            self.show_message(self.tr("Click inside the plot to set the start."))
            return
        self.start = (x, y)
        self.restart()

    def _set_schedule(self, name: str, hyper: dict[str, float]) -> None:
        self.schedule, self.schedule_hyper = name, hyper
        self.schedule_form.show_values(name, hyper)
        self.restart()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- the race -----------------------------------------------------------------
    def restart(self) -> None:
        """Every chosen racer back at the start, at step 0."""
        self.show_message("")
        self.racers = {}
        for row in self.table.chosen():
            try:
                self.racers[row] = race.Racer(self.surface, self.table.spec(row, self.schedule, self.schedule_hyper),
                                              self.start)
            except ExperimentError as error:
                self.show_message(f"{self.table.label(row)}: {error}")
        for row, curve in self.loss_curves.items():
            curve.setVisible(row in self.racers)
        self.contour.set_start(*self.start)
        self._draw()

    def advance(self, steps: int) -> None:
        """Every running racer takes up to `steps` steps, the race's length allowing."""
        steps = min(steps, self.steps.value() - self.step)
        race.advance_together(list(self.racers.values()), steps)
        self._draw()

    @property
    def step(self) -> int:
        return max((r.steps for r in self.racers.values()), default=0)

    @property
    def finished(self) -> bool:
        return self.step >= self.steps.value() or all(r.status != race.RUNNING for r in self.racers.values())

    def _play(self, playing: bool) -> None:
        if playing and self.finished:
            self.restart()
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Race"))
        if playing:
            self.timer.start()
        else:
            self.timer.stop()
            self._draw()  # the table's losses, which a running race updates only now and then

    def hideEvent(self, event) -> None:
        """A race nobody watches stops: another tab was chosen, or the window closed."""
        self.play_button.setChecked(False)
        super().hideEvent(event)

    def _tick(self) -> None:
        self.advance(self.speed.currentData())
        if self.finished:
            self.play_button.setChecked(False)

    def _draw(self) -> None:
        rows = list(self.racers)
        finite = {row: _finite_prefix(self.racers[row]) for row in rows}
        paths = [self.racers[row].trajectory()[:finite[row]] for row in rows]
        stopped = [self.racers[row].status != race.RUNNING for row in rows]
        self.contour.set_paths(paths, [self.table.color(row) for row in rows], stopped)
        # Log scale the cheap way: log10 of the values on a plain curve, and an axis that labels powers of ten.
        log = self.log_loss.isChecked() and self.surface.bounded_below
        axis = self.loss_plot.getPlotItem().getAxis("left")
        if axis.logMode != log:  # setting it re-lays the axis: only when it changes
            axis.setLogMode(log)
        for row in rows:
            losses = self.racers[row].loss_curve()[:finite[row]]
            curve = self.loss_curves.get(row)
            if curve is None:
                curve = self.loss_curves[row] = pg.PlotCurveItem(pen=pg.mkPen(self.table.color(row), width=1))
                self.loss_plot.addItem(curve)
            shown = np.log10(np.maximum(losses, TINY)) if log else losses
            if not same_points(curve.xData, curve.yData, np.arange(len(losses)), shown):
                curve.setData(np.arange(len(losses)), shown, skipFiniteCheck=True)
            curve.setVisible(True)
        self._fit_loss_range([curve.yData for row, curve in self.loss_curves.items() if row in self.racers])
        # Table cells re-lay the table when their text changes: a few times a second is enough to read.
        self._frames += 1
        if not self.timer.isActive() or self._frames % TABLE_EVERY == 0 or all(stopped):
            for row in rows:
                racer = self.racers[row]
                self.table.show_loss(row, self._outcome(racer), racer.status != race.RUNNING)
        self.step_label.setText(self.tr("step {n}").format(n=self.step))

    def _rescale(self) -> None:
        """Log or linear: the loss chart's range fitted afresh to the curves."""
        self._loss_range = None
        self._draw()

    def _fit_loss_range(self, curves: list[np.ndarray]) -> None:
        """Steps on x up to the race's length; y grows, with room to spare, to hold every curve, and shrinks only at a
        restart.

        Ranges set by hand, not autorange: re-laying the axes every frame costs more than drawing the curves.
        """
        self.loss_plot.setXRange(0, self.steps.value(), padding=0.02)
        values = np.concatenate([c for c in curves if c is not None and len(c)] or [np.zeros(1)])
        values = values[np.isfinite(values)]
        low, high = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
        shown = self._loss_range if self.step > 0 else None
        if shown is not None:
            if shown[0] <= low and high <= shown[1]:
                return
            # A quarter of the span to spare on the side that grew: a loss falling step by step re-lays the
            # axis a few times a race, not every frame.
            spare = 0.25 * (max(high, shown[1]) - min(low, shown[0]))
            low = shown[0] if low >= shown[0] else low - spare
            high = shown[1] if high <= shown[1] else high + spare
        self._loss_range = (low, high)
        self.loss_plot.setYRange(low, high if high > low else low + 1.0, padding=0.05)

    def _outcome(self, racer: race.Racer) -> str:
        if racer.status == race.DIVERGED:
            return self.tr("diverged at step {n}").format(n=racer.steps)
        if racer.status == race.LEFT:
            return self.tr("left the plot at step {n}").format(n=racer.steps)
        return f"{racer.loss_curve()[-1]:.4g}"


# The functions' names as the window shows them, translated when shown.
_FUNCTION_LABELS = {
    "quadratic": QT_TRANSLATE_NOOP("ArenaView", "Ill-conditioned quadratic"),
    "rosenbrock": QT_TRANSLATE_NOOP("ArenaView", "Rosenbrock"),
    "beale": QT_TRANSLATE_NOOP("ArenaView", "Beale"),
    "himmelblau": QT_TRANSLATE_NOOP("ArenaView", "Himmelblau"),
    "saddle": QT_TRANSLATE_NOOP("ArenaView", "Saddle"),
    "regression": QT_TRANSLATE_NOOP("ArenaView", "Linear regression L(w, b)"),
}


def _finite_prefix(racer: race.Racer) -> int:
    """How many of the racer's first points are finite: a diverged racer's last one may not be."""
    n = racer.steps + 1
    if racer.status == race.DIVERGED and not all(np.isfinite([*racer.trajectory()[-1], racer.loss_curve()[-1]])):
        n -= 1
    return n


class ArenaTab(QWidget):
    """The arena as a right-hand tab, which can open it in a window of its own, where it has room."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("arena")
        theme.light_background(self)
        self.arena = ArenaView()
        self.detach_button = QPushButton(self.tr("Open in its own window"))
        self.detach_button.clicked.connect(self.detach)
        self.placeholder = QLabel(self.tr("The arena is open in its own window; close that window to bring it back."))
        self.placeholder.setWordWrap(True)
        self.placeholder.hide()
        self.window: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detach_button)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.arena, 1)

    def detach(self) -> None:
        self.window = QWidget(None, Qt.WindowType.Window)
        self.window.setWindowTitle(self.tr("Optimizer arena"))
        QVBoxLayout(self.window).addWidget(self.arena)
        self.window.installEventFilter(self)
        self.window.resize(1000, 800)
        self.window.show()
        self.detach_button.hide()
        self.placeholder.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.layout().addWidget(self.arena, 1)
            self.placeholder.hide()
            self.detach_button.show()
            self.window.deleteLater()
            self.window = None
        return super().eventFilter(watched, event)
