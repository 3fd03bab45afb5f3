"""Loss (and accuracy) per epoch for the train, validation and test splits, with a hover readout."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from playground.analysis.smoothing import MAX_BETA, smoothed
from playground.gui.views import theme
from playground.gui.views.frames import already_drawn
from playground.training.snapshot import History, Snapshot

# One-pixel pens: wider ones make Qt stroke outlines, several times slower on every frame.
SPLIT_PENS = {
    "train": pg.mkPen("#555555", width=1),
    "val": pg.mkPen("#d95f02", width=1),
    "test": pg.mkPen("#7570b3", width=1, style=Qt.PenStyle.DashLine),
}
BASELINE_PEN = pg.mkPen(theme.MUTED, width=1, style=Qt.PenStyle.DotLine)
RAW_ALPHA = 60  # the unsmoothed curve behind the smoothed one
BETA_STEPS = 1000  # the slider's positions 0 ... 999 are beta 0.000 ... 0.999


def _faint(pen: pg.QtGui.QPen) -> pg.QtGui.QPen:
    faint = pg.mkPen(pen)
    color = faint.color()
    color.setAlpha(RAW_ALPHA)
    faint.setColor(color)
    return faint


# Axis ranges move in steps, not with every epoch: each change re-lays the axis text, which
# costs more than drawing the curves.
GROWTH = 1.25
MIN_EPOCHS_SHOWN = 10.0


def number(value: float) -> str:
    """A loss as people read it: three decimals, or three digits where that says more."""
    if not np.isfinite(value):
        return str(value)
    return f"{value:.3f}" if 1e-3 <= abs(value) < 1e3 else f"{value:.3g}"


def percent(value: float) -> str:
    return f"{100 * value:.1f} %" if np.isfinite(value) else str(value)


class LossView(QWidget):
    """Two charts over epochs: loss, and accuracy for classification (hidden for regression)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self._history: History | None = None
        self._drawn: Snapshot | None = None
        self._drawn_rows = 0
        self._classification = True
        self._log_y = False
        self._beta = 0.0
        self._x_end = 0.0
        self._y_range: tuple[float, float] | None = None

        self.summary = QLabel()
        self.readout = QLabel()
        for label in (self.summary, self.readout):
            label.setStyleSheet(f"color: {theme.TEXT}; padding-left: 4px;")
        self.readout.setFont(theme.small_font(self.readout))
        self.readout.setMinimumHeight(2 * self.readout.fontMetrics().height())  # no jumps on hover
        self.loss_plot = theme.plot_widget()
        self.accuracy_plot = theme.plot_widget()
        self.loss_curves = self._add_curves(self.loss_plot, self.tr("loss"), legend_on_top=True)
        self.accuracy_curves = self._add_curves(self.accuracy_plot, self.tr("accuracy"), legend_on_top=False)
        # Drawn only while smoothing: the values as measured, faint, behind the smoothed curves.
        self.raw_curves = {plot: {split: plot.getPlotItem().plot([], [], pen=_faint(SPLIT_PENS[split]), connect="finite")
                                  for split in SPLIT_PENS}
                           for plot in (self.loss_plot, self.accuracy_plot)}
        for curves in self.raw_curves.values():
            for curve in curves.values():
                curve.setZValue(-1)
                curve.setVisible(False)
        self.loss_plot.getPlotItem().getAxis("bottom").showLabel(False)  # while the accuracy chart, below, shows it
        self.accuracy_plot.setYRange(0.0, 1.0, padding=0.02)
        self.accuracy_plot.getPlotItem().getViewBox().disableAutoRange()
        self.baseline = pg.InfiniteLine(angle=0, pen=BASELINE_PEN, label=self.tr("best possible"),
                                        labelOpts={"position": 0.05, "color": theme.MUTED, "anchors": [(0, 0), (0, 0)]})
        self.baseline.setVisible(False)
        self.accuracy_plot.addItem(self.baseline)
        self.cursors = [pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.FAINT)) for _ in range(2)]
        for plot, cursor in zip((self.loss_plot, self.accuracy_plot), self.cursors):
            cursor.setVisible(False)
            plot.addItem(cursor)
            plot.scene().sigMouseMoved.connect(lambda pos, p=plot: self._hover(p, pos))
        self.set_show_test(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.loss_plot, 3)
        layout.addWidget(self.accuracy_plot, 2)
        layout.addWidget(self.readout)

    def _add_curves(self, widget: pg.PlotWidget, quantity: str, legend_on_top: bool) -> dict[str, pg.PlotDataItem]:
        item = widget.getPlotItem()
        item.setLabel("left", quantity)
        item.setLabel("bottom", self.tr("epoch"))
        # Long runs: draw about one point per pixel, and only the visible ones.
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.getAxis("left").enableAutoSIPrefix(False)
        # Losses fall and accuracies rise: each legend sits in the corner its curves leave empty.
        corner = (-8, 8) if legend_on_top else (-8, -8)
        legend = item.addLegend(offset=corner, labelTextColor=theme.TEXT, brush=pg.mkBrush(255, 255, 255, 200))
        legend.setLabelTextSize(f"{theme.SMALL_FONT_PT}pt")
        return {split: item.plot([], [], pen=SPLIT_PENS[split], name=self._split_name(split), connect="finite")
                for split in SPLIT_PENS}

    def _split_name(self, split: str) -> str:
        return {"train": self.tr("train"), "val": self.tr("validation"), "test": self.tr("test")}[split]

    # -- settings ----------------------------------------------------------
    def set_log_y(self, log: bool) -> None:
        self._log_y = log
        self.loss_plot.getPlotItem().setLogMode(y=log)
        self._y_range = None
        if self._history is not None:
            self._fit_ranges(self._history)

    def set_smoothing(self, beta: float) -> None:
        """Exponentially weighted averages with bias correction over the curves (0: off)."""
        self._beta = beta
        self._show_raw()
        if self._history is not None:
            self._plot(self._history)

    def set_show_test(self, show: bool) -> None:
        for plot, curves in ((self.loss_plot, self.loss_curves), (self.accuracy_plot, self.accuracy_curves)):
            curve, legend = curves["test"], plot.getPlotItem().legend
            curve.setVisible(show)
            self.raw_curves[plot]["test"].setVisible(show and self._beta > 0)
            legend.removeItem(curve)
            if show:
                legend.addItem(curve, self._split_name("test"))
        self._y_range = None
        if self._history is not None:
            self._fit_ranges(self._history)

    # -- frames ------------------------------------------------------------
    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._drawn):
            return
        self._drawn = snapshot
        classification = snapshot.data.task != "regression"
        if classification != self._classification:
            self._classification = classification
            self.accuracy_plot.setVisible(classification)
            # The charts share their epochs: "epoch" under the lower one alone leaves the upper one a line more.
            self.loss_plot.getPlotItem().getAxis("bottom").showLabel(not classification)
            self.cursors[1].setVisible(False)
        # The diagnosis's baseline: the user's where they set one, else the generator's estimate.
        diagnosis = snapshot.diagnosis or {}
        baseline = diagnosis.get("baseline_error") if diagnosis.get("baseline_known") else None
        self.baseline.setVisible(classification and baseline is not None)
        if baseline is not None:
            self.baseline.setPos(1.0 - baseline)
        history = snapshot.history
        if self._history is not None and history.run != self._history.run:
            self._forget_hover()  # it read a row of the run (and data) before
        if history is not self._history or len(history) != self._drawn_rows:
            self._history, self._drawn_rows = history, len(history)
            self._plot(history)
            self._fit_ranges(history)
        self.summary.setText(self._summary(snapshot))

    def clear(self) -> None:
        self._history, self._drawn, self._drawn_rows = None, None, 0
        self._x_end, self._y_range = 0.0, None
        for curves in (self.loss_curves, self.accuracy_curves, *self.raw_curves.values()):
            for curve in curves.values():
                curve.setData([], [])
        self.summary.clear()
        self._forget_hover()

    def _plot(self, history: History) -> None:
        losses = {"train": history.train_loss, "val": history.val_loss, "test": history.test_loss}
        accuracies = {"train": history.train_accuracy, "val": history.val_accuracy, "test": history.test_accuracy}
        charts = [(self.loss_plot, self.loss_curves, losses)]
        if self._classification:
            charts.append((self.accuracy_plot, self.accuracy_curves, accuracies))
        for plot, curves, columns in charts:
            for split, curve in curves.items():
                # The whole run each time (the plot item downsamples it to the pixels); on a log scale this smooths
                # the losses themselves and the axis takes the log of the average, as a smoothed loss is read.
                curve.setData(history.epoch, smoothed(columns[split], self._beta) if self._beta > 0 else columns[split])
                if self._beta > 0:
                    self.raw_curves[plot][split].setData(history.epoch, columns[split])

    def _show_raw(self) -> None:
        for curves in self.raw_curves.values():
            for split, curve in curves.items():
                curve.setVisible(self._beta > 0 and (split != "test" or self.loss_curves["test"].isVisible()))
                if self._beta == 0:
                    curve.setData([], [])

    def _fit_ranges(self, history: History) -> None:
        last = float(history.epoch[-1]) if len(history) else 0.0
        if last > self._x_end or last * GROWTH ** 2 < self._x_end:   # grown past, or a new run
            self._x_end = max(MIN_EPOCHS_SHOWN, last * GROWTH)
            for plot in (self.loss_plot, self.accuracy_plot):
                plot.setXRange(0.0, self._x_end, padding=0)
        wanted = self._loss_range(history)
        if wanted is not None and wanted != self._y_range:
            self._y_range = wanted
            self.loss_plot.setYRange(*wanted, padding=0)

    def _loss_range(self, history: History) -> tuple[float, float] | None:
        """Whole decades in log scale; from 0 to a top that follows the largest loss in steps otherwise."""
        shown = [history.train_loss, history.val_loss]
        if self.loss_curves["test"].isVisible():
            shown.append(history.test_loss)
        values = np.concatenate(shown)
        values = values[np.isfinite(values) & (values > 0)] if self._log_y else values[np.isfinite(values)]
        if values.size == 0:
            return None
        if self._log_y:
            return float(np.floor(np.log10(values.min()))), float(np.ceil(np.log10(values.max())))
        top = float(values.max()) or 1.0
        if self._y_range is not None and self._y_range[1] / GROWTH ** 2 <= top <= self._y_range[1]:
            return self._y_range
        return 0.0, top * GROWTH

    def _summary(self, snapshot: Snapshot) -> str:
        text = self.tr("loss: train {train} \u00b7 validation {val}").format(
            train=number(snapshot.train_loss), val=number(snapshot.val_loss))
        if self._classification and snapshot.train_accuracy is not None:
            val_accuracy = float("nan") if snapshot.val_accuracy is None else snapshot.val_accuracy
            text += "\n" + self.tr("accuracy: train {train} \u00b7 validation {val}").format(
                train=percent(snapshot.train_accuracy), val=percent(val_accuracy))
        return text

    # -- hover readout (users asked TF Playground for loss values on hover) --
    def _hover(self, plot: pg.PlotWidget, scene_pos: QPointF) -> None:
        box = plot.getPlotItem().getViewBox()
        history = self._history
        if history is None or len(history) == 0 or not box.sceneBoundingRect().contains(scene_pos):
            self._forget_hover()
            return
        epoch = box.mapSceneToView(scene_pos).x()
        row = int(np.clip(np.searchsorted(history.epoch, epoch), 0, len(history) - 1))
        for cursor, shown in zip(self.cursors, (True, self._classification)):
            cursor.setPos(float(history.epoch[row]))
            cursor.setVisible(shown)
        self.readout.setText(self._row_text(history, row))

    def _forget_hover(self) -> None:
        for cursor in self.cursors:
            cursor.setVisible(False)
        self.readout.clear()

    def _row_text(self, history: History, row: int) -> str:
        text = self.tr("epoch {epoch}: loss train {train} \u00b7 validation {val} \u00b7 test {test}").format(
            epoch=int(history.epoch[row]), train=number(history.train_loss[row]),
            val=number(history.val_loss[row]), test=number(history.test_loss[row]))
        if self._classification:
            text += "\n" + self.tr("accuracy train {train} \u00b7 validation {val} \u00b7 test {test}").format(
                train=percent(history.train_accuracy[row]), val=percent(history.val_accuracy[row]),
                test=percent(history.test_accuracy[row]))
        return text


