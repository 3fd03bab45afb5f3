"""Precision, recall, F1, confusion matrices, R², RMSE and MAE: training.metrics, the snapshot's and
`playground train --metrics`' values, all against scikit-learn's metrics on the model's own predictions."""
from __future__ import annotations

import csv
import json

import numpy as np
import pytest
import torch
from sklearn.metrics import confusion_matrix, mean_absolute_error, mean_squared_error, precision_recall_fscore_support, r2_score

from playground.cli import main as cli
from playground.config.experiment import Experiment
from playground.training import metrics
from playground.training.trainer import Trainer


def sklearn_classification(y_true, y_pred, classes: int) -> dict:
    labels = list(range(classes))
    precision, recall, f1, _ = precision_recall_fscore_support(y_true, y_pred, labels=labels, average="macro",
                                                               zero_division=0)
    return {"precision": precision, "recall": recall, "f1": f1,
            "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist()}


def sklearn_regression(y_true, y_pred) -> dict:
    return {"r2": r2_score(y_true, y_pred), "rmse": np.sqrt(mean_squared_error(y_true, y_pred)),
            "mae": mean_absolute_error(y_true, y_pred)}


def assert_same(ours: dict, reference: dict) -> None:
    assert set(ours) == set(reference)
    for key, value in reference.items():
        if key.endswith("confusion"):
            assert ours[key] == value
        else:
            assert ours[key] == pytest.approx(value, rel=1e-9, abs=1e-12), key


# -- the formulas -----------------------------------------------------------------

@pytest.mark.parametrize("classes", [2, 3, 7])
def test_classification_matches_sklearn_on_random_labels(classes):
    rng = np.random.default_rng(classes)
    y_true = rng.integers(0, classes, 200)
    y_pred = np.where(rng.random(200) < 0.6, y_true, rng.integers(0, classes, 200))
    assert_same(metrics.classification(y_true, y_pred, classes), sklearn_classification(y_true, y_pred, classes))


def test_a_class_never_predicted_or_never_present_counts_zero_as_zero_division_0():
    y_true = np.array([0, 0, 1, 1, 2, 2, 0, 1])
    y_pred = np.array([0, 1, 1, 1, 0, 1, 0, 0])  # class 2 is never predicted: its precision is 0 / 0
    ours = metrics.classification(y_true, y_pred, 4)  # class 3 neither occurs nor is predicted
    assert_same(ours, sklearn_classification(y_true, y_pred, 4))
    # The definition, worked out: per class P = (2/4, 2/4, 0, 0), R = (2/3, 2/3, 0, 0).
    assert ours["precision"] == pytest.approx((1 / 2 + 1 / 2) / 4)
    assert ours["recall"] == pytest.approx((2 / 3 + 2 / 3) / 4)
    assert ours["confusion"][2] == [1, 1, 0, 0] and ours["confusion"][3] == [0, 0, 0, 0]


def test_regression_matches_sklearn_including_a_constant_target():
    rng = np.random.default_rng(1)
    y = rng.normal(size=300)
    noisy = y + rng.normal(scale=0.3, size=300)
    assert_same(metrics.regression(y, noisy), sklearn_regression(y, noisy))
    flat = np.full(20, 2.5)
    assert metrics.regression(flat, flat)["r2"] == r2_score(flat, flat) == 1.0
    assert metrics.regression(flat, flat + 0.1)["r2"] == r2_score(flat, flat + 0.1) == 0.0


def test_a_diverged_regression_gives_nan_not_an_error():
    values = metrics.regression(np.array([0.0, 1.0, 2.0]), np.array([np.nan, 1.0, np.inf]))
    assert all(np.isnan(values[k]) for k in ("r2", "rmse", "mae"))
    assert metrics.regression(np.array([0.0, 1.0]), np.array([np.inf, 1.0]))["rmse"] == np.inf


def test_an_empty_split_has_no_metrics_and_values_are_plain_python():
    assert metrics.split_metrics("binary", "test", np.zeros(0), np.zeros(0), 2) == {}
    values = metrics.split_metrics("multiclass", "val", np.array([0, 2, 1]), np.array([0, 2, 2]), 3)
    assert set(values) == {"val_precision", "val_recall", "val_f1", "val_confusion"}
    json.dumps(values)  # no numpy scalars
    assert all(type(c) is int for row in values["val_confusion"] for c in row)


# -- the trainer's snapshot --------------------------------------------------------

def _predicted(trainer: Trainer, split: str) -> np.ndarray:
    """The model's classes (or values), computed here from its logits."""
    trainer.net.set_training(False)
    with torch.no_grad():
        logits = trainer.net(trainer.x[split]).double().numpy()
    if trainer.task == "regression":
        return logits[:, 0]
    return (logits[:, 0] > 0).astype(int) if trainer.task == "binary" else logits.argmax(axis=1)


@pytest.mark.parametrize("changes", [
    {"data.dataset": "circle", "data.samples": 200},
    {"data.dataset": "blobs", "data.samples": 200},
    {"data.dataset": "iris"},
    {"data.dataset": "reg-plane", "data.samples": 200},
], ids=["binary", "blobs", "iris", "regression"])
def test_snapshot_metrics_match_sklearn_on_every_split(changes):
    trainer = Trainer(Experiment().with_changes(**changes, **{"training.epochs": 3}))
    trainer.train()
    values = trainer.snapshot(grid=False).metrics
    expected = {}
    for split in ("train", "val", "test"):
        y = getattr(trainer.dataset, f"y_{split}")
        if len(y) == 0:
            continue
        reference = sklearn_regression(y, _predicted(trainer, split)) if trainer.task == "regression" else \
            sklearn_classification(y, _predicted(trainer, split), trainer.dataset.classes)
        expected.update({f"{split}_{k}": v for k, v in reference.items()})
    assert {k.split("_")[0] for k in expected} == {"train", "val", "test"}
    assert_same(values, expected)
    if trainer.task != "regression":
        accuracy = np.trace(values["val_confusion"]) / np.sum(values["val_confusion"])
        assert accuracy == pytest.approx(trainer.evaluate("val")[1], abs=1e-6)


def test_iris_early_on_leaves_a_class_unpredicted_and_f1_marks_it_down():
    trainer = Trainer(Experiment().with_changes(**{"data.dataset": "iris", "training.epochs": 20}))
    trainer.train()
    values = trainer.snapshot(grid=False).metrics
    never = [c for c in range(3) if sum(row[c] for row in values["train_confusion"]) == 0]
    assert never, "the setting no longer leaves a class unpredicted: pick one that does"
    y = trainer.dataset.y_train
    assert values["train_f1"] == pytest.approx(sklearn_classification(y, _predicted(trainer, "train"), 3)["f1"])


# -- `playground train --metrics` and `playground predict` ---------------------------

def _read_csv(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _train_and_predict(tmp_path, *flags: str) -> tuple[list[dict], dict, list[dict]]:
    model, lines, out = tmp_path / "m.pt", tmp_path / "m.jsonl", tmp_path / "p.csv"
    assert cli.main(["train", *flags, "--device", "cpu", "--quiet", "--save", str(model), "--metrics", str(lines)]) == 0
    records = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert cli.main(["predict", "--load", str(model), "--split", "val", "--out", str(out)]) == 0
    return records[:-1], records[-1], _read_csv(out)


def test_predicted_validation_split_agrees_with_the_reported_f1_and_confusion(tmp_path, capsys):
    epochs, final, rows = _train_and_predict(tmp_path, "--dataset", "blobs", "--samples", "150", "--epochs", "4")
    names = sorted({r["y_true"] for r in rows} | {r["y_pred"] for r in rows})
    classes = len(final["val_confusion"])
    header = [key[2:] for key in rows[0] if key.startswith("p_")]  # the model's class names, in class order
    assert set(names) <= set(header) and len(header) == classes
    index = {name: i for i, name in enumerate(header)}
    truth, predicted = [index[r["y_true"]] for r in rows], [index[r["y_pred"]] for r in rows]
    reference = sklearn_classification(truth, predicted, classes)
    assert final["val_confusion"] == reference["confusion"]
    for key in ("precision", "recall", "f1"):
        assert final[f"val_{key}"] == pytest.approx(reference[key], rel=1e-9)
    assert all({"train_f1", "val_f1", "test_f1", "val_confusion"} <= set(record) for record in epochs)
    assert "macro F1: train" in capsys.readouterr().out


def test_predicted_validation_split_agrees_with_the_reported_r2_and_rmse(tmp_path, capsys):
    epochs, final, rows = _train_and_predict(tmp_path, "--dataset", "reg-plane", "--samples", "150", "--epochs", "3")
    truth, predicted = [float(r["y_true"]) for r in rows], [float(r["y_pred"]) for r in rows]
    reference = sklearn_regression(truth, predicted)
    for key in ("r2", "rmse", "mae"):
        assert final[f"val_{key}"] == pytest.approx(reference[key], rel=1e-6)
    assert "val_accuracy" in final and "val_f1" not in final
    assert all({"train_r2", "val_rmse", "test_mae"} <= set(record) for record in epochs)
    assert epochs[-1]["val_r2"] == final["val_r2"]
    assert "RMSE: train" in capsys.readouterr().out
