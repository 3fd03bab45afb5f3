"""A choice (optimizer, schedule) with the fields of its hyperparameters, generated from a catalog table.

One widget serves every table: picking another choice rebuilds the rows from that
choice's Hyper entries (label, range, default, help), so no choice has a form of its own.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QWidget

from playground.config.catalog import Hyper
from playground.gui import names
from playground.gui.widgets.choice_combo import ChoiceCombo
from playground.gui.widgets.number_fields import NumberEdit
from playground.gui.widgets.panel_parts import wide_enough

WIDEST_VALUE = "0.999999"  # Adam's β₂ at its finest; wider than "1e-08" or "0.0001"


class HyperForm(QWidget):
    choice_picked = Signal(str)              # the choice's catalog name
    value_edited = Signal(str, float)        # hyperparameter name, value
    rejected = Signal(str)                   # why a typed value was refused

    def __init__(self, kind: str, table: dict[str, tuple[Hyper, ...]], choice_tip: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.table = table
        self.choice = ChoiceCombo(kind, table, choice_tip)
        self.choice.name_picked.connect(self.choice_picked)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(3)
        self.form.addRow(self.choice)
        self.fields: dict[str, NumberEdit] = {}
        self._shown: str | None = None

    def show_values(self, choice: str, values: dict[str, float]) -> None:
        """Select `choice` and show its hyperparameters: values where set, defaults elsewhere."""
        self.choice.set_name(choice)
        if choice != self._shown:
            self._rebuild(choice)
        for hyper in self.table[choice]:
            self.fields[hyper.name].set_value(values.get(hyper.name, hyper.default))

    def _rebuild(self, choice: str) -> None:
        while self.form.rowCount() > 1:
            self.form.removeRow(1)
        self.fields = {}
        for hyper in self.table[choice]:
            label = names.label("hyper", hyper.name)
            field = NumberEdit(label, hyper.low, hyper.high)
            field.setToolTip(self.tr("{help} ({low} to {high}, default {default})").format(
                help=names.catalog_help(hyper.help), low=f"{hyper.low:g}", high=f"{hyper.high:g}",
                default=f"{hyper.default:g}"))
            field.value_edited.connect(lambda value, name=hyper.name: self.value_edited.emit(name, value))
            field.rejected.connect(self.rejected)
            wide_enough(field, WIDEST_VALUE)
            self.form.addRow(label, field)
            self.fields[hyper.name] = field
        self._shown = choice
