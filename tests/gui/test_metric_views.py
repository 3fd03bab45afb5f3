"""The Confusion tab and the metrics beside the loss chart draw what scikit-learn computes from the model's predictions."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
import torch
from sklearn.metrics import confusion_matrix, f1_score, mean_absolute_error, mean_squared_error, r2_score

from playground.config.experiment import Experiment
from playground.gui.views import class_views
from playground.gui.views.confusion_view import ConfusionView
from playground.gui.views.loss_view import number
from playground.gui.views.metrics_readout import MetricsReadout
from playground.training.trainer import Trainer


def _trained(changes: dict, epochs: int) -> tuple[Trainer, object]:
    trainer = Trainer(Experiment().with_changes(**{"device": "cpu", **changes}))
    trainer.train(epochs)
    return trainer, trainer.snapshot(grid=False)


def _outputs(trainer: Trainer, split: str) -> np.ndarray:
    trainer.net.set_training(False)
    with torch.no_grad():
        return trainer.net(trainer.x[split]).double().numpy()


@pytest.fixture(scope="module")
def iris():
    return _trained({"data.dataset": "iris"}, 20)


def test_the_confusion_tab_draws_the_chosen_splits_matrix_and_macro_scores(qtbot, iris):
    trainer, snapshot = iris
    view = ConfusionView()
    qtbot.addWidget(view)
    view.render(snapshot)
    for split in ("val", "train"):
        view.split.setCurrentIndex(view.split.findData(split))
        y, predicted = getattr(trainer.dataset, f"y_{split}"), _outputs(trainer, split).argmax(axis=1)
        expected = confusion_matrix(y, predicted, labels=[0, 1, 2])
        np.testing.assert_array_equal(view.image.image, class_views.confusion_rgba(expected))
        assert [t.toPlainText() for t in view._cell_texts] == [str(v) for v in expected.ravel()]
        f1 = f1_score(y, predicted, labels=[0, 1, 2], average="macro", zero_division=0)
        assert f"F1 {f1:.3f}" in view.scores.text()
        assert f"{len(y)} " in view.scores.text() and view.canvas.isVisibleTo(view)


def test_the_confusion_tab_says_a_regression_has_none_and_the_readout_shows_r2_and_rmse(qtbot):
    trainer, snapshot = _trained({"data.dataset": "reg-plane", "data.samples": 120}, 2)
    view, readout = ConfusionView(), MetricsReadout()
    qtbot.addWidget(view)
    qtbot.addWidget(readout)
    view.render(snapshot)
    assert not view.canvas.isVisibleTo(view) and "classification" in view.note.text()
    readout.render(snapshot)
    predicted = _outputs(trainer, "val")[:, 0]
    r2 = r2_score(trainer.dataset.y_val, predicted)
    rmse = np.sqrt(mean_squared_error(trainer.dataset.y_val, predicted))
    text = readout.text()
    assert "R\u00b2" in text and "RMSE" in text and "MAE" in text
    mae = mean_absolute_error(trainer.dataset.y_val, predicted)
    assert number(r2) in text and number(rmse) in text and number(mae) in text


def test_an_empty_split_is_named_and_a_classifiers_readout_stays_empty(qtbot):
    trainer, snapshot = _trained({"data.dataset": "blobs", "data.samples": 120, "data.train_fraction": 0.6,
                                  "data.val_fraction": 0.4}, 2)
    view, readout = ConfusionView(), MetricsReadout()
    qtbot.addWidget(view)
    qtbot.addWidget(readout)
    view.split.setCurrentIndex(view.split.findData("test"))
    view.render(snapshot)
    assert "no examples" in view.note.text() and not view.canvas.isVisibleTo(view)
    readout.setText("before")
    readout.render(snapshot)
    assert readout.text() == ""  # the Confusion tab has a classifier's scores
