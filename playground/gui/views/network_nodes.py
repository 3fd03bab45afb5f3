"""What each node of the network diagram shows: its heatmap over the input plane, or a plain color.

Color scales: an input feature is scaled by its own largest |value| (x1 and x1^2 differ by a
lot); a hidden layer by max(1, its largest |activation|), one scale per layer so that its
neurons compare, and tanh-like layers look as in TF Playground; the output as the OUTPUT view
draws it. A multiclass output node shows its own class's probability, white to class color.
Without a grid (more than two raw inputs) a node is a circle colored by its layer's mean activation.
A column is colored in one numpy pass: the diagram redraws every frame.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from playground.gui.views import heatmap
from playground.training.snapshot import GridProbe, Snapshot


@dataclass(frozen=True)
class NodeLook:
    image: QImage | None = None       # the heatmap, or a 1-D strip, within `source` of the image
    source: QRectF | None = None      # the node's part of an image its column shares
    line: np.ndarray | None = None    # 1-D grids: the values along x, scaled to [-1, 1]
    fill: QColor | None = None        # no grid: one color


def _maps(grid: GridProbe, column: int, count: int, columns: int, discretize: bool) -> list[np.ndarray]:
    """The first count nodes' values over the grid; fewer where the engine probed fewer neurons."""
    if column == 0:
        return list(grid.features[:count])
    if column == columns - 1:
        per_class = grid.output.ndim == len(grid.extent) // 2 + 1
        if not per_class:
            return [grid.output] * count
        # Discretized, a class node lights up where its class wins, over all classes (not only those drawn).
        return list((heatmap.likeliest(grid.output) if discretize else grid.output)[:count])
    return list(grid.neurons[column - 1][:count])


def _thin(values: np.ndarray, stride: int) -> np.ndarray:
    return values[::stride] if values.ndim == 1 else values[::stride, ::stride]


def _reach(values: np.ndarray, axes: tuple[int, ...]) -> np.ndarray:
    """Largest finite |value| over axes; 1 where there is none."""
    reach = np.max(np.abs(np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0)), axis=axes, keepdims=True)
    return np.where(reach > 0, reach, 1.0)


def _signed(snapshot: Snapshot, column: int, stack: np.ndarray, layer_scale: float) -> np.ndarray:
    """Node values [n, ...] on the [-1, 1] scale their column uses."""
    if column == 0:
        return stack / _reach(stack, tuple(range(1, stack.ndim)))
    if column < len(snapshot.layers):
        return stack / layer_scale
    if snapshot.data.task == "regression":
        return stack / heatmap.target_scale(snapshot.data)
    return 2.0 * stack - 1.0


def _layer_scale(thinned: np.ndarray) -> float:
    return max(1.0, float(_reach(thinned, tuple(range(thinned.ndim))).item()))


def _looks(snapshot: Snapshot, column: int, stack: np.ndarray, layer_scale: float, discretize: bool,
           first_index: int = 0) -> list[NodeLook]:
    signed = _signed(snapshot, column, stack, layer_scale)
    if column == len(snapshot.layers) and snapshot.data.task == "multiclass":
        rgba = np.stack([heatmap.single_class_rgba(p, first_index + i) for i, p in enumerate(stack)])
    else:
        rgba = heatmap.signed_rgba(signed, discretize=discretize)
    atlas = heatmap.atlas_qimage(rgba)
    one_d = stack.ndim == 2
    height = 1 if one_d else stack.shape[1]
    lines = np.clip(np.nan_to_num(signed), -1.0, 1.0) if one_d else [None] * len(stack)
    return [NodeLook(image=atlas, source=QRectF(0, i * height, stack.shape[-1], height), line=line)
            for i, line in enumerate(lines)]


def column_looks(snapshot: Snapshot, column: int, count: int, discretize: bool, pixels: float) -> list[NodeLook]:
    """Looks for the first count nodes of a column, grids thinned to about `pixels` cells a side
    (stretched smoothly over the node, a cell per two screen pixels looks no worse than one)."""
    grid = snapshot.grid
    if grid is None:
        return [NodeLook(fill=_fill(snapshot, column))] * count
    maps = _maps(grid, column, count, len(snapshot.layers) + 1, discretize)
    if not maps:
        return [NodeLook()] * count
    stride = max(1, int(grid.resolution // max(pixels, 1.0)))
    stack = np.stack([_thin(m, stride) for m in maps])
    looks = _looks(snapshot, column, stack, _layer_scale(stack), discretize)
    return looks + [NodeLook()] * (count - len(looks))


def enlarged_look(snapshot: Snapshot, column: int, index: int, count: int, discretize: bool,
                  pixels: float) -> NodeLook:
    """One node at full grid resolution, on the same color scale as its thinned diagram node."""
    grid = snapshot.grid
    if grid is None:
        return NodeLook(fill=_fill(snapshot, column))
    maps = _maps(grid, column, count, len(snapshot.layers) + 1, discretize)
    if index >= len(maps):
        return NodeLook()
    stride = max(1, int(grid.resolution // max(pixels, 1.0)))
    scale = _layer_scale(np.stack([_thin(m, stride) for m in maps]))
    return _looks(snapshot, column, maps[index][None], scale, discretize, first_index=index)[0]


def _fill(snapshot: Snapshot, column: int) -> QColor:
    if column == 0:
        return QColor(heatmap.NEUTRAL)
    r, g, b, a = heatmap.signed_rgba(np.array(snapshot.layers[column - 1].act_mean)).tolist()
    return QColor(r, g, b, a)
