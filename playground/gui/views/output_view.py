"""OUTPUT: the model's decision surface (or regression curve) under the data points."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from playground.gui.views import heatmap, theme
from playground.gui.views.color_legend import ColorLegend
from playground.gui.views.frames import already_drawn
from playground.gui.views.hidden_sum import HiddenSum
from playground.training.snapshot import DataView, GridProbe, Snapshot

POINT_SIZE = 7
CURVE_WIDTH = 2.5


def _brushes(rgba: np.ndarray) -> list:
    return [pg.mkBrush(*color) for color in rgba.tolist()]


def _pixel_rect(extent: tuple[float, ...], resolution: int) -> QRectF:
    """The image rectangle whose pixel centres are the grid points, which include the extent's edges."""
    x0, x1, y0, y1 = extent
    half_x, half_y = (x1 - x0) / (resolution - 1) / 2, (y1 - y0) / (resolution - 1) / 2
    return QRectF(x0 - half_x, y0 - half_y, x1 - x0 + 2 * half_x, y1 - y0 + 2 * half_y)


class _SquarePlot(QWidget):
    """Holds the plot, centred across and at the top, with its data box square while `square` is set:
    the plane's extent then fills the box with no empty bands beside it."""

    def __init__(self, plot: pg.PlotWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = plot
        plot.setParent(self)
        self.square = True
        # The axes around the box change width with their tick labels: place the plot again when they do.
        plot.getPlotItem().getViewBox().sigResized.connect(self._place)

    def sizeHint(self) -> QSize:
        return self.plot.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.plot.minimumSizeHint()

    def set_square(self, square: bool) -> None:
        self.square = square
        self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        box = self.plot.getPlotItem().getViewBox().size()
        if not self.square or box.width() <= 0 or box.height() <= 0:  # not laid out yet: fill, then square
            self.plot.setGeometry(self.rect())
            return
        top = self.fontMetrics().height() // 2  # room for the top tick's label, which reaches above the box
        extra_w, extra_h = self.plot.width() - box.width(), self.plot.height() - box.height()
        side = max(min(self.width() - extra_w, self.height() - top - extra_h), 1.0)
        width, height = round(side + extra_w), round(side + extra_h)
        self.plot.setGeometry((self.width() - width) // 2, top, width, height)


class OutputView(QWidget):
    """Draws GridProbe.output under the training points; 1-D data gets a curve (a 1-D regression also the
    hidden units' pieces that add up to it), >2-D a note."""

    piece_hovered = Signal(int)  # the last-hidden unit whose piece the pointer is on, -1 when none

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._data: DataView | None = None
        self._grid: GridProbe | None = None
        self._drawn: Snapshot | None = None
        self._discretize = False
        theme.light_background(self)

        self.plot = theme.plot_widget()
        self.surface = pg.ImageItem(axisOrder="row-major")
        self.train_points = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen("w", width=1))
        # TF Playground outlines test points in black to tell them from training points.
        self.test_points = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen(theme.TEXT, width=1.5))
        self.test_points.setVisible(False)
        self.curves: list[pg.PlotDataItem] = []
        for item in (self.surface, self.train_points, self.test_points):
            self.plot.addItem(item)
        self.surface.setZValue(-10)
        self.test_points.setZValue(5)
        self.hidden_sum = HiddenSum(self.plot)
        self.hidden_sum.hovered.connect(self.piece_hovered)

        self.note = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.note.setStyleSheet(f"color: {theme.TEXT}; background: {theme.BACKGROUND}; padding: 16px;")
        self.plot_box = _SquarePlot(self.plot)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.plot_box)
        self.pages.addWidget(self.note)
        self.legend = ColorLegend()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.legend)

    # -- settings the main window toggles ----------------------------------
    def set_show_test(self, show: bool) -> None:
        self.test_points.setVisible(show)

    def set_discretize(self, discretize: bool) -> None:
        if discretize != self._discretize:
            self._discretize = discretize
            if self._grid is not None and self._data is not None:
                self._show_grid(self._grid, self._data)

    def set_show_pieces(self, show: bool) -> None:
        self.hidden_sum.set_enabled(show)

    def highlight_piece(self, index: int) -> None:
        """Make last-hidden unit `index`'s piece stand out (-1: none): its neuron is hovered in the diagram."""
        self.hidden_sum.highlight(index)

    def leaveEvent(self, event: QEvent) -> None:
        self.hidden_sum.highlight(-1)
        self.piece_hovered.emit(-1)
        super().leaveEvent(event)

    # -- frames ------------------------------------------------------------
    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._drawn):
            return
        self._drawn = snapshot
        self.show_grid(snapshot.data, snapshot.grid)

    def show_grid(self, data: DataView, grid: GridProbe | None) -> None:
        """Draw a grid probe over its data (what render() draws of a snapshot; Compare's small multiples have
        a probe per variant and no snapshot); the same objects again cost nothing."""
        if data is not self._data:
            self._data = data
            self._grid = None
            self._show_data(data)
        if grid is not None and grid is not self._grid:
            self._grid = grid
            self._show_grid(grid, data)

    def clear(self) -> None:
        self._data = self._grid = self._drawn = None
        self.surface.clear()
        self.train_points.clear()
        self.test_points.clear()
        for curve in self.curves:
            curve.setData([], [])
        self.hidden_sum.clear()

    # -- drawing -----------------------------------------------------------
    def _show_data(self, data: DataView) -> None:
        self.surface.clear()
        for curve in self.curves:
            curve.setData([], [])
        self.hidden_sum.clear()
        dims = len(data.extent) // 2
        if dims not in (1, 2):
            self.note.setText(self.tr(
                "These data have {count} inputs: too many to draw over a plane. "
                "The network, loss and gradient views still show how training goes."
            ).format(count=len(data.input_names)))
            self.pages.setCurrentWidget(self.note)
            self.legend.set_swatches([])
            return
        self.pages.setCurrentWidget(self.plot_box)
        self.plot_box.set_square(dims == 2)
        self.surface.setVisible(dims == 2)
        self._show_points(data, dims)
        self._show_legend(data)
        item = self.plot.getPlotItem()
        item.setLabel("bottom", data.input_names[0])
        if dims == 2:
            item.setLabel("left", data.input_names[1])
            # Exactly the extent, not aspect-locked: the box is square, and a CSV's two axes may differ in units.
            item.setRange(xRange=data.extent[:2], yRange=data.extent[2:], padding=0)
        else:
            item.setLabel("left", self.tr("prediction") if data.task == "regression" else self.tr("probability"))
            item.setXRange(*data.extent, padding=0)
            item.enableAutoRange(axis="y")

    def _point_heights(self, data: DataView, targets: np.ndarray) -> np.ndarray:
        """On a 1-D plot: regression targets as they are; a class where its probability curve should be."""
        if data.task == "regression":
            return targets
        if data.task == "binary":
            return targets.astype(np.float64)
        return np.ones(len(targets))

    def _show_points(self, data: DataView, dims: int) -> None:
        for item, x, y in ((self.train_points, data.x_train, data.y_train), (self.test_points, data.x_test, data.y_test)):
            heights = x[:, 1] if dims == 2 else self._point_heights(data, y)
            item.setData(x=x[:, 0], y=heights, brush=_brushes(heatmap.point_rgba(data, y)))

    def _show_legend(self, data: DataView) -> None:
        if data.task == "regression":
            scale = heatmap.target_scale(data)
            self.legend.set_gradient(heatmap.POINT_LUT, f"{-scale:.3g}", "0", f"{scale:.3g}")
        else:
            self.legend.set_swatches(list(zip(heatmap.CLASS_COLORS, data.class_names)))

    def _show_grid(self, grid: GridProbe, data: DataView) -> None:
        if len(grid.extent) == 4:
            self.surface.setImage(heatmap.output_rgba(grid.output, data, self._discretize), autoLevels=False)
            self.surface.setRect(_pixel_rect(grid.extent, grid.resolution))
        else:
            self._show_curves(grid, data)

    def _show_curves(self, grid: GridProbe, data: DataView) -> None:
        outputs = grid.output if grid.output.ndim == 2 else grid.output[None]
        colors = heatmap.CLASS_COLORS if data.task == "multiclass" else (theme.TEXT,)
        while len(self.curves) < len(outputs):
            curve = pg.PlotDataItem(pen=pg.mkPen(colors[len(self.curves)], width=CURVE_WIDTH))
            self.plot.addItem(curve)
            self.curves.append(curve)
        if self._discretize and data.task == "multiclass":
            outputs = heatmap.likeliest(outputs)
        elif self._discretize and data.task == "binary":
            outputs = np.rint(outputs)
        x = np.linspace(grid.extent[0], grid.extent[1], outputs.shape[1])
        for curve, values in zip(self.curves, outputs):
            curve.setData(x, values)
        self.hidden_sum.show(grid, x)
