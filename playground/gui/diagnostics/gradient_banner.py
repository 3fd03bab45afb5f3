"""The gradient finding in words: what is wrong (vanishing, exploding, NaN), by how much, and what to try."""
from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.diagnosis.gradient_flow import GradientFinding
from playground.gui.diagnostics import texts
from playground.gui.widgets.message_banner import COLORS

# The message banner's palette: a slow network is a warning, a broken one an error.
SEVERITY = {"vanishing": "warning", "exploding": "error", "nan": "error"}


class GradientBanner(QWidget):
    """Hidden while the gradients are healthy; show_finding(None) hides it again."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.kind: str | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        self.hide()

    def show_finding(self, finding: GradientFinding | None) -> None:
        if finding is None:
            self.kind = None
            self.hide()
            return
        if finding.kind != self.kind:
            self.kind = finding.kind
            background, border, color = COLORS[SEVERITY[finding.kind]]
            self.setStyleSheet(f"GradientBanner {{ background: {background}; border: 1px solid {border}; "
                               f"border-radius: 3px; }} QLabel {{ color: {color}; }}")
        text = self.sentence(finding) + " " + self.tr("Try {remedies}.").format(
            remedies=texts.remedy_list(finding.remedies))
        if text != self.label.text():
            self.label.setText(text)
        self.show()

    def sentence(self, finding: GradientFinding) -> str:
        if finding.kind == "vanishing":
            return self.tr("Vanishing gradients: the first layer's weight gradient is {factor} times smaller than "
                           "the last hidden layer's, so the early layers barely learn.").format(
                factor=self._factor(1.0 / finding.ratio if finding.ratio else math.inf))
        if finding.kind == "exploding":
            return self.tr("Exploding gradients: the first layer's weight gradient is {factor} times larger than "
                           "the last hidden layer's, so its steps overshoot.").format(factor=self._factor(finding.ratio))
        return self.tr("Gradients became NaN or infinite: training has diverged.")

    def _factor(self, factor: float) -> str:
        # Three digits are all a student needs; the exact norms are in the gradient tab.
        return self.tr("infinitely many") if math.isinf(factor) else f"{factor:.3g}"
