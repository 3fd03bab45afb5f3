"""After the data change (a preset, a table, File ▸ New, another generator), nothing on screen still speaks of the old data."""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication
from window_helpers import WAIT_MS


def showing_new_run(window, old_run: int | None) -> bool:
    """A frame of a run after old_run is on screen (the first frames after a change may still be the old run's)."""
    snapshot = window.controller.snapshot
    return snapshot is not None and snapshot.history.run != old_run and window.output_panel.view._data is snapshot.data


def test_the_highlighted_tile_follows_the_dataset_however_it_changes(qtbot, open_window):
    window = open_window()
    picker = window.data_panel.picker
    assert picker.current() == "circle"
    window.controller.apply({"data.dataset": "spiral"})  # as a preset or an opened file changes it
    assert picker.current() == "spiral"
    window.controller.apply({"data.dataset": "iris"})    # a table has no tile: none stays lit
    assert picker.current() is None
    window.file_menu.new()
    assert window.controller.experiment.data.dataset == "circle" and picker.current() == "circle"


def test_the_loss_readout_of_the_old_run_goes_with_its_data(qtbot, open_window):
    window = open_window()
    view = window.loss_view
    window.controller.step_epoch()
    qtbot.waitUntil(lambda: view._history is not None and len(view._history) > 0, timeout=WAIT_MS)
    box = view.loss_plot.getPlotItem().getViewBox()
    view._hover(view.loss_plot, box.sceneBoundingRect().center())
    assert view.readout.text() and view.cursors[0].isVisible()
    old_run = window.controller.snapshot.history.run
    window.controller.apply({"data.dataset": "xor"})
    qtbot.waitUntil(lambda: showing_new_run(window, old_run) and view._drawn is window.controller.snapshot,
                    timeout=WAIT_MS)
    assert view.readout.text() == "" and not any(cursor.isVisible() for cursor in view.cursors)


def test_the_output_plot_re_ranges_to_new_data(qtbot, open_window):
    window = open_window()
    item = window.output_panel.view.plot.getPlotItem()
    qtbot.waitUntil(lambda: showing_new_run(window, None), timeout=WAIT_MS)
    circle = window.controller.snapshot.data.extent
    old_run = window.controller.snapshot.history.run
    (x0, x1), (y0, y1) = item.viewRange()
    assert np.allclose((x0, x1, y0, y1), circle, atol=1e-6)
    window.data_panel.picker.buttons["curve"].click()
    qtbot.waitUntil(lambda: showing_new_run(window, old_run), timeout=WAIT_MS)
    QApplication.processEvents()
    curve = window.controller.snapshot.data
    assert len(curve.extent) == 2 and tuple(curve.extent) != tuple(circle[:2])
    (x0, x1), (y0, y1) = item.viewRange()
    assert np.allclose((x0, x1), curve.extent, atol=1e-6)
    # The y axis holds the curve's targets, not the circle's second input.
    targets = curve.y_train.astype(np.float64)
    assert y0 <= targets.min() and targets.max() <= y1 and (y1 - y0) < 4 * np.ptp(targets) + 1
