"""Optimizers, Lookahead and learning-rate schedules, built from an experiment's TrainingSpec."""
from __future__ import annotations

import math

import torch

from playground.config.experiment import ScheduleSpec, TrainingSpec
from playground.optim.update_rules import ForeachOptimizer, decay_


def build(spec: TrainingSpec, weights: list[torch.Tensor], others: list[torch.Tensor]):
    """The optimizer a TrainingSpec names, over weights (decayed) and other parameters (not decayed).

    Every optimizer applies the spec's weight decay decoupled, inside its step (update_rules.decay_).
    """
    groups = [{"params": weights}, {"params": others, "weight_decay": 0.0}]
    opt = spec.optimizer
    inner = ForeachOptimizer(groups, opt.name, opt.lr, spec.weight_decay, **opt.hyper)
    if spec.lookahead.enabled:
        return Lookahead(inner, spec.lookahead.k, spec.lookahead.alpha)
    return inner


class Lookahead:
    """Lookahead (Zhang et al. 2019): every k inner steps, slow weights move alpha of the way to the fast ones.

    The slow weights decay at every step as the fast ones do, so weight decay shrinks
    the weights Lookahead returns as much as it would without Lookahead.
    """

    def __init__(self, inner: ForeachOptimizer, k: int, alpha: float):
        self.inner = inner
        self.k = k
        self.alpha = alpha
        self.steps = 0
        self.slow_groups = [[p.detach().clone() for p in group["params"]] for group in inner.param_groups]
        self.slow = [p for group in self.slow_groups for p in group]

    @property
    def param_groups(self) -> list[dict]:
        """The inner optimizer's param groups."""
        return self.inner.param_groups

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Clear the gradients, like the inner optimizer's zero_grad()."""
        self.inner.zero_grad(set_to_none)

    @torch.no_grad()
    def step(self, closure=None):
        """One inner step; every k-th also pulls the slow weights toward the fast ones and resets the fast to them."""
        self.inner.step()
        for group, slow in zip(self.inner.param_groups, self.slow_groups):
            decay_(slow, group["lr"], group["weight_decay"])
        self.steps += 1
        if self.steps % self.k == 0:
            fast = [p for group in self.inner.param_groups for p in group["params"]]
            torch._foreach_add_(self.slow, torch._foreach_sub(fast, self.slow), alpha=self.alpha)
            torch._foreach_copy_(fast, self.slow)

    def state_dict(self) -> dict:
        """The inner optimizer's state, the step count and the slow weights."""
        return {"inner": self.inner.state_dict(), "steps": self.steps, "slow": self.slow}

    def load_state_dict(self, state: dict) -> None:
        """Continue from a state_dict() value."""
        self.inner.load_state_dict(state["inner"])
        self.steps = state["steps"]
        for slow, saved in zip(self.slow, state["slow"]):
            slow.copy_(saved)


def scheduled_lr(spec: ScheduleSpec, base_lr: float, epoch: int) -> float:
    """The learning rate for a 0-based epoch under a schedule."""
    name, v = spec.name, spec.value
    if name == "constant":
        return base_lr
    if name == "step":
        return base_lr * v("gamma") ** (epoch // int(v("step_size")))
    if name == "exponential":
        return base_lr * v("gamma") ** epoch
    if name == "inverse_time":
        return base_lr / (1.0 + v("decay") * epoch)
    if name == "inverse_sqrt":
        return base_lr / math.sqrt(epoch + 1)
    if name == "cosine":
        t_max, eta_min = v("t_max"), v("eta_min")
        return eta_min + (base_lr - eta_min) * (1 + math.cos(math.pi * min(epoch, t_max) / t_max)) / 2
    raise ValueError(f"unknown schedule {name!r}")


def set_lr(optimizer, lr: float) -> None:
    """Set the learning rate of every param group (of a ForeachOptimizer or a Lookahead around one)."""
    for group in optimizer.param_groups:
        group["lr"] = lr
