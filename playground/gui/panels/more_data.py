"""Data beyond the thumbnails: the real tables, drawing your own points, and a typed formula boundary."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from playground.config import catalog
from playground.config.experiment import Experiment, ExperimentError
from playground.data import formula
from playground.gui import names
from playground.gui.points_editor import starter_points

CHOICES = (*catalog.REAL_DATASETS, "points", "function")
STARTER_FORMULA = "3*sin(x1)"


class MoreData(QWidget):
    """A list of the other datasets and, for the formula boundary, the formula being trained on."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.choice = QComboBox()
        self.choice.addItem(self.tr("(a picture above)"), "")
        for name in CHOICES:
            self.choice.addItem(names.label("dataset", name), name)
            self.choice.setItemData(self.choice.count() - 1, names.tip("dataset", name), Qt.ItemDataRole.ToolTipRole)
        self.choice.setToolTip(self.tr("Real tables, points you draw on the output plane, or a boundary you type"))
        self.choice.activated.connect(self._chosen)
        self.formula = QLineEdit()
        self.formula.setPlaceholderText(STARTER_FORMULA)
        self.formula.setToolTip(self.tr(
            "x\u2082 = f(x\u2081): numbers, x1, + - * / ^, ( ), sin cos tan tanh exp log sqrt abs min max. "
            "Points above the curve are one class."))
        self.formula.editingFinished.connect(self._formula_edited)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("More data"), self.choice)
        form.addRow(self.tr("x\u2082 ="), self.formula)
        self._form = form
        controller.experiment_changed.connect(self.show_experiment)
        self.show_experiment(controller.experiment)

    def show_experiment(self, experiment: Experiment) -> None:
        data = experiment.data
        self.choice.setCurrentIndex(max(self.choice.findData(data.dataset), 0))  # `activated` is the user's alone
        self._form.setRowVisible(self.formula, data.dataset == "function")
        if data.dataset == "function" and not self.formula.hasFocus():
            self.formula.setText(data.formula or "")

    def _chosen(self, index: int) -> None:
        name = self.choice.itemData(index)
        if not name:
            return
        before = self.controller.experiment.data
        changes = {"data.dataset": name, "data.csv_path": None, "data.label_column": None}
        if before.dataset in ("curve", "csv"):
            changes["data.features"] = ["x1", "x2"]
        if name in catalog.REAL_DATASETS:
            changes["data.standardize"] = True  # their columns come in very different units
        elif name == "points" and not before.points:
            changes["data.points"] = starter_points()
        elif name == "function" and not before.formula:
            changes["data.formula"] = STARTER_FORMULA
        self.controller.apply(changes)

    def _formula_edited(self) -> None:
        text = self.formula.text()
        if text == self.controller.experiment.data.formula:
            return
        try:
            formula.parse(text)  # here, so the window says where the formula is wrong before training starts
        except ExperimentError as error:
            self.controller.refuse(str(error))
            return
        self.controller.apply({"data.formula": text})
