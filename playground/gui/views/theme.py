"""The light look shared by the views: TensorFlow Playground's white page and grey text."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

BACKGROUND = "#ffffff"
TEXT = "#333333"
MUTED = "#888888"
FAINT = "#d0d0d0"
ALARM = "#d62728"      # NaN and other broken numbers
SMALL_FONT_PT = 8
# The diagram's small flat +/- buttons.
SMALL_BUTTON_STYLE = (f"QToolButton {{ color: {TEXT}; border: 1px solid {FAINT}; border-radius: 3px; background: #f6f6f6;"
                      f" padding: 0; }} QToolButton:hover {{ background: #e8e8e8; }} QToolButton:disabled {{ color: {FAINT}; }}")


def plot_widget() -> pg.PlotWidget:
    """A PlotWidget in the light theme, fixed in place: the views own its ranges, not the mouse."""
    pg.setConfigOptions(antialias=True, background=BACKGROUND, foreground=TEXT)
    widget = pg.PlotWidget()
    item = widget.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.getViewBox().setMouseEnabled(x=False, y=False)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(MUTED)
        axis.setTextPen(TEXT)
    return widget


def light_background(widget: QWidget) -> None:
    """Paint a plain container white, like the plots it holds."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def small_font(widget: QWidget) -> QFont:
    font = QFont(widget.font())
    font.setPointSize(SMALL_FONT_PT)
    return font
