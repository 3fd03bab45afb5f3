"""Residual layers in the network diagram (dashed arcs, their hover text) and the layer editor's Residual checkbox."""
from __future__ import annotations

import dataclasses

import fake_snapshots as fakes
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from playground.config.experiment import LayerSpec
from playground.gui.panels.layer_editor import FIELDS, RESIDUAL, LayerTableModel
from playground.gui.views import NetworkView
from playground.gui.views.network_skips import SKIP_COLOR


def residual_snapshot(flags: tuple[bool, ...]):
    """Hidden 4, 4, 3 on two features: layer 1's skip needs a projection (2 -> 4), layer 2's does not (4 -> 4)."""
    snapshot = fakes.make_snapshot("binary", hidden=(4, 4, 3))
    layers = tuple(dataclasses.replace(layer, residual=flag) for layer, flag in zip(snapshot.layers, flags + (False,)))
    return dataclasses.replace(snapshot, layers=layers)


def apex(view: NetworkView, layer: int) -> QPointF:
    """The top of the arc from column `layer` to column `layer` + 1."""
    return next(arc for index, arc, _ in view._skips if index == layer).pointAtPercent(0.5)


@pytest.fixture
def view(qtbot):
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(900, 420)
    view.show()
    return view


def test_each_residual_layer_gets_an_arc_and_hovering_it_says_what_it_adds(view):
    view.render(residual_snapshot((True, True, False)))
    assert [layer for layer, _, _ in view._skips] == [0, 1]
    first, second = view.describe_at(apex(view, 0)), view.describe_at(apex(view, 1))
    assert first.startswith(view.skip_legend()) and "projection" in first and "hidden 1" in first
    assert "adds its input" in second and "hidden 2" in second
    middle_of_layer_3 = (view.node_rect(2, 0).center() + view.node_rect(3, 0).center()) / 2
    assert view.describe_at(QPointF(middle_of_layer_3.x(), apex(view, 1).y())) is None  # no arc: not residual


def test_the_arcs_are_drawn_in_their_colour_and_make_room_above_the_nodes(view):
    view.render(residual_snapshot((False, False, False)))
    plain_top = view.node_rect(1, 0).top()
    assert view._skips == []
    view.render(dataclasses.replace(residual_snapshot((True, False, False)), serial=2))
    assert view.node_rect(1, 0).top() > plain_top  # the arcs' room comes out of the nodes', not the headers'
    image = view.grab().toImage()
    point = apex(view, 0)
    colours = {image.pixelColor(int(point.x()) + dx, int(point.y()) + dy).name()
               for dx in range(-6, 7) for dy in range(-2, 3)}
    assert any(_purple(QColor(c)) for c in colours)  # nothing else in the diagram is: weights are blue and orange
    assert view._layout.body_top - view._skip_room() < apex(view, 0).y() < view.node_rect(1, 0).top()


def _purple(colour: QColor) -> bool:
    """The arc's hue, antialiasing lightening it towards the white background."""
    return abs(colour.hslHue() - QColor(SKIP_COLOR).hslHue()) < 15 and colour.hslSaturation() > 60


def test_the_residual_column_is_a_checkbox_that_edits_the_layer(qtbot):
    model = LayerTableModel()
    model.set_layers([LayerSpec(units=3), LayerSpec(units=3, residual=True)])
    edits = []
    model.edited.connect(lambda *edit: edits.append(edit))
    assert FIELDS[RESIDUAL] == "residual" and model.headerData(RESIDUAL, Qt.Orientation.Horizontal) == "Residual"
    assert [model.data(model.index(row, RESIDUAL), Qt.ItemDataRole.CheckStateRole) for row in (0, 1)] == [
        Qt.CheckState.Unchecked, Qt.CheckState.Checked]
    assert model.flags(model.index(0, RESIDUAL)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(0, RESIDUAL), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert edits == [(0, "residual", True)]
