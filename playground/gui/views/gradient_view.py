"""Weight-gradient norms per layer: the latest as bars, the whole run as a layer x epoch heatmap.

Both on a log10 scale from FLOOR to CEILING and in one colormap, dark for tiny gradients, so
vanishing gradients (dark first layers) and exploding ones (bright, or NaN in red) show at once.
A zero gradient sits at the floor, an infinite one at the ceiling.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsRectItem, QVBoxLayout, QWidget

from playground.gui.views import theme
from playground.gui.views.epoch_bins import EpochBins
from playground.gui.views.frames import already_drawn
from playground.gui.views.labels import layer_label, layer_short_label
from playground.training.snapshot import History, LayerProbe, Snapshot

FLOOR, CEILING = -8.0, 2.0
MAX_COLUMNS = 1000
MAX_LAYER_TICKS = 16
GROWTH = 1.25          # the epoch axis grows in steps: re-laying its text every epoch costs more than the image
BAR_WIDTH = 0.7
COLORMAP = pg.colormap.get("viridis")
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def log_norms(norms: np.ndarray) -> np.ndarray:
    """log10 clipped to [FLOOR, CEILING]; 0 -> FLOOR, inf -> CEILING, NaN stays NaN."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.clip(np.log10(np.asarray(norms, dtype=np.float64)), FLOOR, CEILING)


def _power_ticks() -> list[tuple[float, str]]:
    return [(float(k), "10" + str(k).translate(SUPERSCRIPT)) for k in range(int(FLOOR), int(CEILING) + 1, 2)]


def _layer_ticks(layers: tuple[LayerProbe, ...], short: bool) -> list[tuple[float, str]]:
    """Every layer's name, or every k-th where there are too many to read."""
    step = math.ceil(len(layers) / MAX_LAYER_TICKS)
    name = layer_short_label if short else layer_label
    return [(float(i), name(layer.name)) for i, layer in enumerate(layers) if i % step == 0 or i == len(layers) - 1]


class GradientView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self._drawn: Snapshot | None = None
        self._layer_names: tuple[str, ...] = ()
        self._bins = EpochBins(MAX_COLUMNS)
        self._last_row: np.ndarray | None = None
        self._last_epoch = self._first_epoch = 0.0
        self._epochs_shown = 0.0

        self.bar_plot = theme.plot_widget()
        bar_item = self.bar_plot.getPlotItem()
        bar_item.setTitle(self.tr("gradient norm per layer, latest step"), size=f"{theme.SMALL_FONT_PT + 1}pt")
        bar_item.getAxis("left").setTicks([_power_ticks()])
        bar_item.setYRange(FLOOR, CEILING, padding=0.02)
        bar_item.showGrid(y=True, alpha=0.15)
        self.bars = pg.BarGraphItem(x=[], height=[], y0=FLOOR, width=BAR_WIDTH, pen=None)
        bar_item.addItem(self.bars)

        self.history_plot = theme.plot_widget()
        history_item = self.history_plot.getPlotItem()
        history_item.setTitle(self.tr("log\u2081\u2080 gradient norm over the epochs"), size=f"{theme.SMALL_FONT_PT + 1}pt")
        history_item.setLabel("bottom", self.tr("epoch"))
        history_item.invertY(True)  # first layer on top, as the layers are listed
        # NaN pixels are transparent in the image: this rectangle behind it shows them in red.
        self.nan_backdrop = QGraphicsRectItem()
        self.nan_backdrop.setPen(pg.mkPen(None))
        self.nan_backdrop.setBrush(pg.mkBrush(theme.ALARM))
        self.image = pg.ImageItem(axisOrder="col-major")
        history_item.addItem(self.nan_backdrop)
        history_item.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(FLOOR, CEILING), colorMap=COLORMAP, interactive=False, width=12)
        self.colorbar.setImageItem(self.image, insert_in=history_item)
        self.colorbar.getAxis("right").setTicks([_power_ticks()])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar_plot, 2)
        layout.addWidget(self.history_plot, 3)

    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._drawn):
            return
        self._drawn = snapshot
        names = tuple(layer.name for layer in snapshot.layers)
        if names != self._layer_names:
            self._layer_names = names
            # Bars have room for full names while the layers are few; the heatmap's side never does.
            self.bar_plot.getPlotItem().getAxis("bottom").setTicks([_layer_ticks(snapshot.layers, len(names) > 6)])
            self.history_plot.getPlotItem().getAxis("left").setTicks([_layer_ticks(snapshot.layers, True)])
            self.history_plot.setYRange(-0.5, len(names) - 0.5, padding=0)
            self.bar_plot.getPlotItem().setXRange(-0.5, len(names) - 0.5, padding=0.02)
        self._show_bars(np.array([layer.grad_norm for layer in snapshot.layers], dtype=np.float64))
        self._show_history(snapshot.history)

    def clear(self) -> None:
        self._drawn, self._layer_names, self._last_row, self._epochs_shown = None, (), None, 0.0
        self._bins.reset(0)
        self.bars.setOpts(x=[], height=[], brushes=None)
        self.image.clear()
        self.nan_backdrop.setRect(QRectF())

    def bar_tops(self) -> np.ndarray:
        """Where the bars end, in log10 units (NaN bars reach the ceiling)."""
        return np.asarray(self.bars.opts["y0"]) + np.asarray(self.bars.opts["height"])

    def _show_bars(self, norms: np.ndarray) -> None:
        logs = log_norms(norms)
        broken = np.isnan(logs)
        tops = np.where(broken, CEILING, logs)
        colors = COLORMAP.map((tops - FLOOR) / (CEILING - FLOOR), mode="qcolor")
        brushes = [pg.mkBrush(theme.ALARM) if bad else pg.mkBrush(color) for bad, color in zip(broken, colors)]
        self.bars.setOpts(x=np.arange(len(norms)), y0=FLOOR, height=tops - FLOOR, brushes=brushes)

    def _show_history(self, history: History) -> None:
        grad = history.grad_norm
        if len(grad) == 0 or grad.ndim != 2:
            return
        start = self._continuation(history)
        if start is None:
            self._bins.reset(grad.shape[1])
            self._first_epoch = float(history.epoch[0])
            start = 0
        self._bins.extend(log_norms(grad[start:]))
        self._last_row, self._last_epoch = grad[-1].copy(), float(history.epoch[-1])
        columns = self._bins.columns
        self.image.setImage(columns, autoLevels=False)
        # Column k covers rows k*stride+1 .. (k+1)*stride, a row an epoch until a long run's history thins its
        # old rows; row i is layer i, centred on tick i.
        epochs_per_row = max(1.0, (self._last_epoch - self._first_epoch + 1) / self._bins.rows)
        rect = QRectF(0.5, -0.5, len(columns) * self._bins.stride * epochs_per_row, grad.shape[1])
        self.image.setRect(rect)
        self.nan_backdrop.setRect(rect)
        epochs = rect.right()
        if epochs > self._epochs_shown or epochs * GROWTH ** 2 < self._epochs_shown:
            self._epochs_shown = epochs * GROWTH
            self.history_plot.setXRange(0.5, self._epochs_shown, padding=0)

    def _continuation(self, history: History) -> int | None:
        """The first row not yet taken in, or None when the history starts a new run."""
        grad = history.grad_norm
        if self._last_row is None or grad.shape[1] != self._bins.layers:
            return None
        # The row last taken in, found by its epoch: a long run's history thins old rows, so row numbers move.
        for row in np.flatnonzero(history.epoch == self._last_epoch)[::-1]:
            if np.array_equal(grad[row], self._last_row, equal_nan=True):
                return int(row) + 1
        return None
