"""Where the network diagram puts its columns and nodes for a given size: geometry only."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from playground.training.snapshot import Snapshot

MAX_DRAWN_NEURONS = 12   # per column; the rest is summarised as "+N more"
NODE_MAX = 40
NODE_MIN = 6
COLUMN_MIN_PITCH = 22    # below this the view asks for more width (a scroll area gives it); 1024 px fits 2 hidden layers
TOP_BAR = 28             # the hidden-layer count and its +/- buttons
HEADER = 52              # per column: +/- buttons (side by side or stacked), unit count, activation
FOOTER = 20              # room for "+N more" under the longest column
RIGHT_MARGIN = 20
NODE_GAP = 0.35          # vertical gap between nodes, in node sizes


@dataclass(frozen=True)
class Structure:
    """What the diagram shows: the inputs and every weight layer's units, input to output."""

    feature_names: tuple[str, ...]
    layer_names: tuple[str, ...]
    units: tuple[int, ...]
    activations: tuple[str, ...]
    residual: tuple[bool, ...] = ()  # per weight layer: a skip connection around it

    @classmethod
    def of(cls, snapshot: Snapshot) -> Structure:
        layers = snapshot.layers
        return cls(snapshot.data.feature_names, tuple(layer.name for layer in layers),
                   tuple(layer.units for layer in layers), tuple(layer.activation for layer in layers),
                   tuple(layer.residual for layer in layers))

    @property
    def hidden_layers(self) -> int:
        return max(len(self.units) - 1, 0)

    @property
    def column_units(self) -> tuple[int, ...]:
        return (len(self.feature_names),) + self.units


@dataclass(frozen=True)
class Column:
    x: float                     # centre
    units: int
    nodes: tuple[QRectF, ...]    # the drawn ones, first units first

    @property
    def more(self) -> int:
        return self.units - len(self.nodes)


@dataclass(frozen=True)
class Layout:
    node_size: float
    pitch: float                 # distance between column centres
    columns: tuple[Column, ...]  # inputs, hidden layers..., output
    body_top: float              # where the first row of nodes starts, under the column headers


def minimum_width(structure: Structure, label_margin: float) -> int:
    return width_for_columns(len(structure.column_units), label_margin)


def width_for_columns(columns: int, label_margin: float) -> int:
    """The narrowest a diagram of that many columns (inputs, hidden layers, output) is drawn."""
    # At that pitch arrange() makes nodes half a pitch wide: half a node juts out past each outer column.
    return int(label_margin + RIGHT_MARGIN + COLUMN_MIN_PITCH / 2 + (columns - 1) * COLUMN_MIN_PITCH)


def arrange(structure: Structure, width: float, height: float, label_margin: float, header: float = HEADER) -> Layout:
    """Columns spread over the width; nodes as big as both the column pitch and the height allow.

    `header` is the column headers' height: taller when larger type (presentation mode) needs it."""
    counts = structure.column_units
    drawn = [min(units, MAX_DRAWN_NEURONS) for units in counts]
    left, right = label_margin, width - RIGHT_MARGIN
    body_top = TOP_BAR + header
    body_height = max(height - body_top - FOOTER, NODE_MIN)
    rows = max(drawn + [1])
    span_guess = (right - left) / max(len(counts) - 1, 1)
    node = min(NODE_MAX, span_guess * 0.5, body_height / (rows + (rows - 1) * NODE_GAP))
    node = max(node, NODE_MIN)
    pitch = (right - left - node) / max(len(counts) - 1, 1)
    columns = []
    for c, (units, shown) in enumerate(zip(counts, drawn)):
        x = left + node / 2 + c * pitch
        rects = tuple(QRectF(x - node / 2, body_top + k * node * (1 + NODE_GAP), node, node) for k in range(shown))
        columns.append(Column(x, units, rects))
    return Layout(node, pitch, tuple(columns), body_top)
