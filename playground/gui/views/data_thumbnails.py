"""Pickers drawn as small pictures: one thumbnail per dataset, one heatmap per input feature."""
from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QToolButton, QWidget

from playground.config import catalog
from playground.data import features
from playground.gui import names
from playground.gui.views import heatmap, theme
from playground.gui.views.labels import feature_label

THUMBNAIL_PX = 48
FEATURE_ICON_PX = 32
FEATURE_GRID = 24            # cells a side of a feature's icon
FEATURE_EXTENT = 6.0         # the icons show [-6, 6]^2, TF Playground's input plane
DOT_RADIUS = 1.3
OFF_WASH = 0.75              # how far an unselected feature's icon fades to white

Preview = Callable[[str], tuple[np.ndarray, np.ndarray]]



def _point_colors(task: str, y: np.ndarray) -> np.ndarray:
    if task == "regression":
        reach = float(np.nanmax(np.abs(y))) if len(y) else 0.0
        return heatmap.signed_rgba(y, reach or 1.0, lut=heatmap.POINT_LUT)
    # Binary labels may come as 0/1 or as TF Playground's -1/+1.
    classes = (y > 0).astype(np.intp) if task == "binary" else np.clip(y.astype(np.intp), 0, len(heatmap.CLASS_COLORS) - 1)
    return np.asarray(heatmap.CLASS_RGB[classes]).astype(np.uint8)


def _unit_square(values: np.ndarray, symmetric: bool) -> np.ndarray:
    """Values mapped to 0..1, around 0 for inputs, over their own range for 1-D targets."""
    if symmetric:
        reach = float(np.nanmax(np.abs(values))) or 1.0
        return (values / reach + 1.0) / 2.0
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    return (values - low) / ((high - low) or 1.0)


def dataset_pixmap(task: str, x: np.ndarray, y: np.ndarray, size: int = THUMBNAIL_PX) -> QPixmap:
    """The data as colored dots; 1-D data as (x, target) dots."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(theme.BACKGROUND))
    if len(x) == 0:
        return pixmap
    if x.shape[1] >= 2:
        u, v = _unit_square(x[:, 0], True), _unit_square(x[:, 1], True)
    else:
        u, v = _unit_square(x[:, 0], False), _unit_square(np.asarray(y, dtype=np.float64), False)
    margin = 3.0
    px = margin + u * (size - 2 * margin)
    py = size - margin - v * (size - 2 * margin)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    for (r, g, b), cx, cy in zip(_point_colors(task, np.asarray(y))[:, :3].tolist(), px, py):
        painter.setBrush(QColor(r, g, b))
        painter.drawEllipse(QPointF(cx, cy), DOT_RADIUS, DOT_RADIUS)
    painter.setPen(QColor(theme.FAINT))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return pixmap


def feature_rgba(name: str) -> np.ndarray:
    """A feature's values over [-6, 6]^2 on the orange-blue scale, scaled by their largest |value|."""
    axis = np.linspace(-FEATURE_EXTENT, FEATURE_EXTENT, FEATURE_GRID)
    x1, x2 = np.meshgrid(axis, axis)
    values = features.column(name, x1, x2)
    return heatmap.signed_rgba(values, float(np.abs(values).max()) or 1.0, lut=heatmap.POINT_LUT)


def _icon(rgba: np.ndarray, size: int) -> QPixmap:
    image = heatmap.to_qimage(rgba).scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)
    return QPixmap.fromImage(image)


def _picture_button(parent: QWidget, text: str, tip: str) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setCheckable(True)
    button.setAutoRaise(True)
    button.setStyleSheet(
        f"QToolButton {{ color: {theme.TEXT}; border: 2px solid transparent; border-radius: 3px; padding: 2px; }}"
        f"QToolButton:hover {{ border-color: {theme.FAINT}; }}"
        f"QToolButton:checked {{ border-color: {theme.TEXT}; }}"
        f"QToolButton:disabled {{ color: {theme.FAINT}; }}")
    return button


class DatasetPicker(QWidget):
    """A thumbnail per generator in catalog.GENERATORS; a click chooses it."""

    dataset_chosen = Signal(str)

    def __init__(self, preview: Preview, columns: int = 5, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self.setFont(theme.small_font(self))
        self.buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for i, name in enumerate(catalog.GENERATORS):
            task = catalog.task_of(name)
            tip = "{title} \u2014 {task}\n{what}".format(
                title=names.label("dataset", name), task=names.label("task", task), what=names.tip("dataset", name))
            button = _picture_button(self, names.label("dataset", name), tip)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIcon(QIcon(dataset_pixmap(task, *preview(name))))
            button.setIconSize(QSize(THUMBNAIL_PX, THUMBNAIL_PX))
            button.setMinimumWidth(THUMBNAIL_PX + 24)
            button.clicked.connect(lambda _=False, chosen=name: self.dataset_chosen.emit(chosen))
            self._group.addButton(button)
            layout.addWidget(button, i // columns, i % columns)
            self.buttons[name] = button

    def set_current(self, name: str) -> None:
        """Highlight a dataset without announcing it (the experiment already names it)."""
        if name in self.buttons:
            self.buttons[name].setChecked(True)
        else:  # a file, a table, drawn points or a formula: no thumbnail stays highlighted
            self._group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self._group.setExclusive(True)

    def current(self) -> str | None:
        return next((name for name, button in self.buttons.items() if button.isChecked()), None)


class FeatureToggles(QWidget):
    """A toggle per input feature of catalog.FEATURES_2D, each showing the feature over the plane."""

    features_changed = Signal(list)   # the selected names, in catalog order

    def __init__(self, columns: int = 1, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self.buttons: dict[str, QToolButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for i, name in enumerate(catalog.FEATURES_2D):
            button = _picture_button(self, feature_label(name), self.tr("Use {feature} as an input").format(
                feature=feature_label(name)))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            rgba = feature_rgba(name)
            icon = QIcon()
            icon.addPixmap(_icon(rgba, FEATURE_ICON_PX), QIcon.Mode.Normal, QIcon.State.On)
            icon.addPixmap(_icon(_faded(rgba), FEATURE_ICON_PX), QIcon.Mode.Normal, QIcon.State.Off)
            button.setIcon(icon)
            button.setIconSize(QSize(FEATURE_ICON_PX, FEATURE_ICON_PX))
            button.clicked.connect(lambda checked, toggled=name: self._toggled(toggled, checked))
            layout.addWidget(button, i // columns, i % columns)
            self.buttons[name] = button
        self.set_features(["x1", "x2"])

    def features(self) -> list[str]:
        return [name for name, button in self.buttons.items() if button.isChecked()]

    def set_features(self, names: Iterable[str]) -> None:
        """Show a selection without announcing it; names this picker lacks (x1^3 ...) are ignored."""
        chosen = set(names)
        for name, button in self.buttons.items():
            button.setChecked(name in chosen)

    def set_allowed(self, names: Iterable[str]) -> None:
        """Enable only these features (the 1-D curve has no x2)."""
        allowed = set(names)
        for name, button in self.buttons.items():
            button.setEnabled(name in allowed)

    def _toggled(self, name: str, checked: bool) -> None:
        if not checked and not self.features():
            # A network needs at least one input: the last one stays on.
            self.buttons[name].setChecked(True)
            return
        self.features_changed.emit(self.features())


def _faded(rgba: np.ndarray) -> np.ndarray:
    faded = rgba.astype(np.float64)
    faded[..., :3] = 255.0 - (255.0 - faded[..., :3]) * (1.0 - OFF_WASH)
    return np.round(faded).astype(np.uint8)
