"""The Compare and Sweep tabs: they train in the background, show what the engine computed, and apply a choice."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel

from playground.analysis.compare import Race, variant
from playground.config.experiment import Experiment
from playground.gui.diagnostics.compare_panel import ComparePanel, SweepPanel
from playground.gui.views import heatmap
from playground.training.probes import grid_probe
from playground.training.trainer import Trainer

WAIT_MS = 60_000
BASE = Experiment().with_changes(**{"data.samples": 60, "device": "cpu"})


@pytest.fixture
def applied():
    return []


def finished(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=WAIT_MS)


def compared(qtbot, base, applied, lrs: tuple[float, ...], epochs: int) -> tuple[ComparePanel, Race]:
    """The panel after racing these learning rates to the end, and the same race run here."""
    panel = ComparePanel(lambda: base, applied.append)
    qtbot.addWidget(panel)
    panel.field.setCurrentIndex(panel.field.findData("lr"))
    panel.values.setText(", ".join(map(str, lrs)))
    panel.epochs.setValue(epochs)
    panel.start()
    finished(qtbot, panel)
    race = Race([variant(base.with_changes(**{"training.epochs": epochs}), {"lr": lr}) for lr in lrs])
    for _ in race.train():
        pass
    return panel, race


def test_compare_shows_each_variants_engine_numbers_and_copies_one(qtbot, applied):
    panel, race = compared(qtbot, BASE, applied, (0.01, 0.3), 3)
    assert panel.table.rowCount() == 2 and len(panel.curves) == 2
    assert [len(curve) for curve in panel.live.val_loss] == [3, 3]  # what the window drew while it ran
    for row, trainer in enumerate(race.trainers):
        x, y = panel.curves[row].getData()
        np.testing.assert_allclose(y, trainer.history.view().val_loss, rtol=1e-6)
        assert panel.table.item(row, 2).text() == f"{trainer.history.view().val_loss[-1]:.4f}"
    panel.table.selectRow(1)
    assert panel.copy_button.isEnabled()
    panel.copy_button.click()
    assert applied == [{"training.optimizer.lr": 0.3}]


def test_compare_says_what_is_wrong_with_its_values_in_one_line(qtbot, applied):
    panel = ComparePanel(lambda: BASE, applied.append)
    qtbot.addWidget(panel)
    panel.field.setCurrentIndex(panel.field.findData("lr"))
    for text, message in (("0.1", "lr: give 2 to 10 variants, not 1"), ("0.1,fast", "lr: 'fast' is not a float"),
                          ("0.1,1000", "lr=1000.0: training.optimizer.lr")):
        panel.values.setText(text)
        panel.start()
        assert not panel.runner.running and panel.progress.status.text().startswith(message)


def test_sweep_picks_the_lowest_validation_error_and_uses_its_value(qtbot, applied):
    panel = SweepPanel(lambda: BASE, applied.append)
    qtbot.addWidget(panel)
    param, low, high, _ = panel.axes[0]
    low.setText("1e-3")
    high.setText("1")
    panel.models.setValue(4)
    panel.epochs.setValue(2)
    panel.start()
    finished(qtbot, panel)
    errors = [o.point.val_error for o in panel.outcomes]
    assert len(errors) == 4 and panel.best == int(np.argmin(errors))
    x, y = panel.points.getData()
    np.testing.assert_allclose(sorted(y), sorted(errors))
    np.testing.assert_allclose(sorted(10 ** x), sorted(o.point.values["lr"] for o in panel.outcomes))  # log axis
    panel.use_button.click()
    assert applied == [{"training.optimizer.lr": panel.outcomes[panel.best].point.values["lr"]}]


def test_sweep_refuses_a_log_range_touching_zero(qtbot, applied):
    panel = SweepPanel(lambda: BASE, applied.append)
    qtbot.addWidget(panel)
    param, low, _, _ = panel.axes[0]
    param.setCurrentIndex(param.findData("l2"))
    low.setText("0")
    panel.start()
    assert not panel.runner.running and panel.progress.status.text().startswith("l2: a log range must not touch 0")


def test_a_two_parameter_sweep_plots_the_plane_with_the_best_starred(qtbot, applied):
    base = BASE.with_changes(**{"training.optimizer.name": "momentum"})
    panel = SweepPanel(lambda: base, applied.append)
    qtbot.addWidget(panel)
    (_, low, high, _), (param, low2, high2, scale2) = panel.axes
    low.setText("1e-3")
    param.setCurrentIndex(param.findData("momentum"))
    low2.setText("0.5")
    high2.setText("0.99")
    panel.models.setValue(5)
    panel.epochs.setValue(2)
    panel.start()
    finished(qtbot, panel)
    values = [o.point.values for o in panel.outcomes]
    x, y = panel.points.getData()
    np.testing.assert_allclose(sorted(10 ** x), sorted(v["lr"] for v in values))  # lr on a log axis
    np.testing.assert_allclose(sorted(y), sorted(v["momentum"] for v in values))  # 1 - beta's scale: a linear axis
    best = values[panel.best]
    assert panel.best_point.getData()[1][0] == pytest.approx(best["momentum"])
    panel.use_button.click()
    assert applied == [{"training.optimizer.lr": best["lr"], "training.optimizer.hyper.momentum": best["momentum"]}]


@pytest.mark.parametrize("changes", [{}, {"data.dataset": "curve", "data.features": ["x1"]}], ids=["plane", "curve"])
def test_compare_draws_each_variants_output_as_a_small_multiple(qtbot, applied, changes):
    """The small multiples draw what each variant's own network outputs over the grid, as the output plot does."""
    panel, race = compared(qtbot, BASE.with_changes(**changes), applied, (0.01, 0.3, 1.0), 2)
    assert [m.findChild(QLabel).text() for m in panel.multiples] == ["0.01", "0.3", "1"]
    assert [m.toolTip() for m in panel.multiples] == ["Learning rate = 0.01", "Learning rate = 0.3", "Learning rate = 1"]
    for multiple, trainer in zip(panel.multiples, race.trainers):
        expected = grid_probe(trainer.net, trainer.grid_inputs).output
        if expected.ndim == 2:
            np.testing.assert_allclose(multiple.view.surface.image, heatmap.output_rgba(expected, trainer.data_view),
                                       atol=1)
        else:
            np.testing.assert_allclose(multiple.view.curves[0].getData()[1], expected, rtol=1e-5, atol=1e-6)
    outputs = [m.view._grid.output for m in panel.multiples]
    assert not np.allclose(outputs[0], outputs[2])  # the variants really differ


