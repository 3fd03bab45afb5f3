"""One line across the window saying what went wrong or what happened, colored by how much it matters."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

# severity -> (background, border, text)
COLORS = {
    "info": ("#e8f1fb", "#90b8e0", "#15436e"),
    "warning": ("#fff6e0", "#e6c069", "#6b4a00"),
    "error": ("#fdecea", "#e59a93", "#8a1c12"),
}


class MessageBanner(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.severity = "info"
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("\u00d7")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str, severity: str) -> None:
        """Show text (hide the banner when it is empty) in the colors of its severity."""
        if not text:
            self.label.clear()
            self.hide()
            return
        self.severity = severity
        background, border, color = COLORS.get(severity, COLORS["info"])
        self.setStyleSheet(f"MessageBanner {{ background: {background}; border: 1px solid {border}; "
                           f"border-radius: 3px; }} QLabel {{ color: {color}; }}")
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
