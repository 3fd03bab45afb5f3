"""Metrics beyond loss and accuracy, from true and predicted values: numpy only, no torch, no scikit-learn.

Classification (binary or multiclass, classes 0 .. C-1): the confusion matrix with rows = true class and
columns = predicted class (scikit-learn's layout), and precision, recall and F1 macro-averaged over the C
classes, each class counting equally however many rows it has. A class that is never predicted has no
precision (0 / 0); one absent from the split has no recall: both count as 0 in the average, as
scikit-learn's zero_division=0 does, so a network that ignores a class is marked down for it.

Regression: R² = 1 - SS_res / SS_tot (a constant target, SS_tot = 0, gives 1 for a perfect fit and 0
otherwise, as scikit-learn's r2_score), RMSE and MAE, in the target's own units.
"""
from __future__ import annotations

import numpy as np

SPLITS = ("train", "val", "test")


def confusion(y_true: np.ndarray, y_pred: np.ndarray, classes: int) -> np.ndarray:
    """[C, C] int64 counts: row = true class, column = predicted class."""
    cells = np.asarray(y_true, np.int64) * classes + np.asarray(y_pred, np.int64)
    return np.bincount(cells, minlength=classes * classes).reshape(classes, classes)


def classification(y_true: np.ndarray, y_pred: np.ndarray, classes: int) -> dict:
    """precision, recall, f1 (macro, zero_division=0) and confusion (list of lists of ints)."""
    counts = confusion(y_true, y_pred, classes)
    hits = np.diag(counts).astype(np.float64)
    predicted, actual = counts.sum(axis=0), counts.sum(axis=1)
    # A class with no predictions (or no examples) has no hits either: dividing by at least 1 gives its 0.
    # F1 = 2PR / (P + R) = 2 TP / (predicted + actual), scikit-learn's form, 0 where the class is nowhere.
    return {"precision": float(np.mean(hits / np.maximum(predicted, 1))),
            "recall": float(np.mean(hits / np.maximum(actual, 1))),
            "f1": float(np.mean(2.0 * hits / np.maximum(predicted + actual, 1))),
            "confusion": counts.tolist()}


def regression(y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    """r2, rmse and mae; in float64 whatever the inputs' precision."""
    truth, error = np.asarray(y_true, np.float64), np.asarray(y_pred, np.float64) - np.asarray(y_true, np.float64)
    with np.errstate(over="ignore", invalid="ignore"):  # a diverged network's inf and NaN pass through
        residual = float(np.sum(error ** 2))
        total = float(np.sum((truth - truth.mean()) ** 2))
        r2 = 1.0 - residual / total if total > 0 else (1.0 if residual == 0 else 0.0)
        return {"r2": r2, "rmse": float(np.sqrt(residual / len(truth))), "mae": float(np.mean(np.abs(error)))}


def split_metrics(task: str, split: str, y_true: np.ndarray, y_pred: np.ndarray, classes: int) -> dict:
    """One split's metrics under `<split>_<metric>` keys; nothing for an empty split."""
    if len(y_true) == 0:
        return {}
    values = regression(y_true, y_pred) if task == "regression" else classification(y_true, y_pred, classes)
    return {f"{split}_{name}": value for name, value in values.items()}


def all_splits(task: str, y_true: dict[str, np.ndarray], y_pred: dict[str, np.ndarray], classes: int) -> dict:
    """split_metrics of train, val and test, in that order."""
    values: dict = {}
    for split in SPLITS:
        values.update(split_metrics(task, split, y_true[split], y_pred[split], classes))
    return values
