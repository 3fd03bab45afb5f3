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

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.diagnosis.bias_variance import Z, gap_state
from playground.gui.diagnostics.error_units import ErrorUnit, unit_for
from playground.gui.views import theme

BASELINE_COLOR = "#bdbdbd"
BIAS_COLOR = "#e6ab02"
VARIANCE_COLOR = "#7570b3"
ROW_PAD = 6
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

    def sizeHint(self) -> QSize:
        return QSize(280, 5 * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 5 * self._row_height())

    def _rows(self) -> list[tuple[str, float, float, float]]:
        """(label, baseline part, bias part, variance part) per error row; parts never below zero."""
        d = self.diagnosis
        baseline = max(_finite(d["baseline_error"]), 0.0)
        train = max(_finite(d["train_error"]), 0.0)
        val = max(_finite(d["val_error"]), 0.0)
        # Validation error = the part training error explains + the variance on top of it, so the purple
        # piece is the whole variance gap even where training error is below the baseline.
        explained = min(val, train)
        return [
            (self.tr("Baseline error"), baseline, 0.0, 0.0),
            (self.tr("Training error"), min(train, baseline), max(train - baseline, 0.0), 0.0),
            (self.tr("Validation error"), min(explained, baseline), max(explained - baseline, 0.0),
             max(val - train, 0.0)),
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(theme.BACKGROUND))
        if self.diagnosis is None:
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No errors measured yet."))
            return
        d, metrics, row = self.diagnosis, self.fontMetrics(), self._row_height()
        rows = self._rows()
        label_width = max(metrics.horizontalAdvance(label) for label, *_ in rows) + 10
        value_width = metrics.horizontalAdvance("100.0 %") + 8
        bar_width = max(self.width() - label_width - value_width, 20)
        errors = (d["baseline_error"], d["train_error"], d["val_error"])
        largest = max([sum(parts) for _, *parts in rows] + [1e-12])
        for i, ((label, *parts), error) in enumerate(zip(rows, errors)):
            top = 2 * i * row
            painter.setPen(QColor(theme.TEXT))
            painter.drawText(QRectF(0, top, label_width, row), Qt.AlignmentFlag.AlignVCenter, label)
            x = float(label_width)
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
            top = (2 * i + 1) * row
            painter.drawText(QRectF(16, top, self.width() - 16, row), Qt.AlignmentFlag.AlignVCenter,
                             "\u2195 " + text.format(gap=self.unit.text(gap, signed=True)))
        painter.end()
