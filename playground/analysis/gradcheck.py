"""Gradient checking (梯度检验): the trainer's backprop against two-sided numerical differences.

For every parameter θ_i the course's two-sided difference
D(h) = (J(θ + h e_i) − J(θ − h e_i)) / 2h approximates dJ/dθ_i with an error
of O(h²). Per weight layer we report the course's relative error
‖g_num − g_bp‖ / (‖g_num‖ + ‖g_bp‖) and flag it above 1e-7.

The check runs on a float64 copy of the model and asks the trainer itself for
the backprop gradients (its hand-derived fast backward where the network is
plain, autograd otherwise), so what is checked is what trains. J is the data
loss plus the L1/L2 penalty, exactly as the trainer adds them. Choices the
course leaves open:
- g_num is (4 D(h) − D(2h)) / 3, Richardson's combination of two two-sided
  differences: it cancels the h² error, so h can be 1e-4 and rounding
  (∝ 1e-16 / h) stays small enough to check the tiny gradients of the first
  layers of a deep sigmoid stack;
- dropout is off (its masks would differ between the passes); batch norm
  stays in training mode, so every pass normalizes with the batch's own
  statistics, as in training; gradient clipping is off (it changes the step,
  not the gradient);
- kinks: ReLU-like units, hard sigmoid, maxout, ELU's curvature and L1's |w|
  have no (smooth) derivative at their breakpoints. Exact zeros among the
  parameters are first moved by ~1e-2 (zero biases put every unit of an all-
  silent layer exactly on ReLU's kink), and a coordinate whose perturbation
  moves any pre-activation across a breakpoint is skipped and counted, as
  CS231n recommends;
- resolution: J carries float64 rounding (about 1e-16 of its size), so each
  numerical derivative is uncertain by about 1e-16 · |J| / h whatever the
  gradient's size. Where a layer's gradient is so small (vanishing, or a
  zero-initialized net) that this uncertainty exceeds 1e-7 of it, the layer is
  judged at the relative error the differences can resolve, and says so.
"""
from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from playground.config.experiment import Experiment
from playground.nn.backward import FastBackward
from playground.nn.model import data_loss
from playground.training.trainer import Trainer

THRESHOLD = 1e-7
STEP = 1e-4             # h; J is also evaluated at θ ± 2h
BATCH_ROWS = 64         # a fixed batch: the first rows of the training split
MAX_COORDINATES = 256   # per layer; beyond this a seeded sample of the coordinates is perturbed
ZERO_NUDGE = 1e-2       # standard deviation of the move given to parameters that are exactly zero
# Rounding bound of one numerical derivative, per unit of |J| · eps / h: the formula's weights sum to 1.5 and
# the forward pass accumulates a few roundings; measured errors sit 40 times below this.
ROUNDING = 10 * 1.5

HARD_SIGMOID_KNOTS = torch.tensor([-3.0, 3.0], dtype=torch.float64)
# The side of every breakpoint each pre-activation is on, per activation with breakpoints.
KINKS: dict[str, Callable[[torch.Tensor, int], torch.Tensor]] = {
    "relu": lambda z, k: z > 0,
    "leaky_relu": lambda z, k: z > 0,
    "prelu": lambda z, k: z > 0,
    "elu": lambda z, k: z > 0,
    "hard_sigmoid": lambda z, k: torch.bucketize(z, HARD_SIGMOID_KNOTS),
    "maxout": lambda z, k: z.unflatten(-1, (-1, k)).argmax(-1),
}


@dataclass(frozen=True)
class LayerCheck:
    """One weight layer's result; its parameters include its batch-norm and PReLU parameters."""

    name: str             # "hidden 1" ... "output"
    parameters: int
    checked: int          # coordinates compared
    kinks: int            # coordinates skipped because a perturbation crossed a breakpoint
    relative_error: float
    resolution: float     # the smallest relative error float64 differences can tell apart from 0 in this layer

    @property
    def passed(self) -> bool:
        return self.relative_error <= max(THRESHOLD, self.resolution)

    @property
    def coarse(self) -> bool:
        """True when the layer's gradient is too small to check to THRESHOLD."""
        return self.resolution > THRESHOLD


