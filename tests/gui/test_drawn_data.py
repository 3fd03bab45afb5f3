"""Data a student brings into the window: points clicked onto the plane, a typed formula, the real tables,
and the Classes tab's pictures of a digits network."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from sklearn.metrics import confusion_matrix

from playground.cli import main as cli
from playground.config.experiment import Experiment
from playground.gui.main_window import MainWindow
from playground.gui.points_editor import starter_points
from playground.gui.views import class_views, heatmap
from playground.training.trainer import Trainer

WAIT_MS = 20_000


@pytest.fixture
def window(qtbot):
    """A shown window on the drawn-points starter set, closed (and its training process ended) at the end."""
    experiment = Experiment().with_changes(**{"data.dataset": "points", "data.points": starter_points(), "device": "cpu"})
    shown = MainWindow(experiment, None)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: shown.controller.snapshot is not None, timeout=WAIT_MS)
    yield shown
    shown.close()


def on_plane(window: MainWindow, x1: float, x2: float) -> QPoint:
    """The viewport pixel of plane point (x1, x2) in the output view."""
    plot = window.output_panel.view.plot
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x1, x2))
    return plot.mapFromScene(scene)


def drawn(window: MainWindow) -> list[list[float]]:
    return window.controller.experiment.data.points


def test_clicks_put_points_of_each_class_onto_the_plane_and_training_sees_them(qtbot, window):
    viewport = window.output_panel.view.plot.viewport()
    before = len(drawn(window))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=on_plane(window, 3.0, -3.0))
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=on_plane(window, -3.0, 3.0))
    points = drawn(window)
    assert len(points) == before + 2
    (a1, a2, a_label), (b1, b2, b_label) = points[-2:]
    assert (a_label, b_label) == (1.0, 0.0)  # the picked class (1), then the other one
    assert np.allclose([a1, a2, b1, b2], [3.0, -3.0, -3.0, 3.0], atol=0.15)  # a pixel or two of rounding
    window.points_editor.toolbar.classes.button(2).click()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=on_plane(window, 0.0, 4.5))
    assert drawn(window)[-1][2] == 2.0
    # The trainer sat between epochs: it took the points at once, with a third output for class 2.
    qtbot.waitUntil(lambda: window.controller.snapshot.data.classes == 3, timeout=WAIT_MS)
    data = window.controller.snapshot.data
    shown = np.concatenate([data.x_train, data.x_val, data.x_test])
    assert len(shown) == before + 3


def test_drag_paints_a_trail_and_undo_takes_the_stroke_back(qtbot, window):
    viewport = window.output_panel.view.plot.viewport()
    before = [list(p) for p in drawn(window)]

    def send(kind, x1, buttons):
        button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
        where = QPointF(on_plane(window, x1, 5.0))
        QApplication.sendEvent(viewport, QMouseEvent(kind, where, viewport.mapToGlobal(where), button, buttons,
                                                     Qt.KeyboardModifier.NoModifier))

    send(QEvent.Type.MouseButtonPress, -5.0, Qt.MouseButton.LeftButton)
    for x1 in np.linspace(-5.0, 5.0, 41):
        send(QEvent.Type.MouseMove, x1, Qt.MouseButton.LeftButton)
    assert drawn(window) == before  # a stroke reaches the training when the button is let go
    send(QEvent.Type.MouseButtonRelease, 5.0, Qt.MouseButton.NoButton)
    trail = drawn(window)[len(before):]
    assert 20 <= len(trail) <= 32  # 10 units painted every PAINT_SPACING = 0.35
    assert all(abs(x2 - 5.0) < 0.15 and label == 1.0 for _, x2, label in trail)
    window.points_editor.toolbar.undo.click()
    assert drawn(window) == before


def test_the_eraser_and_clear_never_hand_over_an_untrainable_set(qtbot, window):
    editor = window.points_editor
    viewport = window.output_panel.view.plot.viewport()
    editor.toolbar.eraser.click()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=on_plane(window, 2.5, 2.5))  # the class 1 cluster's centre
    left = drawn(window)
    assert len(left) < len(starter_points()) and [2.5, 2.5, 1.0] not in left
    assert all(np.hypot(x1 - 2.5, x2 - 2.5) > 0.45 for x1, x2, _ in left)  # the eraser's 0.6, less a pixel's rounding
    editor.toolbar.clear.click()
    assert editor.points == [] and drawn(window) == left  # nothing to train on: the last set stays in force
    assert "two classes" in editor.toolbar.note.text()
    editor.toolbar.undo.click()
    assert drawn(window) == left and editor.toolbar.note.text() == ""


def test_regression_points_take_the_sliders_value(qtbot, window):
    editor = window.points_editor
    viewport = window.output_panel.view.plot.viewport()
    editor.toolbar.regression.click()
    editor.toolbar.value.setValue(6)  # +0.6
    for x1 in (-2.0, 2.0):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=on_plane(window, x1, 0.0))
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=on_plane(window, 0.0, 3.0))
    data = window.controller.experiment.data
    assert data.points_task == "regression" and [p[2] for p in data.points] == [0.6, 0.6, -0.6]
    qtbot.waitUntil(lambda: window.controller.snapshot.data.task == "regression", timeout=WAIT_MS)


def test_a_set_drawn_in_the_window_trains_from_config(qtbot, window, tmp_path, capsys):
    viewport = window.output_panel.view.plot.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=on_plane(window, -4.0, -4.0))
    path = tmp_path / "drawn.json"
    assert window.file_menu.save(str(path))
    assert Experiment.load(path).data.points == drawn(window)
    assert cli.main(["train", "--config", str(path), "--epochs", "5", "--quiet"]) == 0
    assert "accuracy: train" in capsys.readouterr().out


def test_more_data_offers_the_tables_and_a_formula(qtbot, window):
    more = window.data_panel.more_data
    more.choice.setCurrentIndex(more.choice.findData("digits"))
    more.choice.activated.emit(more.choice.currentIndex())
    qtbot.waitUntil(lambda: window.controller.snapshot.data.image_shape == (8, 8), timeout=WAIT_MS)
    assert window.controller.experiment.data.standardize
    assert not window.points_editor.toolbar.isVisible()
    qtbot.waitUntil(window.output_panel.projection.isVisible, timeout=WAIT_MS)  # drawn at the next frame
    assert not window.output_panel.view.isVisible()
    more.choice.setCurrentIndex(more.choice.findData("function"))
    more.choice.activated.emit(more.choice.currentIndex())
    assert window.controller.experiment.data.formula == "3*sin(x1)"
    more.formula.setText("x1^^2")
    more.formula.editingFinished.emit()
    assert "data.formula: position 4:" in window.banner.text()
    assert window.controller.experiment.data.formula == "3*sin(x1)"
    more.formula.setText("x1^3 - x1")
    more.formula.editingFinished.emit()
    assert window.controller.experiment.data.formula == "x1^3 - x1"


def test_the_classes_tab_draws_sklearns_confusion_matrix_weight_tiles_and_mistakes(qtbot):
    trainer = Trainer(Experiment().with_changes(**{"data.dataset": "digits", "device": "cpu",
                                                   "network.layers": [{"units": 12, "activation": "relu"}]}))
    trainer.train(2)
    snapshot = trainer.snapshot(grid=False)
    views = class_views.ClassViews()
    qtbot.addWidget(views)
    views.render(snapshot)
    probe, data = snapshot.classes, snapshot.data
    expected = confusion_matrix(data.y_val, probe.predicted, labels=list(range(10)))
    np.testing.assert_array_equal(probe.confusion, expected)
    np.testing.assert_array_equal(views.confusion.image, class_views.confusion_rgba(expected))
    assert [t.toPlainText() for t in views._cell_texts] == [str(v) for v in expected.ravel()]
    # 12 units: two rows of 8 tiles of 8 x 8 with a pixel between; the first tile is unit 0's weights.
    tiles = views.weights.image
    assert tiles.shape[:2] == (2 * 9 - 1, 8 * 9 - 1)
    w = snapshot.layers[0].weights[0]
    np.testing.assert_allclose(tiles[:8, :8], heatmap.signed_rgba((w / np.abs(w).max()).reshape(8, 8), lut=heatmap.POINT_LUT))
    wrong = np.flatnonzero(probe.predicted != data.y_val)
    captions = [t.toPlainText() for t in views._mistake_texts]
    assert len(captions) == min(len(wrong), class_views.MAX_MISTAKES) > 0
    assert captions[0] == f"{data.y_val[wrong[0]]}\u2192{probe.predicted[wrong[0]]}"


def test_a_wide_table_is_drawn_on_sklearns_principal_components():
    from sklearn.decomposition import PCA
    from sklearn.preprocessing import StandardScaler

    from playground.gui.views.projection_view import principal_axes, project

    x = Trainer(Experiment().with_changes(**{"data.dataset": "wine", "device": "cpu"})).dataset.x_train
    axes = principal_axes(x)
    pca = PCA(n_components=2).fit(StandardScaler().fit_transform(x))
    ours = project(x, axes)
    theirs = pca.transform(StandardScaler().fit_transform(x))
    signs = np.sign((ours * theirs).sum(axis=0))  # a component's direction is either way round
    np.testing.assert_allclose(ours * signs, theirs, atol=1e-9)
    np.testing.assert_allclose(axes[3], pca.explained_variance_ratio_, rtol=1e-9)
