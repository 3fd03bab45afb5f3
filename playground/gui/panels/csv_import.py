"""Import CSV…: pick a file, pick its label column from the header, train on it.

Only the header is read here; the engine reads the rows when it rebuilds, and a bad row
comes back as the session's error message (one line naming the line and column).
"""
from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from playground.config import limits
from playground.config.experiment import ExperimentError
from playground.gui.controller import Controller


def read_header(path: str) -> list[str]:
    """The CSV's column names; ValueError with one line when there are none to choose from."""
    name = Path(path).name
    translate = QCoreApplication.translate
    try:
        limits.check_file(path, limits.MAX_CSV_BYTES)  # a pipe or a device would be read forever
    except ExperimentError as error:
        raise ValueError(translate("CsvImport", "{name}: {problem}").format(name=name, problem=str(error))) from None
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for fields in csv.reader(handle, skipinitialspace=True):
                if fields:
                    header = [field.strip() for field in fields]
                    break
            else:
                raise ValueError(translate("CsvImport", "{name} is empty").format(name=name))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ValueError(translate("CsvImport", "{name}: cannot read ({reason})").format(
            name=name, reason=reason)) from None
    if len(header) < 2:
        raise ValueError(translate("CsvImport", "{name}: the header needs at least two columns (inputs and a label)")
                         .format(name=name))
    return header


class CsvImport(QObject):
    def __init__(self, controller: Controller, parent: QWidget):
        super().__init__(parent)
        self.controller = controller
        self.window = parent

    def ask(self) -> None:
        """The dialogs: a file, then its label column (the last one is offered first)."""
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import CSV"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if not path:
            return
        try:
            header = read_header(path)
        except ValueError as error:
            self.controller.refuse(str(error))
            return
        label, chosen = QInputDialog.getItem(
            self.window, self.tr("Label column"),
            self.tr("Which column holds what the network should predict?"), header, len(header) - 1, False)
        if chosen:
            self.use(path, header, label)

    def use(self, path: str, header: list[str], label: str | None = None) -> bool:
        """Train on the file with `label` as the target (default: the last column)."""
        inputs = len(header) - 1
        return self.controller.apply({
            "data.dataset": "csv", "data.csv_path": path, "data.label_column": label or header[-1],
            # One input column plays x1; two play x1 and x2; wider tables feed their columns as they are.
            "data.features": ["x1"] if inputs == 1 else ["x1", "x2"],
        })
