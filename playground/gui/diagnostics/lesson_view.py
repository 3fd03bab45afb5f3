"""The lesson that comes with an experiment: its name and description, word-wrapped, out of the way when there is none.

Lesson presets (playground/lessons/lesson-*.json) say in their description what to
try and what to look for; other experiments have no description, and the view
hides. The student can fold the text to its title once read.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from playground.config.experiment import Experiment
from playground.gui import preset_texts
from playground.gui.views import theme

BACKGROUND, BORDER = "#f4f8fb", "#c9dbe9"


class LessonView(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesson")
        self.setStyleSheet(f"QFrame#lesson {{ background: {BACKGROUND}; border: 1px solid {BORDER}; "
                           f"border-radius: 3px; }}")
        self.title = QToolButton()
        self.title.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.title.setAutoRaise(True)
        self.title.setCheckable(True)
        self.title.setChecked(True)
        self.title.setStyleSheet(f"QToolButton {{ color: {theme.TEXT}; font-weight: bold; border: none; }}")
        self.title.setToolTip(self.tr("Show or fold the lesson text"))
        self.title.toggled.connect(self._unfold)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet(f"color: {theme.TEXT};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self._unfold(True)
        self.hide()

    def show_experiment(self, experiment: Experiment) -> None:
        """Show the experiment's lesson, unfolded when it is a new one; hide when it has no description."""
        description = preset_texts.translated(experiment.description.strip())
        if not description:
            self.hide()
            return
        title = preset_texts.translated(experiment.name.strip()) or self.tr("Lesson")
        if (title, description) != (self.title.text(), self.text.text()):
            self.title.setText(title)
            self.text.setText(description)
            self.title.setChecked(True)
        self.show()

    def _unfold(self, unfolded: bool) -> None:
        self.title.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)
        self.text.setVisible(unfolded)
