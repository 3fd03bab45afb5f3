"""The snapshot views, offscreen: each draws every kind of fake snapshot, and draws the right data."""
from __future__ import annotations

import dataclasses

import fake_snapshots as fakes
import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTranslator
from PySide6.QtGui import QColor

from playground.config import catalog
from playground.gui.panels.output_panel import OutputPanel
from playground.gui.views import (
    MAX_DRAWN_NEURONS,
    DatasetPicker,
    FeatureToggles,
    GradientView,
    LossView,
    NetworkView,
    OutputView,
    heatmap,
    network_links,
    network_nodes,
    theme,
)
from playground.gui.views.epoch_bins import EpochBins
from playground.gui.views.gradient_view import CEILING, FLOOR, MAX_COLUMNS
from playground.gui.views.labels import feature_label
from playground.training.snapshot import GridProbe, History, LayerProbe, Snapshot

VIEWS = [OutputView, NetworkView, LossView, GradientView]


def shown(qtbot, view, width=600, height=420):
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    return view


def with_history(snapshot: Snapshot, grad_norm: np.ndarray, serial: int) -> Snapshot:
    """The snapshot with its history cut or grown to grad_norm's rows (a run going on)."""
    rows = len(grad_norm)
    fields = {}
    for name, value in snapshot.history.__dict__.items():
        if name == "grad_norm":
            fields[name] = grad_norm
        elif name == "weight_norm":
            fields[name] = np.ones_like(grad_norm)
        else:
            fields[name] = np.resize(value, rows)
    return Snapshot(**{**snapshot.__dict__, "history": History(**fields), "serial": serial})


# -- every view, every snapshot ---------------------------------------------------
@pytest.mark.parametrize("name", list(fakes.ALL))
@pytest.mark.parametrize("view_class", VIEWS, ids=lambda c: c.__name__)
def test_view_draws_every_kind_of_snapshot(qtbot, view_class, name):
    view = shown(qtbot, view_class())
    view.render(fakes.ALL[name]())
    assert not view.grab().isNull()
    view.render(fakes.ALL[name](serial=2, seed=1))
    view.clear()
    view.grab()


FINGERPRINTS = {
    OutputView: lambda view: view.surface.image.copy(),
    NetworkView: lambda view: view._weights[0].copy(),
    LossView: lambda view: view.summary.text(),
    GradientView: lambda view: view.bar_tops(),
}


@pytest.mark.parametrize("view_class", VIEWS, ids=lambda c: c.__name__)
def test_view_skips_a_frame_it_has_drawn(qtbot, view_class):
    view = shown(qtbot, view_class())
    first = fakes.binary_2d()
    view.render(first)
    drawn = FINGERPRINTS[view_class](view)
    # Same serial, same session (history): whatever else differs, the view does no work.
    other = fakes.binary_2d(seed=5)
    other = Snapshot(**{**other.__dict__, "grid": GridProbe(**{**other.grid.__dict__, "output": 1 - other.grid.output})})
    view.render(Snapshot(**{**other.__dict__, "history": first.history, "serial": first.serial}))
    assert np.array_equal(FINGERPRINTS[view_class](view), drawn)
    view.render(Snapshot(**{**other.__dict__, "history": first.history, "serial": 2}))
    assert not np.array_equal(FINGERPRINTS[view_class](view), drawn)


# -- colors ----------------------------------------------------------------------
def test_signed_scale_runs_orange_to_blue():
    assert tuple(heatmap.POINT_LUT[0, :3]) == tuple(heatmap.rgb(heatmap.NEGATIVE).astype(int))
    assert tuple(heatmap.POINT_LUT[-1, :3]) == tuple(heatmap.rgb(heatmap.POSITIVE).astype(int))
    middle = heatmap.signed_rgba(np.array(0.0), lut=heatmap.POINT_LUT)[:3]
    assert np.abs(middle.astype(int) - heatmap.rgb(heatmap.NEUTRAL)).max() <= 3
    # Surfaces are lighter than points, so that points stand out on them.
    assert heatmap.SURFACE_LUT[0, :3].astype(int).sum() > heatmap.POINT_LUT[0, :3].astype(int).sum()


