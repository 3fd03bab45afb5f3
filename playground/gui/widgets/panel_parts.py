"""Small pieces the panels share: headings, captions, fixed-size labels, and showing values quietly."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from playground.gui.views import theme


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
    _Refit(label, widest).fit()


class _Refit(QObject):
    """Sizes the label for its widest text again whenever its font changes (presentation mode)."""

    def __init__(self, label: QLabel, widest: str):
        super().__init__(label)
        self.label, self.widest = label, widest
        label.installEventFilter(self)

    def fit(self) -> None:
        metrics = self.label.fontMetrics()
        self.label.setFixedSize(metrics.horizontalAdvance(self.widest) + 4, metrics.height() + 2)

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
