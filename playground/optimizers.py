"""Optimizers, Lookahead and learning-rate schedules, built from an experiment's TrainingSpec."""
from __future__ import annotations

import math
import torch

from .experiment import OptimizerSpec, ScheduleSpec, TrainingSpec


def build(spec: TrainingSpec, weights: list[torch.Tensor], others: list[torch.Tensor]):
    """The optimizer a TrainingSpec names, over weights (decayed) and other parameters (not decayed)."""
    groups = [{"params": weights}, {"params": others, "weight_decay": 0.0}]
    inner = _optimizer(spec.optimizer, groups, spec.weight_decay)
    if spec.lookahead.enabled:
        return Lookahead(inner, spec.lookahead.k, spec.lookahead.alpha)
    return inner


def _optimizer(spec: OptimizerSpec, groups: list[dict], weight_decay: float) -> torch.optim.Optimizer:
    name, v, lr = spec.name, spec.value, spec.lr
    # foreach: one fused call per step instead of a Python loop over parameters.
    common = {"lr": lr, "foreach": True}
    if name == "sgd":
        return torch.optim.SGD(groups, **common)
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(groups, momentum=v("momentum"), nesterov=name == "nesterov", **common)
    if name == "adagrad":
        return torch.optim.Adagrad(groups, eps=v("eps"), **common)
    if name == "adadelta":
        return torch.optim.Adadelta(groups, rho=v("rho"), eps=v("eps"), **common)
    if name == "rmsprop":
        return torch.optim.RMSprop(groups, alpha=v("alpha"), eps=v("eps"), momentum=v("momentum"), **common)
    betas = (v("beta1"), v("beta2"))
    if name in ("adam", "amsgrad"):
        return torch.optim.Adam(groups, betas=betas, eps=v("eps"), amsgrad=name == "amsgrad", **common)
    if name == "adamw":
        groups[0]["weight_decay"] = weight_decay
        return torch.optim.AdamW(groups, betas=betas, eps=v("eps"), **common)
    if name == "nadam":
        return torch.optim.NAdam(groups, betas=betas, eps=v("eps"), **common)
    if name == "radam":
        return torch.optim.RAdam(groups, betas=betas, eps=v("eps"), **common)
    raise ValueError(f"unknown optimizer {name!r}")


def decouples_weight_decay_itself(spec: TrainingSpec) -> bool:
    """AdamW applies weight decay inside its step; every other optimizer gets it from the trainer."""
    return spec.optimizer.name == "adamw"


class Lookahead:
    """Lookahead (Zhang et al. 2019): every k inner steps, slow weights move alpha of the way to the fast ones."""

    def __init__(self, inner: torch.optim.Optimizer, k: int, alpha: float):
        self.inner = inner
        self.k = k
        self.alpha = alpha
        self.steps = 0
        self.slow = [p.detach().clone() for group in inner.param_groups for p in group["params"]]

    @property
    def param_groups(self) -> list[dict]:
        return self.inner.param_groups

    @property
    def state(self):
        return self.inner.state

    def zero_grad(self, set_to_none: bool = True) -> None:
        self.inner.zero_grad(set_to_none)

    @torch.no_grad()
    def step(self, closure=None):
        self.inner.step()
        self.steps += 1
        if self.steps % self.k == 0:
            fast = [p for group in self.inner.param_groups for p in group["params"]]
            for slow, p in zip(self.slow, fast):
                slow.add_(p - slow, alpha=self.alpha)
                p.copy_(slow)

    def state_dict(self) -> dict:
        return {"inner": self.inner.state_dict(), "steps": self.steps, "slow": self.slow}

    def load_state_dict(self, state: dict) -> None:
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
    for group in optimizer.param_groups:
        group["lr"] = lr
