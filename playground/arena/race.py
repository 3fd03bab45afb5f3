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
    """One optimizer on the surface: its path and loss so far (start included) and whether it still runs."""

    def __init__(self, surface: Surface, spec: TrainingSpec, start: tuple[float, float], stop_outside: bool = True):
        self.surface = surface
        self.stop_outside = stop_outside
        self.spec = spec
        self.point = torch.tensor(check_start(surface, start), dtype=torch.float64)
        self.optimizer = optimizers.build(spec, [self.point], [])
        loss, self._grad = surface.value_and_gradient(self.point)
        self.path = [tuple(self.point.tolist())]
        self.losses = [float(loss)]
        self.status = RUNNING if math.isfinite(self.losses[0]) else DIVERGED

    @property
    def steps(self) -> int:
        return len(self.path) - 1

    def advance(self, steps: int) -> None:
        """Up to `steps` more steps; fewer once the racer stops."""
        for _ in range(steps):
            if self.status != RUNNING:
                return
            optimizers.set_lr(self.optimizer, optimizers.scheduled_lr(self.spec.schedule, self.spec.optimizer.lr, self.steps))
            self.point.grad = self._grad
            self.optimizer.step()
            loss, self._grad = self.surface.value_and_gradient(self.point)
            x, y = self.point.tolist()
            self.path.append((x, y))
            self.losses.append(float(loss))
            if not all(math.isfinite(v) for v in (x, y, self.losses[-1], *self._grad.tolist())):
                self.status = DIVERGED
            elif self.stop_outside and not self.surface.contains(x, y):
                self.status = LEFT

    def trajectory(self) -> np.ndarray:
        """[steps + 1, 2]: every point so far."""
        return np.asarray(self.path, dtype=np.float64)


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
    missing = steps + 1 - len(racer.path)
    return {
        "trajectory": [[finite(x), finite(y)] for x, y in racer.path] + [[None, None]] * missing,
        "loss": [finite(v) for v in racer.losses] + [None] * missing,
        "status": "finished" if racer.status == RUNNING else racer.status,
        "stopped_at": racer.steps if racer.status != RUNNING else None,
    }

