"""The arena's tab (racers' paths, a click restarts, divergence marked, bad values refused) and the landscape tab."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.arena import race, surfaces
from playground.config import catalog
from playground.gui.arena.arena_tab import ArenaTab, ArenaView
from playground.gui.arena.landscape_tab import LandscapeTab, PathRecorder
from playground.gui.arena.racer_table import COLUMNS
from playground.runtime.thread_session import TrainingSession


@pytest.fixture
def arena(qtbot) -> ArenaView:
    view = ArenaView()
    qtbot.addWidget(view)
    view.resize(700, 800)
    view.show()
    return view


def drawn_paths(view: ArenaView) -> list[np.ndarray]:
    return drawn_paths_of(view.contour)


def test_the_race_draws_each_chosen_optimizer_s_path(qtbot, arena):
    assert sorted(arena.racers) == [0, 1, 6]  # SGD, Momentum and Adam to begin with
    arena.play_button.setChecked(True)
    qtbot.waitUntil(lambda: arena.step >= 20, timeout=20_000)
    arena.play_button.setChecked(False)
    paths = drawn_paths(arena)
    assert len(paths) == 3
    for row, path in zip(arena.racers, paths):
        racer = arena.racers[row]
        np.testing.assert_array_equal(path, racer.trajectory())
        assert path[0].tolist() == list(surfaces.surface("rosenbrock").start)
        assert not np.allclose(path[-1], path[0])
        losses = arena.loss_curves[row].getData()[1]
        np.testing.assert_allclose(10 ** losses, racer.losses)  # the chart shows log10 of the loss
    assert arena.step_label.text() == f"step {arena.step}"
    assert arena.table.item(6, COLUMNS.index("loss")).text() == f"{arena.racers[6].losses[-1]:.4g}"


def test_all_eleven_optimizers_and_lookahead_race_on_every_function(arena):
    arena.table.set_chosen(list(range(len(catalog.OPTIMIZERS) + 1)))
    for name in surfaces.NAMES:
        arena.set_function(name)
        arena.advance(5)
        assert len(arena.racers) == 12 and all(r.steps >= 1 for r in arena.racers.values())
        assert len(drawn_paths(arena)) == 12
    assert arena.table.label(11).startswith("Lookahead")
    assert arena.racers[11].optimizer.__class__.__name__ == "Lookahead"


def test_a_click_sets_the_start_and_restarts(qtbot, arena):
    arena.advance(10)
    arena.set_start(0.5, -0.5)
    assert arena.step == 0 and arena.start == (0.5, -0.5)
    assert all(r.path == [(0.5, -0.5)] for r in arena.racers.values())
    arena.set_start(50.0, 0.0)
    assert arena.start == (0.5, -0.5) and arena.message.isVisibleTo(arena)


def test_a_learning_rate_too_large_is_marked_diverged(arena):
    lr = arena.table.item(0, COLUMNS.index("lr"))
    lr.setText("0.05")
    assert arena.table.entries[0].lr == 0.05
    arena.advance(200)
    sgd = arena.racers[0]
    assert sgd.status in (race.LEFT, race.DIVERGED)
    outcome = arena.table.item(0, COLUMNS.index("loss")).text()
    assert outcome.endswith(f"at step {sgd.steps}")
    ends = arena.contour.ends.data
    assert len(ends) == 1 and np.allclose([ends[0]["x"], ends[0]["y"]], sgd.trajectory()[-1])


def test_bad_values_are_refused_with_one_line(arena):
    arena.table.item(0, COLUMNS.index("lr")).setText("-3")
    assert arena.table.entries[0].lr == 1e-3 and arena.table.item(0, COLUMNS.index("lr")).text() == "0.001"
    assert "optimizer.lr: must be greater than 0" in arena.message.text()
    arena.table.item(6, COLUMNS.index("hyper")).setText("beta1=0.5, momentum=0.9")
    assert "has no hyperparameter 'momentum'" in arena.message.text()
    arena.table.item(6, COLUMNS.index("hyper")).setText("beta1=0.5")
    assert arena.table.entries[6].hyper == {"beta1": 0.5} and arena.racers[6].spec.optimizer.hyper == {"beta1": 0.5}


def test_unchecking_a_racer_removes_its_path(arena):
    arena.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    assert sorted(arena.racers) == [0, 6] and len(drawn_paths(arena)) == 2


def test_the_schedule_applies_to_every_racer(arena):
    arena.schedule_form.choice_picked.emit("exponential")
    arena.advance(3)
    assert all(r.spec.schedule.name == "exponential" for r in arena.racers.values())
    assert arena.racers[0].optimizer.param_groups[0]["lr"] == pytest.approx(1e-3 * 0.99**2)


def test_the_tab_opens_the_arena_in_its_own_window_and_takes_it_back(qtbot):
    tab = ArenaTab()
    qtbot.addWidget(tab)
    assert tab.objectName() == "arena"
    tab.detach()
    assert tab.arena.window() is tab.window and tab.placeholder.isVisibleTo(tab)
    tab.window.close()
    assert tab.arena.parent() is tab and tab.window is None


def test_the_landscape_tab_draws_the_live_model_s_plane_and_path(qtbot, wait_until, tiny_experiment):
    session = TrainingSession(tiny_experiment(samples=80), stop_at_epoch=5)
    try:
        recorder = PathRecorder()
        tab = LandscapeTab(session.call, recorder)
        qtbot.addWidget(tab)
        tab.show()
        shown = []

        def arrived(epoch: int) -> bool:
            snapshot = session.latest()
            if snapshot is not None:
                recorder.render(snapshot)
                shown.append(snapshot)
            return bool(shown) and shown[-1].epoch == epoch and shown[-1].state != "running"
        assert wait_until(lambda: arrived(0), 60.0)  # the starting weights, before a step can replace them
        for epoch in range(1, 5):  # an epoch at a time, so that the recorder sees each one
            session.step_epoch()
            assert wait_until(lambda e=epoch: arrived(e), 60.0)
        assert len(recorder.records) == 5  # the starting weights (epoch 0) and each epoch's
        tab.kind.setCurrentIndex(tab.kind.findData("pca"))
        tab.resolution.setValue(9)
        tab.button.click()
        qtbot.waitUntil(lambda: tab.result is not None, timeout=30_000)
        result = tab.result
        assert result.kind == "pca" and result.loss.shape == (9, 9)
        assert result.centre_loss == pytest.approx(shown[-1].train_loss, rel=1e-6)
        assert tab.contour.extent == (result.alpha[0], result.alpha[-1], result.beta[0], result.beta[-1])
        np.testing.assert_allclose(tab.slice_curves[0].getData()[1], result.loss[4])
        path = drawn_paths_of(tab.contour)
        assert len(path) == 1 and len(path[0]) == len(recorder.records)
        assert f"{result.centre_loss:.4g}" in tab.summary.text()
    finally:
        assert session.close()


def drawn_paths_of(contour) -> list[np.ndarray]:
    return [np.column_stack(curve.getData()) for curve in contour.paths if curve.isVisible()]


def test_contour_lines_are_drawn_where_the_surface_crosses_a_level():
    from playground.gui.views.contour_plot import CONTOUR_LEVELS, CONTOUR_RGB, SURFACE_LUT, contoured, shaded
    ramp = np.tile(np.linspace(0.0, 1.0, 301), (5, 1))  # rises left to right
    rgb = contoured(ramp, 0.0, 1.0)
    lines = np.all(rgb[2] == CONTOUR_RGB, axis=1)
    assert lines.sum() == CONTOUR_LEVELS  # one column per level between the lowest and the highest value
    assert (rgb[2, 0] == SURFACE_LUT[0]).all() and (rgb[2, -1] == SURFACE_LUT[-1]).all()
    # Log shading: heights above the minimum, so a minimum of exactly 0 is finite on the plot.
    assert np.isfinite(shaded(np.array([[0.0, 1.0], [10.0, 100.0]]), log=True)).all()


def test_a_hidden_race_stops(arena):
    arena.play_button.setChecked(True)
    assert arena.timer.isActive()
    arena.hide()
    assert not arena.timer.isActive() and not arena.play_button.isChecked()


def test_a_lesson_sets_up_its_race_with_a_row_for_each_racer(arena):
    from playground.config import presets
    spec = presets.load("lesson-arena-learning-rate").view.arena
    arena.apply(spec)
    rows = arena.table.chosen()
    assert [arena.table.entries[row].lr for row in rows] == [r.lr for r in spec.racers]
    assert all(arena.table.entries[row].optimizer == "sgd" for row in rows)
    assert len({arena.table.color(row) for row in rows}) == len(rows)  # two more SGD rows, each its own colour
    assert arena.surface.name == spec.function and arena.start == spec.start and arena.steps.value() == spec.steps
    arena.advance(spec.steps + 50)  # no further than the lesson's length
    assert sorted(arena.racers[row].steps for row in rows) == [8, 100, 100]
    arena.table.set_racers(presets.load("lesson-arena-momentum-ravine").view.arena.racers)
    assert arena.table.rowCount() == len(catalog.OPTIMIZERS) + 1  # the extra rows go with the lesson


def test_opening_an_arena_lesson_shows_its_race_and_a_new_run_clears_the_landscape(open_window, qtbot):
    window = open_window()
    tab = window.landscape
    assert window.show_tab("landscape")
    tab.resolution.setValue(5)
    tab.button.click()
    qtbot.waitUntil(lambda: tab.result is not None, timeout=30_000)
    assert tab.contour.image.image is not None and tab.summary.text()
    assert window.file_menu.open_preset("lesson-arena-momentum-ravine")
    assert window.tabs.currentWidget().objectName() == "arena"
    arena = window.arena.arena
    assert arena.surface.name == "quadratic" and sorted(arena.racers) == [0, 1]
    assert arena.table.entries[1].hyper == {"momentum": 0.5}
    qtbot.waitUntil(lambda: tab.result is None, timeout=30_000)  # the first frame of the lesson's run
    assert tab.contour.image.image is None and not tab.summary.text() and not tab.runner.running
    assert all(len(curve.getData()[0] if curve.getData()[0] is not None else []) == 0 for curve in tab.slice_curves)
    assert window.path_recorder.records and len(window.path_recorder.records) <= 2  # the new run's only


@pytest.mark.parametrize("log", [True, False])
def test_the_loss_chart_holds_every_curve_and_is_re_laid_only_now_and_then(arena, log):
    arena.table.set_chosen(list(range(len(catalog.OPTIMIZERS) + 1)))
    arena.log_loss.setChecked(log)
    ranges = []
    for _ in range(200):
        arena.advance(1)
        low, high = arena._loss_range
        for row in arena.racers:
            shown = arena.loss_curves[row].getData()[1]
            assert low <= np.nanmin(shown) and np.nanmax(shown) <= high
        ranges.append(arena._loss_range)
    assert len(set(ranges)) < 25  # a falling loss would move the axis at every one of the 200 steps