def check(target: Trainer | Experiment, max_coordinates: int = MAX_COORDINATES,
          should_stop: Callable[[], bool] = lambda: False,
          progress: Callable[[float], None] = lambda fraction: None) -> list[LayerCheck]:
    """Compare backprop with numerical gradients near the model's current weights, one result per weight layer.

    should_stop() is polled and progress(fraction) reported between layers; a stopped check returns the layers done.
    """
    trainer = target if isinstance(target, Trainer) else Trainer(target)
    generator = torch.Generator().manual_seed(trainer.experiment.seed)
    copy = _float64_copy(trainer, generator)
    x, y = copy.x["train"][:BATCH_ROWS], copy.y["train"][:BATCH_ROWS]
    copy.gradients(x, y)
    objective = _Objective(copy, x, y)
    l1_weights = {id(w) for w in copy.weights} if copy.experiment.training.l1 else set()
    results = []
    layers = [*copy.net.hidden, copy.net.head]
    for name, layer in zip(copy.layer_names(), layers):
        if should_stop():
            break
        params = list(layer.parameters())
        backprop = torch.cat([_grad(p).reshape(-1) for p in params])
        picks = _coordinates(backprop.numel(), max_coordinates, generator)
        numerical, smooth = _numerical_gradient(objective, params, picks, l1_weights)
        num, bp = numerical[smooth], backprop[picks][smooth]
        noise = ROUNDING * torch.finfo(torch.float64).eps * objective.largest / STEP * math.sqrt(len(num))
        scale = float(num.norm() + bp.norm())
        resolution = noise / scale if scale > 0 else 0.0
        results.append(LayerCheck(name, backprop.numel(), len(num), int((~smooth).sum()), _relative_error(num, bp),
                                  resolution))
        progress(len(results) / len(layers))
    return results


def _float64_copy(trainer: Trainer, generator: torch.Generator) -> Trainer:
    """A CPU trainer on the same data with the weights in float64, exact zeros nudged, dropout and clipping off."""
    experiment = trainer.experiment.with_changes(**{"device": "cpu", "training.clip_norm": 0.0})
    copy = Trainer(experiment, dataset=trainer.dataset)
    copy.net.load_state_dict(trainer.net.state_dict())
    copy.net.double()  # in place: the trainer's lists of weights and its optimizer still name these parameters
    copy.fast = FastBackward(copy.net) if copy.fast is not None else None  # it caches views of the float32 weights
    copy.x = {split: x.double() for split, x in copy.x.items()}
    copy.y = {split: y if y.dtype == torch.long else y.double() for split, y in copy.y.items()}
    with torch.no_grad():
        for p in copy.net.parameters():
            zeros = p == 0
            p[zeros] = ZERO_NUDGE * torch.randn(int(zeros.sum()), generator=generator, dtype=p.dtype)
    copy.net.train()
    for module in copy.net.modules():
        if isinstance(module, nn.Dropout):
            module.eval()
    return copy


class _Objective:
    """J on the fixed batch, and whether an evaluation kept every pre-activation on its side of every kink."""

    def __init__(self, trainer: Trainer, x: torch.Tensor, y: torch.Tensor):
        self.trainer, self.x, self.y = trainer, x, y
        self.sides: list[torch.Tensor] = []
        self.largest = 0.0  # the largest |J| seen: the scale of its rounding
        for layer in trainer.net.hidden:
            side = KINKS.get(layer.spec.activation)
            if side is not None:
                record = lambda module, args, side=side, k=layer.spec.maxout_k: self.sides.append(side(args[0], k))
                layer.act.register_forward_pre_hook(record)
        self.reference = self._evaluate()[1]

    def _evaluate(self) -> tuple[float, list[torch.Tensor]]:
        self.sides = []
        t = self.trainer
        value = (data_loss(t.task, t.net(self.x), self.y) + t.penalty()).item()
        self.largest = max(self.largest, abs(value))
        return value, self.sides

    def __call__(self) -> tuple[float, bool]:
        value, sides = self._evaluate()
        return value, all(torch.equal(a, b) for a, b in zip(sides, self.reference))