def test_discretize_keeps_only_the_sign():
    values = np.linspace(-1, 1, 50)
    colors = {tuple(c) for c in heatmap.signed_rgba(values, discretize=True)}
    assert colors == {tuple(heatmap.SURFACE_LUT[0]), tuple(heatmap.SURFACE_LUT[-1])}


def test_classes_blend_by_probability():
    probs = np.array([[1.0, 0.5, 0.2], [0.0, 0.5, 0.3], [0.0, 0.0, 0.5]])
    colors = heatmap.class_rgba(probs).astype(int)
    surface = 255 + (heatmap.CLASS_RGB[:3] - 255) * heatmap.SURFACE_OPACITY
    assert np.abs(colors[0, :3] - surface[0]).max() <= 1
    assert np.abs(colors[1, :3] - (surface[0] + surface[1]) / 2).max() <= 1
    discrete = heatmap.class_rgba(probs, discretize=True).astype(int)
    assert np.abs(discrete[2, :3] - surface[2]).max() <= 1


def test_qimage_puts_the_first_grid_row_at_the_bottom():
    rgba = np.zeros((2, 3, 4), dtype=np.uint8)
    rgba[0] = (255, 0, 0, 255)
    image = heatmap.to_qimage(rgba)
    assert QColor(image.pixel(0, 1)).red() == 255 and QColor(image.pixel(0, 0)).red() == 0


def test_feature_labels_read_as_math():
    assert feature_label("x1^12") == "X₁¹²"
    assert feature_label("x1*x2") == "X₁X₂"
    assert feature_label("sin_x2") == "sin(X₂)"
    assert feature_label("petal width") == "petal width"


