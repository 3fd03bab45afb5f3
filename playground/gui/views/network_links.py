"""The links between two columns of the network diagram: which weight, how thick, what color.

A link's width and color come from its weight over the largest |weight| among the drawn links
of its layer (with at most 12 units a side drawn that is the whole layer): 1 px and grey near
zero up to the full width in orange (negative) or blue (positive). Weights are quantised into
2 * LEVELS + 1 steps so that the whole diagram paints with a few pens, one drawLines call each.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen

from playground.gui.views import heatmap
from playground.training.snapshot import LayerProbe

LEVELS = 10


def drawn_weights(layer: LayerProbe, outputs: int, inputs: int) -> np.ndarray:
    """Weights [outputs, inputs] of the drawn units.

    Maxout layers hold k rows per unit, unit j's pieces in rows j*k .. j*k+k-1 (the engine's
    unflatten(-1, (units, k))); a link shows the piece with the largest |weight|, sign kept.
    """
    weights = layer.weights
    pieces = weights.shape[0] // max(layer.units, 1)
    if pieces <= 1:
        return weights[:outputs, :inputs]
    stacked = weights[: outputs * pieces, :inputs].reshape(outputs, pieces, inputs)
    strongest = np.nan_to_num(np.abs(stacked), nan=-1.0).argmax(axis=1)[:, None, :]
    return np.take_along_axis(stacked, strongest, axis=1)[:, 0, :]


def levels(weights: np.ndarray) -> np.ndarray:
    """Each weight as an integer -LEVELS .. LEVELS; NaN reads as 0."""
    finite = np.nan_to_num(weights, nan=0.0, posinf=0.0, neginf=0.0)
    reach = float(np.abs(finite).max()) if finite.size else 0.0
    if reach == 0.0:
        return np.zeros(weights.shape, dtype=np.intp)
    return np.rint(np.clip(np.nan_to_num(weights, nan=0.0) / reach, -1, 1) * LEVELS).astype(np.intp)


def pens(max_width: float) -> dict[int, QPen]:
    """One pen per level, widths 1 .. max_width."""
    table = {}
    for level in range(-LEVELS, LEVELS + 1):
        r, g, b, _ = heatmap.signed_rgba(np.array(level / LEVELS), lut=heatmap.POINT_LUT).tolist()
        pen = QPen(QColor(r, g, b), 1.0 + (max_width - 1.0) * abs(level) / LEVELS)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        table[level] = pen
    return table


class LinkGeometry:
    """Where the drawn links into one column run: link (j, i) from source node i to target node j.

    Built when the layout changes; each frame only regroups its lines by the new weights.
    """

    def __init__(self, starts: np.ndarray, ends: np.ndarray):
        self.starts = starts.reshape(-1, 2)   # [sources, 2] right edges of the source nodes
        self.ends = ends.reshape(-1, 2)       # [targets, 2] left edges of the target nodes
        self.lines = [QLineF(x0, y0, x1, y1) for (x1, y1) in self.ends.tolist() for (x0, y0) in self.starts.tolist()]

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.ends), len(self.starts)

    def lines_by_level(self, link_levels: np.ndarray) -> dict[int, list[QLineF]]:
        order = np.argsort(link_levels.ravel(), kind="stable")
        ordered = link_levels.ravel()[order]
        starts = np.flatnonzero(np.diff(ordered, prepend=ordered[:1] - 1))
        lines = self.lines
        return {int(ordered[a]): [lines[k] for k in order[a:b].tolist()]
                for a, b in zip(starts.tolist(), starts[1:].tolist() + [len(order)])}

    def nearest(self, point: QPointF, tolerance: float) -> tuple[int, int] | None:
        """(target, source) of the link closest to point, if within tolerance pixels."""
        if not self.lines:
            return None
        a = np.broadcast_to(self.starts[None, :, :], self.shape + (2,))
        b = np.broadcast_to(self.ends[:, None, :], self.shape + (2,))
        p = np.array([point.x(), point.y()])
        ab = b - a
        t = np.clip(((p - a) * ab).sum(-1) / np.maximum((ab * ab).sum(-1), 1e-9), 0.0, 1.0)
        distance = np.hypot(*np.moveaxis(a + ab * t[..., None] - p, -1, 0))
        j, i = np.unravel_index(np.argmin(distance), distance.shape)
        return (int(j), int(i)) if distance[j, i] <= tolerance else None
