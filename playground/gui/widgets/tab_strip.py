"""Tabs whose titles wrap onto more rows instead of hiding behind scroll arrows.

QTabBar keeps one row: in a 300 px column, six diagnostics tabs leave two visible and the
rest behind arrows a student never finds. Pages keeps QTabWidget's interface (addTab,
setTabToolTip, currentChanged, count) with its own bar hidden; TabStrip shows one
button per page in a FlowLayout, so every title is always in sight, on as many rows as needed.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QTabWidget, QToolButton, QWidget

from playground.gui.widgets.flow_layout import FlowLayout, flowing

STYLE = ("QToolButton { border: none; border-bottom: 2px solid transparent; padding: 3px 6px; color: #555; }"
         "QToolButton:hover { color: #000; background: #f0f0f0; }"
         "QToolButton:checked { color: #000; border-bottom: 2px solid #183d4e; }")


class Pages(QTabWidget):
    pages_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tabBar().hide()

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self.pages_changed.emit()

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self.pages_changed.emit()


class TabStrip(QWidget):
    def __init__(self, pages: Pages, parent: QWidget | None = None):
        super().__init__(parent)
        self.pages = pages
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(pages.setCurrentIndex)
        self.flow = FlowLayout(self, spacing=2, row_spacing=0)
        flowing(self)
        self.setStyleSheet(STYLE)
        # Later: a tab's tooltip is set just after addTab returns, and many tabs come in one go.
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        pages.pages_changed.connect(self._refresh_soon.start)
        pages.currentChanged.connect(self._check_current)
        self.refresh()

    def buttons(self) -> list[QToolButton]:
        return self.group.buttons()  # in the pages' order, as refresh() added them

    def refresh(self) -> None:
        """One button per page, titled and explained as the page's tab is."""
        for button in self.group.buttons():
            self.group.removeButton(button)
            self.flow.removeWidget(button)
            button.deleteLater()
        for index in range(self.pages.count()):
            button = QToolButton()
            button.setCheckable(True)
            button.setFont(self.font())  # under a style sheet a child stops inheriting it (presentation mode)
            button.setText(self.pages.tabText(index))
            button.setToolTip(self.pages.tabToolTip(index))
            button.setObjectName(f"tab-{self.pages.widget(index).objectName()}")
            self.group.addButton(button, index)
            self.flow.addWidget(button)
        self._check_current(self.pages.currentIndex())
        self.updateGeometry()

    def _check_current(self, index: int) -> None:
        button = self.group.button(index)
        if button is not None:
            button.setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # the titles were translated again
            self._refresh_soon.start()
        super().changeEvent(event)
