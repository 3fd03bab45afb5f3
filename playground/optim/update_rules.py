"""torch.optim's update rules with a fraction of the per-step overhead, for networks of a few tiny tensors.

For a 2-4-2-1 network a torch.optim step costs 50-300 µs of Python and
dispatch overhead, more than the forward and backward pass. The rules here
compute the same updates as torch.optim (same formulas, eps where torch puts
it, the same bias corrections) with a few torch._foreach_* calls over all
parameters at once, set up once instead of at every step.

On the CPU a _foreach_ op runs one kernel per tensor, and one whose operand is
a Python number (`_foreach_mul_(xs, 0.9)`) wraps that number in a new tensor for
each of them, which makes it 3-4 times slower than a tensor-list op. So the
rules below take numbers only as alpha, value or weight arguments: running
means are lerps, eps is added as a 0-dim tensor, and Adam's bias correction
multiplies eps instead of dividing the whole denominator. Results differ from
torch.optim's by float32 rounding only (tests/test_fast_optim.py holds them to
rtol 1e-5 over 50 steps).

Weight decay is decoupled for every rule, as torch.optim.AdamW (and Adam,
NAdam, RAdam with decoupled_weight_decay=True) do it: p <- p - lr*wd*p from the
pre-step weights, then the rule's step, which reads gradients only. So "adam"
with weight decay is AdamW, and L2 (a penalty on the loss) stays the trainer's.

Hyperparameters keep catalog.OPTIMIZERS' names ("beta1", "beta2" where torch
has "betas") and live in each param group, read at every step like torch's,
so `param_groups[i]["lr"] = x` applies from the next step. Options torch has
and the playground never sets keep torch's defaults: no dampening, no
maximize, not centered, Adagrad without lr_decay, NAdam's momentum_decay 4e-3.
All parameters must be on one device with one dtype.

The same rules step K models at once whose parameters are stacked [K, ...]
(analysis.stacked): a hyperparameter that differs between them (the learning
rate, weight decay, momentum's factor) is then a [K] float64 tensor instead of
a number, and every place it scales a tensor goes through scaled_add_ and its
kin, which multiply by it broadcast along the first dimension. With numbers
they make the same calls as before, so a single model's step is unchanged.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import accumulate

import torch

from playground.config import catalog

# torch.optim.NAdam's default; the playground does not expose it.
NADAM_MOMENTUM_DECAY = 4e-3


@cache
def _one(device: torch.device, dtype: torch.dtype) -> torch.Tensor:
    return torch.ones((), device=device, dtype=dtype)


def _plus(xs: list[torch.Tensor], c: float) -> list[torch.Tensor]:
    """xs + c, through the tensor-operand overload (see the module docstring)."""
    return torch._foreach_add(xs, _one(xs[0].device, xs[0].dtype), alpha=c)


def _plus_(xs: list[torch.Tensor], c: float) -> None:
    """xs += c, in place, like _plus."""
    torch._foreach_add_(xs, _one(xs[0].device, xs[0].dtype), alpha=c)


Scale = float | torch.Tensor  # a number, or one per model ([K]) for tensors stacked [K, ...]


def _rows(scale: torch.Tensor, xs: list[torch.Tensor]) -> list[torch.Tensor]:
    """A [K] scale shaped to broadcast over each stacked [K, ...] tensor, in its dtype."""
    scale = scale.to(xs[0].dtype)  # all parameters share one dtype
    return [scale.view(-1, *([1] * (x.dim() - 1))) for x in xs]


def nonzero(scale: Scale) -> bool:
    """Whether a scale changes anything (a per-model one: for any model)."""
    return bool(scale.any()) if isinstance(scale, torch.Tensor) else bool(scale)


def scaled_add_(xs: list[torch.Tensor], ys: list[torch.Tensor], scale: Scale) -> None:
    """xs += scale * ys, in place."""
    if isinstance(scale, torch.Tensor):
        torch._foreach_addcmul_(xs, ys, _rows(scale, xs))
    else:
        torch._foreach_add_(xs, ys, alpha=scale)


def _scaled_sum(xs: list[torch.Tensor], ys: list[torch.Tensor], scale: Scale) -> list[torch.Tensor]:
    """xs + scale * ys, new tensors."""
    if isinstance(scale, torch.Tensor):
        return torch._foreach_addcmul(xs, ys, _rows(scale, xs))
    return torch._foreach_add(xs, ys, alpha=scale)


def _scaled_ratio_add_(xs: list[torch.Tensor], num: list[torch.Tensor], den: list[torch.Tensor], scale: Scale) -> None:
    """xs += scale * num / den, in place; a per-model scale in addcdiv's order, (scale * num) / den."""
    if isinstance(scale, torch.Tensor):
        torch._foreach_add_(xs, torch._foreach_div(torch._foreach_mul(num, _rows(scale, xs)), den))
    else:
        torch._foreach_addcdiv_(xs, num, den, value=scale)


