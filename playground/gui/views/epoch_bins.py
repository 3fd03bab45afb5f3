"""Per-layer values over a growing number of epochs, kept to a bounded number of columns.

Rows arrive a few at a time as the history grows; each column averages `stride` consecutive
epochs. When the columns would pass the limit, neighbours merge in pairs and the stride
doubles, so every update costs time in proportion to the new rows only, however long the run.
A NaN anywhere in a column makes the column NaN: a broken epoch must stay visible.
"""
from __future__ import annotations

import numpy as np


class EpochBins:
    def __init__(self, max_columns: int):
        self.max_columns = max_columns
        self.reset(0)

    def reset(self, layers: int) -> None:
        self.layers = layers
        self.stride = 1
        self.rows = 0                                  # epochs taken in so far
        self._bins = np.empty((0, layers))
        self._pending_sum = np.zeros(layers)           # epochs not yet filling a whole column
        self._pending_count = 0

    def extend(self, values: np.ndarray) -> None:
        """Take in the next epochs' rows [m, layers]."""
        if len(values) == 0:
            return
        self.rows += len(values)
        start = 0
        if self._pending_count:
            take = min(self.stride - self._pending_count, len(values))
            self._pending_sum = self._pending_sum + values[:take].sum(axis=0)
            self._pending_count += take
            start = take
            if self._pending_count == self.stride:
                self._append(self._pending_sum[None] / self.stride)
                self._pending_sum, self._pending_count = np.zeros(self.layers), 0
        rest = values[start:]
        whole = len(rest) // self.stride * self.stride
        self._append(rest[:whole].reshape(-1, self.stride, self.layers).mean(axis=1))
        if whole < len(rest):
            self._pending_sum = self._pending_sum + rest[whole:].sum(axis=0)
            self._pending_count += len(rest) - whole
        while len(self._bins) + (self._pending_count > 0) > self.max_columns:
            self._merge_pairs()

    def _append(self, bins: np.ndarray) -> None:
        if len(bins):
            self._bins = np.concatenate([self._bins, bins])

    def _merge_pairs(self) -> None:
        if len(self._bins) % 2:
            # The odd last column goes back to the pending sum; it is less than the new stride.
            self._pending_sum = self._pending_sum + self._bins[-1] * self.stride
            self._pending_count += self.stride
            self._bins = self._bins[:-1]
        self._bins = self._bins.reshape(-1, 2, self.layers).mean(axis=1)
        self.stride *= 2

    @property
    def columns(self) -> np.ndarray:
        """[columns, layers]: the averages, the last one over fewer epochs while it fills."""
        if self._pending_count == 0:
            return self._bins
        return np.concatenate([self._bins, (self._pending_sum / self._pending_count)[None]])
