"""Bias and variance measured, not inferred: K copies of the network trained at once on K training sets.

Where the data comes from a generator, member k trains on a fresh training set
drawn from it (datasets.draw, stream k): a true Monte Carlo over training sets
of this size, so the spread of the members is the variance the course means. A
CSV file has no generator: member k trains on a bootstrap resample of the one
training set, which estimates how much the model moves when its training data
is resampled, not over truly new data (resamples repeat rows and share the
one sample's quirks, so part of that sample's variance counts as bias).

Member k is otherwise exactly the model a Trainer would train alone on its
training set with seed + k: the same initial weights, the same batch order
each epoch, the same optimizer, penalties, clipping, weight decay, schedule and
early stopping, from the Trainer's own recipe (training.recipe). The K members train in one batched computation: their
parameters are stacked (torch.func.stack_module_state) and one vmapped
functional_call runs every member's forward pass; the K losses are summed, so
one backward gives each member its own gradient, and because every update rule
here is elementwise, one optimizer over the stacked tensors is K independent
ones. Clipping and early stopping, which are not elementwise, are done per
member. Batch norm keeps per-member statistics; dropout draws per-member masks
from torch's global generator, so with dropout a member matches a lone Trainer
in everything but its masks.

The decomposition is on the validation split (decompose): squared error for
regression, Kohavi and Wolpert's for 0-1 loss for classification; its three
terms are never negative and add up to the expected error.
"""
from __future__ import annotations

import copy
import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
import torch
from torch.func import functional_call, stack_module_state, vmap

from playground.config.experiment import DataSpec, Experiment, ExperimentError
from playground.data import datasets
from playground.nn.model import data_loss, predict
from playground.optim import optimizers
from playground.training import recipe
from playground.training.probes import resolution_for
from playground.training.trainer import Trainer

DEFAULT_K = 16  # 8 or more give a usable estimate of the variance


@dataclass(frozen=True, repr=False)
class EnsembleResult:
    """What the ensemble tells after training: every member's predictions and the decomposition."""

    k: int
    epochs: int                       # epochs trained
    task: str
    val_predictions: np.ndarray       # [K, n_val]: P(class 1) or value; multiclass [K, n_val, C] probabilities
    grid_predictions: np.ndarray | None  # GridProbe.output's layout with K in front: [K, r, r], [K, C, r, r], [K, r]
    grid_extent: tuple[float, ...]
    grid_resolution: int
    decomposition: dict               # see decompose()
    sampling: str                     # "fresh" (training sets drawn from the generator) or "bootstrap" (a CSV)
    diverged: int                     # members whose predictions are not finite, left out of the decomposition
    complete: bool                    # False when should_stop() ended training early


def member_experiment(experiment: Experiment, k: int) -> Experiment:
    """Member k's experiment: the same one with seed + k (for its initial weights and batch order)."""
    return experiment.with_changes(seed=(experiment.seed + k) % 2**32)


def bootstrap(data: datasets.Dataset, seed: int, k: int) -> datasets.Dataset:
    """The dataset with member k's bootstrap resample (n rows drawn with replacement) as its training split."""
    n = len(data.y_train)
    rows = np.random.default_rng([seed, k]).integers(0, n, n)
    return dataclasses.replace(data, x_train=data.x_train[rows], y_train=data.y_train[rows])


def fresh(data: datasets.Dataset, spec: DataSpec, k: int) -> datasets.Dataset:
    """The dataset with member k's training split replaced by as many fresh points from the generator."""
    x, y = datasets.draw(spec, len(data.y_train), stream=k)
    return dataclasses.replace(data, x_train=x, y_train=y)


def member_data(data: datasets.Dataset, experiment: Experiment, k: int) -> datasets.Dataset:
    """Member k's data: a fresh training set where a generator can draw one, else a bootstrap resample."""
    spec = experiment.data
    return bootstrap(data, experiment.seed, k) if spec.dataset == "csv" else fresh(data, spec, k)


