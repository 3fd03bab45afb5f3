"""A loss surface as a contour plot with paths on it: the arena's races and the landscape's slices.

The surface is one ImageItem of the (log) loss through a light LUT, its contour
lines at evenly spaced (log) levels drawn into the pixels, made once per surface.
Paths are PlotDataItems made once and fed with setData afterwards, so a frame
costs one setData per path and one for all the heads. A click inside the plot
reports its position in the surface's coordinates.
"""
from __future__ import annotations

from functools import cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from playground.gui.views import theme

CONTOUR_LEVELS = 14
MIN_PIXELS = 256  # coarser grids are interpolated up to this many pixels a side
CONTOUR_RGB = np.array([124, 138, 153], dtype=np.uint8)  # #7c8a99
# Viridis washed towards white: paths in strong colours stay readable on top.
SURFACE_LUT = np.round(255 + (pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=False) - 255.0) * 0.45)
SURFACE_LUT = SURFACE_LUT.astype(np.uint8)
# Racers' colours: Tol's bright, muted and vibrant qualitative schemes, distinct for common colour blindnesses;
# one per row of the arena's table, a lesson's extra racers included.
COLORS = ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#332288", "#117733",
          "#882255", "#999933", "#cc6677", "#000000", "#ee7733", "#009988", "#ee3377")


def shaded(values: np.ndarray, log: bool) -> np.ndarray:
    """What the image and the contours show: log10 of the height above the minimum, or the values as they are."""
    values = np.asarray(values, dtype=np.float64)
    finite = values[np.isfinite(values)]
    if not log or finite.size == 0:
        return values
    above = values - finite.min()
    # The smallest visible height: a thousandth of the surface's range or of its median height.
    floor = max(1e-12, 1e-3 * float(np.median(above[np.isfinite(above)])))
    return np.log10(above + floor)


def contoured(z: np.ndarray, low: float, high: float) -> np.ndarray:
    """RGB [rows, cols, 3]: z through the LUT, with contour lines drawn into the pixels where z crosses a level.

    Lines in the image rather than IsocurveItems: a race repaints the plot every frame, and fourteen
    antialiased vector isocurves cost five times what the rest of the frame does.
    """
    t = np.clip((z - low) / (high - low), 0.0, 1.0)
    rgb = SURFACE_LUT[np.minimum((t * len(SURFACE_LUT)).astype(int), len(SURFACE_LUT) - 1)].copy()
    band = np.minimum(np.floor(t * (CONTOUR_LEVELS + 1)), CONTOUR_LEVELS).astype(int)  # the maximum: top band
    edge = np.zeros(band.shape, dtype=bool)
    edge[:, 1:] |= band[:, 1:] != band[:, :-1]
    edge[1:, :] |= band[1:, :] != band[:-1, :]
    rgb[edge] = CONTOUR_RGB
    return rgb