def _sgd(h: dict, params: list, grads: list, s: dict) -> None:
    scaled_add_(params, grads, -h["lr"])


def _momentum(h: dict, params: list, grads: list, s: dict, nesterov: bool) -> None:
    # buf = momentum * buf + g. torch starts buf as a copy of the first g; from zeros that is the same value.
    buf = s["momentum_buffer"] = _scaled_sum(grads, s["momentum_buffer"], h["momentum"])
    update = _scaled_sum(grads, buf, h["momentum"]) if nesterov else buf
    scaled_add_(params, update, -h["lr"])


def _adagrad(h: dict, params: list, grads: list, s: dict) -> None:
    torch._foreach_addcmul_(s["sum"], grads, grads)
    std = torch._foreach_sqrt(s["sum"])
    _plus_(std, h["eps"])
    _scaled_ratio_add_(params, grads, std, -h["lr"])


def _adadelta(h: dict, params: list, grads: list, s: dict) -> None:
    rho, eps = h["rho"], h["eps"]
    torch._foreach_lerp_(s["square_avg"], torch._foreach_mul(grads, grads), 1 - rho)
    std = _plus(s["square_avg"], eps)
    torch._foreach_sqrt_(std)
    delta = _plus(s["acc_delta"], eps)
    torch._foreach_sqrt_(delta)
    torch._foreach_div_(delta, std)
    torch._foreach_mul_(delta, grads)
    torch._foreach_lerp_(s["acc_delta"], torch._foreach_mul(delta, delta), 1 - rho)
    scaled_add_(params, delta, -h["lr"])


def _rmsprop(h: dict, params: list, grads: list, s: dict) -> None:
    torch._foreach_lerp_(s["square_avg"], torch._foreach_mul(grads, grads), 1 - h["alpha"])
    avg = torch._foreach_sqrt(s["square_avg"])
    _plus_(avg, h["eps"])
    if h["momentum"] > 0:
        # buf = momentum * buf + g / avg
        buf = s["momentum_buffer"] = torch._foreach_add(torch._foreach_div(grads, avg), s["momentum_buffer"],
                                                        alpha=h["momentum"])
        scaled_add_(params, buf, -h["lr"])
    else:
        _scaled_ratio_add_(params, grads, avg, -h["lr"])


def _moments(h: dict, grads: list, s: dict) -> tuple[int, float]:
    """Advance the step count and Adam's running means of g and g²; (step, sqrt of beta2's bias correction)."""
    t = s["step"] = s["step"] + 1
    torch._foreach_lerp_(s["exp_avg"], grads, 1 - h["beta1"])
    torch._foreach_lerp_(s["exp_avg_sq"], torch._foreach_mul(grads, grads), 1 - h["beta2"])
    return t, math.sqrt(1 - h["beta2"] ** t)


def _scaled_denominator(second_moment: list, eps: float, c2: float) -> list:
    """sqrt(v) + eps * c2: torch's sqrt(v / c2²) + eps times c2, so the caller scales its step by c2."""
    denom = torch._foreach_sqrt(second_moment)
    _plus_(denom, eps * c2)
    return denom


def _adam(h: dict, params: list, grads: list, s: dict, amsgrad: bool) -> None:
    t, c2 = _moments(h, grads, s)
    if amsgrad:
        torch._foreach_maximum_(s["max_exp_avg_sq"], s["exp_avg_sq"])
    denom = _scaled_denominator(s["max_exp_avg_sq" if amsgrad else "exp_avg_sq"], h["eps"], c2)
    _scaled_ratio_add_(params, s["exp_avg"], denom, -h["lr"] * c2 / (1 - h["beta1"] ** t))


