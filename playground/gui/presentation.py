"""Presentation mode's larger type: every font of a window, its plots' axes among them, scaled by one factor.

Every widget gets its font set, not only the window: a widget with a font of its own (small
captions, the big epoch counter) or a style sheet (Qt then stops handing it its parent's
font) would otherwise keep its size. pyqtgraph's axes draw with fonts of their own too. Each
is scaled from the size it had before the first change, so switching back restores it exactly.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

FACTOR = 1.5
_BASE = "presentation_base_font"  # the font a widget had at factor 1, kept on the widget itself


def scale_fonts(root: QWidget, factor: float) -> None:
    """Fonts of root and of its descendants with fonts of their own at factor times their normal size."""
    # Every normal size is read before any font changes: a change propagates to the children at once.
    for view in root.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                font = _scaled(item, QFont(view.font()), factor)
                item.setTickFont(font if factor != 1 else None)
                item.label.setFont(font)
    fonts = [(widget, _scaled(widget, widget.font(), factor)) for widget in [root, *root.findChildren(QWidget)]]
    for widget, font in fonts:
        widget.setFont(font)


def _scaled(owner, current: QFont, factor: float) -> QFont:
    base = owner.property(_BASE)
    if not isinstance(base, QFont):
        base = QFont(current)
        owner.setProperty(_BASE, base)
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    return font
