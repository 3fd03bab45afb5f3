"""Probes: what the model does, measured without training it.

Layer probes (gradient and weight norms, activation statistics, histograms)
cost about one forward pass of the probe batch. The grid probe evaluates every
neuron over the input plane; its resolution shrinks for big networks so that
one probe stays within a fixed amount of arithmetic.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch

from playground.nn.activations import CAN_DIE, SATURATING_BOUNDS
from playground.nn.model import Network, predict
from playground.training import metrics
from playground.training.recipe import grid_maps
from playground.training.snapshot import ClassProbe, GridProbe, LayerProbe

GRID_RESOLUTION = 100       # TensorFlow Playground's 100 x 100
CURVE_RESOLUTION = 200
MIN_RESOLUTION = 16
GRID_BUDGET_MACS = 5e7      # multiply-adds one grid probe may spend
MAX_NEURONS_PER_LAYER = 16  # neuron heatmaps handed out per layer; the diagram draws fewer
HIST_BINS = 30
CLASS_PROBE_ROWS = 5000     # validation rows the Classes tab looks through for mistakes
_HIST_RANGE = {"sigmoid": (0.0, 1.0), "hard_sigmoid": (0.0, 1.0), "softmax": (0.0, 1.0), "tanh": (-1.0, 1.0)}
_SATURATION_MARGIN = 0.01


@dataclass
class GridInputs:
    """The input plane (or line) as network inputs, built once per dataset, per resolution."""

    extent: tuple[float, ...]
    to_inputs: Callable[[np.ndarray], torch.Tensor]
    _cache: dict = field(default_factory=dict)

    @classmethod
    def for_data(cls, dataset, to_inputs) -> GridInputs | None:
        """None where the raw input has more than two dimensions: there is no plane to draw."""
        if len(dataset.extent) not in (2, 4):
            return None
        return cls(tuple(dataset.extent), to_inputs)

    @property
    def dims(self) -> int:
        return len(self.extent) // 2

    def inputs(self, resolution: int) -> torch.Tensor:
        if resolution not in self._cache:
            self._cache[resolution] = self.to_inputs(self.points(resolution))
        return self._cache[resolution]

    def points(self, resolution: int) -> np.ndarray:
        """Raw points, row-major with x fastest: point [i * r + j] is at (xs[j], ys[i])."""
        xs = np.linspace(self.extent[0], self.extent[1], resolution)
        if self.dims == 1:
            return xs[:, None]
        ys = np.linspace(self.extent[2], self.extent[3], resolution)
        gx, gy = np.meshgrid(xs, ys)
        return np.stack([gx.ravel(), gy.ravel()], axis=1)


def resolution_for(net: Network, dims: int) -> int:
    """Grid points per axis so that one probe costs at most GRID_BUDGET_MACS."""
    macs = sum(linear.weight.numel() for linear in net.linears())
    top = CURVE_RESOLUTION if dims == 1 else GRID_RESOLUTION
    affordable = GRID_BUDGET_MACS / max(macs, 1)
    side = affordable if dims == 1 else math.sqrt(affordable)
    return int(min(top, max(MIN_RESOLUTION, side)))


@torch.no_grad()
def grid_probe(net: Network, grid: GridInputs) -> GridProbe:
    """The output and the first neurons of every hidden layer over the input plane."""
    r = resolution_for(net, grid.dims)
    x = grid.inputs(r)
    net.set_training(False)
    hidden, logits = net.forward_all(x)
    shape = (r,) if grid.dims == 1 else (r, r)
    as_map = lambda t, channels=True: grid_maps(t, shape, channels).float().cpu().numpy()
    output = as_map(predict(net.task, logits, net.loss), net.task == "multiclass")
    pieces = {}
    if grid.dims == 1 and net.task == "regression" and hidden:
        # Every unit, not the first MAX_NEURONS_PER_LAYER: the pieces must add up to the output.
        pieces = dict(last_hidden=as_map(hidden[-1]), head_weights=net.head.weight[0].float().cpu().numpy().copy(),
                      head_bias=float(net.head.bias[0]))
    return GridProbe(
        extent=grid.extent, resolution=r, output=output,
        neurons=tuple(as_map(h[:, :MAX_NEURONS_PER_LAYER]) for h in hidden),
        features=as_map(x), **pieces,
    )


@torch.no_grad()
def layer_probes(net: Network, probe_x: torch.Tensor, update_ratio: np.ndarray) -> tuple[LayerProbe, ...]:
    """Per weight layer, input to output: gradient, weight and activation statistics (a residual layer's of f(x),
    its activations before the skip adds the input)."""
    net.set_training(False)
    hidden, logits = net.forward_all(probe_x, before_skip=True)
    outputs = hidden + [predict(net.task, logits, net.loss).reshape(probe_x.shape[0], -1)]
    names = layer_names(len(hidden))
    probes = []
    layers = zip(net.linears(), net.layer_weights(), net.activation_names(), outputs)
    for i, (linear, matrices, act_name, a) in enumerate(layers):
        w, b = linear.weight.detach(), linear.bias.detach()
        values = a.float().cpu().numpy()
        # .numpy() of a CPU tensor shares its memory: copy, or the snapshot changes as training goes on.
        weights = w.float().cpu().numpy().copy()
        act_hist, act_edges = _histogram(values, _HIST_RANGE.get(act_name, (-4.0, 4.0)))
        reach = float(np.abs(weights).max()) if weights.size else 1.0
        # Weights that shrank to (denormal) zero or blew up still get a histogram with a usable range.
        reach = reach if math.isfinite(reach) and reach > 1e-6 else 1.0
        weight_hist, weight_edges = _histogram(weights, (-reach, reach))
        mean, std = _spread(values)
        probes.append(LayerProbe(
            name=names[i], units=a.shape[1], activation=act_name,
            # A residual layer's projection is part of its layer: its matrices count as one vector.
            grad_norm=math.hypot(*(_norm(m.grad) for m in matrices)), bias_grad_norm=_norm(linear.bias.grad),
            weight_norm=math.hypot(*(_norm(m) for m in matrices)), update_ratio=float(update_ratio[i]),
            act_mean=mean, act_std=std,
            saturated=_saturated(act_name, values), dead=_dead(act_name, values),
            act_hist=act_hist, act_edges=act_edges, weight_hist=weight_hist, weight_edges=weight_edges,
            weights=weights, bias=b.float().cpu().numpy().copy(), residual=i < len(hidden) and net.hidden[i].spec.residual,
        ))
    return tuple(probes)


def class_probe(task: str, predicted_val: np.ndarray, y_val: np.ndarray, classes: int) -> ClassProbe | None:
    """The validation split's predicted classes (split_predictions()' "val") and its confusion matrix;
    None for regression or no split."""
    rows = min(len(predicted_val), CLASS_PROBE_ROWS)
    if task == "regression" or rows == 0:
        return None
    predicted = predicted_val[:rows]
    return ClassProbe(rows=rows, predicted=predicted, confusion=metrics.confusion(y_val[:rows], predicted, classes))


@torch.no_grad()
def split_predictions(net: Network, x: dict[str, torch.Tensor]) -> dict[str, np.ndarray]:
    """Each split's predictions (as predictions()), in eval mode, from one forward pass over all splits: a
    snapshot pays the per-call cost of a small network's forward once, not three times."""
    net.set_training(False)
    sizes = [x[split].shape[0] for split in metrics.SPLITS]
    predicted = predictions(net.task, net(torch.cat([x[split] for split in metrics.SPLITS])))
    return dict(zip(metrics.SPLITS, np.split(predicted, np.cumsum(sizes)[:-1])))


