"""Compare variants of one experiment: many models trained at once on the same data, each as it trains alone.

A variant is the experiment with a few fields changed (VARIABLE's short names,
validated by Experiment.with_changes). Every variant is a Trainer of its own:
its initial weights, batch order, optimizer, schedule, penalties, clipping,
early stopping and per-epoch metrics are the Trainer's, so its numbers are a
solo run's. What is shared is the step: variants whose networks, batch size
and optimizer rule agree train as one analysis.stacked.Stack (one forward,
backward and optimizer step over their stacked weights, each with its own
learning rate and penalties). Stacks of other shapes or rules train in turn, an
epoch each. As in the ensemble, dropout draws per-member masks, so with dropout
a variant matches a solo run in everything but its masks.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from playground.analysis.stacked import Stack, stack_key
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
    "loss": _field("training.loss", str),
    "schedule": _named("training.schedule"),
    "lookahead": _field("training.lookahead.enabled", _flag),
    "init": _field("network.init.scheme", str),
    "init_scale": _field("network.init.scale", float),
    "activation": _every_layer("activation", str),
    "dropout": _every_layer("dropout", float),
    "batch_norm": _every_layer("batch_norm", _flag),
    "residual": _every_layer("residual", _flag),
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
    """Variants trained at once, an epoch at a time: the ones of one stack_key as one Stack, the stacks in turn."""

    def __init__(self, variants: list[Experiment], dataset: datasets.Dataset | None = None):
        if not 1 <= len(variants) <= MAX_VARIANTS:
            raise ExperimentError(f"variants: between 1 and {MAX_VARIANTS}, got {len(variants)}")
        first = variants[0]
        if any(v.data != first.data or v.seed != first.seed or v.device != first.device for v in variants):
            raise ExperimentError("variants: all must share the data, seed and device (vary the network or training)")
        data = dataset if dataset is not None else datasets.load(first.data)
        self.trainers = [Trainer(v, dataset=data) for v in variants]
        stacks: dict[str, list[Trainer]] = {}
        for trainer in self.trainers:
            stacks.setdefault(stack_key(trainer), []).append(trainer)
        self.groups = [Stack(members) for members in stacks.values()]
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


def outcome(race: Race, trainer: Trainer) -> str:
    """How a variant's training ended: diverged or early_stopped, finished, or stopped when the race was cut short."""
    return trainer.state if trainer.finished else "finished" if trainer.epoch >= race.epochs else "stopped"


def compare(variants: list[Experiment], should_stop: Callable[[], bool] = lambda: False,
            progress: Callable[[float], None] = lambda fraction: None,
            on_epoch: Callable[[Race], None] = lambda race: None) -> Race:
    """Train the variants (for a background thread); on_epoch(race), then progress(fraction), after every epoch."""
    race = Race(variants)
    for epoch in race.train(should_stop):
        on_epoch(race)
        progress(epoch / race.epochs)
    return race



def race_throughput(experiment: Experiment, k: int = 16, epochs: int = 10, repeats: int = 3) -> dict:
    """Model-epochs per second of K learning rates around the experiment's trained at once (a Race) against
    the same K trained one after another by their own Trainers (the solo path, hand backward and all), each the
    best of `repeats` fresh runs: on a shared machine the slowest runs measure the neighbours. Both count
    training only: building the models costs the same either way and would dwarf a short measurement (a race's
    checks of how its batched operations round are training, and count)."""
    lrs = [experiment.training.optimizer.lr * 2 ** (i / k - 0.5) for i in range(k)]
    variants = [variant(experiment.with_changes(**{"training.epochs": epochs}), {"lr": lr}) for lr in lrs]
    together = alone = 0.0
    for _ in range(repeats):
        race = Race(variants)
        started = time.perf_counter()
        for _ in race.train():
            pass
        together = max(together, k * epochs / (time.perf_counter() - started))
        trainers = [Trainer(v, dataset=race.trainers[0].dataset) for v in variants]
        started = time.perf_counter()
        for trainer in trainers:
            trainer.train()
        alone = max(alone, k * epochs / (time.perf_counter() - started))
    return {"sweep_k": k, "sweep_model_epochs_per_s": together, "sequential_model_epochs_per_s": alone,
            "sweep_ratio": together / alone}