def _nadam(h: dict, params: list, grads: list, s: dict) -> None:
    b1, lr = h["beta1"], h["lr"]
    t, c2 = _moments(h, grads, s)
    mu = b1 * (1.0 - 0.5 * 0.96 ** (t * NADAM_MOMENTUM_DECAY))
    mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * NADAM_MOMENTUM_DECAY))
    product = s["mu_product"] = s["mu_product"] * mu
    denom = _scaled_denominator(s["exp_avg_sq"], h["eps"], c2)
    _scaled_ratio_add_(params, grads, denom, -lr * c2 * (1 - mu) / (1 - product))
    _scaled_ratio_add_(params, s["exp_avg"], denom, -lr * c2 * mu_next / (1 - product * mu_next))


def _radam(h: dict, params: list, grads: list, s: dict) -> None:
    b2, lr = h["beta2"], h["lr"]
    t, c2 = _moments(h, grads, s)
    bias1 = 1 - h["beta1"] ** t
    rho_inf = 2 / (1 - b2) - 1
    rho_t = rho_inf - 2 * t * b2**t / (1 - b2**t)
    # Until the variance estimate is usable (rho_t > 5) the step is bias-corrected momentum alone.
    if rho_t > 5:
        rect = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
        denom = torch._foreach_sqrt(s["exp_avg_sq"])
        _plus_(denom, h["eps"])
        _scaled_ratio_add_(params, s["exp_avg"], denom, -lr * rect * c2 / bias1)
    else:
        scaled_add_(params, s["exp_avg"], -lr / bias1)


@torch.no_grad()
def decay_(params: list[torch.Tensor], lr: Scale, weight_decay: Scale) -> None:
    """Decoupled weight decay, p -= lr * weight_decay * p, in place; before a step, so from the pre-step weights."""
    if params and nonzero(weight_decay):  # foreach ops refuse empty lists
        # add_ with alpha, not mul_ by a Python number: the same result, a third of the time on CPU.
        scaled_add_(params, params, -lr * weight_decay)


@dataclass(frozen=True)
class _Rule:
    update: Callable[[dict, list, list, dict], None]
    tensors: tuple[str, ...] = ()  # per-parameter state tensors, zero at the start
    scalars: dict = field(default_factory=dict)  # per-parameter state numbers and their start values


_ADAM_STATE = {"tensors": ("exp_avg", "exp_avg_sq"), "scalars": {"step": 0}}
RULES: dict[str, _Rule] = {
    "sgd": _Rule(_sgd),
    "momentum": _Rule(partial(_momentum, nesterov=False), ("momentum_buffer",)),
    "nesterov": _Rule(partial(_momentum, nesterov=True), ("momentum_buffer",)),
    "adagrad": _Rule(_adagrad, ("sum",)),
    "adadelta": _Rule(_adadelta, ("square_avg", "acc_delta")),
    "rmsprop": _Rule(_rmsprop, ("square_avg", "momentum_buffer")),
    "adam": _Rule(partial(_adam, amsgrad=False), **_ADAM_STATE),
    "adamw": _Rule(partial(_adam, amsgrad=False), **_ADAM_STATE),  # "adam": weight decay is decoupled for every rule
    "amsgrad": _Rule(partial(_adam, amsgrad=True), ("exp_avg", "exp_avg_sq", "max_exp_avg_sq"), {"step": 0}),
    "nadam": _Rule(_nadam, _ADAM_STATE["tensors"], {"step": 0, "mu_product": 1.0}),
    "radam": _Rule(_radam, **_ADAM_STATE),
}
assert RULES.keys() == catalog.OPTIMIZERS.keys(), "every optimizer the catalog names needs a rule"
# Besides lr and weight decay, the hyperparameters a rule takes per model (as [K] tensors) when it steps stacked models.
PER_MODEL_HYPER = {"momentum": {"momentum"}, "nesterov": {"momentum"}}


