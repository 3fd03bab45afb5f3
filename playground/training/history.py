"""Per-epoch records in growable numpy columns, handed out as read-only views.

Rows are only ever appended; growing allocates new arrays and leaves the old
ones to whoever holds a view, so a reader on another thread never sees a row
change under it.
"""
from __future__ import annotations

import itertools

import numpy as np

from playground.training.snapshot import History

_SCALARS = ("epoch", "step", "elapsed_s", "lr", "train_loss", "val_loss", "test_loss",
            "train_accuracy", "val_accuracy", "test_accuracy")
_PER_LAYER = ("grad_norm", "weight_norm")
_RUNS = itertools.count(1)


class HistoryBuffer:
    """Appends one epoch's record at a time; view() is a History of the rows so far."""

    def __init__(self, layers: int, capacity: int = 1024, run: int = 0):
        self.layers = layers
        self.run = run or next(_RUNS)
        self.length = 0
        self.columns = {name: np.empty(capacity) for name in _SCALARS}
        self.columns.update({name: np.empty((capacity, layers)) for name in _PER_LAYER})

    def append(self, **record) -> None:
        if self.length == len(self.columns["epoch"]):
            self._grow()
        for name, column in self.columns.items():
            column[self.length] = record[name]
        self.length += 1

    def extend(self, rows: dict[str, np.ndarray]) -> None:
        """Append several rows at once, given as columns (a History's fields)."""
        count = len(rows["epoch"])
        while self.length + count > len(self.columns["epoch"]):
            self._grow()
        for name, column in self.columns.items():
            column[self.length:self.length + count] = rows[name]
        self.length += count

    def _grow(self) -> None:
        for name, column in self.columns.items():
            bigger = np.empty((2 * len(column),) + column.shape[1:])
            bigger[: self.length] = column[: self.length]
            self.columns[name] = bigger

    def view(self) -> History:
        n = self.length
        parts = {}
        for name, column in self.columns.items():
            part = column[:n]
            part.flags.writeable = False
            parts[name] = part
        return History(**parts, run=self.run)


def rows_since(history: History, start: int) -> dict[str, np.ndarray]:
    """The columns of a History from row `start` on."""
    return {name: getattr(history, name)[start:] for name in _SCALARS + _PER_LAYER}
