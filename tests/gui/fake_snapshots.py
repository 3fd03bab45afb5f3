"""Realistic Snapshot objects built with numpy alone, for view tests and for looking at views.

The shapes follow playground/snapshot.py and the engine's probes: grids are row-major with
x fastest, only the first NEURON_PROBES neurons of a layer come with a heatmap, maxout weights
hold units * k rows.
"""
from __future__ import annotations

import functools

import numpy as np

from playground.data.features import column as feature_column
from playground.training.snapshot import DataView, GridProbe, History, LayerProbe, Snapshot

NEURON_PROBES = 16
HIST_BINS = 30


def _split(rng, x, y):
    order = rng.permutation(len(x))
    a, b = len(x) // 2, 3 * len(x) // 4
    parts = [order[:a], order[a:b], order[b:]]
    return [(x[p], y[p]) for p in parts]


def _circle(rng, n):
    radius = np.concatenate([rng.uniform(0, 2.5, n // 2), rng.uniform(3.5, 5, n - n // 2)])
    angle = rng.uniform(0, 2 * np.pi, n)
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    return x, (radius < 2.5).astype(np.int64)


def _blobs(rng, n, classes):
    centers = 4 * np.stack([np.cos(np.arange(classes) * 2 * np.pi / classes),
                            np.sin(np.arange(classes) * 2 * np.pi / classes)], axis=1)
    y = rng.integers(0, classes, n)
    return centers[y] + rng.normal(0, 1.2, (n, 2)), y


def _history(rng, epochs: int, layers: int, task: str) -> History:
    e = np.arange(1, epochs + 1, dtype=np.float64)
    train = 0.45 * np.exp(-e / 25) + 0.04 + rng.uniform(0, 0.01, epochs)
    val = train * 1.15 + 0.01
    accuracy = np.full(epochs, np.nan) if task == "regression" else 1 - train
    depth = np.arange(layers)[None, :]
    # Gradients shrink towards the input: the vanishing pattern the view should reveal.
    grad = 10.0 ** (-0.25 * (layers - 1 - depth)) * np.exp(-e / 60)[:, None] * rng.uniform(0.7, 1.3, (epochs, layers))
    return History(
        epoch=e.astype(np.int64), step=(e * 25).astype(np.int64), elapsed_s=e * 0.02, lr=np.full(epochs, 0.03),
        train_loss=train, val_loss=val, test_loss=val * 1.02,
        train_accuracy=accuracy, val_accuracy=accuracy - 0.02 if task != "regression" else accuracy,
        test_accuracy=accuracy - 0.03 if task != "regression" else accuracy,
        grad_norm=grad, weight_norm=np.ones((epochs, layers)),
    )


def _layer(rng, name, units, fan_in, activation, grad_norm, k=1) -> LayerProbe:
    weights = rng.normal(0, 1 / np.sqrt(fan_in), (units * k, fan_in))
    weights[0, 0] = -np.abs(weights).max() * 1.2  # one strong negative link to look for
    edges = np.linspace(-1, 1, HIST_BINS + 1)
    hist = np.full(HIST_BINS, 1.0 / HIST_BINS)
    return LayerProbe(
        name=name, units=units, activation=activation, grad_norm=grad_norm, bias_grad_norm=grad_norm / 3,
        weight_norm=float(np.linalg.norm(weights)), update_ratio=1e-3, act_mean=0.1, act_std=0.5,
        saturated=None, dead=None, act_hist=hist, act_edges=edges, weight_hist=hist, weight_edges=edges,
        weights=weights, bias=rng.normal(0, 0.3, units),
    )


def _neuron_maps(rng, units: int, planes: tuple[np.ndarray, ...], activation: str) -> np.ndarray:
    count = min(units, NEURON_PROBES)
    coef = rng.normal(0, 0.5, (count, len(planes) + 1))
    column = (count,) + (1,) * planes[0].ndim
    z = coef[:, -1].reshape(column) * 0.5
    for i, plane in enumerate(planes):
        z = z + 3 * coef[:, i].reshape(column) * plane
    return np.maximum(z, 0) if activation == "relu" else np.tanh(z)


@functools.lru_cache(maxsize=64)   # the big ones take a second to build; snapshots are read-only anyway
def make_snapshot(task: str = "binary", hidden: tuple[int, ...] = (4, 2), activation: str = "tanh",
                  features: tuple[str, ...] = ("x1", "x2"), resolution: int = 40, epochs: int = 60,
                  classes: int = 3, dims: int = 2, grid: bool = True, maxout_k: int = 2, serial: int = 1,
                  seed: int = 0, state: str = "running") -> Snapshot:
    """dims=1 makes the 1-D curve (regression only); grid=False adds three inputs so no plane exists."""
    rng = np.random.default_rng(seed)
    one_d = dims == 1
    n = 200 if one_d else 500
    if task == "multiclass":
        x, y = _blobs(rng, n, classes)
        class_names = tuple(f"class {c}" for c in range(classes))
    elif task == "binary":
        x, y = _circle(rng, n)
        classes, class_names = 2, ("outside", "inside")
    else:
        x = rng.uniform(-6, 6, (n, 1 if one_d else 2))
        y = np.sin(x[:, 0]) * 0.8 + rng.normal(0, 0.1, n) if one_d else (x[:, 0] + x[:, 1]) / 12
        classes, class_names = 0, ()
    if not grid:
        x = np.concatenate([x, rng.normal(0, 1, (n, 3))], axis=1)
    (xt, yt), (xv, yv), (xs, ys) = _split(rng, x, y)
    extent = (-6.0, 6.0) if one_d else (-6.0, 6.0, -6.0, 6.0)
    input_names = tuple(f"x{i + 1}" for i in range(x.shape[1]))
    feature_names = features if grid else input_names
    data = DataView(task, classes, class_names, input_names, feature_names, xt, yt, xv, yv, xs, ys,
                    extent if grid else (), baseline_error=0.02 if task != "regression" else None)

    activations = [activation] * len(hidden)
    out_units = classes if task == "multiclass" else 1
    out_activation = {"binary": "sigmoid", "multiclass": "softmax", "regression": "linear"}[task]
    history = _history(rng, epochs, len(hidden) + 1, task)
    widths = (len(feature_names),) + hidden
    layers = tuple(
        _layer(rng, f"hidden {i + 1}", units, widths[i], act, float(history.grad_norm[-1, i]),
               maxout_k if act == "maxout" else 1)
        for i, (units, act) in enumerate(zip(hidden, activations))
    ) + (_layer(rng, "output", out_units, widths[-1], out_activation, float(history.grad_norm[-1, -1])),)

    probe = None
    if grid:
        axis = np.linspace(-6, 6, resolution)
        if one_d:
            planes = (axis,)
            fmaps = np.stack([feature_column(f, axis, np.zeros_like(axis)) for f in features])
            output = np.sin(axis) * 0.75
        else:
            x1, x2 = np.meshgrid(axis, axis)
            planes = (x1 / 6, x2 / 6)
            fmaps = np.stack([feature_column(f, x1, x2) for f in features])
            if task == "binary":
                output = 1 / (1 + np.exp(-3 * (2.5 - np.hypot(x1, x2 * 1.1))))
            elif task == "multiclass":
                logits = np.stack([np.cos(a) * x1 + np.sin(a) * x2 for a in np.arange(classes) * 2 * np.pi / classes])
                e = np.exp(logits - logits.max(axis=0))
                output = e / e.sum(axis=0)
            else:
                output = (x1 + x2) / 12 * 0.9
        probe = GridProbe(extent, resolution, output,
                          tuple(_neuron_maps(rng, u, planes, a) for u, a in zip(hidden, activations)), fmaps)

    last = len(history) - 1
    accuracy = lambda a: None if task == "regression" else float(a[last])
    return Snapshot(
        state=state, epoch=epochs, step=int(history.step[last]), lr=0.03, elapsed_s=float(history.elapsed_s[last]),
        steps_per_s=1200.0, epochs_per_s=48.0,
        train_loss=float(history.train_loss[last]), val_loss=float(history.val_loss[last]),
        test_loss=float(history.test_loss[last]), train_accuracy=accuracy(history.train_accuracy),
        val_accuracy=accuracy(history.val_accuracy), test_accuracy=accuracy(history.test_accuracy),
        layers=layers, history=history, data=data, grid=probe, serial=serial,
    )


def binary_2d(**overrides) -> Snapshot:
    return make_snapshot("binary", **overrides)


def multiclass_2d(**overrides) -> Snapshot:
    return make_snapshot("multiclass", hidden=(6, 4), activation="relu", **overrides)


def regression_2d(**overrides) -> Snapshot:
    return make_snapshot("regression", hidden=(3,), **overrides)


def regression_1d(**overrides) -> Snapshot:
    return make_snapshot("regression", hidden=(8, 8), features=("x1", "x1^2", "x1^3", "sin_x1"),
                         dims=1, resolution=200, **overrides)


def many_layers(layers: int = 32, units: int = 512, **overrides) -> Snapshot:
    return make_snapshot("binary", hidden=(units,) * layers, activation="relu", resolution=16,
                         features=("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin_x1", "sin_x2"), **overrides)


def maxout(**overrides) -> Snapshot:
    return make_snapshot("binary", hidden=(5, 3), activation="maxout", **overrides)


def no_grid(**overrides) -> Snapshot:
    """A CSV with five inputs: nothing to draw over a plane."""
    return make_snapshot("multiclass", hidden=(6,), grid=False, **overrides)


def nan_gradients(**overrides) -> Snapshot:
    """A run that diverged: gradients overflow to inf, then NaN; one layer's gradient is exactly zero."""
    snapshot = make_snapshot("binary", hidden=(4, 4, 2), state="diverged", **overrides)
    grad = snapshot.history.grad_norm.copy()
    grad[-15:-10] = np.inf
    grad[-10:] = np.nan
    grad[:, 1] = 0.0
    history = History(**{**snapshot.history.__dict__, "grad_norm": grad,
                         "train_loss": np.where(np.arange(len(grad)) >= len(grad) - 10, np.nan, snapshot.history.train_loss)})
    layers = tuple(
        LayerProbe(**{**layer.__dict__, "grad_norm": value})
        for layer, value in zip(snapshot.layers, (np.nan, 0.0, np.inf, 1e-3))
    )
    return Snapshot(**{**snapshot.__dict__, "history": history, "layers": layers,
                       "train_loss": float("nan"), "message": "diverged: the loss became NaN"})


ALL = {
    "binary_2d": binary_2d,
    "multiclass_2d": multiclass_2d,
    "regression_2d": regression_2d,
    "regression_1d": regression_1d,
    "many_layers": many_layers,
    "maxout": maxout,
    "no_grid": no_grid,
    "nan_gradients": nan_gradients,
}