class ContourPlot(QWidget):
    clicked = Signal(float, float)  # a click's position on the surface

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self.plot = theme.plot_widget()
        self.item = self.plot.getPlotItem()
        # The range ends on the surface's edge, where a tick label would hang half outside the widget: hide it.
        self.item.getAxis("left").setStyle(hideOverlappingLabels=True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # static: drawn once, then blitted
        self.item.addItem(self.image)
        self.marks = pg.ScatterPlotItem(symbol="star", size=14, pen=pg.mkPen("#333333"), brush=pg.mkBrush("#ffffff"))
        self.start = pg.ScatterPlotItem(symbol="o", size=9, pen=pg.mkPen("#333333", width=1.5), brush=None)
        self.heads = pg.ScatterPlotItem(size=8, pen=pg.mkPen("#ffffff"))
        self.ends = pg.ScatterPlotItem(symbol="x", size=13, pen=None)
        self.paths: list[pg.PlotCurveItem] = []
        self._colors: list[str] = []
        for overlay in (self.marks, self.start, self.heads, self.ends):
            overlay.setZValue(20)
            self.item.addItem(overlay)
        self.extent = (0.0, 1.0, 0.0, 1.0)
        self.plot.scene().sigMouseClicked.connect(self._click)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_surface(self, xs: np.ndarray, ys: np.ndarray, values: np.ndarray, log: bool,
                    marks: list[tuple[float, float]] = (), axes: tuple[str, str] = ("x", "y")) -> None:
        """values[len(ys), len(xs)] over the grid xs × ys; marks (minima) as stars."""
        z = shaded(values, log)
        finite = z[np.isfinite(z)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        high = high if high > low else low + 1.0
        z = np.where(np.isfinite(z), z, high)
        self.extent = (float(xs[0]), float(xs[-1]), float(ys[0]), float(ys[-1]))
        x0, x1, y0, y1 = self.extent
        if max(z.shape) < MIN_PIXELS:  # a coarse landscape: interpolated, so its contour lines are not stairs
            xs, ys, z = _interpolated(xs, ys, z, MIN_PIXELS)
        self.image.setImage(contoured(z, low, high), levels=(0, 255))
        sx, sy = _spacing(xs, ys)  # pixel i is centred on xs[i]
        self.image.setRect(QRectF(x0 - sx / 2, y0 - sy / 2, x1 - x0 + sx, y1 - y0 + sy))
        self.marks.setData(pos=np.asarray(marks, dtype=np.float64).reshape(-1, 2))
        self.item.setLabel("bottom", axes[0])
        self.item.setLabel("left", axes[1])
        self.item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)
        self.item.getViewBox().disableAutoRange()

    def clear(self) -> None:
        """No surface and nothing on it."""
        self.image.clear()
        for overlay in (self.marks, self.start, self.heads, self.ends):
            overlay.setData(pos=np.zeros((0, 2)))
        self.set_paths([], [], [])

    def set_start(self, x: float, y: float) -> None:
        self.start.setData(pos=[(x, y)])

    def set_paths(self, paths: list[np.ndarray], colors: list[str], stopped: list[bool]) -> None:
        """Each path [points, 2] of finite values in its colour; a head on running ones, an x where stopped ones ended."""
        while len(self.paths) < len(paths):
            curve = pg.PlotCurveItem()
            curve.setZValue(10)
            self.item.addItem(curve)
            self.paths.append(curve)
            self._colors.append("")
        for i, (curve, path, color) in enumerate(zip(self.paths, paths, colors)):
            if self._colors[i] != color:  # a new pen re-renders the curve: only when the colour changes
                curve.setPen(pg.mkPen(color, width=1))  # wider pens make Qt stroke outlines, several times slower
                self._colors[i] = color
            if not same_points(curve.xData, curve.yData, path[:, 0], path[:, 1]):  # a stopped racer's path stays as drawn
                curve.setData(path[:, 0], path[:, 1], skipFiniteCheck=True)
            curve.setVisible(True)
        for curve in self.paths[len(paths):]:
            curve.setVisible(False)
        last = [path[-1] for path in paths]
        running = [i for i, s in enumerate(stopped) if not s]
        ended = [i for i, s in enumerate(stopped) if s]
        self.heads.setData(pos=[last[i] for i in running], brush=[_brush(colors[i]) for i in running])
        self.ends.setData(pos=[last[i] for i in ended], brush=[_brush(colors[i]) for i in ended])

    def _click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        view = self.item.getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        point: QPointF = view.mapSceneToView(event.scenePos())
        self.clicked.emit(point.x(), point.y())


def same_points(x0: np.ndarray | None, y0: np.ndarray | None, x1: np.ndarray, y1: np.ndarray) -> bool:
    """Whether a curve already shows these points, judged by length and ends: a path only grows from its
    start, so the same length and the same first and last points mean the same path (setData would
    recompute the curve's bounds and repaint it for nothing)."""
    if x0 is None or y0 is None or len(x0) != len(x1) or not len(x1):
        return x0 is not None and len(x0) == len(x1) == 0
    return bool(x0[0] == x1[0] and x0[-1] == x1[-1] and y0[0] == y1[0] and y0[-1] == y1[-1])


@cache
def _brush(color: str) -> QBrush:
    """One brush per colour: the scatter items key their symbol cache on it, a new brush every frame misses it."""
    return pg.mkBrush(color)


def _spacing(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float]:
    return (xs[-1] - xs[0]) / (len(xs) - 1), (ys[-1] - ys[0]) / (len(ys) - 1)


def _interpolated(xs: np.ndarray, ys: np.ndarray, z: np.ndarray, pixels: int):
    """z bilinearly interpolated onto a pixels × pixels grid over the same range."""
    fine_x, fine_y = np.linspace(xs[0], xs[-1], pixels), np.linspace(ys[0], ys[-1], pixels)
    rows = np.stack([np.interp(fine_x, xs, row) for row in z])
    return fine_x, fine_y, np.stack([np.interp(fine_y, ys, column) for column in rows.T], axis=1)
