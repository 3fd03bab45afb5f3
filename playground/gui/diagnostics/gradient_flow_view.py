"""How much each step changes each layer: the update-to-weight ratio per layer, with the gradient banner above.

‖ΔW‖ / ‖W‖ of the latest step, on a log scale. Around 10⁻³ is the classic healthy
rate (CS231n's rule of thumb): far below it a layer hardly moves (vanishing
gradients, too small a learning rate), far above it the layer is rewritten every
few steps (too large a learning rate, exploding gradients). A layer whose ratio
has not been measured yet (before the first step) has no bar.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from playground.gui.diagnostics.gradient_banner import GradientBanner
from playground.gui.diagnostics.notes import note
from playground.gui.views import theme
from playground.gui.views.frames import already_drawn
from playground.gui.views.labels import layer_label, layer_short_label
from playground.gui.views.log_floor import floor_for
from playground.training.snapshot import Snapshot

FLOOR, CEILING = -8.0, 0.0
HEALTHY = 1e-3
HEALTHY_BAND = (1e-4, 1e-2)
BAR_WIDTH = 0.7
MAX_LAYER_TICKS = 16
SLOW, GOOD, FAST = "#9ecae1", "#74c476", "#fd8d3c"
BRUSHES = {color: pg.mkBrush(color) for color in (SLOW, GOOD, FAST, theme.FAINT)}  # shared: no brush per bar per frame
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def log_ratios(ratios: np.ndarray, floor: float = FLOOR) -> np.ndarray:
    """log10 clipped to [floor, CEILING]; 0 -> floor, NaN (not measured) stays NaN."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.clip(np.log10(np.asarray(ratios, dtype=np.float64)), floor, CEILING)


def bar_color(ratio: float) -> str:
    low, high = HEALTHY_BAND
    return SLOW if ratio < low else FAST if ratio > high else GOOD


def _power(k: int) -> str:
    return "10" + str(k).translate(SUPERSCRIPT)


class GradientFlowView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self._drawn: Snapshot | None = None
        self._layer_names: tuple[str, ...] = ()
        self.banner = GradientBanner()

        self.plot = theme.plot_widget()
        item = self.plot.getPlotItem()
        item.setTitle(self.tr("update / weight ratio per layer"), size=f"{theme.SMALL_FONT_PT + 1}pt")
        self._floor = 0.0
        self._set_floor(FLOOR)
        item.showGrid(y=True, alpha=0.12)
        band = pg.LinearRegionItem(values=[math.log10(v) for v in HEALTHY_BAND], orientation="horizontal",
                                   movable=False, brush=pg.mkBrush(116, 196, 118, 40), pen=pg.mkPen(None))
        item.addItem(band)
        self.healthy_line = pg.InfiniteLine(
            pos=math.log10(HEALTHY), angle=0, pen=pg.mkPen("#31a354", width=1, style=Qt.PenStyle.DashLine))
        item.addItem(self.healthy_line)
        self.bars = pg.BarGraphItem(x=[], height=[], y0=FLOOR, width=BAR_WIDTH, pen=None)
        item.addItem(self.bars)

        # The caption names the dashed line: a label on the line itself would sit on some layer's bar.
        self.caption = note(self.tr(
            "How much one step changes each layer's weights, relative to their size. Near 10\u207b\u00b3 (dashed "
            "line) a layer learns at a healthy pace; far below it hardly moves (vanishing gradients or too small "
            "a learning rate); far above it thrashes (too large a learning rate)."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)

    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._drawn):
            return
        self._drawn = snapshot
        self.banner.show_finding(snapshot.gradient_finding)
        names = tuple(layer.name for layer in snapshot.layers)
        if names != self._layer_names:
            self._layer_names = names
            step = math.ceil(len(names) / MAX_LAYER_TICKS)
            label = layer_short_label if len(names) > 6 else layer_label
            ticks = [(float(i), label(name)) for i, name in enumerate(names) if i % step == 0 or i == len(names) - 1]
            self.plot.getPlotItem().getAxis("bottom").setTicks([ticks])
            self.plot.getPlotItem().setXRange(-0.5, len(names) - 0.5, padding=0.02)
        self._show_bars(np.array([layer.update_ratio for layer in snapshot.layers], dtype=np.float64))

    def _set_floor(self, floor: float) -> None:
        """The axis from `floor` up: lower than FLOOR when a layer's steps are smaller (a converged network's)."""
        self._floor = floor
        item = self.plot.getPlotItem()
        step = max(1, math.ceil((CEILING - floor) / 8))
        item.getAxis("left").setTicks([[(float(k), _power(k)) for k in range(int(CEILING), int(floor) - 1, -step)]])
        item.setYRange(floor, CEILING, padding=0.02)

    def clear(self) -> None:
        self._drawn, self._layer_names = None, ()
        if self._floor != FLOOR:
            self._set_floor(FLOOR)
        self.banner.show_finding(None)
        self.bars.setOpts(x=[], height=[], brushes=None)

    def bar_heights(self) -> np.ndarray:
        """How far each bar reaches above the floor, in decades (0 for a layer not measured yet)."""
        return np.asarray(self.bars.opts["height"], dtype=np.float64)

    def _show_bars(self, ratios: np.ndarray) -> None:
        floor = min(self._floor, floor_for(ratios, FLOOR))
        if floor != self._floor:
            self._set_floor(floor)
        logs = log_ratios(ratios, floor)
        measured = np.isfinite(logs)
        heights = np.where(measured, logs - floor, 0.0)
        brushes = [BRUSHES[bar_color(r) if ok else theme.FAINT] for r, ok in zip(ratios, measured)]
        self.bars.setOpts(x=np.arange(len(ratios)), y0=floor, height=heights, brushes=brushes)