class _PixelTranslator(QTranslator):
    """Translates the pixel label alone, as a .qm that knows it would."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return "\u50cf\u7d20 {row},{column}" if (context, source) == ("FeatureLabel", "pixel {row},{column}") else ""


def test_digit_pixels_are_named_through_qt_translation(qapp):
    assert feature_label("pixel_2_5") == "pixel 2,5"  # row 2, column 5 of the 8x8 image
    translator = _PixelTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        assert feature_label("pixel_7_0") == "\u50cf\u7d20 7,0"
    finally:
        QCoreApplication.removeTranslator(translator)


# -- OUTPUT ----------------------------------------------------------------------
def test_output_heatmap_is_the_grid_output(qtbot):
    view = shown(qtbot, OutputView())
    snapshot = fakes.binary_2d()
    view.render(snapshot)
    expected = heatmap.output_rgba(snapshot.grid.output, snapshot.data)
    assert np.array_equal(view.surface.image, expected)
    rect = view.surface.mapRectToParent(view.surface.boundingRect())
    assert rect.left() < -6 < rect.left() + 0.2 and rect.right() - 0.2 < 6 < rect.right()


def test_output_points_are_the_training_data(qtbot):
    view = shown(qtbot, OutputView())
    snapshot = fakes.multiclass_2d()
    view.render(snapshot)
    x, y = view.train_points.getData()
    assert np.allclose(x, snapshot.data.x_train[:, 0]) and np.allclose(y, snapshot.data.x_train[:, 1])
    brushes = [spot.brush().color().name() for spot in view.train_points.points()]
    expected = [heatmap.CLASS_COLORS[c] for c in snapshot.data.y_train]
    assert brushes == expected
    assert "class 2" in view.legend.text()


def test_discretize_changes_the_output_image(qtbot):
    view = shown(qtbot, OutputView())
    snapshot = fakes.binary_2d()
    view.render(snapshot)
    smooth = view.surface.image.copy()
    view.set_discretize(True)
    assert not np.array_equal(view.surface.image, smooth)
    assert np.array_equal(view.surface.image, heatmap.output_rgba(snapshot.grid.output, snapshot.data, True))
    view.set_discretize(False)
    assert np.array_equal(view.surface.image, smooth)


def test_output_plane_fills_a_square_box(qtbot):
    view = shown(qtbot, OutputView(), width=320, height=500)
    snapshot = fakes.binary_2d()
    view.render(snapshot)
    box = view.plot.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: abs(box.width() - box.height()) <= 2)
    (x0, x1), (y0, y1) = box.viewRange()
    assert np.allclose((x0, x1, y0, y1), snapshot.data.extent, atol=0.05 * (x1 - x0))


def test_show_test_toggles_the_test_points(qtbot):
    view = shown(qtbot, OutputView())
    snapshot = fakes.binary_2d()
    view.render(snapshot)
    assert not view.test_points.isVisible()
    view.set_show_test(True)
    assert view.test_points.isVisible()
    assert len(view.test_points.getData()[0]) == len(snapshot.data.x_test)
    view.set_show_test(False)
    assert not view.test_points.isVisible()


def test_one_dimensional_output_is_a_curve_over_the_points(qtbot):
    view = shown(qtbot, OutputView())
    snapshot = fakes.regression_1d()
    view.render(snapshot)
    assert not view.surface.isVisible()
    x, y = view.curves[0].getData()
    assert np.allclose(y, snapshot.grid.output)
    assert np.isclose(x[0], -6) and np.isclose(x[-1], 6)
    px, py = view.train_points.getData()
    assert np.allclose(px, snapshot.data.x_train[:, 0]) and np.allclose(py, snapshot.data.y_train)


def test_too_many_inputs_get_a_note_not_an_empty_plot(qtbot):
    view = shown(qtbot, OutputView())
    view.render(fakes.no_grid())
    assert view.pages.currentWidget() is view.note
    assert "5" in view.note.text()
    view.render(fakes.binary_2d(serial=2))
    assert view.pages.currentWidget() is view.plot_box


# -- NETWORK ---------------------------------------------------------------------
def test_network_draws_at_most_twelve_neurons_a_column(qtbot):
    view = shown(qtbot, NetworkView(), 1300, 420)
    snapshot = fakes.many_layers()
    view.render(snapshot)
    columns = len(snapshot.layers) + 1
    assert view.drawn_nodes(0) == 7 and view.more_text(0) == ""
    for c in range(1, columns - 1):
        assert view.drawn_nodes(c) == MAX_DRAWN_NEURONS == 12
        assert view.more_text(c) == "+500 more"
    assert view.drawn_nodes(columns - 1) == 1
    # Links join drawn nodes only.
    assert all(weights.shape == (12, 12) for weights in view._weights[1:-1])
    assert len(view.unit_buttons) == 32


def test_network_buttons_ask_for_changes(qtbot):
    view = shown(qtbot, NetworkView())
    view.render(fakes.binary_2d())
    with qtbot.waitSignal(view.layer_count_change_requested) as added:
        qtbot.mouseClick(view.add_layer_button, Qt.MouseButton.LeftButton)
    assert added.args == [1]
    with qtbot.waitSignal(view.layer_count_change_requested) as removed:
        qtbot.mouseClick(view.remove_layer_button, Qt.MouseButton.LeftButton)
    assert removed.args == [-1]
    with qtbot.waitSignal(view.units_change_requested) as grown:
        qtbot.mouseClick(view.unit_buttons[1][0], Qt.MouseButton.LeftButton)
    assert grown.args == [1, 1]
    with qtbot.waitSignal(view.units_change_requested) as shrunk:
        qtbot.mouseClick(view.unit_buttons[0][1], Qt.MouseButton.LeftButton)
    assert shrunk.args == [0, -1]


def test_network_buttons_follow_the_structure(qtbot):
    view = shown(qtbot, NetworkView())
    view.render(fakes.make_snapshot("binary", hidden=(1, 3, 2)))
    assert len(view.unit_buttons) == 3
    assert not view.unit_buttons[0][1].isEnabled() and view.unit_buttons[1][1].isEnabled()
    view.render(fakes.make_snapshot("binary", hidden=(), serial=2))
    assert view.unit_buttons == [] and not view.remove_layer_button.isEnabled()


def test_hovering_tells_a_neurons_and_a_links_values(qtbot):
    view = shown(qtbot, NetworkView())
    snapshot = fakes.binary_2d()
    view.render(snapshot)
    text = view.describe_at(view.node_rect(1, 2).center())
    assert "hidden 1" in text and "3" in text and f"{snapshot.layers[0].bias[2]:.4g}" in text
    assert "bias" in view.describe_at(view.node_rect(3, 0).center())  # the output's bias shows too
    start, end = view.node_rect(0, 1), view.node_rect(1, 3)
    middle = (QPointF(start.right(), start.center().y()) + QPointF(end.left(), end.center().y())) / 2
    text = view.describe_at(middle)
    assert f"{snapshot.layers[0].weights[3, 1]:.4g}" in text and "X₂" in text
    assert view.describe_at(QPointF(view.width() - 3, view.height() - 3)) is None


def test_hovering_a_neuron_shows_it_enlarged(qtbot):
    view = shown(qtbot, NetworkView())
    view.render(fakes.binary_2d())
    qtbot.mouseMove(view, view.node_rect(1, 0).center().toPoint())
    qtbot.waitUntil(view.card.isVisible, timeout=1000)
    assert view.card.picture.pixmap().width() >= 100
    assert "hidden 1" in view.card.caption.text()


def test_link_pens_grow_with_the_weight_and_show_its_sign():
    pens = network_links.pens(max_width=10)
    assert pens[10].widthF() == 10 and pens[0].widthF() == 1
    assert pens[10].color().name() == heatmap.POSITIVE and pens[-10].color().name() == heatmap.NEGATIVE
    levels = network_links.levels(np.array([[0.5, -1.0, np.nan, 0.0]]))
    assert levels.tolist() == [[5, -10, 0, 0]]


def test_maxout_links_show_the_strongest_piece():
    weights = np.array([[0.1, -2.0], [0.5, 1.0], [-3.0, 0.2], [1.0, 0.1]])  # 2 units x 2 pieces
    layer = LayerProbe("hidden 1", 2, "maxout", 0, 0, 0, 0, 0, 0, None, None, *[np.zeros(1)] * 4, weights, np.zeros(2))
    assert network_links.drawn_weights(layer, 2, 2).tolist() == [[0.5, -2.0], [-3.0, 0.2]]


def test_network_discretize_changes_the_node_pictures(qtbot):
    view = shown(qtbot, NetworkView())
    view.render(fakes.binary_2d())
    before = view._looks[1][0].image
    view.set_discretize(True)
    assert view._looks[1][0].image != before


def test_network_discretize_paints_the_likeliest_class_of_many(qtbot):
    snapshot = fakes.multiclass_2d()
    probs = snapshot.grid.output
    assert (probs.max(axis=0) < 0.5).any()  # places a 0.5 threshold would leave white
    output = len(snapshot.layers)
    looks = network_nodes.column_looks(snapshot, output, len(probs), True, pixels=snapshot.grid.resolution)
    winners = heatmap.likeliest(probs)
    expected = heatmap.atlas_qimage(np.stack([heatmap.single_class_rgba(w, k) for k, w in enumerate(winners)]))
    assert looks[0].image == expected
    assert np.array_equal(winners.sum(axis=0), np.ones(probs.shape[1:]))


def test_discretize_is_off_and_disabled_for_regression(qtbot):
    panel = OutputPanel()
    qtbot.addWidget(panel)
    panel.discretize.setChecked(True)
    panel.render(fakes.regression_2d())
    assert not panel.discretize.isChecked() and not panel.discretize.isEnabled()
    assert not panel.view._discretize and "regression" in panel.discretize.toolTip()
    panel.render(fakes.binary_2d())
    assert panel.discretize.isEnabled()


def test_network_features_title_stays_inside_a_deep_narrow_diagram(qtbot):
    view = NetworkView()
    view.render(fakes.make_snapshot(hidden=(8,) * 32, resolution=16))
    shown(qtbot, view, width=view.minimumSizeHint().width(), height=420)
    (left, right), _ = view._header_span(0)
    assert left >= 0 and right - left >= view.fontMetrics().horizontalAdvance("features")
    assert view._layout.columns[0].x + view._layout.node_size / 2 < right  # the title needed the room


def test_network_without_a_grid_draws_plain_circles(qtbot):
    view = shown(qtbot, NetworkView())
    view.render(fakes.no_grid())
    assert all(look.image is None and look.fill is not None for column in view._looks for look in column)


# -- LOSS ------------------------------------------------------------------------
def test_loss_curves_are_the_history(qtbot):
    view = shown(qtbot, LossView())
    snapshot = fakes.binary_2d()
    view.render(snapshot)
    x, y = view.loss_curves["train"].getData()
    assert np.array_equal(x, snapshot.history.epoch) and np.array_equal(y, snapshot.history.train_loss)
    assert np.array_equal(view.loss_curves["val"].getData()[1], snapshot.history.val_loss)
    assert np.array_equal(view.accuracy_curves["val"].getData()[1], snapshot.history.val_accuracy)
    assert f"{snapshot.train_loss:.3f}" in view.summary.text() and f"{snapshot.val_loss:.3f}" in view.summary.text()


def test_loss_hides_accuracy_for_regression(qtbot):
    view = shown(qtbot, LossView())
    view.render(fakes.regression_2d())
    assert not view.accuracy_plot.isVisible()
    assert "accuracy" not in view.summary.text()
    view.render(fakes.binary_2d(serial=2))
    assert view.accuracy_plot.isVisible()


def test_loss_log_scale_and_test_curve_toggle(qtbot):
    view = shown(qtbot, LossView())
    view.render(fakes.binary_2d())
    view.set_log_y(True)
    assert view.loss_plot.getPlotItem().ctrl.logYCheck.isChecked()
    view.set_log_y(False)
    assert not view.loss_plot.getPlotItem().ctrl.logYCheck.isChecked()
    assert not view.loss_curves["test"].isVisible()
    view.set_show_test(True)
    assert view.loss_curves["test"].isVisible() and view.accuracy_curves["test"].isVisible()


def test_loss_readout_follows_the_mouse(qtbot):
    view = shown(qtbot, LossView())
    snapshot = fakes.binary_2d()
    view.render(snapshot)
    view.grab()  # lays the plot out, so that view and scene coordinates agree
    box = view.loss_plot.getPlotItem().getViewBox()
    view.loss_plot.scene().sigMouseMoved.emit(box.mapViewToScene(QPointF(10, 0.3)))
    assert "epoch 10" in view.readout.text()
    assert f"{snapshot.history.train_loss[9]:.3f}" in view.readout.text()


# -- GRADIENTS ---------------------------------------------------------------------
def test_gradient_bars_are_log10_of_the_norms(qtbot):
    view = shown(qtbot, GradientView())
    snapshot = fakes.binary_2d()
    view.render(snapshot)
    norms = np.array([layer.grad_norm for layer in snapshot.layers])
    assert np.allclose(view.bar_tops(), np.log10(norms))


def test_gradient_view_survives_broken_numbers(qtbot):
    view = shown(qtbot, GradientView())
    snapshot = fakes.nan_gradients()          # layer norms: nan, 0, inf, 1e-3
    view.render(snapshot)
    assert np.allclose(view.bar_tops(), [CEILING, FLOOR, CEILING, -3.0])
    brushes = [b.color().name() for b in view.bars.opts["brushes"]]
    assert brushes[0] == QColor(theme.ALARM).name() and brushes[3] != brushes[0]
    image, others = view.image.image, [0, 2, 3]     # layer 1's gradient is zero throughout
    assert np.isnan(image[-10:, others]).all()
    assert np.all(image[-15:-10, others] == CEILING)
    assert np.all(image[:, 1] == FLOOR)


def test_gradient_heatmap_is_layer_by_epoch(qtbot):
    view = shown(qtbot, GradientView())
    snapshot = fakes.many_layers(units=4)
    view.render(snapshot)
    assert view.image.image.shape == snapshot.history.grad_norm.shape
    # Its first layers' gradients vanish below 1e-8: the floor goes down to show them.
    assert np.allclose(view.image.image, np.log10(snapshot.history.grad_norm))


def test_gradients_below_the_default_floor_still_draw(qtbot):
    # A converged network's gradients of 1e-12 drew an empty chart under a fixed 1e-8 floor.
    view = shown(qtbot, GradientView())
    base = fakes.binary_2d()
    norms = np.array([3e-12, 2e-11, 5e-13])[:len(base.layers)]
    layers = tuple(dataclasses.replace(layer, grad_norm=float(n)) for layer, n in zip(base.layers, norms))
    grad = np.tile(norms, (len(base.history), 1))
    snapshot = dataclasses.replace(base, layers=layers, history=dataclasses.replace(base.history, grad_norm=grad))
    view.render(snapshot)
    assert np.allclose(view.bar_tops(), np.log10(norms)) and (view.bars.opts["height"] > 0).all()
    assert np.allclose(view.image.image, np.log10(grad))
    assert view.colorbar.levels()[0] <= np.log10(norms.min())
    view.clear()
    assert view.colorbar.levels() == (FLOOR, CEILING)


def test_gradient_heatmap_grows_in_bounded_columns(qtbot):
    view = shown(qtbot, GradientView())
    base = fakes.binary_2d()
    grad = np.random.default_rng(0).uniform(1e-6, 1.0, (5000, 3))
    for serial, rows in enumerate((10, 999, 1000, 1001, 2500, 4999, 5000), start=1):
        view.render(with_history(base, grad[:rows], serial))
    image = view.image.image
    assert len(image) <= MAX_COLUMNS
    stride = 5000 // len(image)
    reference = np.log10(grad).reshape(len(image), stride, 3).mean(axis=1)
    assert np.allclose(image, reference)
    view.render(with_history(base, grad[:20] * 2, 99))   # a new run starts over
    assert np.allclose(view.image.image, np.log10(grad[:20] * 2))


def test_epoch_bins_match_one_pass_averages():
    rng = np.random.default_rng(1)
    values = rng.normal(size=(777, 2))
    values[300, 1] = np.nan
    bins = EpochBins(max_columns=50)
    bins.reset(2)
    for start in range(0, 777, 37):
        bins.extend(values[start:start + 37])
    assert bins.rows == 777 and len(bins.columns) <= 50
    whole = 777 // bins.stride * bins.stride
    reference = values[:whole].reshape(-1, bins.stride, 2).mean(axis=1)
    assert np.allclose(bins.columns[: len(reference)], reference, equal_nan=True)
    assert np.allclose(bins.columns[-1], values[whole:].mean(axis=0))
    assert np.isnan(bins.columns[300 // bins.stride, 1])


# -- pickers -----------------------------------------------------------------------
def fake_preview(name):
    x = np.random.default_rng(0).uniform(-5, 5, (60, 1 if name == "curve" else 2))
    return x, (x[:, 0] > 0).astype(int)


def test_dataset_picker_emits_the_clicked_dataset(qtbot):
    picker = shown(qtbot, DatasetPicker(fake_preview), 500, 160)
    assert set(picker.buttons) == set(catalog.GENERATORS)
    with qtbot.waitSignal(picker.dataset_chosen) as chosen:
        qtbot.mouseClick(picker.buttons["spiral"], Qt.MouseButton.LeftButton)
    assert chosen.args == ["spiral"]
    assert picker.current() == "spiral" and picker.buttons["spiral"].isChecked()


def test_dataset_picker_highlights_without_emitting(qtbot):
    picker = shown(qtbot, DatasetPicker(fake_preview), 500, 160)
    with qtbot.assertNotEmitted(picker.dataset_chosen):
        picker.set_current("xor")
    assert picker.current() == "xor"
    picker.set_current("csv")
    assert picker.current() is None


def test_feature_toggles_emit_the_selection(qtbot):
    toggles = shown(qtbot, FeatureToggles(), 120, 320)
    assert toggles.features() == ["x1", "x2"]
    with qtbot.waitSignal(toggles.features_changed) as changed:
        qtbot.mouseClick(toggles.buttons["x1^2"], Qt.MouseButton.LeftButton)
    assert changed.args == [["x1", "x2", "x1^2"]]
    toggles.set_features(["x2"])
    with qtbot.assertNotEmitted(toggles.features_changed):
        qtbot.mouseClick(toggles.buttons["x2"], Qt.MouseButton.LeftButton)
    assert toggles.features() == ["x2"]   # the last input stays on


def test_feature_icons_show_the_feature_over_the_plane():
    from playground.gui.views.data_thumbnails import feature_rgba
    x1 = feature_rgba("x1")
    # x1 grows to the right: orange on the left column, blue on the right.
    assert tuple(x1[0, 0]) == tuple(heatmap.POINT_LUT[0]) and tuple(x1[0, -1]) == tuple(heatmap.POINT_LUT[-1])
    x2 = feature_rgba("x2")
    assert tuple(x2[0, 0]) == tuple(heatmap.POINT_LUT[0]) and tuple(x2[-1, 0]) == tuple(heatmap.POINT_LUT[-1])
