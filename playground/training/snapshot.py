"""What the trainer hands out after a step: plain numpy and Python values, no torch.

The GUI thread reads these and only these. Arrays are never written after a
snapshot holds them, so a snapshot can be read while training goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from playground.training.metrics import SPLITS, all_splits


@dataclass(frozen=True, repr=False)
class DataView:
    """The data as generated: raw inputs (before features) and targets per split."""

    task: str                      # "binary", "multiclass" or "regression"
    classes: int                   # 2 for binary, C for multiclass, 0 for regression
    class_names: tuple[str, ...]
    input_names: tuple[str, ...]   # raw input columns: ("x1", "x2"), ("x1",) or the CSV's
    feature_names: tuple[str, ...] # the network's inputs after feature expansion
    x_train: np.ndarray            # [n, d] raw inputs
    y_train: np.ndarray            # [n] class index (int) or target (float)
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    extent: tuple[float, ...]      # (x0, x1, y0, y1) of the input plane, (x0, x1) for 1-D
    baseline_error: float | None = None  # Bayes error where the generator knows its noise
    image_shape: tuple[int, ...] = ()    # (rows, columns) when each raw input row is an image (digits)


@dataclass(frozen=True, repr=False)
class LayerProbe:
    """One weight layer (hidden or output), input to output order."""

    name: str                 # "hidden 1" ... "output"
    units: int
    activation: str
    grad_norm: float          # norm of the weight gradient the optimizer used, latest step (L1/L2 terms and clipping included)
    bias_grad_norm: float
    weight_norm: float
    update_ratio: float       # ||W_after - W_before|| / ||W_before|| of the latest step
    act_mean: float
    act_std: float
    saturated: float | None  # sigmoid/tanh-like units near their bounds; None when not applicable
    dead: float | None       # ReLU units silent on the whole probe batch; None when not applicable
    act_hist: np.ndarray        # [bins] fraction of activations per bin
    act_edges: np.ndarray       # [bins + 1]
    weight_hist: np.ndarray
    weight_edges: np.ndarray
    weights: np.ndarray         # [out, in] (maxout: [units * k, in])
    bias: np.ndarray            # [out]
    residual: bool = False      # output x + f(x): a skip connection from the layer's input (nn.model.Hidden)


@dataclass(frozen=True, repr=False)
class History:
    """Per-epoch records since the last reset; row i is epoch i + 1."""

    epoch: np.ndarray
    step: np.ndarray
    elapsed_s: np.ndarray
    lr: np.ndarray
    train_loss: np.ndarray
    val_loss: np.ndarray
    test_loss: np.ndarray
    train_accuracy: np.ndarray   # nan for regression
    val_accuracy: np.ndarray
    test_accuracy: np.ndarray
    grad_norm: np.ndarray        # [epochs, layers] weight-gradient norm (as LayerProbe's) averaged over the epoch's steps
    weight_norm: np.ndarray      # [epochs, layers]
    run: int = 0                 # which training run (reset to reset) these rows belong to

    def __len__(self) -> int:
        return len(self.epoch)


@dataclass(frozen=True, repr=False)
class GridProbe:
    """Model outputs over the input plane (2-D) or line (1-D)."""

    extent: tuple[float, ...]        # (x0, x1, y0, y1) or (x0, x1)
    resolution: int                  # points per axis
    output: np.ndarray               # binary: P(class 1) [r, r]; multiclass: probs [C, r, r]; regression: value [r, r]
                                     # 1-D: the same without the second axis
    neurons: tuple[np.ndarray, ...]  # per hidden layer [units, r, r] (or [units, r]) post-activation
    features: np.ndarray             # [features, r, r] (or [features, r]) the network's inputs
    # 1-D regression with hidden layers only (Hung-yi Lee's y = b + sum_i c_i a_i(x)): every last-hidden unit's
    # activation over the line [units, r], in eval mode like `output`, and the head's weights c [units] and bias b.
    last_hidden: np.ndarray | None = None
    head_weights: np.ndarray | None = None
    head_bias: float | None = None

    def contributions(self) -> np.ndarray | None:
        """c_i * a_i(x) per last-hidden unit [units, r]: with head_bias they add up to `output`."""
        if self.last_hidden is None:
            return None
        return self.head_weights[:, None] * self.last_hidden


@dataclass(frozen=True, repr=False)
class ClassProbe:
    """A classifier's predictions on the validation split (its first rows when it is large)."""

    rows: int                 # how many validation rows: x_val[:rows] of the DataView
    predicted: np.ndarray     # [rows] predicted class index
    confusion: np.ndarray     # [C, C] counts, row = true class, column = predicted (sklearn's layout)


@dataclass(frozen=True, repr=False)
class Snapshot:
    state: str                      # "idle", "running", "paused", "finished", "diverged", "error"
    epoch: int
    step: int
    lr: float
    elapsed_s: float
    steps_per_s: float
    epochs_per_s: float
    train_loss: float
    val_loss: float
    test_loss: float
    train_accuracy: float | None
    val_accuracy: float | None
    test_accuracy: float | None
    layers: tuple[LayerProbe, ...]
    history: History
    data: DataView
    grid: GridProbe | None = None
    message: str | None = None   # why training stopped (divergence, early stopping, an error), in English
    notice: object | None = None  # notices.Notice behind `message`: its kind and values, for translation
    device: str = "cpu"
    serial: int = 0                 # increases with every snapshot of one session
    diagnosis: dict | None = None  # diagnosis.diagnose_errors' dict: errors, avoidable bias, variance, verdict
    gradient_finding: object | None = None  # gradient_flow.GradientFinding, or None when gradients are healthy
    classes: ClassProbe | None = None  # classification only, and only where a validation split exists
    # Per split ("train", "val", "test"): the predicted class indices, or values for regression; {} where not measured.
    predictions: dict = field(default_factory=dict)
    extras: dict = field(default_factory=dict)

    @cached_property
    def metrics(self) -> dict:
        """training.metrics' values per split that has rows: <split>_precision, _recall, _f1 (macro) and _confusion
        (list of lists, row = true class) for classifiers, <split>_r2, _rmse, _mae for regression. Worked out from
        `predictions` on first use, by the thread that reads them: the training thread only pays the forward pass."""
        if not self.predictions:
            return {}
        targets = {split: getattr(self.data, f"y_{split}") for split in SPLITS}
        return all_splits(self.data.task, targets, self.predictions, self.data.classes)
