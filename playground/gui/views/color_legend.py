"""A one-line color key under a plot: a gradient bar with its end values, or named swatches."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from playground.gui.views import theme

BAR_WIDTH = 120
BAR_HEIGHT = 10
SWATCH = 10


class ColorLegend(QWidget):
    """Shows either a gradient (set_gradient) or swatches (set_swatches); painted, so it is cheap."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._gradient: QImage | None = None
        self._labels: tuple[str, str, str] = ("", "", "")
        self._swatches: list[tuple[QColor, str]] = []
        self.setFont(theme.small_font(self))
        self.setFixedHeight(self.fontMetrics().height() + BAR_HEIGHT + 8)

    def set_gradient(self, lut: np.ndarray, low: str, middle: str, high: str) -> None:
        """A bar of lut's colors [n, 4] left to right, labelled at its ends and middle."""
        row = np.ascontiguousarray(lut[None, :, :4])
        self._gradient = QImage(row.data, row.shape[1], 1, 4 * row.shape[1], QImage.Format.Format_RGBA8888).copy()
        self._labels = (low, middle, high)
        self._swatches = []
        self.update()

    def set_swatches(self, entries: Sequence[tuple[str, str]]) -> None:
        """Colored squares with names, from (color '#rrggbb', name) pairs."""
        self._swatches = [(QColor(color), name) for color, name in entries]
        self._gradient = None
        self.update()

    def text(self) -> str:
        """What the legend says, for tests and accessibility."""
        if self._gradient is not None:
            return " ".join(self._labels)
        return " ".join(name for _, name in self._swatches)

    def sizeHint(self) -> QSize:
        return QSize(BAR_WIDTH + 160, self.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(QColor(theme.TEXT))
        if self._gradient is not None:
            self._paint_gradient(painter)
        else:
            self._paint_swatches(painter)
        painter.end()

    def _paint_gradient(self, painter: QPainter) -> None:
        bar = QRectF((self.width() - BAR_WIDTH) / 2, 2, BAR_WIDTH, BAR_HEIGHT)
        painter.drawImage(bar, self._gradient)
        low, middle, high = self._labels
        # The end labels sit beside the bar, where long class names have room.
        beside = QRectF(0, 0, bar.left() - 6, bar.height() + 4)
        painter.drawText(beside, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, low)
        beside.moveLeft(bar.right() + 6)
        painter.drawText(beside, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, high)
        below = QRectF(bar.left(), bar.bottom() + 1, bar.width(), self.height() - bar.bottom() - 1)
        painter.drawText(below, Qt.AlignmentFlag.AlignHCenter, middle)
        painter.setPen(QPen(QColor(theme.FAINT)))
        painter.drawRect(bar)

    def _paint_swatches(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        widths = [SWATCH + 4 + metrics.horizontalAdvance(name) + 12 for _, name in self._swatches]
        x = max(0.0, (self.width() - sum(widths)) / 2)
        y = (self.height() - SWATCH) / 2
        for (color, name), width in zip(self._swatches, widths):
            painter.fillRect(QRectF(x, y, SWATCH, SWATCH), color)
            painter.drawText(QRectF(x + SWATCH + 4, 0, width, self.height()), Qt.AlignmentFlag.AlignVCenter, name)
            x += width
