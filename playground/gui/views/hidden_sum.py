"""The 1-D regression output as Hung-yi Lee draws it: y = b + sum_i c_i a_i(x), one thin curve per last-hidden unit.

Each piece is c_i times unit i's activation over the plotted line (GridProbe.contributions()), the
head's bias b a dashed horizontal line; the pieces plus b are the thick output curve. Hovering a
piece makes it stand out and tells the window which unit it is, so the diagram can mark the neuron.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, Qt, Signal

from playground.gui.views import theme
from playground.training.snapshot import GridProbe

PIECE_WIDTH = 1.2
HIGHLIGHT_WIDTH = 3.0
FADED_ALPHA = 70     # the other pieces while one is highlighted
HOVER_PIXELS = 6.0   # how near the pointer must come to a piece, in screen pixels


def piece_color(index: int, count: int):
    """Evenly spaced hues: a colour of its own for every unit, however many there are."""
    return pg.intColor(index, hues=max(count, 6), values=1, maxValue=200, sat=200)


def nearest_piece(pieces: np.ndarray, x: np.ndarray, at_x: float, at_y: float, pixel: tuple[float, float]) -> int:
    """The piece passing within HOVER_PIXELS of (at_x, at_y), nearest first; -1 where none does.

    pixel is one screen pixel's size in data units (x, y): the distance is measured on the screen,
    so a steep piece is as easy to hover as a flat one.
    """
    if pieces.size == 0 or not x[0] <= at_x <= x[-1]:
        return -1
    column = int(np.clip(np.searchsorted(x, at_x), 1, len(x) - 1))
    # The pointer's height on each piece's straight segment between the two grid points around at_x.
    share = (at_x - x[column - 1]) / (x[column] - x[column - 1])
    heights = pieces[:, column - 1] + share * (pieces[:, column] - pieces[:, column - 1])
    slopes = (pieces[:, column] - pieces[:, column - 1]) / (x[column] - x[column - 1])
    # The distance to a line of that slope, in pixels: vertical gap over the line's length per pixel step.
    dy = (heights - at_y) / pixel[1]
    steep = slopes * pixel[0] / pixel[1]
    distances = np.abs(dy) / np.sqrt(1.0 + steep ** 2)
    best = int(np.argmin(distances))
    return best if distances[best] <= HOVER_PIXELS else -1


class HiddenSum(QObject):
    """The pieces and the bias line on a plot; kept and re-used across frames (setData, not new items)."""

    hovered = Signal(int)  # the unit whose piece the pointer is on, -1 when none

    def __init__(self, plot: pg.PlotWidget):
        super().__init__(plot)
        self.plot = plot
        self.items: list[pg.PlotDataItem] = []
        self.bias = pg.InfiniteLine(angle=0, pen=pg.mkPen(theme.MUTED, width=1, style=Qt.PenStyle.DashLine),
                                    label="b", labelOpts={"position": 0.03, "color": theme.MUTED})
        self.bias.setVisible(False)
        plot.addItem(self.bias)
        self.enabled = True
        self._x = np.zeros(0)
        self._pieces = np.zeros((0, 0))
        self._highlighted = -1
        plot.scene().sigMouseMoved.connect(self._hover)

    @property
    def shown(self) -> bool:
        return self.enabled and len(self._pieces) > 0

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._apply_visibility()

    def show(self, grid: GridProbe | None, x: np.ndarray) -> None:
        """The grid's pieces over x; none where the grid has no sum to split (classification, no hidden layer)."""
        pieces = None if grid is None else grid.contributions()
        self._x, self._pieces = x, np.zeros((0, len(x))) if pieces is None else pieces
        while len(self.items) < len(self._pieces):
            item = pg.PlotDataItem()
            item.setZValue(-1)  # under the output curve, which is their sum
            # Out of the auto range: ReLU ramps run far past the data, and the fit must stay readable; the pieces
            # are cut at the plot's edge instead.
            self.plot.addItem(item, ignoreBounds=True)
            self.items.append(item)
        for item, values in zip(self.items, self._pieces):
            item.setData(x, values)
        for item in self.items[len(self._pieces):]:
            item.setData([], [])
        if pieces is not None:
            self.bias.setValue(grid.head_bias)
        self._highlighted = min(self._highlighted, len(self._pieces) - 1)
        self._restyle()
        self._apply_visibility()

    def clear(self) -> None:
        self.show(None, np.zeros(0))

    def highlight(self, index: int) -> None:
        """Make piece `index` stand out (-1: none), as when the pointer is on it or on its neuron."""
        index = index if 0 <= index < len(self._pieces) else -1
        if index != self._highlighted:
            self._highlighted = index
            self._restyle()

    @property
    def highlighted(self) -> int:
        return self._highlighted

    def _restyle(self) -> None:
        count = len(self._pieces)
        for k, item in enumerate(self.items[:count]):
            color = piece_color(k, count)
            if k == self._highlighted:
                item.setPen(pg.mkPen(color, width=HIGHLIGHT_WIDTH))
                item.setZValue(1)  # above the output while it is the one looked at
                continue
            if self._highlighted >= 0:
                color.setAlpha(FADED_ALPHA)
            item.setPen(pg.mkPen(color, width=PIECE_WIDTH))
            item.setZValue(-1)

    def _apply_visibility(self) -> None:
        for item in self.items:
            item.setVisible(self.shown)
        self.bias.setVisible(self.shown)
        if not self.shown:
            self._set_hovered(-1)

    def _hover(self, scene_pos: QPointF) -> None:
        box = self.plot.getPlotItem().getViewBox()
        if not self.shown or not box.sceneBoundingRect().contains(scene_pos):
            self._set_hovered(-1)
            return
        at = box.mapSceneToView(scene_pos)
        self._set_hovered(nearest_piece(self._pieces, self._x, at.x(), at.y(), box.viewPixelSize()))

    def _set_hovered(self, index: int) -> None:
        if index != self._highlighted:
            self.highlight(index)
            self.hovered.emit(index)