class Ensemble:
    """K members of one experiment, trained together; step() advances every member by one batch."""

    def __init__(self, experiment: Experiment, k: int = DEFAULT_K, dataset: datasets.Dataset | None = None):
        if k < 1:
            raise ExperimentError(f"the ensemble needs at least one model, got {k}")
        data = dataset if dataset is not None else datasets.load(experiment.data)
        if len(data.y_val) == 0:
            raise ExperimentError("the ensemble measures bias and variance on the validation split: "
                                  "set val_fraction above 0")
        self.experiment, self.k, self.task = experiment, k, data.task
        self.sampling = "bootstrap" if experiment.data.dataset == "csv" else "fresh"
        self.truth = datasets.conditional(experiment.data, data.x_val)
        members, self.generators = zip(*(self._member(experiment, data, i) for i in range(k)))
        self.y_val = data.y_val
        self._stack_inputs(members)
        self._stack_networks(members)
        self.optimizer = optimizers.build(experiment.training, self.weights, self.others)
        self.epoch = 0
        self.stopped = torch.zeros(k, dtype=torch.bool, device=self.device)
        self._best = recipe.no_best_yet(k, self.device)
        self._best_state: dict[str, torch.Tensor] | None = None  # early stopping's best weights, per member
        self._start_epoch()

    # -- set-up --------------------------------------------------------------
    @staticmethod
    def _member(experiment: Experiment, data: datasets.Dataset, k: int) -> tuple[Trainer, torch.Generator]:
        """Member k's trainer (its data and network) and its generator as Trainer.reset leaves it, before a shuffle."""
        own = member_experiment(experiment, k)
        trainer = Trainer(own, dataset=member_data(data, experiment, k))
        generator = torch.Generator().manual_seed(own.seed)
        trainer.net.initialize(own.network.init, generator)  # the same weights; the generator advanced as in reset
        return trainer, generator

    def _stack_inputs(self, members: tuple[Trainer, ...]) -> None:
        # Each member standardizes with its own sample's statistics, as it would alone: inputs are per member.
        first = members[0]
        self.device = first.device
        self.x = {split: torch.stack([m.x[split] for m in members]) for split in ("train", "val")}
        self.y = {split: torch.stack([m.y[split] for m in members]) for split in ("train", "val")}
        self.grid = first.grid_inputs
        if self.grid is not None:
            self.grid_resolution = resolution_for(first.net, self.grid.dims)
            self.x["grid"] = torch.stack([m.grid_inputs.inputs(self.grid_resolution) for m in members])

    def _stack_networks(self, members: tuple[Trainer, ...]) -> None:
        nets = [m.net for m in members]
        self.params, self.buffers = stack_module_state(nets)
        weight_ids = {id(w) for w in nets[0].weights()}
        names = [name for name, p in nets[0].named_parameters() if id(p) in weight_ids]
        self.weights = [self.params[name] for name in names]
        self.others = [p for name, p in self.params.items() if name not in names]
        self.network, self._forward, self._loss = batched(nets[0], self.task)

    # -- training ------------------------------------------------------------
    def _start_epoch(self) -> None:
        n = self.x["train"].shape[1]
        self.order = torch.stack([recipe.epoch_order(n, g, self.device) for g in self.generators])
        self._batch, self._epoch_rows = recipe.epoch_batches(n, self.experiment.training.batch_size,
                                                             self.network.has_batch_norm())
        self._batch_index = 0
        t = self.experiment.training
        self.lr = optimizers.scheduled_lr(t.schedule, t.optimizer.lr, self.epoch)
        optimizers.set_lr(self.optimizer, self.lr)

    @property
    def finished(self) -> bool:
        return bool(self.stopped.all())

    def step(self) -> bool:
        """Train every member on its next batch; True when that completed an epoch."""
        if self.finished:
            return False
        rows = self.order[:, recipe.batch_rows(self._batch_index, self._batch)]
        xb = torch.take_along_dim(self.x["train"], rows.unsqueeze(-1), dim=1)
        yb = torch.take_along_dim(self.y["train"], rows, dim=1)
        self.network.train()
        self.optimizer.zero_grad(set_to_none=True)
        self._loss(self.params, self.buffers, xb, yb).sum().backward()
        t = self.experiment.training
        recipe.add_penalty_grads_([w.grad for w in self.weights], self.weights, t.l1, t.l2)
        self._clip()
        self.optimizer.step()
        if self.stopped.any():
            self._hold_stopped()
        self._batch_index += 1
        if recipe.epoch_complete(self._batch_index, self._batch, self._epoch_rows):
            self.epoch += 1
            self._early_stopping()
            self._start_epoch()
            return True
        return False

    def _clip(self) -> None:
        """Each member's gradient scaled to norm clip_norm at most, as clip_grad_norm_ does for one model."""
        clip = self.experiment.training.clip_norm
        if not clip:
            return
        grads = [p.grad for p in self.params.values()]
        norms = torch.stack([g.flatten(1).pow(2).sum(1) for g in grads]).sum(0).sqrt()
        scale = (clip / (norms + 1e-6)).clamp(max=1.0)
        for g in grads:
            g.mul_(_per_member(scale, g))

    def _early_stopping(self) -> None:
        """Per member, as Trainer does: keep the weights of the best validation loss; after `patience` epochs
        without a better one, restore them and stop."""
        patience = self.experiment.training.early_stopping
        if not patience:
            return
        state = {**self.params, **self.buffers}
        if self._best_state is None:
            self._best_state = {name: value.detach().clone() for name, value in state.items()}
        self._best, improved, out_of_patience = recipe.early_stopping(self._best, self.losses("val"), self.epoch,
                                                                      patience, ~self.stopped)
        for name, value in state.items():
            self._best_state[name] = torch.where(_per_member(improved, value), value.detach(), self._best_state[name])
        self.stopped |= out_of_patience
        if self.stopped.any():
            self._hold_stopped()

    @torch.no_grad()
    def _hold_stopped(self) -> None:
        """Stopped members keep their best weights (the batched step moves every member)."""
        for name, value in {**self.params, **self.buffers}.items():
            value.copy_(torch.where(_per_member(self.stopped, value), self._best_state[name], value))

    def train(self, epochs: int | None = None, should_stop: Callable[[], bool] = lambda: False,
              progress: Callable[[float], None] = lambda fraction: None) -> bool:
        """Train up to `epochs` (default: the experiment's); should_stop() is polled every step, progress
        reported every epoch. True when training completed, False when should_stop() ended it."""
        target = epochs if epochs is not None else self.experiment.training.epochs
        first = self.epoch
        while self.epoch < target and not self.finished:
            if should_stop():
                return False
            if self.step():
                progress((self.epoch - first) / max(target - first, 1))
        return True

    # -- results -------------------------------------------------------------
    @torch.no_grad()
    def losses(self, split: str) -> torch.Tensor:
        """Every member's mean data loss on a split, in eval mode: [K]."""
        self.network.eval()
        return self._loss(self.params, self.buffers, self.x[split], self.y[split])

    @torch.no_grad()
    def predictions(self, split: str) -> np.ndarray:
        """Every member's predictions (model.predict's values) on "train", "val" or "grid": [K, n] or [K, n, C]."""
        self.network.eval()
        logits = self._forward(self.params, self.buffers, self.x[split])
        return vmap(partial(predict, self.task, loss=self.network.loss))(logits).float().cpu().numpy()

    def result(self, complete: bool = True) -> EnsembleResult:
        """The members' predictions and the bias-variance decomposition on the validation split."""
        val = self.predictions("val")
        finite = np.isfinite(val.reshape(self.k, -1)).all(axis=1)
        grid = None
        if self.grid is not None:
            r = self.grid_resolution
            shape = (r,) if self.grid.dims == 1 else (r, r)
            grid = recipe.grid_maps(torch.from_numpy(self.predictions("grid")), shape, self.task == "multiclass").numpy()
        return EnsembleResult(
            k=self.k, epochs=self.epoch, task=self.task, val_predictions=val, grid_predictions=grid,
            grid_extent=self.grid.extent if self.grid is not None else (),
            grid_resolution=self.grid_resolution if self.grid is not None else 0,
            decomposition=decompose(self.task, val[finite], self.y_val, self.truth), sampling=self.sampling,
            diverged=int((~finite).sum()), complete=complete,
        )


