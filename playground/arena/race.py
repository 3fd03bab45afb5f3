"""Optimizers racing on a surface from one start: the trainer's own optimizer code on a 2-vector.

Each racer is an experiment's TrainingSpec (optimizer, its hyperparameters,
Lookahead, schedule) built by optim.optimizers.build over a single float64
parameter [x, y], the way the trainer builds it over a network's weights; the
schedule's "epoch" is the step here. A racer stops, and stays drawn up to where
it went, when its point or loss turns non-finite ("diverged") or leaves the
plotted range ("left").
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch
from pydantic import ValidationError

from playground.arena.surfaces import Surface
from playground.config.experiment import ExperimentError, TrainingSpec, describe
from playground.optim import optimizers

RUNNING, DIVERGED, LEFT = "running", "diverged", "left"
MAX_STEPS = 100_000


def racer_spec(optimizer: str, lr: float, hyper: dict[str, float] | None = None, lookahead: tuple[int, float] | None = None,
               schedule: str = "constant", schedule_hyper: dict[str, float] | None = None) -> TrainingSpec:
    """A validated TrainingSpec for one racer; a bad value raises ExperimentError naming the field."""
    value: dict[str, Any] = {
        "optimizer": {"name": optimizer, "lr": lr, "hyper": dict(hyper or {})},
        "schedule": {"name": schedule, "hyper": dict(schedule_hyper or {})},
    }
    if lookahead is not None:
        value["lookahead"] = {"enabled": True, "k": lookahead[0], "alpha": lookahead[1]}
    try:
        return TrainingSpec.model_validate(value)
    except ValidationError as error:
        raise ExperimentError(describe(error)) from None


def parse_assignments(text: str, what: str) -> dict[str, float]:
    """'momentum=0.9, beta2=0.99' (commas or spaces between) as a dict; a bad item raises ExperimentError."""
    out = {}
    for item in text.replace(",", " ").split():
        name, eq, value = item.partition("=")
        try:
            number = float(value) if eq and name else math.nan
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise ExperimentError(f"{what}: expected NAME=NUMBER, got {item!r}")
        out[name] = number
    return out


def check_start(surface: Surface, start: tuple[float, float]) -> tuple[float, float]:
    x, y = (float(v) for v in start)
    if not (math.isfinite(x) and math.isfinite(y) and surface.contains(x, y)):
        x0, x1, y0, y1 = surface.extent
        raise ExperimentError(f"start: ({x:g}, {y:g}) is outside {surface.name}'s plotted range "
                              f"x in [{x0:g}, {x1:g}], y in [{y0:g}, {y1:g}]")
    return x, y


class Racer:
    """One optimizer on the surface: its path and loss so far (start included) and whether it still runs.

    Points and losses go into numpy buffers that double when full, so a frame reads the whole path as a
    view instead of converting a list of tuples.
    """

    def __init__(self, surface: Surface, spec: TrainingSpec, start: tuple[float, float], stop_outside: bool = True):
        self.surface = surface
        self.stop_outside = stop_outside
        self.spec = spec
        self.point = torch.tensor(check_start(surface, start), dtype=torch.float64)
        self.optimizer = optimizers.build(spec, [self.point], [])
        self._xy = np.empty((64, 2))
        self._loss = np.empty(64)
        self._n = 0
        loss, grad = surface.value_and_gradient(self.point)
        self._record(float(loss), grad)
        self.status = RUNNING if math.isfinite(self._loss[0]) else DIVERGED

    @property
    def steps(self) -> int:
        return self._n - 1

    @property
    def path(self) -> list[tuple[float, float]]:
        return [tuple(point) for point in self._xy[:self._n].tolist()]

    @property
    def losses(self) -> list[float]:
        return self._loss[:self._n].tolist()

    def trajectory(self) -> np.ndarray:
        """[steps + 1, 2]: every point so far (a view: read it before the racer moves on)."""
        return self._xy[:self._n]

    def loss_curve(self) -> np.ndarray:
        """[steps + 1]: the loss at every point so far (a view, as trajectory's)."""
        return self._loss[:self._n]

    def advance(self, steps: int) -> None:
        """Up to `steps` more steps; fewer once the racer stops."""
        advance_together([self], steps)

    def _move(self) -> None:
        """One step of the optimizer, with the gradient at the point it stands on."""
        optimizers.set_lr(self.optimizer, optimizers.scheduled_lr(self.spec.schedule, self.spec.optimizer.lr, self.steps))
        self.point.grad = self._grad
        self.optimizer.step()

    def _record(self, loss: float, grad: torch.Tensor) -> None:
        if self._n == len(self._loss):
            self._xy = np.concatenate([self._xy, np.empty_like(self._xy)])
            self._loss = np.concatenate([self._loss, np.empty_like(self._loss)])
        x, y = self._xy[self._n] = self.point.tolist()
        self._loss[self._n] = loss
        self._n += 1
        self._grad = grad
        if self._n == 1:
            return
        if not all(math.isfinite(v) for v in (x, y, loss, *grad.tolist())):
            self.status = DIVERGED
        elif self.stop_outside and not self.surface.contains(x, y):
            self.status = LEFT


def advance_together(racers: list[Racer], steps: int) -> None:
    """Up to `steps` more steps of every racer on one surface, each stopping on its own.

    The optimizers step one by one (each is the trainer's own code on its own point), then one autograd
    call takes every gradient at once: the surfaces are elementwise, so the gradient of the sum of the
    racers' losses at their stacked points is, row by row, each racer's own gradient.
    """
    for _ in range(steps):
        running = [racer for racer in racers if racer.status == RUNNING]
        if not running:
            return
        for racer in running:
            racer._move()
        points = torch.stack([racer.point.detach() for racer in running]).requires_grad_(True)
        losses = running[0].surface.fn(points[:, 0], points[:, 1])
        (grads,) = torch.autograd.grad(losses.sum(), points)
        for racer, loss, grad in zip(running, losses.detach().tolist(), grads):
            racer._record(loss, grad)


def run(surface: Surface, spec: TrainingSpec, start: tuple[float, float], steps: int) -> dict:
    """steps steps of one optimizer, kept going past the plotted range (only non-finite values stop it).

    Returns {"trajectory": [[x, y]] * (steps + 1), "loss": [...], "status", "stopped_at"}; after a
    divergence the remaining points are None, so the lists keep their length.
    """
    if not 1 <= steps <= MAX_STEPS:
        raise ExperimentError(f"steps: must be between 1 and {MAX_STEPS}, got {steps}")
    # The whole path, as torch.optim would take it, also beyond the plotted range.
    racer = Racer(surface, spec, start, stop_outside=False)
    racer.advance(steps)
    finite = lambda v: v if math.isfinite(v) else None
    missing = steps + 1 - racer.steps - 1
    return {
        "trajectory": [[finite(x), finite(y)] for x, y in racer.path] + [[None, None]] * missing,
        "loss": [finite(v) for v in racer.losses] + [None] * missing,
        "status": "finished" if racer.status == RUNNING else racer.status,
        "stopped_at": racer.steps if racer.status != RUNNING else None,
    }

