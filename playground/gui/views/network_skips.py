"""The network diagram's skip connections: a dashed arc over the nodes per residual layer, and its legend."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen

from playground.gui.views import theme
from playground.gui.views.network_layout import Layout

SKIP_COLOR = "#7b3fa0"  # purple: apart from the weights' blue and orange
LEGEND_LINE = 20


def skip_arcs(layout: Layout, residual: tuple[bool, ...], room: float, tolerance: float) -> list[tuple[int, QPainterPath, QPainterPath]]:
    """Per residual hidden layer: its index, a hump from its input column's top node to its own within `room`
    above the nodes, and the area around the hump that hovering hits."""
    arcs, top = [], layout.body_top - 3
    lift = (room - 4) * 4 / 3  # a cubic whose control points rise by `lift` peaks at 3/4 of it: 1 px inside `room`
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * tolerance)
    for layer, skips in enumerate(residual[:-1]):  # the output layer has no skip
        if skips:
            start, end = layout.columns[layer].x, layout.columns[layer + 1].x
            arc = QPainterPath(QPointF(start, top))
            arc.cubicTo(start, top - lift, end, top - lift, end, top)
            arcs.append((layer, arc, stroker.createStroke(arc)))
    return arcs


def paint_skips(painter: QPainter, arcs: list[tuple[int, QPainterPath, QPainterPath]], hovered: int | None,
                legends: tuple[str, ...], legend_box: QRectF) -> None:
    """The arcs (the hovered one thicker) and, from legend_box's left, a stretch of their line and the first of
    `legends` (longest first) that fits the box; none where none does (hovering an arc still explains it)."""
    pen = QPen(QColor(SKIP_COLOR), 1.5, Qt.PenStyle.DashLine)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for layer, arc, _ in arcs:
        pen.setWidthF(2.5 if layer == hovered else 1.5)
        painter.setPen(pen)
        painter.drawPath(arc)
    metrics = painter.fontMetrics()
    legend = next((text for text in legends if LEGEND_LINE + 6 + metrics.horizontalAdvance(text) <= legend_box.width()), None)
    if legend is None:
        return
    left, middle = legend_box.left(), legend_box.center().y()
    pen.setWidthF(1.5)
    painter.setPen(pen)
    painter.drawLine(QPointF(left, middle), QPointF(left + LEGEND_LINE, middle))
    painter.setPen(QColor(theme.TEXT))
    text_left = left + LEGEND_LINE + 6
    painter.drawText(QRectF(text_left, legend_box.top(), legend_box.right() - text_left, legend_box.height()),
                     Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip, legend)