def batched(net: torch.nn.Module, task: str) -> tuple[torch.nn.Module, Callable, Callable]:
    """(net's architecture on the meta device, forward(params, buffers, x), loss(params, buffers, x, y)), the
    last two vmapped over K models' stacked parameters and buffers and their own inputs and targets: [K]
    losses. The architecture's train()/eval() sets the mode; dropout draws its own mask per model."""
    network = copy.deepcopy(net).to("meta")
    forward = lambda params, buffers, x: functional_call(network, (params, buffers), (x,))
    loss = lambda params, buffers, x, y: data_loss(task, forward(params, buffers, x), y, net.loss)
    return network, vmap(forward, randomness="different"), vmap(loss, randomness="different")


def _per_member(values: torch.Tensor, like: torch.Tensor) -> torch.Tensor:
    """A [K] tensor shaped to broadcast over a stacked [K, ...] tensor."""
    return values.view(-1, *([1] * (like.dim() - 1)))


def train_ensemble(experiment: Experiment, k: int = DEFAULT_K, epochs: int | None = None,
                   should_stop: Callable[[], bool] = lambda: False,
                   progress: Callable[[float], None] = lambda fraction: None) -> EnsembleResult:
    """Build, train and decompose in one call (for a background thread)."""
    ensemble = Ensemble(experiment, k)
    complete = ensemble.train(epochs, should_stop, progress)
    return ensemble.result(complete)


