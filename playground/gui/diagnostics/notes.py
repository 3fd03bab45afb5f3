"""The small grey explanations under the diagnostics' plots and buttons."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from playground.gui.views import theme


def note(text: str = "") -> QLabel:
    """A word-wrapped label in the small muted style."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFont(theme.small_font(label))
    label.setStyleSheet(f"color: {theme.MUTED};")
    return label
