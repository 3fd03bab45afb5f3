"""A combo box of catalog choices: translated labels and tips shown, engine names handed out."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from playground.gui import names


class ChoiceCombo(QComboBox):
    name_picked = Signal(str)   # the engine's name of the choice the user picked

    def __init__(self, kind: str, choices: Iterable[str], tip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolTip(tip)
        for name in choices:
            self.add_choice(name, names.label(kind, name), names.tip(kind, name))
        self.activated.connect(lambda index: self.name_picked.emit(self.itemData(index)))

    def add_choice(self, name: str, label: str, tip: str = "") -> None:
        self.addItem(label, name)
        if tip:
            self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)

    def name(self) -> str:
        return self.currentData()

    def set_name(self, name: str) -> None:
        """Show a choice without reporting it as picked; an unknown name shows nothing selected."""
        with QSignalBlocker(self):
            self.setCurrentIndex(self.findData(name))
