"""Per-epoch records in numpy columns, handed out as read-only views, bounded however long training runs.

The latest RECENT_ROWS epochs are kept whole; the epochs before them are thinned to
every stride-th (by epoch number, so the kept ones are evenly spaced and each is a
real epoch's record), with the stride doubling whenever more than OLD_ROWS of them
would remain. Memory and the cost of drawing the history stay flat over hours.

Rows are written only past the end of what any view covers, and growing or thinning
allocates new arrays, leaving the old ones to whoever holds a view: a reader on
another thread never sees a row change under it.
"""
from __future__ import annotations

import itertools

import numpy as np

from playground.training.snapshot import History

_SCALARS = ("epoch", "step", "elapsed_s", "lr", "train_loss", "val_loss", "test_loss",
            "train_accuracy", "val_accuracy", "test_accuracy")
_PER_LAYER = ("grad_norm", "weight_norm")
_RUNS = itertools.count(1)
RECENT_ROWS = 4000
OLD_ROWS = 4000


class HistoryBuffer:
    """Appends one epoch's record at a time; view() is a History of the rows kept so far."""

    def __init__(self, layers: int, capacity: int = 1024, run: int = 0,
                 recent: int = RECENT_ROWS, old: int = OLD_ROWS):
        self.layers = layers
        self.run = run or next(_RUNS)
        self.recent, self.old = recent, old
        # Room for twice what is kept after thinning, so each thinning buys as many appends as it costs.
        self.max_rows = 2 * (recent + old)
        self.stride = 1  # the spacing, in epochs, of the thinned rows before the recent ones
        self.length = 0
        capacity = min(capacity, self.max_rows)
        self.columns = {name: np.empty(capacity) for name in _SCALARS}
        self.columns.update({name: np.empty((capacity, layers)) for name in _PER_LAYER})

    def append(self, **record) -> None:
        if self.length == len(self.columns["epoch"]):
            self._make_room()
        for name, column in self.columns.items():
            column[self.length] = record[name]
        self.length += 1

    def extend(self, rows: dict[str, np.ndarray]) -> None:
        """Append several rows at once, given as columns (a History's fields); kept as appending them one by one."""
        count, done = len(rows["epoch"]), 0
        while done < count:
            if self.length == len(self.columns["epoch"]):
                self._make_room()
            take = min(count - done, len(self.columns["epoch"]) - self.length)
            for name, column in self.columns.items():
                column[self.length:self.length + take] = rows[name][done:done + take]
            self.length += take
            done += take

    def _make_room(self) -> None:
        capacity = len(self.columns["epoch"])
        if capacity < self.max_rows:
            self._reallocate(np.arange(self.length), min(2 * capacity, self.max_rows))
        else:
            self._reallocate(np.flatnonzero(self._kept()), capacity)

    def _kept(self) -> np.ndarray:
        """Which rows survive a thinning: the recent ones, and the older ones on a stride wide enough to fit OLD_ROWS."""
        epochs = self.columns["epoch"][:self.length]
        older = np.arange(self.length) < self.length - self.recent
        while True:
            keep = ~older | (epochs % self.stride == 0)
            if np.count_nonzero(keep & older) <= self.old:
                return keep
            self.stride *= 2

    def _reallocate(self, rows: np.ndarray, capacity: int) -> None:
        for name, column in self.columns.items():
            fresh = np.empty((capacity,) + column.shape[1:])
            fresh[:len(rows)] = column[rows]
            self.columns[name] = fresh
        self.length = len(rows)

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


def rows_after(history: History, epoch: float) -> dict[str, np.ndarray]:
    """The columns of a History's rows after `epoch`: what a reader that has seen up to `epoch` lacks."""
    return rows_since(history, int(np.searchsorted(history.epoch, epoch, side="right")))
