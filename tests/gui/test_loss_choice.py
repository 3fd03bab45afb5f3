"""The settings panel's loss choice: only the losses that fit the data, the default stored as no choice."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from window_helpers import WAIT_MS, pick

from playground.config import catalog


def _listed(combo) -> list[str]:
    return [combo.itemData(i) for i in range(combo.count())]


def test_the_loss_list_follows_the_task_and_reaches_the_session(qtbot, open_window):
    window = open_window()
    combo, controller = window.settings_panel.loss, window.controller
    assert _listed(combo) == [name for name, tasks in catalog.LOSSES.items() if "binary" in tasks]
    assert combo.currentData() == "cross_entropy" and controller.experiment.training.loss is None
    pick(combo, "hinge")
    qtbot.waitUntil(lambda: controller.session.experiment.training.loss == "hinge", timeout=WAIT_MS)
    # Data the hinge does not fit: the task's own default, and only regression's losses listed.
    assert controller.apply({"data.dataset": "reg-plane"})
    assert controller.experiment.training.loss is None
    assert _listed(combo) == ["squared_error", "absolute_error", "huber", "tf_playground"]
    assert combo.currentData() == "squared_error"
    pick(combo, "tf_playground")
    assert controller.experiment.training.loss == "tf_playground"
    pick(combo, "squared_error")  # the default again: stored as no choice
    assert controller.experiment.training.loss is None
    assert controller.apply({"data.dataset": "blobs"})
    assert "tf_playground" not in _listed(combo)
