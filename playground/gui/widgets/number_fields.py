"""Typed numbers: a line edit and an editable combo that hand out a checked float or one line saying why not.

Both check what they can know alone (a number, within the range the catalog or schema
gives); cross-field rules stay with the experiment, which answers with its own message.
A refused value is not kept on screen: the window shows the experiment in force again
and says why in its message line.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget


def schema_range(model: type[BaseModel], field: str) -> tuple[float, float, bool]:
    """(low, high, above_low) of a numeric field of the experiment schema, so the bounds live in one place."""
    low, high, above_low = -math.inf, math.inf, False
    for rule in model.model_fields[field].metadata:
        if getattr(rule, "ge", None) is not None:
            low = rule.ge
        if getattr(rule, "gt", None) is not None:
            low, above_low = rule.gt, True
        if getattr(rule, "le", None) is not None:
            high = rule.le
    return low, high, above_low


def format_number(value: float) -> str:
    """Short and exact enough to type back: 0.03, 1e-05, 300."""
    return f"{value:.6g}"


def read_number(text: str, what: str, low: float, high: float, above_low: bool = False) -> float:
    """The number in text, or ValueError with one translated line naming `what` and the allowed range."""
    translate = QCoreApplication.translate
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise ValueError(translate("NumberField", "{what}: \u201c{text}\u201d is not a number").format(
            what=what, text=text.strip())) from None
    too_low = value <= low if above_low else value < low
    if not math.isfinite(value) or too_low or value > high:
        rule = (translate("NumberField", "{what} must be above {low} and at most {high}") if above_low
                else translate("NumberField", "{what} must be between {low} and {high}"))
        raise ValueError(rule.format(what=what, low=format_number(low), high=format_number(high)))
    return value


class _Checker(QObject):
    """Reads a line edit when the user finishes typing; reports a value or a rejection."""

    value_edited = Signal(float)
    rejected = Signal(str)

    def __init__(self, edit: QLineEdit, what: str, low: float, high: float, above_low: bool):
        super().__init__(edit)
        self.edit = edit
        self.what, self.low, self.high, self.above_low = what, low, high, above_low
        self.shown = ""
        edit.editingFinished.connect(self.check)

    def show(self, value: float) -> None:
        self.shown = format_number(value)
        self.edit.setText(self.shown)

    def check(self) -> None:
        text = self.edit.text()
        if text == self.shown:
            return
        try:
            value = read_number(text, self.what, self.low, self.high, self.above_low)
        except ValueError as error:
            self.rejected.emit(str(error))
            return
        self.shown = text
        self.value_edited.emit(value)


class NumberEdit(QLineEdit):
    """A field for one number; value_edited fires once the user is done typing a valid one."""

    value_edited = Signal(float)
    rejected = Signal(str)

    def __init__(self, what: str, low: float, high: float, above_low: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaximumWidth(110)
        self._checker = _Checker(self, what, low, high, above_low)
        self._checker.value_edited.connect(self.value_edited)
        self._checker.rejected.connect(self.rejected)

    def set_value(self, value: float) -> None:
        """Show a value without reporting it as edited."""
        self._checker.show(value)


class NumberCombo(QComboBox):
    """An editable combo of suggested values (TF Playground's steps) that also takes any typed number."""

    value_edited = Signal(float)
    rejected = Signal(str)

    def __init__(self, what: str, suggestions: Sequence[float], low: float, high: float,
                 above_low: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setCompleter(None)  # inline completion would turn a typed "0" into "0.00001"
        self.addItems([format_number(v) for v in suggestions])
        self.setMinimumContentsLength(7)
        self._checker = _Checker(self.lineEdit(), what, low, high, above_low)
        self._checker.value_edited.connect(self.value_edited)
        self._checker.rejected.connect(self.rejected)
        self.textActivated.connect(lambda _text: self._checker.check())

    def set_value(self, value: float) -> None:
        self._checker.show(value)