class SmoothingControl(QWidget):
    """A slider for the smoothing's beta, 0 (off) to 0.999, that says how many epochs it averages over."""

    changed = Signal(float)

    def __init__(self, beside: QWidget | None = None, parent: QWidget | None = None):
        """`beside`: a control to put first on the words' line (the log-scale box), sparing the plots a line."""
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, BETA_STEPS - 1)
        self.slider.setPageStep(BETA_STEPS // 10)
        self.slider.setToolTip(self.tr(
            "Exponentially weighted average of each curve: v = \u03b2\u00b7v + (1 \u2212 \u03b2)\u00b7value, "
            "divided by 1 \u2212 \u03b2\u1d57 so the first epochs are not pulled toward 0 (bias correction). "
            "It averages about the last 1 / (1 \u2212 \u03b2) epochs; the measured curve stays faint behind it. "
            "0 is off."))
        self.value = QLabel()
        self.value.setStyleSheet(f"color: {theme.TEXT};")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The words above, the slider below at the column's full width: a 1024 px projector leaves the plots
        # too little room for both on one line.
        words = QHBoxLayout()
        if beside is not None:
            words.addWidget(beside)
            words.addSpacing(12)
        words.addWidget(QLabel(self.tr("Smoothing")))
        words.addWidget(self.value, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(words)
        layout.addWidget(self.slider)
        self.slider.valueChanged.connect(self._moved)
        self._moved(0)

    @property
    def beta(self) -> float:
        return self.slider.value() / BETA_STEPS

    def set_beta(self, beta: float) -> None:
        self.slider.setValue(round(min(max(beta, 0.0), MAX_BETA) * BETA_STEPS))

    def _moved(self, _position: int) -> None:
        beta = self.beta
        self.value.setText(self.tr("off") if beta == 0 else self.tr("\u03b2 {beta:.3f} \u00b7 ~{epochs:.0f} epochs").format(
            beta=beta, epochs=1 / (1 - beta)))
        self.changed.emit(beta)
