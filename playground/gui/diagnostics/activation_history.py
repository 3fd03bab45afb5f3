"""Every layer's activation histogram, one column per training step seen, in bounded memory (numpy only).

The controller hands this recorder every new snapshot, shown tab or not (it is no
widget), so the picture covers the whole run even when the Activations tab was
opened late. A snapshot adds a column only when training moved on: a paused
session republishes the same step. A step going back, or other layers, start
a new record. When the columns fill up, the oldest half merges in pairs: early
training keeps a coarser picture, recent steps stay sharp, and memory stays at
layers x max_columns x bins.
"""
from __future__ import annotations

import numpy as np

from playground.training.snapshot import Snapshot

MAX_COLUMNS = 600


class ActivationHistory:
    def __init__(self, max_columns: int = MAX_COLUMNS):
        if max_columns < 4 or max_columns % 4:
            raise ValueError("max_columns must be a positive multiple of 4 (the oldest half merges in pairs)")
        self.max_columns = max_columns
        self.version = 0  # changes with every column, so a view redraws only when there is something new
        self.clear()

    def clear(self) -> None:
        self.signature: tuple = ()
        self.edges: tuple[np.ndarray, ...] = ()
        self._columns = np.zeros((0, self.max_columns, 0))
        self._steps = np.zeros(self.max_columns, dtype=np.int64)
        self.count = 0
        self.version += 1

    def render(self, snapshot: Snapshot) -> None:
        """Record the snapshot's histograms if training moved on since the last column."""
        # The run id too: after a reset, coalesced snapshots need not show the step going back.
        signature = (snapshot.history.run,) + tuple(
            (layer.name, layer.activation, len(layer.act_hist)) for layer in snapshot.layers)
        last = self.last_step
        if signature != self.signature or (last is not None and snapshot.step < last):
            self._restart(signature, snapshot)
        elif last is not None and snapshot.step == last:
            return
        if self.count == self.max_columns:
            self._merge_oldest_half()
        for i, layer in enumerate(snapshot.layers):
            self._columns[i, self.count] = layer.act_hist
        self._steps[self.count] = snapshot.step
        self.count += 1
        self.version += 1

    @property
    def last_step(self) -> int | None:
        return int(self._steps[self.count - 1]) if self.count else None

    def columns(self, layer: int) -> np.ndarray:
        """[columns, bins]: the layer's fraction of activations per bin, oldest column first."""
        return self._columns[layer, :self.count]

    @property
    def steps(self) -> np.ndarray:
        """The training step of each column (for a merged column, the later of its two)."""
        return self._steps[:self.count]

    def _restart(self, signature: tuple, snapshot: Snapshot) -> None:
        self.signature = signature
        self.edges = tuple(layer.act_edges for layer in snapshot.layers)
        bins = len(snapshot.layers[0].act_hist) if snapshot.layers else 0  # the probes bin every layer alike
        self._columns = np.zeros((len(snapshot.layers), self.max_columns, bins))
        self.count = 0

    def _merge_oldest_half(self) -> None:
        half = self.max_columns // 2
        layers, _, bins = self._columns.shape
        self._columns[:, :half // 2] = self._columns[:, :half].reshape(layers, half // 2, 2, bins).mean(axis=2)
        self._columns[:, half // 2:half // 2 + half] = self._columns[:, half:].copy()
        self._steps[:half // 2] = self._steps[1:half:2]
        self._steps[half // 2:half // 2 + half] = self._steps[half:].copy()
        self.count = half // 2 + half
