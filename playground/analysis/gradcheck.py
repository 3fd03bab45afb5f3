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
  silent layer exactly on ReLU's kink). Kinks are found per example: an
  example whose pre-activations cross a breakpoint under a coordinate's
  perturbation is left out of that coordinate's comparison, on both sides (its
  loss out of J's differences, its own gradient out of backprop's), so one
  example on a kink does not hide a weight that 63 others check. Batch norm
  couples the examples; there a crossing skips the coordinate, as CS231n
  recommends, and so does a weight within 2h of L1's kink at 0;
- resolution: J carries float64 rounding, and on a trained network that
  rounding is not of J's size: a loss of 1e-7 is computed from logits of 20
  whose cancellation leaves errors of 1e-15. The rounding is measured: J is
  evaluated once more in float32 on the same (float32-exact) weights and inputs,
  and the per-example differences, scaled by eps64 / eps32, estimate float64's
  rounding σ of J. Each numerical derivative is then uncertain by about σ / h,
  an absolute floor on the error whatever the gradient's size. Where a layer's
  gradient is so small (vanishing, converged, zero-initialized) that this floor
  exceeds 1e-7 of it, the layer is judged at the relative error the differences
  can resolve, and says so.
"""
from __future__ import annotations

import math
import sys
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.func import vmap

from playground.config.experiment import Experiment
from playground.nn.backward import FastBackward
from playground.nn.model import data_loss
from playground.training.trainer import Trainer

THRESHOLD = 1e-7
STEP = 1e-4             # h; J is also evaluated at θ ± 2h
BATCH_ROWS = 64         # a fixed batch: the first rows of the training split
MAX_COORDINATES = 256   # per layer; beyond this a seeded sample of the coordinates is perturbed
ZERO_NUDGE = 1e-2       # standard deviation of the move given to parameters that are exactly zero
# Safety factor on the measured rounding: Richardson's combination has rounding std ≈ σ / h, one float32
# sample of σ can come out small by chance, and an error bar must hold for every coordinate at once.
ROUNDING = 10.0
EPS_RATIO = torch.finfo(torch.float64).eps / torch.finfo(torch.float32).eps

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
    kinks: int            # coordinates skipped: a breakpoint crossed that no example could be left out of
    relative_error: float
    resolution: float     # the smallest relative error float64 differences can tell apart from 0 in this layer
    not_sampled: int = 0  # coordinates beyond max_coordinates, not perturbed
    l1_kinks: int = 0     # coordinates skipped within 2h of L1's kink at 0 (counted in kinks too)
    kink_examples: int = 0  # (coordinate, example) pairs left out because that example crossed a kink

    @property
    def skipped(self) -> str:
        """Why coordinates went unchecked, in English ("" when none did)."""
        parts = [f"{self.not_sampled} not sampled" if self.not_sampled else "",
                 f"{self.kinks - self.l1_kinks} at a kink (batch norm couples the examples)"
                 if self.kinks - self.l1_kinks else "",
                 f"{self.l1_kinks} at L1's kink" if self.l1_kinks else ""]
        return ", ".join(p for p in parts if p)

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
        found = _numerical_gradient(objective, params, picks, l1_weights, backprop[picks])
        num, bp = found.numerical[found.checked], found.backprop[found.checked]
        noise = ROUNDING * objective.rounding / STEP * math.sqrt(len(num))
        scale = float(num.norm() + bp.norm())
        resolution = noise / scale if scale > 0 else 0.0
        results.append(LayerCheck(
            name, backprop.numel(), len(num), int((~found.checked).sum()), _relative_error(num, bp), resolution,
            not_sampled=backprop.numel() - len(picks), l1_kinks=found.l1_kinks, kink_examples=found.kink_examples))
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
            # float32-exact values, so that the float32 evaluation measuring J's rounding has the same weights
            p[zeros] = (ZERO_NUDGE * torch.randn(int(zeros.sum()), generator=generator)).to(p.dtype)
    copy.net.train()
    for module in copy.net.modules():
        if isinstance(module, nn.Dropout):
            module.eval()
    return copy


class _Objective:
    """J on the fixed batch as per-example losses and the penalty, and which examples kept every pre-activation
    on its side of every kink."""

    def __init__(self, trainer: Trainer, x: torch.Tensor, y: torch.Tensor):
        self.trainer, self.x, self.y = trainer, x, y
        self.sides: list[torch.Tensor] = []
        for layer in trainer.net.hidden:
            side = KINKS.get(layer.spec.activation)
            if side is not None:
                record = lambda module, args, side=side, k=layer.spec.maxout_k: self.sides.append(side(args[0], k))
                layer.act.register_forward_pre_hook(record)
        self.coupled = trainer.net.has_batch_norm()  # one example's perturbation moves every example's loss
        self.rows = x.shape[0]
        losses, _, self.reference = self._evaluate()
        self.rounding = self._rounding(losses)

    def _losses(self, net: nn.Module, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        task, loss = self.trainer.task, self.trainer.net.loss
        logits = net(x)  # the forward outside vmap: its kink hooks record plain tensors
        return vmap(lambda row, target: data_loss(task, row.unsqueeze(0), target.unsqueeze(0), loss))(logits, y)

    def _evaluate(self) -> tuple[torch.Tensor, float, list[torch.Tensor]]:
        self.sides = []
        losses = self._losses(self.trainer.net, self.x, self.y)
        return losses, self.trainer.penalty().item(), self.sides

    def _rounding(self, losses: torch.Tensor) -> float:
        """σ of J's float64 rounding: float32's rounding of the same computation, per example, scaled by eps."""
        single = deepcopy(self.trainer.net).float()
        target = self.y if self.y.dtype == torch.long else self.y.float()
        with torch.no_grad():
            errors = (self._losses(single, self.x.float(), target).double() - losses).abs()
        penalty = abs(self.trainer.penalty().item()) * torch.finfo(torch.float64).eps
        per_example = float(errors.norm()) / self.rows  # the mean of independent roundings
        return EPS_RATIO * max(per_example, float(errors.mean())) + penalty + torch.finfo(torch.float64).tiny

    def __call__(self) -> tuple[torch.Tensor, float, torch.Tensor]:
        """(per-example losses, penalty, which examples crossed no kink) at the current parameters."""
        losses, penalty, sides = self._evaluate()
        smooth = torch.ones(self.rows, dtype=torch.bool)
        for a, b in zip(sides, self.reference):
            smooth &= (a == b).reshape(self.rows, -1).all(dim=1)
        return losses, penalty, smooth

    def example_gradients(self, params: list[torch.Tensor]) -> torch.Tensor:
        """[rows, coordinates]: each example's own data-loss gradient (autograd) over the layer's parameters."""
        losses = self._losses(self.trainer.net, self.x, self.y)
        rows = []
        for i in range(self.rows):
            grads = torch.autograd.grad(losses[i], params, retain_graph=i + 1 < self.rows, allow_unused=True)
            rows.append(torch.cat([(g if g is not None else torch.zeros_like(p)).reshape(-1)
                                   for g, p in zip(grads, params)]))
        return torch.stack(rows)


def _grad(p: torch.Tensor) -> torch.Tensor:
    # Detached: nothing of the comparison reaches autograd.
    return p.grad.detach() if p.grad is not None else torch.zeros_like(p)


def _coordinates(size: int, limit: int, generator: torch.Generator) -> torch.Tensor:
    if size <= limit:
        return torch.arange(size)
    return torch.randperm(size, generator=generator)[:limit].sort().values


@dataclass(frozen=True)
class _Found:
    numerical: torch.Tensor  # per picked coordinate, on the examples that crossed no kink
    backprop: torch.Tensor   # the trainer's gradient less the left-out examples' own gradients
    checked: torch.Tensor    # bool: compared (not skipped)
    l1_kinks: int
    kink_examples: int


def _numerical_gradient(objective: _Objective, params: list[torch.Tensor], picks: torch.Tensor,
                        l1_weights: set[int], backprop: torch.Tensor) -> _Found:
    """(4 D(h) − D(2h)) / 3 for each picked coordinate over the examples that crossed no kink, and backprop's
    gradient over the same examples."""
    flat = [p.data.view(-1) for p in params]
    starts = np.cumsum([0] + [f.numel() for f in flat])
    rows = objective.rows
    out = torch.empty(len(picks), dtype=torch.float64)
    compared = backprop.clone()
    checked = torch.ones(len(picks), dtype=torch.bool)
    l1_kinks = kink_examples = 0
    per_example: torch.Tensor | None = None
    for n, index in enumerate(picks.tolist()):
        which = int(np.searchsorted(starts, index, side="right")) - 1
        values, i = flat[which], index - starts[which]
        kept = values[i].item()
        at, smooth = {}, torch.ones(rows, dtype=torch.bool)
        with torch.no_grad():
            for offset in (STEP, -STEP, 2 * STEP, -2 * STEP):
                values[i] = kept + offset
                losses, penalty, same_side = objective()
                at[offset] = (losses, penalty)
                smooth &= same_side
            values[i] = kept
        if id(params[which]) in l1_weights and abs(kept) <= 2 * STEP:
            checked[n] = False  # the perturbation crosses |w|'s kink at 0
            l1_kinks += 1
            continue
        left_out = ~smooth
        if left_out.any() and (objective.coupled or left_out.all()):
            checked[n] = False
            continue
        if left_out.any():
            if per_example is None:
                per_example = objective.example_gradients(params)
            compared[n] -= per_example[left_out, index].sum() / rows
            kink_examples += int(left_out.sum())
        j = {offset: float(losses[smooth].sum()) / rows + penalty for offset, (losses, penalty) in at.items()}
        d_h = (j[STEP] - j[-STEP]) / (2 * STEP)
        d_2h = (j[2 * STEP] - j[-2 * STEP]) / (4 * STEP)
        out[n] = (4 * d_h - d_2h) / 3
    return _Found(out, compared, checked, l1_kinks, kink_examples)


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
    for c in checks:
        notes = [f"skipped {c.skipped}" if c.skipped else "",
                 f"{c.kink_examples} example-coordinate pairs left out at a kink" if c.kink_examples else ""]
        if any(notes):
            lines.append(f"{c.name}: " + "; ".join(n for n in notes if n) + ".")
    if any(c.coarse for c in checks):
        lines.append("OK (to x): this layer's gradient is so small (vanishing, or converged) that float64's rounding of "
                     "the loss, measured, resolves its relative error only to x.")
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
