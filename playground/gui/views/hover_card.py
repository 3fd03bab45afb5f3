"""A tooltip-like popup that can hold a picture above its text (an enlarged neuron heatmap)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from playground.gui.views import theme


class HoverCard(QFrame):
    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(f"HoverCard {{ background: {theme.BACKGROUND}; border: 1px solid {theme.FAINT}; }}"
                           f"QLabel {{ color: {theme.TEXT}; }}")
        self.picture = QLabel()
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.picture)
        layout.addWidget(self.caption)

    def show_at(self, global_pos: QPoint, text: str, picture: QPixmap | None = None) -> None:
        self.caption.setText(text)
        self.picture.setVisible(picture is not None)
        if picture is not None:
            self.picture.setPixmap(picture)
        self.adjustSize()
        self.move(global_pos + QPoint(14, 14))
        self.show()
