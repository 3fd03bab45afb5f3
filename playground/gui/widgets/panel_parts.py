"""Small pieces the panels share: headings, captions, fixed-size labels, and showing values quietly."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QLineEdit, QScrollArea, QStyle, QVBoxLayout, QWidget

from playground.gui.views import theme

FIELD_TEXT_MARGIN = 8  # px: QLineEdit's inner margins, both sides together


def section_title(text: str) -> QLabel:
    """A column heading in TF Playground's small capitals style."""
    label = QLabel(text.upper())
    label.setStyleSheet("color: #555; font-weight: bold; letter-spacing: 1px;")
    return label


def captioned(caption: str, widget: QWidget, tip: str) -> QWidget:
    """A control under its small grey caption; the tooltip on both."""
    box = QWidget()
    label = QLabel(caption)
    label.setStyleSheet("color: #777;")
    label.setFont(theme.small_font(label))  # a font, not a style sheet size: presentation mode scales it
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(label)
    layout.addWidget(widget)
    for part in (box, label, widget):
        part.setToolTip(tip)
    return box


def fit_for_life(label: QLabel, widest: str) -> None:
    """A fixed size that holds the widest text the label will show: a fixed-size widget's new
    text repaints the label alone instead of re-laying out the whole window every frame."""
    def fit() -> None:
        metrics = label.fontMetrics()
        label.setFixedSize(metrics.horizontalAdvance(widest) + 4, metrics.height() + 2)
    _Refit(label, fit)


def wide_enough(field: QLineEdit, widest: str) -> None:
    """Exactly the width that shows `widest` ("0.999999", "1e-08") whole: never squeezed by a tight row, and no
    wider either, so that a row of groups of such fields fits a 1024 px projector."""
    def fit() -> None:
        # The frame and the text margins on both sides, as QLineEdit's own size hint counts them.
        frame = field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth) * 2 + FIELD_TEXT_MARGIN
        field.setFixedWidth(field.fontMetrics().horizontalAdvance(widest) + frame)
    _Refit(field, fit)


def tall_enough(widget: QWidget, lines: int) -> None:
    """At least `lines` text lines high in its own font: charts stay readable from the back of a room (presentation
    mode's larger font asks for more) and a short projector column scrolls to them instead of squashing them."""
    _Refit(widget, lambda: widget.setMinimumHeight(lines * widget.fontMetrics().height()))


class _Refit(QObject):
    """Sizes the widget for its text again whenever its font changes (presentation mode)."""

    def __init__(self, widget: QWidget, fit: Callable[[], None]):
        super().__init__(widget)
        self.fit = fit
        widget.installEventFilter(self)
        fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self.fit()
        return False


def set_quietly(widget: QWidget, value: Any) -> None:
    """Show a value in a check box, spin box or slider without it reporting a user's edit."""
    with QSignalBlocker(widget):
        if isinstance(widget, QAbstractButton):
            widget.setChecked(value)
        else:
            widget.setValue(value)


def scrolling(widget: QWidget, horizontal: bool = False) -> QScrollArea:
    """The widget in a frameless scroll area; unless `horizontal`, it scrolls only up and down, at its own width."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Room for the vertical scroll bar, so that it never covers the column's right edge.
        bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        area.setMinimumWidth(widget.minimumSizeHint().width() + bar)
    return area
