"""The course's ladder: baseline, training and validation error one under the other, each gap named between them.

    Baseline error     ▇ 1.0 %
        avoidable bias +7.0 %
    Training error     ▇▇▇▇▇▇▇▇ 8.0 %
        variance +2.0 %
    Validation error   ▇▇▇▇▇▇▇▇▇▇ 10.0 %

Bars share one scale; each bar is coloured by what it is made of (baseline grey,
avoidable bias, variance), so the larger gap is the larger coloured piece. A gap
clearly above the diagnosis' tolerance (by more than its noise margin) is drawn
bold in its colour, any other grey. Gaps read clipped at 0 (a training error
below the baseline is noise, not negative bias); the tooltip gives the raw gaps
and their margins.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.diagnosis.bias_variance import Z, gap_state
from playground.gui.diagnostics.error_units import ErrorUnit, unit_for
from playground.gui.views import theme

BASELINE_COLOR = "#bdbdbd"
BIAS_COLOR = "#e6ab02"
VARIANCE_COLOR = "#7570b3"
ROW_PAD = 6
MIN_BAR = 40  # px: a shorter bar no longer reads as a length
BAR_HEIGHT_SHARE = 0.6


def _finite(value: float) -> float:
    return value if value is not None and math.isfinite(value) else 0.0


class ErrorLadder(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.diagnosis: dict | None = None
        self.unit = unit_for("binary")

    def set_diagnosis(self, diagnosis: dict | None, unit: ErrorUnit) -> None:
        if diagnosis == self.diagnosis and unit == self.unit:
            return
        self.diagnosis, self.unit = diagnosis, unit
        self.setToolTip(self._tooltip() if diagnosis is not None else "")
        self.update()

    def _tooltip(self) -> str:
        d, text = self.diagnosis, self.unit.text
        return self.tr("Measured gaps before clipping at 0: avoidable bias {bias} \u00b1 {bias_margin}, variance "
                       "{variance} \u00b1 {variance_margin} (\u00b1 {z} standard errors from {train} training and "
                       "{val} validation points); tolerance {tolerance}.").format(
            bias=text(d["avoidable_bias_raw"], signed=True), bias_margin=text(d["bias_margin"]),
            variance=text(d["variance_raw"], signed=True), variance_margin=text(d["variance_margin"]),
            train=d["train_rows"], val=d["val_rows"], tolerance=text(d["tolerance"]), z=Z)

    def _row_height(self) -> int:
        return self.fontMetrics().lineSpacing() + ROW_PAD

    def _labels(self) -> tuple[str, str, str]:
        return self.tr("Baseline error"), self.tr("Training error"), self.tr("Validation error")

    def _widths(self) -> tuple[int, int]:
        """The label column's and the value's width."""
        metrics = self.fontMetrics()
        return (max(metrics.horizontalAdvance(label) for label in self._labels()) + 10,
                metrics.horizontalAdvance("100.0 %") + 8)

    def _stacked(self, width: int) -> bool:
        """Too narrow for label, bar and value on one line (a projector's column, large fonts): each label goes above its bar."""
        label_width, value_width = self._widths()
        return width < label_width + value_width + MIN_BAR

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return (8 if self._stacked(width) else 5) * self._row_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Not every layout above asks heightForWidth (a scroll area's page does not): the height follows the width here.
        self.setFixedHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # presentation mode: taller rows, wider labels
            self.setFixedHeight(self.heightForWidth(self.width()))
            self.updateGeometry()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        label_width, value_width = self._widths()
        return QSize(label_width + value_width + 3 * MIN_BAR, 5 * self._row_height())

    def minimumSizeHint(self) -> QSize:
        label_width, value_width = self._widths()
        return QSize(max(label_width, value_width + MIN_BAR), 5 * self._row_height())

    def _rows(self) -> list[tuple[str, float, float, float]]:
        """(label, baseline part, bias part, variance part) per error row; parts never below zero."""
        d = self.diagnosis
        baseline = max(_finite(d["baseline_error"]), 0.0)
        train = max(_finite(d["train_error"]), 0.0)
        val = max(_finite(d["val_error"]), 0.0)
        # Validation error = the part training error explains + the variance on top of it, so the purple
        # piece is the whole variance gap even where training error is below the baseline.
        explained = min(val, train)
        baseline_label, train_label, val_label = self._labels()
        return [
            (baseline_label, baseline, 0.0, 0.0),
            (train_label, min(train, baseline), max(train - baseline, 0.0), 0.0),
            (val_label, min(explained, baseline), max(explained - baseline, 0.0), max(val - train, 0.0)),
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(theme.BACKGROUND))
        if self.diagnosis is None:
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No errors measured yet."))
            return
        d, row = self.diagnosis, self._row_height()
        rows = self._rows()
        stacked = self._stacked(self.width())
        label_width, value_width = self._widths()
        bar_left = 0 if stacked else label_width
        bar_width = max(self.width() - bar_left - value_width, MIN_BAR)
        errors = (d["baseline_error"], d["train_error"], d["val_error"])
        largest = max([sum(parts) for _, *parts in rows] + [1e-12])
        lines = (0, 3, 6) if stacked else (0, 2, 4)  # each error's first line; the gaps sit on the lines between
        for (label, *parts), error, line in zip(rows, errors, lines):
            top = line * row
            painter.setPen(QColor(theme.TEXT))
            painter.drawText(QRectF(0, top, self.width(), row), Qt.AlignmentFlag.AlignVCenter, label)
            top += row if stacked else 0
            x = float(bar_left)
            bar_top = top + row * (1 - BAR_HEIGHT_SHARE) / 2
            for part, color in zip(parts, (BASELINE_COLOR, BIAS_COLOR, VARIANCE_COLOR)):
                length = bar_width * part / largest
                painter.fillRect(QRectF(x, bar_top, length, row * BAR_HEIGHT_SHARE), QColor(color))
                x += length
            painter.drawText(QRectF(x + 4, top, value_width, row), Qt.AlignmentFlag.AlignVCenter, self.unit.text(error))
        gaps = ((self.tr("avoidable bias {gap}"), d["avoidable_bias"], d["bias_margin"], BIAS_COLOR),
                (self.tr("variance {gap}"), d["variance"], d["variance_margin"], VARIANCE_COLOR))
        for i, (text, gap, margin, color) in enumerate(gaps):
            big = math.isfinite(gap) and gap_state(gap, margin, d["tolerance"]) == "high"
            font = QFont(self.font())
            font.setBold(big)
            painter.setFont(font)
            painter.setPen(QColor(color if big else theme.MUTED))
            top = ((3 * i + 2) if stacked else (2 * i + 1)) * row
            painter.drawText(QRectF(16, top, self.width() - 16, row), Qt.AlignmentFlag.AlignVCenter,
                             "\u2195 " + text.format(gap=self.unit.text(gap, signed=True)))
        painter.end()