def _grad(p: torch.Tensor) -> torch.Tensor:
    # Detached: nothing of the comparison reaches autograd.
    return p.grad.detach() if p.grad is not None else torch.zeros_like(p)


def _coordinates(size: int, limit: int, generator: torch.Generator) -> torch.Tensor:
    if size <= limit:
        return torch.arange(size)
    return torch.randperm(size, generator=generator)[:limit].sort().values


@torch.no_grad()
def _numerical_gradient(objective: _Objective, params: list[torch.Tensor], picks: torch.Tensor,
                        l1_weights: set[int]) -> tuple[torch.Tensor, torch.Tensor]:
    """(4 D(h) − D(2h)) / 3 for each picked coordinate, laid end to end, and which of them crossed no kink."""
    flat = [p.view(-1) for p in params]
    starts = np.cumsum([0] + [f.numel() for f in flat])
    out = torch.empty(len(picks), dtype=torch.float64)
    smooth = torch.ones(len(picks), dtype=torch.bool)
    for n, index in enumerate(picks.tolist()):
        which = int(np.searchsorted(starts, index, side="right")) - 1
        values, i = flat[which], index - starts[which]
        kept = values[i].item()
        at = {}
        for offset in (STEP, -STEP, 2 * STEP, -2 * STEP):
            values[i] = kept + offset
            at[offset], same_side = objective()
            smooth[n] &= same_side
        values[i] = kept
        if id(params[which]) in l1_weights and abs(kept) <= 2 * STEP:
            smooth[n] = False  # the perturbation crosses |w|'s kink at 0
        d_h = (at[STEP] - at[-STEP]) / (2 * STEP)
        d_2h = (at[2 * STEP] - at[-2 * STEP]) / (4 * STEP)
        out[n] = (4 * d_h - d_2h) / 3
    return out, smooth


def _relative_error(numerical: torch.Tensor, backprop: torch.Tensor) -> float:
    """‖g_num − g_bp‖ / (‖g_num‖ + ‖g_bp‖), 0 when both are 0, nan when either is not finite."""
    scale = float(numerical.norm() + backprop.norm())
    if not math.isfinite(scale):
        return float("nan")
    return float((numerical - backprop).norm()) / scale if scale > 0 else 0.0


def passed(checks: list[LayerCheck]) -> bool:
    """True when every layer's relative error is at most THRESHOLD."""
    return all(c.passed for c in checks)


def report(checks: list[LayerCheck]) -> str:
    """The per-layer table and a verdict line, as `playground gradcheck` prints them."""
    lines = [f"{'layer':<10} {'parameters':>10} {'checked':>8} {'kinks':>6} {'relative error':>15}  result"]
    for c in checks:
        result = "FLAG" if not c.passed else f"OK (to {c.resolution:.1e})" if c.coarse else "OK"
        lines.append(f"{c.name:<10} {c.parameters:>10} {c.checked:>8} {c.kinks:>6} {c.relative_error:>15.3e}  {result}")
    if any(c.coarse for c in checks):
        lines.append("OK (to x): this layer's gradient is so small (vanishing?) that numerical differences in float64 "
                     "resolve its relative error only to x.")
    flagged = [c.name for c in checks if not c.passed]
    if flagged:
        lines.append(f"Gradient check FAILED in {', '.join(flagged)}: backprop disagrees with the numerical "
                     f"gradient (relative error above {THRESHOLD:g}), so the backward pass has a bug.")
    else:
        lines.append(f"Gradient check passed: backprop matches the numerical gradient in every layer "
                     f"(relative error at most {THRESHOLD:g}, or the layer's resolution).")
    return "\n".join(lines)


def run(args, experiment: Experiment) -> int:
    """`playground gradcheck`: exit status 0 when every layer passes, 1 when any is flagged."""
    trainer = Trainer.load(args.load, experiment) if getattr(args, "load", None) else Trainer(experiment)
    if trainer.device_message:
        print(f"playground: {trainer.device_message}", file=sys.stderr)
    checks = check(trainer)
    print(report(checks))
    return 0 if passed(checks) else 1
