"""Compare variants of one experiment: many models trained at once on the same data, each as it trains alone.

A variant is the experiment with a few fields changed (VARIABLE's short names,
validated by Experiment.with_changes). Every variant is a Trainer of its own:
its initial weights, batch order, optimizer, schedule, penalties, clipping,
early stopping and per-epoch metrics are the Trainer's, so its numbers are a
solo run's. What is shared is the expensive part of a step: variants whose
networks have one shape and whose batches have one size form a group, and one
vmapped forward and backward (ensemble.batched) over their stacked weights
fills every member's gradients; each member's own optimizer then steps.
Groups of different shapes train in turn, an epoch each. As in the ensemble,
dropout draws per-member masks, so with dropout a variant matches a solo run in
everything but its masks.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import torch

from playground.analysis.ensemble import batched
from playground.config.experiment import Experiment, ExperimentError
from playground.data import datasets
from playground.training.trainer import Trainer

MAX_VARIANTS = 256


@dataclass(frozen=True)
class Variable:
    """A field a comparison or sweep may vary: how to read it from text and what it changes in the experiment."""

    parse: Callable[[str], Any]
    changes: Callable[[Experiment, Any], dict[str, Any]]


def _field(path: str, parse: Callable[[str], Any]) -> Variable:
    return Variable(parse, lambda base, value: {path: value})


def _every_layer(key: str, parse: Callable[[str], Any]) -> Variable:
    def changes(base: Experiment, value: Any) -> dict[str, Any]:
        return {"network.layers": [{**layer.model_dump(), key: value} for layer in base.network.layers]}
    return Variable(parse, changes)


def _widths(text: str) -> list[int]:
    """Hidden widths joined by '-' (8-8 is two layers of 8); 'none' for no hidden layer."""
    if text.strip() == "none":
        return []
    try:
        return [int(part) for part in text.split("-")]
    except ValueError:
        raise ExperimentError(f"expected widths joined by '-' like 8-8 (or none), got {text!r}") from None


def _hidden(base: Experiment, widths: list[int]) -> dict[str, Any]:
    template = base.network.layers[0].model_dump() if base.network.layers else {}
    return {"network.layers": [{**template, "units": width} for width in widths]}


def _flag(text: str) -> bool:
    if text.lower() not in ("true", "false", "on", "off", "1", "0"):
        raise ExperimentError(f"expected true or false, got {text!r}")
    return text.lower() in ("true", "on", "1")


def _named(path: str) -> Variable:
    """A choice by name whose hyperparameters go back to their defaults, as the --optimizer flag does."""
    return Variable(str, lambda base, value: {f"{path}.name": value, f"{path}.hyper": {}})


VARIABLE: dict[str, Variable] = {
    "optimizer": _named("training.optimizer"),
    "lr": _field("training.optimizer.lr", float),
    "momentum": _field("training.optimizer.hyper.momentum", float),
    "beta1": _field("training.optimizer.hyper.beta1", float),
    "beta2": _field("training.optimizer.hyper.beta2", float),
    "batch_size": _field("training.batch_size", int),
    "l1": _field("training.l1", float),
    "l2": _field("training.l2", float),
    "weight_decay": _field("training.weight_decay", float),
    "clip_norm": _field("training.clip_norm", float),
    "early_stopping": _field("training.early_stopping", int),
    "schedule": _named("training.schedule"),
    "lookahead": _field("training.lookahead.enabled", _flag),
    "init": _field("network.init.scheme", str),
    "init_scale": _field("network.init.scale", float),
    "activation": _every_layer("activation", str),
    "dropout": _every_layer("dropout", float),
    "batch_norm": _every_layer("batch_norm", _flag),
    "width": _every_layer("units", int),
    "hidden": Variable(_widths, _hidden),
}


def parse_value(field: str, text: str) -> Any:
    """A value of `field` from its text (the command line's); ExperimentError naming the field if it does not read."""
    variable = _variable(field)
    try:
        return variable.parse(text.strip())
    except ValueError as error:
        detail = str(error) if isinstance(error, ExperimentError) else f"{text!r} is not a {variable.parse.__name__}"
        raise ExperimentError(f"{field}: {detail}") from None


def variant(base: Experiment, values: dict[str, Any]) -> Experiment:
    """The experiment with each field in `values` (VARIABLE's names) set; one line naming the field if invalid."""
    changes: dict[str, Any] = {}
    for field, value in values.items():
        changes.update(_variable(field).changes(base, value))
    try:
        return base.with_changes(**changes)
    except ExperimentError as error:
        shown = ", ".join(f"{field}={_text(value)}" for field, value in values.items())
        raise ExperimentError(f"{shown}: {error}") from None


def grid(axes: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """Every combination of the values of each field, the first field varying slowest."""
    combos: list[dict[str, Any]] = [{}]
    for field, values in axes.items():
        combos = [{**combo, field: value} for combo in combos for value in values]
    return combos


def _variable(field: str) -> Variable:
    if field not in VARIABLE:
        raise ExperimentError(f"{field}: cannot vary (can: {', '.join(VARIABLE)})")
    return VARIABLE[field]


def _text(value: Any) -> str:
    return "-".join(map(str, value)) if isinstance(value, list) else str(value)


class Race:
    """Variants trained at once, an epoch at a time: the same-shape ones in one vmap, groups of other shapes in turn."""

    def __init__(self, variants: list[Experiment], dataset: datasets.Dataset | None = None):
        if not 1 <= len(variants) <= MAX_VARIANTS:
            raise ExperimentError(f"variants: between 1 and {MAX_VARIANTS}, got {len(variants)}")
        first = variants[0]
        if any(v.data != first.data or v.seed != first.seed or v.device != first.device for v in variants):
            raise ExperimentError("variants: all must share the data, seed and device (vary the network or training)")
        data = dataset if dataset is not None else datasets.load(first.data)
        self.trainers = [Trainer(v, dataset=data) for v in variants]
        shapes: dict[str, list[Trainer]] = {}
        for trainer in self.trainers:
            shapes.setdefault(_shape(trainer.experiment), []).append(trainer)
        self.groups = [_Group(members) for members in shapes.values()]
        self.epochs = first.training.epochs

    @property
    def finished(self) -> bool:
        return all(t.finished or t.epoch >= self.epochs for t in self.trainers)

    def train(self, should_stop: Callable[[], bool] = lambda: False) -> Iterator[int]:
        """Train every variant to the experiment's epochs, yielding each epoch number once all have trained it;
        should_stop() is polled every step and ends training (the generator returns) when it says so."""
        while not self.finished:
            epoch = min(t.epoch for t in self.trainers if not t.finished) + 1
            for group in self.groups:
                if not group.run_epoch(epoch, should_stop):
                    return
            yield epoch


def _shape(experiment: Experiment) -> str:
    """What must be equal to train in one vmap: the layers (widths, activations, dropout, batch norm) and the
    batch size. The initializer only draws the first weights and the training fields are per member."""
    return json.dumps([[layer.model_dump() for layer in experiment.network.layers], experiment.training.batch_size])


class _Group:
    """Trainers of one network shape and batch size; step() computes all their gradients in one backward."""

    def __init__(self, trainers: list[Trainer]):
        self.trainers = trainers
        first = trainers[0]
        self.network, _, self._loss = batched(first.net, first.task)
        self.network.train()  # the members' own networks evaluate; this one only ever trains
        self.params = [[p for _, p in t.net.named_parameters()] for t in trainers]
        self.buffers = [[b for _, b in t.net.named_buffers()] for t in trainers]
        self.param_names = [name for name, _ in first.net.named_parameters()]
        self.buffer_names = [name for name, _ in first.net.named_buffers()]

    def run_epoch(self, epoch: int, should_stop: Callable[[], bool]) -> bool:
        """Step the members still training until each has trained `epoch` epochs; False if should_stop() ended it."""
        while active := [i for i, t in enumerate(self.trainers) if not t.finished and t.epoch < epoch]:
            if should_stop():
                return False
            if len(active) == 1:
                self.trainers[active[0]].step()
            else:
                self._step(active)
        return True

    def _step(self, active: list[int]) -> None:
        started = time.perf_counter()
        trainers = [self.trainers[i] for i in active]
        batches = [t.next_batch() for t in trainers]
        # Copies of the members' tensors, stacked, as the leaves: one gradient per name, handed out by rows.
        with torch.no_grad():
            params = {name: torch.stack([self.params[i][j] for i in active]).requires_grad_()
                      for j, name in enumerate(self.param_names)}
            buffers = {name: torch.stack([self.buffers[i][j] for i in active]) for j, name in enumerate(self.buffer_names)}
        xb = torch.stack([b[0] for b in batches])
        yb = torch.stack([b[1] for b in batches])
        self._loss(params, buffers, xb, yb).sum().backward()
        with torch.no_grad():
            for j, name in enumerate(self.param_names):
                grad = params[name].grad
                for row, i in enumerate(active):
                    self.params[i][j].grad = grad[row]
            for j, name in enumerate(self.buffer_names):  # batch norm's running statistics, updated in the stack
                for row, i in enumerate(active):
                    self.buffers[i][j].copy_(buffers[name][row])
        for t in trainers:
            t.regularize_gradients()
            t.apply_gradients(started)


def compare(variants: list[Experiment], should_stop: Callable[[], bool] = lambda: False,
            progress: Callable[[float], None] = lambda fraction: None,
            on_epoch: Callable[[Race], None] = lambda race: None) -> Race:
    """Train the variants (for a background thread); on_epoch(race), then progress(fraction), after every epoch."""
    race = Race(variants)
    for epoch in race.train(should_stop):
        on_epoch(race)
        progress(epoch / race.epochs)
    return race



def race_throughput(experiment: Experiment, k: int = 16, epochs: int = 2) -> dict:
    """Model-epochs per second of K learning rates around the experiment's trained at once (a Race) against
    the same K trained one after another by their own Trainers."""
    lrs = [experiment.training.optimizer.lr * 2 ** (i / k - 0.5) for i in range(k)]
    variants = [variant(experiment.with_changes(**{"training.epochs": epochs}), {"lr": lr}) for lr in lrs]
    started = time.perf_counter()
    for _ in Race(variants).train():
        pass
    together = k * epochs / (time.perf_counter() - started)
    started = time.perf_counter()
    for v in variants:
        Trainer(v).train()
    alone = k * epochs / (time.perf_counter() - started)
    return {"sweep_k": k, "sweep_model_epochs_per_s": together, "sequential_model_epochs_per_s": alone,
            "sweep_ratio": together / alone}