def test_compare_names_the_field_its_choices_and_states_in_chinese(qtbot, applied, chinese):
    panel = ComparePanel(lambda: BASE, applied.append)
    qtbot.addWidget(panel)
    assert panel.field.currentText() == "优化器" and panel.field.currentData() == "optimizer"
    panel.values.setText("sgd,momentum")
    panel.epochs.setValue(2)
    panel.start()
    finished(qtbot, panel)
    assert panel.table.horizontalHeaderItem(0).text() == "优化器"
    assert [panel.table.item(row, 0).text() for row in range(2)] == ["SGD（随机梯度下降）", "动量"]
    assert {panel.table.item(row, 4).text() for row in range(2)} == {"已完成"}


def test_running_scrolls_a_short_page_down_to_the_plot(qtbot, applied):
    from playground.gui.widgets.panel_parts import scrolling
    panel = SweepPanel(lambda: BASE, applied.append)
    area = scrolling(panel)
    qtbot.addWidget(area)
    area.resize(330, 300)  # the form alone fills this page
    area.show()
    panel.models.setValue(2)
    panel.epochs.setValue(1)
    panel.start()
    assert area.verticalScrollBar().value() > 0 and area.verticalScrollBar().value() == panel.progress.y()
    finished(qtbot, panel)


def test_two_fields_race_every_combination_and_each_gets_its_solo_numbers(qtbot, applied):
    panel = ComparePanel(lambda: BASE, applied.append)
    qtbot.addWidget(panel)
    panel.values.setText("sgd,adam")
    panel.field2.setCurrentIndex(panel.field2.findData("lr"))
    panel.values2.setText("0.01,0.3")
    panel.epochs.setValue(2)
    panel.start()
    finished(qtbot, panel)
    combos = [{"optimizer": o, "lr": lr} for o in ("sgd", "adam") for lr in (0.01, 0.3)]
    assert [o.point.values for o in panel.outcomes] == combos
    assert panel.table.horizontalHeaderItem(0).text() == "Optimizer, Learning rate"
    assert [panel.table.item(row, 0).text() for row in range(4)] == ["SGD, 0.01", "SGD, 0.3", "Adam, 0.01", "Adam, 0.3"]
    for outcome, combo in zip(panel.outcomes, combos):
        alone = Trainer(variant(BASE.with_changes(**{"training.epochs": 2}), combo))
        alone.train()
        assert outcome.point.val_loss == alone.history.view().val_loss[-1]
    panel.table.selectRow(3)
    panel.copy_button.click()
    assert applied == [{"training.optimizer.name": "adam", "training.optimizer.hyper": {}, "training.optimizer.lr": 0.3}]


@pytest.mark.parametrize("second, values, message", [("optimizer", "adam", "optimizer: chosen twice"),
                                                     ("lr", "", "lr: give at least one value"),
                                                     ("lr", "0.1,0.2,0.3,0.4", "optimizer, lr: give 2 to 10 variants, not 12")])
def test_a_second_field_that_cannot_make_variants_is_one_line(qtbot, applied, second, values, message):
    panel = ComparePanel(lambda: BASE, applied.append)
    qtbot.addWidget(panel)
    panel.field2.setCurrentIndex(panel.field2.findData(second))
    panel.values2.setText(values)
    panel.start()
    assert not panel.runner.running and panel.progress.status.text() == message


def test_a_grid_sweep_trains_evenly_spaced_values_ends_included(qtbot, applied):
    panel = SweepPanel(lambda: BASE, applied.append)
    qtbot.addWidget(panel)
    low, high = panel.axes[0][1:3]
    low.setText("0.001")
    high.setText("0.1")
    panel.models.setValue(3)
    panel.epochs.setValue(1)
    panel.sampling.setCurrentIndex(panel.sampling.findData("grid"))
    panel.start()
    finished(qtbot, panel)
    np.testing.assert_allclose([o.point.values["lr"] for o in panel.outcomes], [0.001, 0.01, 0.1])


def test_the_second_fields_values_are_enabled_only_once_a_field_is_chosen(qtbot, applied):
    compare_panel, sweep_panel = ComparePanel(lambda: BASE, applied.append), SweepPanel(lambda: BASE, applied.append)
    for panel in (compare_panel, sweep_panel):
        qtbot.addWidget(panel)
    combo, low, high, scale = sweep_panel.axes[1]
    assert not any(w.isEnabled() for w in (low, high, scale, compare_panel.values2))
    combo.setCurrentIndex(combo.findData("l2"))
    compare_panel.field2.setCurrentIndex(compare_panel.field2.findData("lr"))
    assert all(w.isEnabled() for w in (low, high, scale, compare_panel.values2))
