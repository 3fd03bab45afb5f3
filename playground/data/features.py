"""The network's inputs: TensorFlow Playground's features of the raw inputs, and standardization.

numpy only (no Qt, no torch). A 2-D input's columns play x1 and x2; a 1-D input is
x1 alone; with more than two raw columns (a wide CSV) the features are the columns.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from playground.config.experiment import DataSpec, ExperimentError, is_feature

_FORMULAS = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 ** 2,
    "x2^2": lambda x1, x2: x2 ** 2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin_x1": lambda x1, x2: np.sin(x1),
    "sin_x2": lambda x1, x2: np.sin(x2),
}


def _check(name: str, input_dims: int) -> None:
    if not is_feature(name):
        raise ExperimentError(f"unknown feature '{name}'")
    if input_dims < 2 and "x2" in name:
        raise ExperimentError(f"feature '{name}' needs a second input column; this data has one")


def column(name: str, x1: np.ndarray, x2: np.ndarray | None) -> np.ndarray:
    """One named feature of the raw inputs x1 (and x2)."""
    if name in _FORMULAS:
        return _FORMULAS[name](x1, x2)
    return x1 ** int(name.removeprefix("x1^"))


def expand(x_raw: np.ndarray, names: Sequence[str], input_names: Sequence[str]) -> np.ndarray:
    """The network's inputs: the named features of the raw inputs, [n, len(names)] float64."""
    x_raw = np.asarray(x_raw, dtype=np.float64)
    d = x_raw.shape[1]
    if d > 2:
        if len(names) != d:
            raise ExperimentError(f"this data has {d} input columns ({', '.join(input_names)}); they are the features")
        return x_raw
    for name in names:
        _check(name, d)
    x1, x2 = x_raw[:, 0], (x_raw[:, 1] if d == 2 else None)
    return np.column_stack([column(name, x1, x2) for name in names])


def feature_names(spec: DataSpec, input_dims: int, input_names: Sequence[str] = ()) -> tuple[str, ...]:
    """The names the network sees: spec.features when the raw input is 1-D or 2-D, else the raw columns."""
    if input_dims > 2:
        # The raw columns by name when the caller has them (Dataset.input_names), else by position.
        return tuple(input_names) or tuple(f"column {i + 1}" for i in range(input_dims))
    for name in spec.features:
        _check(name, input_dims)  # fail before training, not after
    return tuple(spec.features)


@dataclass(frozen=True)
class Standardizer:
    """Zero mean, unit variance per column, fitted on the training split."""

    mean: np.ndarray
    std: np.ndarray

    @classmethod
    def fit(cls, x: np.ndarray) -> Standardizer:
        """Fit on the training split; a constant column keeps std 1 so it maps to zeros, not NaN."""
        x = np.asarray(x, dtype=np.float64)
        mean, std = x.mean(axis=0), x.std(axis=0)
        # A constant column's std is rounding noise, not 0 exactly: compare with its size.
        constant = std <= 1e-12 * np.maximum(1.0, np.abs(mean))
        return cls(mean=mean, std=np.where(constant, 1.0, std))

    def apply(self, x: np.ndarray) -> np.ndarray:
        """(x - mean) / std with the training split's statistics."""
        return (np.asarray(x, dtype=np.float64) - self.mean) / self.std