def decompose(task: str, predictions: np.ndarray, y: np.ndarray, truth=None) -> dict:
    """The bias-variance decomposition of K members' predictions [K, n] (or [K, n, C]) against targets y [n].

    truth is datasets.conditional's answer at the same points, or None. Every term is a mean over the points,
    never negative, and error = bias2 + variance + noise.

    Regression (squared error): with f̄ the members' mean and h(x) = E[y | x], bias2 = (f̄ − h)²,
    variance = the members' spread around f̄, noise = Var(y | x): their sum is the expected squared error on
    a new target at x. Without truth, h is the observed target: noise is unknown and counts in bias2, and
    the sum is the members' mean squared error on these targets.
    Classification (0-1 loss, Kohavi and Wolpert 1996): with P the true class probabilities at x and P̂ the
    share of members predicting each class, noise = ½(1 − Σ P²), bias2 = ½ Σ (P − P̂)², variance =
    ½(1 − Σ P̂²): their sum is the chance that one member's prediction differs from a new label at x.
    Without truth, P puts all its weight on the observed label (noise 0, counted in bias2).
    Also given: measured_error (on the targets y), and for classification the majority vote's error.
    """
    noise_known = truth is not None
    if task == "regression":
        mean, noise = truth if noise_known else (y, np.zeros_like(y, dtype=np.float64))
        f_mean = predictions.mean(axis=0)
        parts = {"bias2": float(((f_mean - mean) ** 2).mean()), "variance": float(predictions.var(axis=0).mean()),
                 "noise": float(np.mean(noise))}
        return {"error": sum(parts.values()), **parts, "noise_known": noise_known, "loss": "squared error",
                "measured_error": float(((predictions - y) ** 2).mean())}
    multiclass = task == "multiclass"
    labels = predictions.argmax(axis=-1) if multiclass else (predictions > 0.5).astype(np.int64)
    classes = predictions.shape[-1] if multiclass else 2
    share = np.stack([(labels == c).mean(axis=0) for c in range(classes)], axis=1)  # P̂, [n, C]
    p = truth if noise_known else np.eye(classes)[y]
    parts = {"bias2": float(0.5 * ((p - share) ** 2).sum(axis=1).mean()),
             "variance": float(0.5 * (1.0 - (share ** 2).sum(axis=1)).mean()),
             "noise": float(0.5 * (1.0 - (p ** 2).sum(axis=1)).mean())}
    majority = share.argmax(axis=1)
    return {"error": sum(parts.values()), **parts, "noise_known": noise_known, "loss": "0-1 loss (Kohavi-Wolpert)",
            "measured_error": float((labels != y).mean()), "vote_error": float((majority != y).mean())}


def ensemble_throughput(experiment: Experiment, k: int = DEFAULT_K, seconds: float = 1.0) -> dict:
    """Model-steps per second of K members trained together vs one member trained the same (batched) way.

    Also gives the plain Trainer's steps per second for the same experiment, for reference.
    """
    ensemble_rate = _steps_per_second(Ensemble(experiment, k).step, seconds / 3) * k
    single_rate = _steps_per_second(Ensemble(experiment, 1).step, seconds / 3)
    trainer_rate = _steps_per_second(Trainer(experiment).step, seconds / 3)
    return {"ensemble_k": k, "ensemble_model_steps_per_s": ensemble_rate, "single_steps_per_s": single_rate,
            "ensemble_ratio": ensemble_rate / single_rate, "trainer_steps_per_s": trainer_rate}


def _steps_per_second(step: Callable[[], object], seconds: float) -> float:
    for _ in range(3):  # warm-up: first calls allocate
        step()
    steps, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        step()
        steps += 1
    return steps / elapsed
