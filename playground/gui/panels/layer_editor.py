"""The per-layer editor: every hidden layer's width, activation, dropout, batch norm, residual and maxout k.

A table model over the experiment's layers rather than a widget per cell, so that 256 layers
cost nothing to show. Edits go to the controller; the table shows them once the experiment
in force changes, so a refused value never lingers on screen.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from playground.config import catalog
from playground.config.experiment import Experiment, LayerSpec
from playground.gui import names, network_edits
from playground.gui.controller import Controller
from playground.gui.widgets.choice_combo import ChoiceCombo

UNITS, ACTIVATION, DROPOUT, BATCH_NORM, RESIDUAL, MAXOUT_K = range(6)
FIELDS = ("units", "activation", "dropout", "batch_norm", "residual", "maxout_k")
CHECKBOXES = (BATCH_NORM, RESIDUAL)
MAX_DROPOUT = 0.95
Index = QModelIndex | QPersistentModelIndex


class LayerTableModel(QAbstractTableModel):
    edited = Signal(int, str, object)   # layer index, field name, new value

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layers: list[LayerSpec] = []
        self.headers = (self.tr("Units"), self.tr("Activation"), self.tr("Dropout"), self.tr("Batch norm"),
                        self.tr("Residual"), self.tr("Maxout k"))
        self.header_tips = (
            self.tr("Neurons in this layer: more can draw finer boundaries, but learn slower and overfit sooner."),
            self.tr("The function each neuron applies to its weighted sum; it is what lets the network bend."),
            self.tr("Share of this layer's neurons switched off at random in each training step: "
                    "fights overfitting, slows learning."),
            self.tr("Normalize this layer's sums over each batch: steadier, faster training of deep networks."),
            self.tr("Add this layer's input to its output, x + f(x) (a learned projection where the widths differ): "
                    "gradients reach the first layers of a deep network."),
            self.tr("Linear pieces per maxout neuron (maxout only): more pieces, more shapes."),
        )

    def set_layers(self, layers: list[LayerSpec]) -> None:
        if len(layers) == len(self.layers):
            self.layers = list(layers)
            if layers:
                self.dataChanged.emit(self.index(0, 0), self.index(len(layers) - 1, len(FIELDS) - 1))
            return
        self.beginResetModel()
        self.layers = list(layers)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 0 if parent.isValid() else len(self.layers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 0 if parent.isValid() else len(FIELDS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        layer = self.layers[index.row()]
        column = index.column()
        value = getattr(layer, FIELDS[column])
        if column in CHECKBOXES:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return self.header_tips[column] if role == Qt.ItemDataRole.ToolTipRole else None
        if column == MAXOUT_K and layer.activation != "maxout":
            return "\u2013" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ACTIVATION:
                return names.label("activation", value)
            if column == DROPOUT:
                return f"{value:.0%}" if value else "\u2013"
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return names.tip("activation", value) if column == ACTIVATION else self.header_tips[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in CHECKBOXES:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == MAXOUT_K and self.layers[index.row()].activation != "maxout":
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() in CHECKBOXES and role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        self.edited.emit(index.row(), FIELDS[index.column()], value)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.header_tips[section]
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        elif role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Hidden layer {index}, counted from the inputs").format(index=section + 1)
        return None


class LayerDelegate(QStyledItemDelegate):
    """Editors with the schema's ranges: units 1..4096, dropout 0..0.95, maxout k 2..8."""

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:
        column = index.column()
        if column == ACTIVATION:
            combo = ChoiceCombo("activation", catalog.ACTIVATIONS, "", parent)
            combo.name_picked.connect(lambda _name: self.commitData.emit(combo))
            return combo
        if column == DROPOUT:
            spin = QDoubleSpinBox(parent)
            spin.setRange(0.0, MAX_DROPOUT)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            return spin
        spin = QSpinBox(parent)
        spin.setRange(*((1, network_edits.MAX_UNITS) if column == UNITS else (2, 8)))
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, ChoiceCombo):
            editor.set_name(value)
        else:
            editor.setValue(value)

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        value = editor.name() if isinstance(editor, ChoiceCombo) else editor.value()
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value)


class LayerEditor(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.widths = QLineEdit()
        self.widths.setToolTip(self.tr(
            "The hidden layers' widths, input side first: \u201c8, 8, 4\u201d, or \u201c512x32\u201d for 32 layers "
            "of 512 neurons. Empty: no hidden layer, a linear model. Changing the shape starts training over."))
        self.widths.editingFinished.connect(self._widths_edited)
        self.model = LayerTableModel(self)
        self.model.edited.connect(
            lambda row, field, value: controller.apply(
                network_edits.set_layer_field(controller.experiment, row, field, value)))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(LayerDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(self.tr("Each hidden layer on its own row; double-click a cell to change it."))

        shape = QHBoxLayout()
        shape.addWidget(QLabel(self.tr("Hidden layers:")))
        shape.addWidget(self.widths, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(shape)
        layout.addWidget(self.table, 1)
        controller.experiment_changed.connect(self.show_experiment)
        self.show_experiment(controller.experiment)

    def show_experiment(self, experiment: Experiment) -> None:
        self.model.set_layers(experiment.network.layers)
        self.widths.setText(network_edits.format_widths(experiment))

    def _widths_edited(self) -> None:
        text = self.widths.text()
        if text == network_edits.format_widths(self.controller.experiment):
            return
        try:
            widths = network_edits.parse_widths(text)
        except ValueError:
            self.controller.refuse(self.tr(
                "hidden layers: \u201c{text}\u201d is not a list of widths like 8, 8, 4 or 512x32 "
                "(at most {layers} layers)"
            ).format(text=text, layers=network_edits.MAX_LAYERS))
            return
        self.controller.apply(network_edits.set_widths(self.controller.experiment, widths))
