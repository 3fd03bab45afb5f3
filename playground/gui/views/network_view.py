"""NETWORK: the diagram of features, neurons and weights, painted with QPainter.

Columns run left to right: input features, each hidden layer, the output. Each node shows its
output over the input plane (network_nodes), links show weights (network_links), a small
square at a node's lower left shows its bias (the output's too). At most MAX_DRAWN_NEURONS
nodes per column are drawn, the rest summed up as "+N more"; links join drawn nodes only.
A residual layer's skip connection is a dashed arc over the nodes, from its input column to its own.
The +/- buttons only ask: the main window changes the experiment and hands a new snapshot.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QToolButton, QWidget

from playground.gui import names
from playground.gui.views import heatmap, theme
from playground.gui.views.frames import already_drawn
from playground.gui.views.hover_card import HoverCard
from playground.gui.views.labels import feature_label, layer_label
from playground.gui.views.network_layout import HEADER, TOP_BAR, Layout, Structure, arrange, minimum_width
from playground.gui.views.network_links import LinkGeometry, drawn_weights, levels, pens
from playground.gui.views.network_nodes import NodeLook, column_looks, enlarged_look
from playground.gui.views.network_skips import paint_skips, skip_arcs
from playground.training.snapshot import Snapshot

BUTTON_MAX = 18
BUTTON_MIN = 12
ENLARGED = 160
LINK_TOLERANCE = 4.0
CELLS_PER_PIXEL = 0.5      # node heatmaps: TF Playground too shows neurons coarser than the output
SMOOTH_LINKS_LIMIT = 600   # antialiased thick lines cost; past this many links they are drawn plain
LABEL_MARGIN_RANGE = (24, 90)

class NetworkView(QWidget):
    layer_count_change_requested = Signal(int)       # +1 / -1 hidden layer
    units_change_requested = Signal(int, int)        # hidden layer index (0-based), +1 / -1 unit
    neuron_hovered = Signal(int, int)                # column (0: inputs), node; -1, -1 when none

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self.setFont(theme.small_font(self))
        self.setMouseTracking(True)
        self._snapshot: Snapshot | None = None
        self._structure: Structure | None = None
        self._layout: Layout | None = None
        self._looks: list[list[NodeLook]] = []
        self._geometry: list[LinkGeometry] = []      # per layout
        self._weights: list[np.ndarray] = []         # per frame: the drawn links' weights
        self._lines: list[dict] = []                 # per frame: the links grouped by pen
        self._pens: dict = {}
        self._bias_squares: list[list[QRectF]] = []  # per layout
        self._bias_fills: list[tuple[QRectF, QColor]] = []
        self._skips: list[tuple[int, QPainterPath, QPainterPath]] = []  # per layout: layer, arc, its hover area
        self._discretize, self._hovered = False, None  # the output shown discretized; the link or node hovered
        self.marked: tuple[int, int] | None = None   # (column, node) outlined for another view (highlight_neuron)
        self._hover_pos = QPointF()
        self.add_layer_button = self._button("+", self.tr("Add a hidden layer"),
                                             lambda: self.layer_count_change_requested.emit(1))
        self.remove_layer_button = self._button("\u2212", self.tr("Remove the last hidden layer"),
                                                lambda: self.layer_count_change_requested.emit(-1))
        self.unit_buttons: list[tuple[QToolButton, QToolButton]] = []
        self.card = HoverCard(self)

    def _button(self, text: str, tip: str, action) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(action)
        button.setStyleSheet(theme.SMALL_BUTTON_STYLE)
        return button

    # -- public ------------------------------------------------------------
    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._snapshot):
            return
        grid_changed = self._snapshot is None or snapshot.grid is not self._snapshot.grid
        self._snapshot = snapshot
        structure = Structure.of(snapshot)
        if structure != self._structure:
            self._structure = structure
            self.marked = None  # its node may be gone
            self._sync_unit_buttons()
            self._relayout()
            self.update()
        else:
            if grid_changed:
                self._make_looks()
            self._make_links()
            # Only the diagram below the headers changes: the header buttons need no repaint.
            self.update(0, int(self._layout.body_top) - 2, self.width(), self.height())
        self._refresh_card()

    def clear(self) -> None:
        self._snapshot = self._structure = self._layout = None
        self._looks, self._geometry, self._weights, self._lines = [], [], [], []
        self._bias_squares, self._bias_fills, self._skips = [], [], []
        self._hovered = self.marked = None
        self.card.hide()
        self._sync_unit_buttons()
        self._place_buttons()
        self.update()

    def set_discretize(self, discretize: bool) -> None:
        if discretize != self._discretize:
            self._discretize = discretize
            self._make_looks()
            self._refresh_card()
            self.update()

    def drawn_nodes(self, column: int) -> int:
        """Nodes drawn in a column (0: inputs, last: output)."""
        return len(self._layout.columns[column].nodes) if self._layout else 0

    def more_text(self, column: int) -> str:
        """The '+N more' note under a column, '' where every unit is drawn."""
        if self._layout is None or self._layout.columns[column].more == 0:
            return ""
        return self.tr("+{count} more").format(count=self._layout.columns[column].more)

    def highlight_neuron(self, column: int, index: int) -> None:
        """Outline a node as hovering does (index -1: none), for a view that shows the same unit."""
        drawn = self._layout is not None and 0 <= column < len(self._layout.columns) and 0 <= index < self.drawn_nodes(column)
        marked = (column, index) if drawn else None
        if marked != self.marked:
            self.marked = marked
            self.update()

    def node_rect(self, column: int, index: int) -> QRectF:
        return self._layout.columns[column].nodes[index]

    def describe_at(self, pos: QPointF) -> str | None:
        """What hovering at pos tells: a node's or a link's values; None over empty space."""
        hit = self._hit(pos)
        return None if hit is None else self._describe(hit)

    def minimumSizeHint(self) -> QSize:
        if self._structure is None:
            return QSize(200, 200)
        return QSize(minimum_width(self._structure, self._label_margin()), 200)

    def sizeHint(self) -> QSize:
        return QSize(max(640, self.minimumSizeHint().width()), 380)

    # -- structure and geometry ---------------------------------------------
    def _sync_unit_buttons(self) -> None:
        wanted = self._structure.hidden_layers if self._structure else 0
        while len(self.unit_buttons) > wanted:
            for button in self.unit_buttons.pop():
                button.deleteLater()
        while len(self.unit_buttons) < wanted:
            index = len(self.unit_buttons)
            add = self._button("+", self.tr("Add a neuron to this layer"),
                               lambda _=False, i=index: self.units_change_requested.emit(i, 1))
            remove = self._button("\u2212", self.tr("Remove a neuron from this layer"),
                                  lambda _=False, i=index: self.units_change_requested.emit(i, -1))
            self.unit_buttons.append((add, remove))
            add.show()
            remove.show()
        self.remove_layer_button.setEnabled(wanted > 0)
        for (_, remove), units in zip(self.unit_buttons, self._structure.units if self._structure else ()):
            remove.setEnabled(units > 1)

    def _label_margin(self) -> float:
        features = self._structure.feature_names if self._structure else ()
        widest = max((self.fontMetrics().horizontalAdvance(feature_label(n)) for n in features), default=0)
        return float(min(max(widest + 10, LABEL_MARGIN_RANGE[0]), LABEL_MARGIN_RANGE[1]))

    def _relayout(self) -> None:
        self._layout = None
        if self._structure is not None:
            # The headers' two text lines grow with the font (presentation mode): so does their room.
            growth = self.fontMetrics().height() - QFontMetrics(theme.small_font(self)).height()
            skip_room = self._skip_room() if any(self._structure.residual) else 0
            self._layout = arrange(self._structure, self.width(), self.height(), self._label_margin(),
                                   HEADER + 2 * max(growth, 0) + skip_room)
            self._skips = skip_arcs(self._layout, self._structure.residual, skip_room, LINK_TOLERANCE)
            self._pens = pens(max_width=min(10.0, max(1.5, self._layout.node_size / 4)))
            self._geometry = [self._link_geometry(source, target)
                              for source, target in zip(self._layout.columns[:-1], self._layout.columns[1:])]
            self._bias_squares = [[_bias_square(rect) for rect in column.nodes] for column in self._layout.columns[1:]]
            self._make_looks()
            self._make_links()
        self._place_buttons()
        self.updateGeometry()

    def _skip_room(self) -> int:
        """Height kept between the headers and the nodes for the skip arcs: a text line, so it grows with the font."""
        return max(10, self.fontMetrics().height())

    def _button_size(self) -> int:
        return int(max(BUTTON_MIN, min(BUTTON_MAX, self._layout.pitch / 2 - 2)))

    def _buttons_stacked(self) -> bool:
        """Narrow columns get their +/- buttons one above the other."""
        return self._layout.pitch < 2 * BUTTON_MIN + 6

    def _place_buttons(self) -> None:
        self.add_layer_button.setGeometry(8, 4, BUTTON_MAX, BUTTON_MAX)
        self.remove_layer_button.setGeometry(8 + BUTTON_MAX + 3, 4, BUTTON_MAX, BUTTON_MAX)
        if self._layout is None:
            return
        size, stacked = self._button_size(), self._buttons_stacked()
        for (add, remove), column in zip(self.unit_buttons, self._layout.columns[1:-1]):
            if stacked:
                add.setGeometry(int(column.x - size / 2), TOP_BAR, size, size)
                remove.setGeometry(int(column.x - size / 2), TOP_BAR + size + 1, size, size)
            else:
                add.setGeometry(int(column.x - size - 1), TOP_BAR, size, size)
                remove.setGeometry(int(column.x + 1), TOP_BAR, size, size)

    def changeEvent(self, event: QEvent) -> None:
        # Not for the font __init__ sets: nothing is laid out yet then.
        if event.type() == QEvent.Type.FontChange and getattr(self, "_layout", None) is not None:
            self._relayout()
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self._relayout()
        super().resizeEvent(event)

    # -- what is painted -----------------------------------------------------
    def _make_looks(self) -> None:
        if self._layout is None:
            return
        pixels = self._layout.node_size * CELLS_PER_PIXEL
        self._looks = [column_looks(self._snapshot, c, len(column.nodes), self._discretize, pixels)
                       for c, column in enumerate(self._layout.columns)]

    @staticmethod
    def _link_geometry(source, target) -> LinkGeometry:
        starts = np.array([[r.right(), r.center().y()] for r in source.nodes])
        ends = np.array([[r.left(), r.center().y()] for r in target.nodes])
        return LinkGeometry(starts, ends)

    def _make_links(self) -> None:
        self._weights, self._lines, self._bias_fills = [], [], []
        columns = self._layout.columns
        for layer, geometry, target, squares in zip(self._snapshot.layers, self._geometry, columns[1:], self._bias_squares):
            weights = drawn_weights(layer, *geometry.shape)
            self._weights.append(weights)
            self._lines.append(geometry.lines_by_level(levels(weights)))
            bias = np.asarray(layer.bias[: len(target.nodes)], dtype=np.float64)
            rgba = heatmap.signed_rgba(bias / _reach(bias), lut=heatmap.POINT_LUT).tolist()
            self._bias_fills.extend(zip(squares, (QColor(r, g, b) for r, g, b, _ in rgba)))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        bar_end = self._paint_top_bar(painter)
        if self._layout is not None:
            self._paint_headers(painter)
            self._paint_links(painter)
            if self._skips:
                hovered = self._hovered[1] if self._hovered and self._hovered[0] == "skip" else None
                legends = (self.skip_legend(), "x + f(x)")
                paint_skips(painter, self._skips, hovered, legends, QRectF(bar_end + 16, 4, self.width() - bar_end - 20, BUTTON_MAX))
            self._paint_nodes(painter)
        painter.end()

    def _paint_links(self, painter: QPainter) -> None:
        many = sum(weights.size for weights in self._weights) > SMOOTH_LINKS_LIMIT
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not many)
        for groups in self._lines:
            for level, lines in groups.items():
                if many and level == 0:   # near-white on white anyway; a dense diagram skips them
                    continue
                painter.setPen(self._pens[level])
                painter.drawLines(lines)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def skip_legend(self) -> str:
        return self.tr("residual: x + f(x)")

    def _paint_top_bar(self, painter: QPainter) -> float:
        """The hidden-layer count beside its buttons; where its text ends."""
        count = self._structure.hidden_layers if self._structure else 0
        text = self.tr("1 hidden layer") if count == 1 else self.tr("%n hidden layers", "", count)
        left = self.remove_layer_button.geometry().right() + 8
        room, metrics = self.width() - left, self.fontMetrics()
        # Capitals as TF Playground writes it where they fit; a narrow projector column gets the narrower lower case.
        text = metrics.elidedText(text.upper() if metrics.horizontalAdvance(text.upper()) <= room else text,
                                  Qt.TextElideMode.ElideRight, int(room))
        painter.setPen(QColor(theme.TEXT))
        painter.drawText(QRectF(left, 4, room, BUTTON_MAX), Qt.AlignmentFlag.AlignVCenter, text)
        return left + metrics.horizontalAdvance(text)

    def _header_lines(self, c: int, width: float) -> tuple[str, ...]:
        """Title lines over a column, shortened or dropped where the column is too narrow."""
        metrics = self.fontMetrics()
        last = len(self._layout.columns) - 1
        if c == 0:
            return (self.tr("features"),)
        if c == last:
            return (layer_label("output"), names.label("activation", self._structure.activations[-1]))
        units = self._structure.units[c - 1]
        count = self.tr("1 neuron") if units == 1 else self.tr("%n neurons", "", units)
        # Too narrow for a text: leave it out rather than overlap the neighbours; hovering tells.
        count = next((t for t in (count, str(units)) if metrics.horizontalAdvance(t) <= width), "")
        activation = names.label("activation", self._structure.activations[c - 1])
        return (count, activation if metrics.horizontalAdvance(activation) <= width else "")

    def _paint_headers(self, painter: QPainter) -> None:
        line = self.fontMetrics().height()
        buttons = 2 * self._button_size() + 1 if self._buttons_stacked() else BUTTON_MAX
        top = TOP_BAR + buttons + 2
        for c in range(len(self._layout.columns)):
            span, align = self._header_span(c)
            for k, text in enumerate(self._header_lines(c, span[1] - span[0] - 2)):
                painter.setPen(QColor(theme.TEXT if k == 0 else theme.MUTED))
                # No clipping: a fallback font (CJK) draws taller glyphs than the line height of the widget's font.
                painter.drawText(QRectF(span[0], top + k * line, span[1] - span[0], line), align | Qt.TextFlag.TextDontClip, text)

    def _header_span(self, c: int) -> tuple[tuple[float, float], Qt.AlignmentFlag]:
        """Where column c's title goes across: its left and right x, and how it aligns between them."""
        column, pitch = self._layout.columns[c], self._layout.pitch
        # The outer columns' titles spread into the margins beside them, away from their neighbours.
        if c == 0:
            # Small nodes and short feature names leave a margin narrower than the title: it would be
            # drawn partly left of the widget, so it reaches further right instead.
            title = max(self.fontMetrics().horizontalAdvance(text) for text in self._header_lines(0, 0.0))
            return (0.0, max(column.x + self._layout.node_size / 2, title + 2.0)), Qt.AlignmentFlag.AlignRight
        if c == len(self._layout.columns) - 1:
            return (self.width() - 80.0, self.width() - 2.0), Qt.AlignmentFlag.AlignRight
        return (column.x - pitch / 2, column.x + pitch / 2), Qt.AlignmentFlag.AlignHCenter

    def _paint_nodes(self, painter: QPainter) -> None:
        squares, circles = [], []
        for c, column in enumerate(self._layout.columns):
            for rect, look in zip(column.nodes, self._looks[c]):
                paint_look(painter, rect, look)
                (circles if look.image is None else squares).append(rect)
            if c == 0:
                self._paint_feature_names(painter, column)
            if column.more:
                self._paint_more(painter, c, column)
        painter.setPen(QPen(QColor(theme.MUTED), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRects(squares)
        for rect in circles:
            painter.drawEllipse(rect)
        for square, color in self._bias_fills:
            painter.fillRect(square, color)
        painter.setPen(QPen(QColor(theme.TEXT), 2))
        hovered = self._hovered[1:] if self._hovered is not None and self._hovered[0] == "node" else None
        for c, k in {hovered, self.marked} - {None}:
            painter.drawRect(self._layout.columns[c].nodes[k])

    def _paint_feature_names(self, painter: QPainter, column) -> None:
        painter.setPen(QColor(theme.TEXT))
        for rect, name in zip(column.nodes, self._structure.feature_names):
            label = QRectF(0, rect.top(), rect.left() - 6, rect.height())
            text = painter.fontMetrics().elidedText(feature_label(name), Qt.TextElideMode.ElideRight, int(label.width()))
            painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)  # hover: in full

    def _paint_more(self, painter: QPainter, c: int, column) -> None:
        metrics = painter.fontMetrics()
        # Shorter forms for narrower columns; the header still says how many units there are.
        text = next((t for t in (self.more_text(c), f"+{column.more}")
                     if metrics.horizontalAdvance(t) <= self._layout.pitch - 2), "\u22ee")
        bottom = column.nodes[-1].bottom()
        painter.setPen(QColor(theme.MUTED))
        painter.drawText(QRectF(column.x - self._layout.pitch / 2, bottom + 2, self._layout.pitch, metrics.height()),
                         Qt.AlignmentFlag.AlignHCenter, text)

    # -- hovering --------------------------------------------------------------
    def _hit(self, pos: QPointF) -> tuple | None:
        if self._layout is None:
            return None
        for c, column in enumerate(self._layout.columns):
            for k, rect in enumerate(column.nodes):
                if rect.adjusted(-2, -2, 2, 2).contains(pos):
                    return ("node", c, k)
        for layer, _, area in self._skips:
            if area.contains(pos):
                return ("skip", layer)
        for layer, geometry in enumerate(self._geometry):
            source, target = self._layout.columns[layer], self._layout.columns[layer + 1]
            if source.x <= pos.x() <= target.x:
                found = geometry.nearest(pos, LINK_TOLERANCE)
                return None if found is None else ("link", layer, *found)
        return None

    def _node_name(self, column: int, index: int) -> str:
        if column == 0:
            return feature_label(self._structure.feature_names[index])
        layer = self._snapshot.layers[column - 1]
        data = self._snapshot.data
        if column == len(self._snapshot.layers) and data.task == "multiclass" and index < len(data.class_names):
            return self.tr("{layer}, {name}").format(layer=layer_label(layer.name), name=data.class_names[index])
        if layer.units == 1:
            return layer_label(layer.name)
        return self.tr("{layer}, neuron {index}").format(layer=layer_label(layer.name), index=index + 1)

    def _describe(self, hit: tuple) -> str:
        if hit[0] == "skip":
            return self._describe_skip(hit[1])
        if hit[0] == "node":
            _, c, k = hit
            name = self._node_name(c, k)
            if c == 0:
                return self.tr("{name}\ninput feature").format(name=name)
            layer = self._snapshot.layers[c - 1]
            return self.tr("{name}\nactivation: {activation}\nbias: {bias:.4g}").format(
                name=name, activation=names.label("activation", layer.activation), bias=float(layer.bias[k]))
        _, layer, j, i = hit
        text = self.tr("weight {value:.4g}\n{source} \u2192 {target}").format(
            value=float(self._weights[layer][j, i]), source=self._node_name(layer, i),
            target=self._node_name(layer + 1, j))
        probe = self._snapshot.layers[layer]
        pieces = probe.weights.shape[0] // max(probe.units, 1)
        if pieces > 1:
            text += "\n" + self.tr("the strongest of {count} maxout pieces").format(count=pieces)
        return text

    def _describe_skip(self, layer: int) -> str:
        name = layer_label(self._structure.layer_names[layer])
        widths = self._structure.column_units
        if widths[layer] == widths[layer + 1]:
            how = self.tr("{layer} adds its input x to what it computes, f(x).")
        else:
            how = self.tr("{layer}'s input has another width: a learned projection P maps it, P·x + f(x).")
        return self.skip_legend() + "\n" + how.format(layer=name)

    def _card_picture(self, hit: tuple) -> QPixmap | None:
        if hit[0] != "node" or self._snapshot.grid is None:
            return None
        _, c, k = hit
        look = enlarged_look(self._snapshot, c, k, len(self._layout.columns[c].nodes), self._discretize,
                             self._layout.node_size * CELLS_PER_PIXEL)
        one_d = look.line is not None
        pixmap = QPixmap(ENLARGED, ENLARGED // 2 if one_d else ENLARGED)
        pixmap.fill(QColor(theme.BACKGROUND))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paint_look(painter, QRectF(pixmap.rect()), look)
        painter.end()
        return pixmap

    def _refresh_card(self) -> None:
        if self._hovered is None or not self.card.isVisible():
            return
        hit = self._hit(self._hover_pos)
        if hit is None:
            self.card.hide()
            return
        self.card.show_at(self.mapToGlobal(self._hover_pos.toPoint()), self._describe(hit), self._card_picture(hit))

    def mouseMoveEvent(self, event) -> None:
        self._hover_pos = event.position()
        hit = self._hit(self._hover_pos)
        if hit != self._hovered:
            self._hovered = hit
            self.neuron_hovered.emit(*(hit[1:] if hit is not None and hit[0] == "node" else (-1, -1)))
            if hit is None:
                self.card.hide()
            else:
                self.card.show_at(event.globalPosition().toPoint(), self._describe(hit), self._card_picture(hit))
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self._hovered = None
        self.neuron_hovered.emit(-1, -1)
        self.card.hide()
        self.update()
        super().leaveEvent(event)


def paint_look(painter: QPainter, rect: QRectF, look: NodeLook) -> None:
    """A node's face: its heatmap, its curve along x for 1-D data, or a plain circle."""
    if look.image is not None:
        painter.drawImage(rect, look.image, look.source)
    if look.line is not None and len(look.line) > 1:
        xs = np.linspace(rect.left(), rect.right(), len(look.line))
        ys = rect.center().y() - look.line * (rect.height() / 2 - 1)
        painter.setPen(QPen(QColor(theme.TEXT), 1))
        painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in zip(xs, ys)]))
    if look.image is None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.fill if look.fill is not None else QColor(heatmap.NEUTRAL))
        painter.drawEllipse(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _reach(values: np.ndarray) -> float:
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size and finite.max() > 0 else 1.0


def _bias_square(node: QRectF) -> QRectF:
    """The bias's square, astride the node's lower-left corner as in TF Playground."""
    side = max(3.0, node.width() / 5)
    return QRectF(node.left() - side * 0.6, node.bottom() - side * 0.4, side, side)
