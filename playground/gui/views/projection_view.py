"""OUTPUT for tables with more than two inputs: the examples on their first two principal components.

A decision surface needs a plane of inputs, and a table of 4 to 64 columns has none: painting the
network's output over a 2-D slice would show values at points unlike any example (the other
components held at their mean). So this view draws no surface; it shows where the examples lie
(PCA of the standardized training inputs, so a column's units do not decide its weight) and rings
the validation examples the network gets wrong.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.gui.views import heatmap, theme
from playground.gui.views.color_legend import ColorLegend
from playground.gui.views.frames import already_drawn
from playground.training.snapshot import DataView, Snapshot

POINT_SIZE = 6
MISTAKE_SIZE = 11


def class_palette(classes: int) -> tuple[str, ...]:
    """The plane's class colors; past their six (the ten digits), evenly spaced hues, one per class."""
    if classes <= len(heatmap.CLASS_COLORS):
        return heatmap.CLASS_COLORS
    return tuple(pg.intColor(i, hues=classes, values=1, maxValue=220).name() for i in range(classes))


def principal_axes(x_train: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(mean, std, the first two principal directions [d, 2], their shares of the variance) of standardized inputs."""
    mean = x_train.mean(axis=0)
    std = x_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    z = (x_train - mean) / std
    _, singular, vt = np.linalg.svd(z - z.mean(axis=0), full_matrices=False)
    variance = singular ** 2
    share = variance / variance.sum() if variance.sum() > 0 else np.zeros_like(variance)
    return mean, std, vt[:2].T, share[:2]


def project(x: np.ndarray, axes: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    mean, std, directions, _ = axes
    return ((x - mean) / std) @ directions


class ProjectionView(QWidget):
    """Training points by class (or target) on PC1/PC2; validation mistakes ringed in red."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self._data: DataView | None = None
        self._drawn: Snapshot | None = None
        self._axes = None
        self.plot = theme.plot_widget()
        self.points = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen("w", width=0.8))
        self.mistakes = pg.ScatterPlotItem(size=MISTAKE_SIZE, brush=None, pen=pg.mkPen(theme.ALARM, width=1.6))
        self.plot.addItem(self.points)
        self.plot.addItem(self.mistakes)
        self.caption = QLabel(wordWrap=True)
        self.caption.setStyleSheet(f"color: {theme.MUTED};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.legend = ColorLegend()
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.caption)

    def clear(self) -> None:
        self._data = self._drawn = self._axes = None
        self.points.clear()
        self.mistakes.clear()

    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._drawn):
            return
        self._drawn = snapshot
        data = snapshot.data
        if data is not self._data:
            self._data = data
            self._show_points(data)
        probe = snapshot.classes
        if probe is None or self._axes is None:
            self.mistakes.clear()
            return
        wrong = np.flatnonzero(probe.predicted != data.y_val[:probe.rows])
        where = project(data.x_val[wrong], self._axes)
        self.mistakes.setData(x=where[:, 0], y=where[:, 1])

    def _show_points(self, data: DataView) -> None:
        if len(data.x_train) < 2:
            self._axes = None
            self.points.clear()
            return
        self._axes = principal_axes(data.x_train)
        where = project(data.x_train, self._axes)
        palette = class_palette(data.classes)
        if data.task == "regression":
            brushes = [pg.mkBrush(*color) for color in heatmap.point_rgba(data, data.y_train).tolist()]
        else:
            brushes = [pg.mkBrush(palette[c]) for c in data.y_train]
        self.points.setData(x=where[:, 0], y=where[:, 1], brush=brushes)
        share = self._axes[3]
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("PC1 ({share:.0%} of the spread)").format(share=share[0]))
        item.setLabel("left", self.tr("PC2 ({share:.0%})").format(share=share[1] if len(share) > 1 else 0.0))
        item.enableAutoRange()
        if data.task == "regression":
            scale = heatmap.target_scale(data)
            self.legend.set_gradient(heatmap.POINT_LUT, f"{-scale:.3g}", "0", f"{scale:.3g}")
        else:
            self.legend.set_swatches(list(zip(palette, data.class_names)))
        self.caption.setText(self.tr(
            "{count} inputs are too many for a plane: the training examples are drawn on their two main directions "
            "(PCA), without a decision surface. Red rings: validation examples the network gets wrong.").format(
            count=len(data.input_names)))