def predictions(task: str, logits: torch.Tensor) -> np.ndarray:
    """Class indices (or values for regression) as numpy, by the rule accuracy() counts with: a positive logit is
    class 1, else the largest logit wins (ties to the first class)."""
    if task == "regression":
        return logits[:, 0].double().cpu().numpy()
    return ((logits[:, 0] > 0).long() if task == "binary" else logits.argmax(1)).cpu().numpy()


def layer_names(hidden: int) -> list[str]:
    """'hidden 1' ... 'output': the weight layers, input to output."""
    return [f"hidden {i + 1}" for i in range(hidden)] + ["output"]


def _norm(grad: torch.Tensor | None) -> float:
    return 0.0 if grad is None else float(torch.linalg.vector_norm(grad))


def _histogram(values: np.ndarray, bounds: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """Fractions per bin; values outside the range count in the end bins (bincount: 5x np.histogram's speed)."""
    edges = np.linspace(bounds[0], bounds[1], HIST_BINS + 1)
    finite = values[np.isfinite(values)].ravel()
    scale = HIST_BINS / (bounds[1] - bounds[0])
    # In float64 and clipped before the cast: a float32 near its largest value times scale is no integer.
    bins = np.clip((finite.astype(np.float64) - bounds[0]) * scale, 0, HIST_BINS - 1).astype(np.int64)
    return np.bincount(bins, minlength=HIST_BINS) / max(finite.size, 1), edges


def _spread(values: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation, in float64 so float32 activations cannot overflow their squares."""
    if values.size == 0:
        return 0.0, 0.0
    # After a divergence activations are inf or NaN: their mean and spread are too, and the views say so.
    with np.errstate(invalid="ignore", over="ignore"):
        return float(values.mean(dtype=np.float64)), float(values.std(dtype=np.float64))


def _saturated(name: str, values: np.ndarray) -> float | None:
    """Fraction of activations within 1 % of a bound of a saturating activation."""
    if name not in SATURATING_BOUNDS or values.size == 0:
        return None
    low, high = SATURATING_BOUNDS[name]
    margin = _SATURATION_MARGIN * (high - low)
    return float(np.mean((values <= low + margin) | (values >= high - margin)))


def _dead(name: str, values: np.ndarray) -> float | None:
    """Fraction of ReLU units that output zero for every example of the probe batch."""
    if name not in CAN_DIE or values.size == 0:
        return None
    return float(np.mean(np.all(values <= 0.0, axis=0)))
