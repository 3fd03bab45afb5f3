"""The arena's 2-D test surfaces: textbook formulas, exact gradients by autograd in float64.

Each formula is written with + * and ** only, so one expression serves a torch
scalar (for the gradient) and a numpy grid (for the contour plot).
`regression` is the (w, b) plane of least squares on a 1-D dataset, the picture
the first lecture draws of gradient descent on L(w, b).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from playground.config.experiment import DataSpec, ExperimentError
from playground.data import datasets

Formula = Callable[[object, object], object]


@dataclass(frozen=True)
class Surface:
    name: str
    formula: str                          # the textbook formula, in plain text
    fn: Formula                           # f(x, y) on torch scalars or numpy arrays
    extent: tuple[float, float, float, float]  # (x0, x1, y0, y1), the plotted range
    start: tuple[float, float]            # a start point that makes the race instructive
    points: tuple[tuple[float, float], ...]  # the minima (the saddle point for `saddle`), drawn as stars
    bounded_below: bool = True            # False: no minimum, contours and loss chart use a linear scale
    axes: tuple[str, str] = ("x", "y")

    def value(self, x: float, y: float) -> float:
        return float(self.fn(np.float64(x), np.float64(y)))

    def value_and_gradient(self, point: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """f and its exact gradient at a float64 tensor [x, y]."""
        p = point.detach().requires_grad_(True)
        loss = self.fn(p[0], p[1])
        (grad,) = torch.autograd.grad(loss, p)
        return loss.detach(), grad

    def grid(self, resolution: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(xs, ys, values[len(ys), len(xs)]): f on a resolution x resolution grid over the extent."""
        x0, x1, y0, y1 = self.extent
        xs, ys = np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
        return xs, ys, np.asarray(self.fn(xs[None, :], ys[:, None]), dtype=np.float64)

    def contains(self, x: float, y: float) -> bool:
        x0, x1, y0, y1 = self.extent
        return x0 <= x <= x1 and y0 <= y <= y1


def _rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def _beale(x, y):
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def _himmelblau(x, y):
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


# Condition number 20: the ravine where plain gradient descent zigzags and momentum runs along the floor.
QUADRATIC_CONDITION = 20.0

_FIXED = {
    "quadratic": Surface(
        "quadratic", f"(x² + {QUADRATIC_CONDITION:g}y²) / 2", lambda x, y: (x**2 + QUADRATIC_CONDITION * y**2) / 2,
        (-6.0, 6.0, -3.0, 3.0), (-5.0, 1.5), ((0.0, 0.0),)),
    "rosenbrock": Surface(
        "rosenbrock", "(1 − x)² + 100(y − x²)²", _rosenbrock, (-2.0, 2.0, -1.0, 3.0), (-1.5, 2.5), ((1.0, 1.0),)),
    "beale": Surface(
        "beale", "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²", _beale,
        (-4.5, 4.5, -4.5, 4.5), (1.0, 1.5), ((3.0, 0.5),)),
    "himmelblau": Surface(
        "himmelblau", "(x² + y − 11)² + (x + y² − 7)²", _himmelblau, (-5.0, 5.0, -5.0, 5.0), (0.0, 0.0),
        ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126))),
    "saddle": Surface(
        "saddle", "x² − y²", lambda x, y: x**2 - y**2, (-2.0, 2.0, -2.0, 2.0), (-1.5, 0.01), ((0.0, 0.0),),
        bounded_below=False),
}
NAMES = (*_FIXED, "regression")


def regression(x: np.ndarray, y: np.ndarray, what: str = "the curve") -> Surface:
    """L(w, b) = mean((w·x + b − y)²) over the points, drawn around its least-squares minimum."""
    x, y = np.asarray(x, np.float64).ravel(), np.asarray(y, np.float64).ravel()
    if x.size < 2 or np.ptp(x) == 0:
        raise ExperimentError(f"regression: {what} needs at least two different x values")
    # The loss as its moments: one expression for a torch scalar and a numpy grid, whatever the data's size.
    sxx, sx, sxy, sy, syy = (float(np.mean(v)) for v in (x * x, x, x * y, y, y * y))
    fn = lambda w, b: w**2 * sxx + 2 * w * b * sx + b**2 - 2 * w * sxy - 2 * b * sy + syy
    w_best = (sxy - sx * sy) / (sxx - sx * sx)
    b_best = sy - w_best * sx
    half = max(3.0, 2 * abs(w_best), 2 * abs(b_best))
    extent = (w_best - half, w_best + half, b_best - half, b_best + half)
    start = (w_best - 0.8 * half, b_best + 0.8 * half)
    return Surface("regression", f"mean((w·x + b − y)²) over {what}", fn, extent, start, ((w_best, b_best),),
                   axes=("w", "b"))


def curve_regression() -> Surface:
    """The regression surface of the curve dataset's training points (its defaults: 200 samples, seed 0)."""
    data = datasets.load(DataSpec(dataset="curve", features=["x1"], noise=0.1))
    return regression(data.x_train[:, 0], data.y_train, "the curve's training points")


def csv_regression(path: str, column: str | None = None, label: str | None = None) -> Surface:
    """The regression surface of one numeric CSV column against the label column (default: the last)."""
    data = datasets.load(DataSpec(dataset="csv", csv_path=path, label_column=label, features=["x1"]))
    y = data.y_train
    if data.task != "regression":  # whole numbers read as class labels; here they are the targets
        try:
            y = np.array([float(data.class_names[i]) for i in y])
        except ValueError:
            raise ExperimentError(f"regression: the label column of {path} must be numeric") from None
    names = data.input_names
    if column is None and len(names) > 1:
        raise ExperimentError(f"regression: {path} has {len(names)} input columns; choose one with --column "
                              f"({', '.join(names)})")
    if column is not None and column not in names:
        raise ExperimentError(f"regression: column '{column}' is not an input column of {path} ({', '.join(names)})")
    at = names.index(column) if column is not None else 0
    return regression(data.x_train[:, at], y, f"{names[at]} of {path}")


def surface(name: str) -> Surface:
    """A surface by name; `regression` on the curve dataset."""
    if name == "regression":
        return curve_regression()
    if name not in _FIXED:
        raise ExperimentError(f"function: unknown function '{name}' (allowed: {', '.join(NAMES)})")
    return _FIXED[name]
