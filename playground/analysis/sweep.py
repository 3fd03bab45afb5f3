"""Hyperparameter search: K values of one or two hyperparameters, sampled at random or on a grid, trained at once.

Andrew Ng's recipe: sample at random rather than on a grid (each of K models then
tries a different value of every parameter), and on a log scale for a parameter
that spans orders of magnitude: alpha = 10^r with r uniform in [-4, 0]. For an
exponential-average factor (momentum, Adam's betas) the scale is on 1 - beta: 0.9, 0.99
and 0.999 average over about 10, 100 and 1000 steps, so the values near 1 matter most.
The models are compare.Race's, so each point's numbers are a solo run's.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from playground.analysis.compare import MAX_VARIANTS, Race, outcome, variant
from playground.config.experiment import Experiment, ExperimentError

MIN_SAMPLES = 2
PARAMS = ("lr", "l1", "l2", "weight_decay", "dropout", "momentum", "beta1", "beta2", "width", "init_scale", "clip_norm")
ONE_MINUS = frozenset({"momentum", "beta1", "beta2"})  # sampled as 1 - value on a log scale
INTEGER = frozenset({"width"})


@dataclass(frozen=True)
class Axis:
    """One hyperparameter's range and scale."""

    param: str
    low: float
    high: float
    scale: Literal["linear", "log"] = "log"

    def __post_init__(self) -> None:
        if self.param not in PARAMS:
            raise ExperimentError(f"{self.param}: cannot be swept (can: {', '.join(PARAMS)})")
        if self.scale not in ("linear", "log"):
            raise ExperimentError(f"{self.param}: scale must be linear or log, got {self.scale!r}")
        if not (math.isfinite(self.low) and math.isfinite(self.high)) or self.low >= self.high:
            raise ExperimentError(f"{self.param}: the range needs low < high, got {self.low:g}:{self.high:g}")
        if self.scale == "log":
            ends = (1 - self.high, 1 - self.low) if self.param in ONE_MINUS else (self.low, self.high)
            if ends[0] <= 0:
                what = "1 - high" if self.param in ONE_MINUS else "low"
                raise ExperimentError(f"{self.param}: a log range must not touch 0 ({what} must be above 0)")

    def values(self, unit: np.ndarray) -> np.ndarray:
        """The values at positions in [0, 1] along the range (0: low, 1: high)."""
        if self.scale == "linear":
            values = self.low + (self.high - self.low) * unit
        elif self.param in ONE_MINUS:
            a, b = math.log10(1 - self.low), math.log10(1 - self.high)
            values = 1 - 10 ** (a + (b - a) * unit)
        else:
            a, b = math.log10(self.low), math.log10(self.high)
            values = 10 ** (a + (b - a) * unit)
        return np.round(values) if self.param in INTEGER else values


def sample(axes: list[Axis], k: int, method: Literal["random", "grid"] = "random", seed: int = 0) -> list[dict]:
    """K points: at random (uniform on each axis's scale), or on a grid (K values of one axis, or
    floor(sqrt(K)) of each of two, ends included). Each point maps a parameter to its value."""
    if not 1 <= len(axes) <= 2 or len({a.param for a in axes}) != len(axes):
        raise ExperimentError("params: one or two different hyperparameters")
    if not MIN_SAMPLES <= k <= MAX_VARIANTS:
        raise ExperimentError(f"samples: between {MIN_SAMPLES} and {MAX_VARIANTS} models, got {k}")
    if method == "random":
        unit = np.random.default_rng(seed).random((k, len(axes)))
    elif method == "grid":
        side = k if len(axes) == 1 else math.isqrt(k)
        ticks = np.linspace(0.0, 1.0, side)
        unit = np.stack(np.meshgrid(*[ticks] * len(axes), indexing="ij"), axis=-1).reshape(-1, len(axes))
    else:
        raise ExperimentError(f"sampling: must be random or grid, got {method!r}")
    columns = [axis.values(unit[:, i]) for i, axis in enumerate(axes)]
    return [{axis.param: _number(axis, column[row]) for axis, column in zip(axes, columns)}
            for row in range(unit.shape[0])]


def _number(axis: Axis, value: float) -> float | int:
    return int(value) if axis.param in INTEGER else float(value)


@dataclass(frozen=True)
class SweepPoint:
    """One model of a sweep: its values and its final numbers (after early stopping, the restored model's)."""

    values: dict
    train_loss: float
    val_loss: float
    val_accuracy: float | None
    state: str  # finished, diverged, early_stopped or stopped (canceled)

    @property
    def val_error(self) -> float:
        """What the sweep ranks by: 1 - validation accuracy, or the validation loss for regression."""
        return self.val_loss if self.val_accuracy is None else 1.0 - self.val_accuracy


def sweep(base: Experiment, points: list[dict], should_stop: Callable[[], bool] = lambda: False,
          progress: Callable[[float], None] = lambda fraction: None) -> list[SweepPoint]:
    """Train a model at every point (compare.variant's fields), at once; their final numbers, in order."""
    race = Race([variant(base, point) for point in points])
    for epoch in race.train(should_stop):
        progress(epoch / race.epochs)
    return outcomes(race, points)


def outcomes(race: Race, points: list[dict]) -> list[SweepPoint]:
    """The final numbers of a race's models, trained at `points`; "stopped" for one cut short by cancelling."""
    results = []
    for point, trainer in zip(points, race.trainers):
        snapshot = trainer.snapshot(grid=False)
        results.append(SweepPoint(point, snapshot.train_loss, snapshot.val_loss, snapshot.val_accuracy,
                                  outcome(race, trainer)))
    return results


def best(points: list[SweepPoint]) -> int | None:
    """The index of the lowest validation error among the points that have one; None if none has."""
    finite = [i for i, p in enumerate(points) if math.isfinite(p.val_error)]
    return min(finite, key=lambda i: points[i].val_error) if finite else None