class ForeachOptimizer:
    """One of catalog.OPTIMIZERS' update rules over param groups, used like a torch.optim.Optimizer."""

    def __init__(self, groups: list[dict], name: str, lr: float, weight_decay: float = 0.0, **hyper: float):
        known = {h.name: h.default for h in catalog.OPTIMIZERS[name]}
        unknown = set(hyper) - set(known)
        if unknown:
            raise ValueError(f"optimizer {name!r} has no hyperparameter {', '.join(sorted(unknown))}")
        self.name = name
        self.rule = RULES[name]
        defaults = {"lr": lr, "weight_decay": weight_decay, **known, **hyper}
        self.param_groups = [{**defaults, **group, "params": list(group["params"])} for group in groups]
        self._shared = ("lr", *known)  # the hyperparameters groups must agree on to be updated together
        self._params = [p for group in self.param_groups for p in group["params"]]
        if not self._params:
            raise ValueError("the optimizer got no parameters")
        ends = [0, *accumulate(len(group["params"]) for group in self.param_groups)]
        self._slices = [slice(a, b) for a, b in zip(ends, ends[1:])]
        # Per-parameter state, in the order of the groups' parameters: name -> one tensor or number each.
        self.state: dict[str, list] = {key: [torch.zeros_like(p) for p in self._params] for key in self.rule.tensors}
        self.state.update({key: [start] * len(self._params) for key, start in self.rule.scalars.items()})

    def step(self) -> None:
        """Update every parameter that has a gradient, like torch.optim's step()."""
        with torch.no_grad():
            grads = [p.grad for p in self._params]
            if all(g is not None for g in grads) and self._in_lockstep():
                # The usual case: one set of foreach calls over every parameter.
                for group, part in zip(self.param_groups, self._slices):
                    decay_(self._params[part], group["lr"], group["weight_decay"])
                self._apply(self.param_groups[0], self._params, grads, self.state)
            else:
                self._step_in_cohorts(grads)

    def _in_lockstep(self) -> bool:
        """True when all groups agree on the rule's hyperparameters and all parameters on their step counts."""
        first = self.param_groups[0]
        # `is` first: stacked models' groups share one [K] tensor per hyperparameter, which == cannot judge.
        return (all(group[k] is first[k] or group[k] == first[k] for group in self.param_groups[1:] for k in self._shared)
                and all(self.state[k].count(self.state[k][0]) == len(self._params) for k in self.rule.scalars))

    def _step_in_cohorts(self, grads: list) -> None:
        """Update each group's parameters with gradients, one call per set of equal per-parameter numbers."""
        for group, part in zip(self.param_groups, self._slices):
            cohorts: dict[tuple, list[int]] = {}
            # torch leaves a parameter without a gradient, and its state, as they are.
            for i in range(part.start, part.stop):
                if grads[i] is not None:
                    cohorts.setdefault(tuple(self.state[k][i] for k in self.rule.scalars), []).append(i)
            for members in cohorts.values():
                params = [self._params[i] for i in members]
                state = {key: [values[i] for i in members] for key, values in self.state.items()}
                decay_(params, group["lr"], group["weight_decay"])
                self._apply(group, params, [grads[i] for i in members], state)
                for key, values in state.items():
                    for i, value in zip(members, values):
                        self.state[key][i] = value

    def _apply(self, h: dict, params: list, grads: list, state: dict[str, list]) -> None:
        """Run the rule on parameters whose state numbers are equal; state's lists are updated in place."""
        s = {key: values[0] if key in self.rule.scalars else values for key, values in state.items()}
        self.rule.update(h, params, grads, s)
        for key, value in s.items():
            state[key] = [value] * len(params) if key in self.rule.scalars else list(value)  # foreach ops return tuples

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Clear every parameter's gradient, like torch.optim's zero_grad()."""
        if set_to_none:
            for p in self._params:
                p.grad = None
        else:
            torch._foreach_zero_([p.grad for p in self._params if p.grad is not None])

    def state_dict(self) -> dict:
        """The rule's name and a copy of its state: lists of tensors and numbers, for torch.save."""
        copy = lambda v: v.detach().clone() if isinstance(v, torch.Tensor) else v
        return {"name": self.name, "state": {key: [copy(v) for v in values] for key, values in self.state.items()}}

    def load_state_dict(self, saved: dict) -> None:
        """Continue from a state_dict() value; the hyperparameters stay this optimizer's own."""
        state = saved.get("state", {})
        if saved.get("name") != self.name or state.keys() != self.state.keys():
            raise ValueError(f"the saved optimizer state is not that of {self.name!r}")
        self.state = {key: _restored(key, ours, state[key]) for key, ours in self.state.items()}


def _restored(key: str, ours: list, saved: list) -> list:
    """saved, checked against ours and placed like ours (device, dtype, kind of number)."""
    if len(saved) != len(ours):
        raise ValueError(f"the saved optimizer state has {len(saved)} parameters, not {len(ours)}")
    restored = []
    for mine, theirs in zip(ours, saved):
        if not isinstance(mine, torch.Tensor):
            restored.append(type(mine)(theirs))
        elif tuple(theirs.shape) == tuple(mine.shape):
            restored.append(theirs.to(device=mine.device, dtype=mine.dtype, copy=True))
        else:
            raise ValueError(f"saved optimizer state {key!r} has shape {tuple(theirs.shape)}, not {tuple(mine.shape)}")
    return restored
