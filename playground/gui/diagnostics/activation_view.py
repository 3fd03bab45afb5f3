"""What each layer's units output over training (TensorBoard's histogram view, flattened), and its weights now.

The heatmap has a column per recorded training step and a row per activation
bin; each column is scaled to its own densest bin, so the shape of the
distribution shows at every step: a sigmoid layer piling up at 0 and 1 is
saturated, a ReLU layer stuck at 0 is dying. Below it the saturated and dead
fractions of every layer, and the selected layer's latest weight histogram.

A picture of the whole run needs no 60 Hz: the view redraws at most every
REDRAW_MS (each redraw moves both plots' axes, the costliest part of a frame)
and always draws the newest snapshot once training pauses.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from playground.gui import names
from playground.gui.diagnostics.activation_history import ActivationHistory
from playground.gui.views import theme
from playground.gui.views.frames import already_drawn
from playground.gui.views.labels import layer_label
from playground.training.snapshot import LayerProbe, Snapshot

COLORMAP = pg.ColorMap([0.0, 0.35, 1.0], ["#ffffff", "#6baed6", "#08306b"])
DISPLAY_CELLS = 1200  # cells of the step axis: twice the recorder's columns, so none is dropped
WARNING = "#b35806"
SATURATED_WARNING = 0.2   # a fifth of the activations pinned at a bound: learning slows visibly
DEAD_WARNING = 0.25
WEIGHT_BRUSH = pg.mkBrush("#9e9ac8")
STATUS_LINES = 6          # shown before the per-layer list scrolls
REDRAW_MS = 250


def layer_title(layer: LayerProbe) -> str:
    return f"{layer_label(layer.name)} \u00b7 {names.label('activation', layer.activation)}"


class ActivationView(QWidget):
    """Draws what `history` recorded; the controller renders the history (always) and this view (when shown).

    render() records too, as the history skips a step it has: the newest column is there whichever
    of the two the controller serves first.
    """

    def __init__(self, history: ActivationHistory, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self.history = history
        self._drawn: Snapshot | None = None
        self._drawn_heatmap: tuple[int, int] | None = None  # (history version, layer)
        self._recorded = 0  # recorded columns in the heatmap now
        self._signature: tuple = ()
        self._weights_title = ""
        self._stale = False
        self._pace = QTimer(self)
        self._pace.setSingleShot(True)
        self._pace.setInterval(REDRAW_MS)
        self._pace.timeout.connect(self._draw_if_stale)

        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(self.tr("The layer whose activations and weights are drawn."))
        self.layer_combo.currentIndexChanged.connect(lambda _: self._redraw())
        self.summary = QLabel()
        self.summary.setFont(theme.small_font(self.summary))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer")))
        top.addWidget(self.layer_combo, 1)

        self.heat_plot = theme.plot_widget()
        heat = self.heat_plot.getPlotItem()
        heat.setTitle(self.tr("activations over training"), size=f"{theme.SMALL_FONT_PT + 1}pt")
        heat.setContentsMargins(0, 0, 14, 0)  # room for the last step's label at the right edge
        self.heat_plot.setToolTip(self.tr(
            "One column per training step, one row per range of activation values; the darker a cell, the more "
            "activations fall in that range at that step."))
        heat.setLabel("left", self.tr("activation"))
        heat.setLabel("bottom", self.tr("training step"))
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setLookupTable(COLORMAP.getLookupTable(nPts=256))
        heat.addItem(self.image)

        self.status = QLabel()
        self.status.setFont(theme.small_font(self.status))
        self.status.setStyleSheet(f"color: {theme.TEXT};")
        status_area = QScrollArea()
        status_area.setWidget(self.status)
        status_area.setWidgetResizable(True)
        status_area.setFrameShape(QScrollArea.Shape.NoFrame)
        status_area.setMaximumHeight(STATUS_LINES * self.status.fontMetrics().lineSpacing() + 6)
        theme.light_background(self.status)

        self.weight_plot = theme.plot_widget()
        weights = self.weight_plot.getPlotItem()
        weights.setLabel("bottom", self.tr("weight"))
        weights.getAxis("bottom").enableAutoSIPrefix(False)  # "(x0.001)" beside weights of a few tenths reads as a unit
        weights.setLabel("left", self.tr("share"))
        weights.getAxis("left").enableAutoSIPrefix(False)
        self.weight_bars = pg.BarGraphItem(x=[], height=[], width=1.0, brush=WEIGHT_BRUSH, pen=None)
        weights.addItem(self.weight_bars)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.heat_plot, 3)
        layout.addWidget(status_area)
        layout.addWidget(self.weight_plot, 2)

    # -- frames ------------------------------------------------------------
    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._drawn):
            return
        self._drawn = snapshot
        self.history.render(snapshot)
        self._follow_layers(snapshot)
        self._stale = True
        if not self._pace.isActive():
            self._draw_if_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._draw_if_stale()  # a frame that arrived just before the tab was left

    def clear(self) -> None:
        self.history.clear()
        self._drawn, self._drawn_heatmap, self._signature = None, None, ()
        self.layer_combo.clear()
        self.image.clear()
        self.weight_bars.setOpts(x=[], height=[])
        self.summary.clear()
        self.status.clear()

    def heatmap_columns(self) -> int:
        """How many recorded training steps the heatmap shows."""
        return 0 if self.image.image is None else self._recorded

    def _follow_layers(self, snapshot: Snapshot) -> None:
        signature = tuple((layer.name, layer.activation) for layer in snapshot.layers)
        if signature == self._signature:
            return
        self._signature = signature
        kept = self.layer_combo.currentIndex()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        self.layer_combo.addItems([layer_title(layer) for layer in snapshot.layers])
        self.layer_combo.setCurrentIndex(kept if 0 <= kept < len(signature) else 0)
        self.layer_combo.blockSignals(False)
        self._drawn_heatmap = None

    def _draw_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self._stale = False
            self._redraw()
            self._pace.start()

    def _redraw(self) -> None:
        snapshot, index = self._drawn, self.layer_combo.currentIndex()
        if snapshot is None or not 0 <= index < len(snapshot.layers):
            return
        layer = snapshot.layers[index]
        summary = self.tr("mean {mean:.3g} \u00b7 standard deviation {std:.3g} \u00b7 {units} units").format(
            mean=layer.act_mean, std=layer.act_std, units=layer.units)
        if summary != self.summary.text():
            self.summary.setText(summary)
        title = self.tr("weights of {layer}, latest").format(layer=layer_label(layer.name))
        if title != self._weights_title:  # a new title re-lays the plot out: not every frame
            self._weights_title = title
            self.weight_plot.getPlotItem().setTitle(title, size=f"{theme.SMALL_FONT_PT + 1}pt")
        self._show_heatmap(index)
        self._show_status(snapshot.layers)
        self._show_weights(layer)

    def _show_heatmap(self, index: int) -> None:
        history = self.history
        if self._drawn_heatmap == (history.version, index) or index >= len(history.edges):
            return
        self._drawn_heatmap = (history.version, index)
        columns = history.columns(index)
        if len(columns) == 0:
            self.image.clear()
            return
        peak = columns.max(axis=1, keepdims=True)
        cells, last = step_cells(history.steps)
        self._recorded = len(columns)
        self.image.setImage((columns / np.where(peak > 0, peak, 1.0))[cells], levels=(0.0, 1.0))
        edges = history.edges[index]
        self.image.setRect(QRectF(0.0, float(edges[0]), float(last), float(edges[-1] - edges[0])))


    def _show_status(self, layers: tuple[LayerProbe, ...]) -> None:
        # Hidden layers only: an output sigmoid near 0 or 1 is a confident prediction, not a stuck unit.
        lines = [line for line in (self._status_line(layer) for layer in layers[:-1]) if line]
        text = "<br>".join(lines) or self.tr("No saturating or ReLU layers here.")
        if text != self.status.text():
            self.status.setText(text)

    def _status_line(self, layer: LayerProbe) -> str:
        if layer.saturated is not None:
            fact = self.tr("{share:.0%} of activations saturated").format(share=layer.saturated)
            alarming = layer.saturated >= SATURATED_WARNING
        elif layer.dead is not None:
            dead_units = round(layer.dead * layer.units)
            fact = self.tr("{dead} of {units} units dead").format(dead=dead_units, units=layer.units)
            alarming = layer.dead >= DEAD_WARNING
        else:
            return ""
        color = WARNING if alarming else theme.TEXT
        return f"{layer_title(layer)}: <span style='color:{color}'>{fact}</span>"

    def _show_weights(self, layer: LayerProbe) -> None:
        edges = layer.weight_edges
        self.weight_bars.setOpts(x=(edges[:-1] + edges[1:]) / 2, height=layer.weight_hist,
                                 width=float(edges[1] - edges[0]) if len(edges) > 1 else 1.0)


def step_cells(steps: np.ndarray) -> tuple[np.ndarray, int]:
    """Which recorded column fills each cell of an evenly spaced step axis from 0 to the last step, and that step.

    Columns are unevenly spaced in steps (older ones merged, snapshots irregular): drawn one per cell
    their axis read 0, 2553, 3672, 4485. On a true step axis a column covers the steps since the one
    before it, and the axis' own ticks are round numbers.
    """
    last = max(int(steps[-1]), 1)
    cells = min(DISPLAY_CELLS, last)
    centres = (np.arange(cells) + 0.5) * last / cells
    return np.searchsorted(steps, centres, side="left").clip(max=len(steps) - 1), last
