"""The arena's entrants: one row per optimizer plus Lookahead, each with its colour, learning rate and hyperparameters.

Rows hold text the user edits in place; spec() turns a row into a validated
TrainingSpec, so a bad value is refused with the engine's one-line message and
the cell shows the value in force again.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from playground.arena import race
from playground.config import catalog
from playground.config.experiment import ExperimentError, OptimizerSpec, TrainingSpec
from playground.gui import names
from playground.gui.views.contour_plot import COLORS

LOOKAHEAD = "lookahead"
COLUMNS = ("racer", "lr", "hyper", "loss")
# Learning rates that make a good first race on Rosenbrock: adaptive methods step about lr, plain
# gradient descent lr times the gradient, which is in the hundreds there.
DEFAULT_LR = {"sgd": 1e-3, "momentum": 2e-4, "nesterov": 2e-4, "adagrad": 0.5, "adadelta": 1.0, "rmsprop": 0.01,
              "adam": 0.05, "adamw": 0.05, "amsgrad": 0.05, "nadam": 0.05, "radam": 0.05}
STARTERS = ("sgd", "momentum", "adam")


@dataclass
class Entry:
    optimizer: str
    lr: float
    hyper: dict[str, float] = field(default_factory=dict)
    lookahead: tuple[int, float] | None = None

    def hyper_text(self) -> str:
        values = {h.name: h.default for h in catalog.OPTIMIZERS[self.optimizer]} | self.hyper
        if self.lookahead is not None:
            values = {"lookahead_k": self.lookahead[0], "lookahead_alpha": self.lookahead[1], **values}
        return ", ".join(f"{k}={v:g}" for k, v in values.items())


def default_entries() -> list[Entry]:
    """One row per optimizer at its first-race learning rate, then Lookahead around SGD."""
    return [Entry(name, DEFAULT_LR[name]) for name in catalog.OPTIMIZERS] + [
        Entry("sgd", DEFAULT_LR["sgd"], lookahead=(5, 0.5))]


class RacerTable(QTableWidget):
    changed = Signal()
    rejected = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, len(COLUMNS), parent)
        self.entries = default_entries()
        self.lookahead_row = len(self.entries) - 1
        self.setHorizontalHeaderLabels([self.tr("Optimizer"), self.tr("lr"), self.tr("Hyperparameters"), self.tr("Loss")])
        self.horizontalHeaderItem(2).setToolTip(self.tr(
            "NAME=VALUE pairs, comma-separated; left out ones take the catalog's defaults. "
            "Lookahead: its k and alpha, then its inner optimizer's."))
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # A fixed width: a column sized to its contents re-lays the table whenever a loss changes.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(3, self.fontMetrics().horizontalAdvance("left the plot at step 00000"))
        self._fill_all(lambda row, entry: entry.optimizer in STARTERS and entry.lookahead is None)
        self.itemChanged.connect(self._edited)

    def _fill_all(self, checked) -> None:
        self.setRowCount(len(self.entries))
        with QSignalBlocker(self):
            for row, entry in enumerate(self.entries):
                self._fill(row, entry, checked=checked(row, entry))

    def set_racers(self, racers: list[OptimizerSpec]) -> None:
        """Exactly these racers chosen, the others back at their defaults: each takes its optimizer's row, and
        a second racer of the same optimizer (another learning rate) gets a row of its own below Lookahead's."""
        self.entries = default_entries()
        rows = []
        for racer in racers:
            entry = Entry(racer.name, racer.lr, dict(racer.hyper))
            row = list(catalog.OPTIMIZERS).index(racer.name)
            if row in rows:
                row = len(self.entries)
                self.entries.append(entry)
            self.entries[row] = entry
            rows.append(row)
        self._fill_all(lambda row, entry: row in rows)
        self.changed.emit()

    def color(self, row: int) -> str:
        return COLORS[row % len(COLORS)]

    def label(self, row: int) -> str:
        entry = self.entries[row]
        name = names.label("optimizer", entry.optimizer)
        return self.tr("Lookahead + {optimizer}").format(optimizer=name) if entry.lookahead else name

    def chosen(self) -> list[int]:
        return [row for row in range(self.rowCount()) if self.item(row, 0).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, rows: list[int]) -> None:
        with QSignalBlocker(self):
            for row in range(self.rowCount()):
                self.item(row, 0).setCheckState(Qt.CheckState.Checked if row in rows else Qt.CheckState.Unchecked)
        self.changed.emit()

    def set_lookahead_inner(self, optimizer: str) -> None:
        """Lookahead's row races around another optimizer, from that one's defaults."""
        row = self.lookahead_row
        self.entries[row] = Entry(optimizer, DEFAULT_LR[optimizer], lookahead=self.entries[row].lookahead)
        with QSignalBlocker(self):
            self._fill(row, self.entries[row])
        self.changed.emit()

    def spec(self, row: int, schedule: str = "constant", schedule_hyper: dict[str, float] | None = None) -> TrainingSpec:
        entry = self.entries[row]
        return race.racer_spec(entry.optimizer, entry.lr, entry.hyper, entry.lookahead, schedule, schedule_hyper)

    def show_loss(self, row: int, text: str, alarm: bool) -> None:
        item = self.item(row, COLUMNS.index("loss"))
        if item.text() != text:
            with QSignalBlocker(self):
                item.setText(text)
                item.setForeground(QBrush(QColor("#d62728" if alarm else "#333333")))

    def _fill(self, row: int, entry: Entry, checked: bool | None = None) -> None:
        racer = QTableWidgetItem(self.label(row))
        racer.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        racer.setForeground(QBrush(QColor(self.color(row))))
        racer.setToolTip(names.tip("optimizer", entry.optimizer))
        previous = self.item(row, 0)
        state = previous.checkState() if previous is not None and checked is None else (
            Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        racer.setCheckState(state)
        self.setItem(row, 0, racer)
        self.setItem(row, 1, QTableWidgetItem(f"{entry.lr:g}"))
        self.setItem(row, 2, QTableWidgetItem(entry.hyper_text()))
        loss = QTableWidgetItem("")
        loss.setFlags(Qt.ItemFlag.ItemIsEnabled)
        loss.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setItem(row, 3, loss)

    def _edited(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        if column == 0:
            self.changed.emit()
            return
        entry = self.entries[row]
        try:
            edited = self._read(entry, column, item.text())
            race.racer_spec(edited.optimizer, edited.lr, edited.hyper, edited.lookahead)
        except ExperimentError as error:
            self.rejected.emit(f"{self.label(row)}: {error}")
            edited = entry
        else:
            self.entries[row] = edited
            self.changed.emit()
        with QSignalBlocker(self):
            self._fill(row, edited)

    def _read(self, entry: Entry, column: int, text: str) -> Entry:
        if column == COLUMNS.index("lr"):
            values = race.parse_assignments(f"lr={text.strip()}", "lr")
            return Entry(entry.optimizer, values["lr"], entry.hyper, entry.lookahead)
        values = race.parse_assignments(text, "hyperparameters")
        lookahead = entry.lookahead
        if lookahead is not None:
            k = values.pop("lookahead_k", lookahead[0])
            if k != int(k):
                raise ExperimentError(f"lookahead.k: must be a whole number, got {k:g}")
            lookahead = (int(k), values.pop("lookahead_alpha", lookahead[1]))
        return Entry(entry.optimizer, entry.lr, values, lookahead)
