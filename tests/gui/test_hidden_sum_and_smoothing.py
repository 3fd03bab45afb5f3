"""The curve's output as a sum of hidden-unit pieces, and the loss charts' smoothing, as the window draws them."""
from __future__ import annotations

import fake_snapshots as fakes
import numpy as np
import pytest
from PySide6.QtCore import QPointF, QSettings

from playground.analysis.smoothing import smoothed
from playground.config.experiment import Experiment
from playground.gui.panels.output_panel import OutputPanel
from playground.gui.views.hidden_sum import nearest_piece
from playground.gui.views.loss_view import LossView
from playground.training.trainer import Trainer

CURVE = {"data.dataset": "curve", "data.features": ["x1"], "network.layers": [{"units": 4, "activation": "relu"}]}


def curve_snapshot(**changes):
    trainer = Trainer(Experiment(device="cpu").with_changes(**{**CURVE, **changes}))
    trainer.train(5)
    return trainer.snapshot()


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(400, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_drawn_pieces_and_bias_add_up_to_the_drawn_output(qtbot):
    panel = shown(qtbot, OutputPanel())
    snapshot = curve_snapshot()
    panel.render(snapshot)
    view, grid = panel.view, snapshot.grid
    x, output = view.curves[0].getData()
    pieces = [item.getData() for item in view.hidden_sum.items if item.isVisible()]
    assert len(pieces) == 4 and all(np.array_equal(px, x) for px, _ in pieces)
    np.testing.assert_allclose(sum(py for _, py in pieces) + view.hidden_sum.bias.value(), output, rtol=1e-5, atol=1e-5)
    assert view.hidden_sum.bias.value() == pytest.approx(grid.head_bias) and view.hidden_sum.bias.isVisible()
    # Every piece a colour of its own.
    assert len({item.opts["pen"].color().name() for item in view.hidden_sum.items}) == 4

    assert panel.show_pieces.isVisibleTo(panel) and panel.show_pieces.isChecked()  # on by default for the curve
    panel.show_pieces.setChecked(False)
    assert not any(item.isVisible() for item in view.hidden_sum.items) and not view.hidden_sum.bias.isVisible()
    panel.show_pieces.setChecked(True)
    assert all(item.isVisible() for item in view.hidden_sum.items[:4])

    panel.render(fakes.binary_2d())  # a plane has no such sum: nothing left over it, no toggle
    assert not panel.show_pieces.isVisibleTo(panel)
    assert not any(item.isVisible() for item in view.hidden_sum.items) and not view.hidden_sum.bias.isVisible()


def test_the_pointer_finds_the_piece_it_is_on():
    x = np.linspace(-1.0, 1.0, 5)
    pieces = np.array([np.zeros(5), 10 * x, np.full(5, 0.5)])
    pixel = (0.01, 0.01)
    assert nearest_piece(pieces, x, 0.2, 0.03, pixel) == 0
    assert nearest_piece(pieces, x, 0.25, 0.49, pixel) == 2
    # The steep piece, 5 pixels off across but 50 pixels off vertically: on it, measured on the screen.
    assert nearest_piece(pieces, x, 0.3 + 0.05, 3.0, pixel) == 1
    assert nearest_piece(pieces, x, 0.2, 0.2, pixel) == -1       # 20 pixels from any piece
    assert nearest_piece(pieces, x, 1.5, 0.0, pixel) == -1       # beyond the line's end


def test_hovering_a_piece_marks_its_neuron_and_the_neuron_marks_its_piece(qtbot, open_window):
    window = open_window(Experiment(device="cpu").with_changes(**CURVE))
    window.controller.step_epoch()
    view, network = window.output_panel.view, window.network_view
    qtbot.waitUntil(lambda: view.hidden_sum.shown, timeout=10_000)
    box = view.plot.getPlotItem().getViewBox()
    hidden_sum = view.hidden_sum
    qtbot.wait(50)  # the auto-ranged axes settle
    pieces, (low, high) = hidden_sum._pieces, box.viewRange()[1]
    # The point of a piece inside the plot (pieces are cut at its edge) that is farthest from every other piece.
    gaps = np.array([np.min(np.abs(np.delete(pieces, k, axis=0) - piece), axis=0) for k, piece in enumerate(pieces)])
    gaps[(pieces < low) | (pieces > high)] = -1
    gaps[:, :10] = gaps[:, -10:] = -1  # away from the plot's sides
    k, column = np.unravel_index(int(np.argmax(gaps)), gaps.shape)
    at = box.mapViewToScene(QPointF(float(hidden_sum._x[column]), float(pieces[k, column])))
    view.plot.scene().sigMouseMoved.emit(at)
    assert hidden_sum.highlighted == k
    assert network.marked == (1, k)  # column 1: the only hidden layer
    view.plot.scene().sigMouseMoved.emit(QPointF(-50.0, -50.0))  # off the plot
    assert hidden_sum.highlighted == -1 and network.marked is None

    other = (k + 1) % 4
    qtbot.mouseMove(network, network.node_rect(1, other).center().toPoint())
    qtbot.waitUntil(lambda: hidden_sum.highlighted == other, timeout=2000)
    assert hidden_sum.items[other].opts["pen"].widthF() > hidden_sum.items[k].opts["pen"].widthF()
    qtbot.mouseMove(network, network.node_rect(0, 0).center().toPoint())  # an input: no piece of its own
    qtbot.waitUntil(lambda: hidden_sum.highlighted == -1, timeout=2000)


def test_smoothing_draws_the_average_over_the_faint_measured_curve(qtbot):
    view = shown(qtbot, LossView())
    snapshot = fakes.binary_2d(epochs=5000)  # a long run: the plot items downsample what they are given
    history = snapshot.history
    view.render(snapshot)
    raw = view.raw_curves[view.loss_plot]["train"]
    assert not raw.isVisible()
    view.set_smoothing(0.9)
    np.testing.assert_allclose(view.loss_curves["train"].yData, smoothed(history.train_loss, 0.9))
    np.testing.assert_allclose(view.accuracy_curves["val"].yData, smoothed(history.val_accuracy, 0.9))
    assert raw.isVisible() and np.array_equal(raw.yData, history.train_loss)
    assert raw.opts["pen"].color().alpha() < view.loss_curves["train"].opts["pen"].color().alpha()
    assert not view.raw_curves[view.loss_plot]["test"].isVisible()  # test data are hidden, raw and smoothed
    view.set_show_test(True)
    assert view.raw_curves[view.loss_plot]["test"].isVisible()

    view.set_smoothing(0.0)
    assert not raw.isVisible()
    np.testing.assert_array_equal(view.loss_curves["train"].yData, history.train_loss)


def test_the_smoothing_setting_survives_a_restart(qtbot, open_window, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_window(settings=settings)
    assert window.smoothing.beta == 0.0 and window.smoothing.value.text() == "off"
    window.smoothing.set_beta(0.95)
    raw = lambda w: w.loss_view.raw_curves[w.loss_view.loss_plot]["train"]
    assert raw(window).isVisible() and "20 epochs" in window.smoothing.value.text()
    window.close()
    again = open_window(settings=settings)
    assert again.smoothing.beta == 0.95 and raw(again).isVisible()


def test_on_a_log_scale_the_losses_are_smoothed_then_logged(qtbot):
    view = shown(qtbot, LossView())
    snapshot = fakes.binary_2d(epochs=60)  # short: drawn point for point
    view.render(snapshot)
    view.set_smoothing(0.8)
    view.set_log_y(True)
    epochs, drawn = view.loss_curves["train"].getData()
    assert len(drawn) == 60
    expected = smoothed(snapshot.history.train_loss, 0.8)
    np.testing.assert_allclose(10 ** drawn, expected, rtol=1e-9)
    # An average of the logs (a geometric mean) would sit lower wherever the loss varies.
    assert not np.allclose(drawn, smoothed(np.log10(snapshot.history.train_loss), 0.8), rtol=1e-6)
