"""The trainer: advances an experiment one batch at a time and hands out snapshots.

It owns every torch object; what leaves it is a Snapshot of numpy and Python
values. A caller may pause, change a hyperparameter, reset or stop between any
two steps; nothing here blocks or starts threads (session.py does that).
"""
from __future__ import annotations

import copy
import io
import math
import time
from pathlib import Path

import numpy as np
import torch

from playground.config import catalog
from playground.config.atomic import write_atomic
from playground.config.experiment import Experiment, ExperimentError
from playground.config.limits import clip
from playground.config.notices import Notice
from playground.data import datasets, features
from playground.diagnosis import divergence, gradient_flow
from playground.diagnosis.bias_variance import diagnose_metrics
from playground.nn import devices
from playground.nn.backward import FastBackward
from playground.nn.model import Network, accuracy, data_loss
from playground.optim import optimizers
from playground.training import budget, recipe
from playground.training.history import HistoryBuffer
from playground.training.metrics import SPLITS, all_splits
from playground.training.probes import GridInputs, class_probe, grid_probe, layer_names, layer_probes, split_predictions
from playground.training.saved import SAVE_FORMAT, Progress, read_saved, saved_experiment
from playground.training.snapshot import DataView, Snapshot

# Hyperparameters that apply between steps without a reset.
LIVE_FIELDS = {
    "lr": "training.optimizer.lr",
    "l1": "training.l1",
    "l2": "training.l2",
    "weight_decay": "training.weight_decay",
    "clip_norm": "training.clip_norm",
    "baseline_error": "data.baseline_error",
}
# Data edits that take effect when the next epoch starts: the weights stay while the network still fits.
LIVE_DATA_FIELDS = {"points": "data.points"}


class Trainer:
    """Trains one experiment; step() advances one batch."""

    def __init__(self, experiment: Experiment, dataset: datasets.Dataset | None = None):
        self.experiment = experiment
        self.device, self.device_message = devices.resolve(experiment.device)
        devices.use_one_cpu_thread()
        self.dataset = dataset if dataset is not None else datasets.load(experiment.data)
        self._prepare_data()
        self._check_memory()
        self.reset()

    # -- set-up --------------------------------------------------------------
    def _prepare_data(self) -> None:
        d, spec = self.dataset, self.experiment.data
        self.task = d.task
        problem = catalog.loss_problem(self.experiment.training.loss, (self.task,))
        if problem is not None:
            raise ExperimentError(problem)
        self.feature_names = features.feature_names(spec, d.x_train.shape[1], d.input_names)
        expand = lambda x: features.expand(x, self.feature_names, d.input_names)
        train = expand(d.x_train)
        self.standardizer = features.Standardizer.fit(train) if spec.standardizes else None
        self.to_inputs = lambda x: self._tensor(self._scaled(expand(x)))
        self.x = {"train": self._tensor(self._scaled(train)), "val": self.to_inputs(d.x_val), "test": self.to_inputs(d.x_test)}
        self.y = {"train": self._targets(d.y_train), "val": self._targets(d.y_val), "test": self._targets(d.y_test)}
        self.grid_inputs = GridInputs.for_data(d, self.to_inputs)
        self.data_view = DataView(
            task=d.task, classes=d.classes, class_names=d.class_names, input_names=d.input_names,
            feature_names=tuple(self.feature_names), x_train=d.x_train, y_train=d.y_train, x_val=d.x_val,
            y_val=d.y_val, x_test=d.x_test, y_test=d.y_test, extent=d.extent, baseline_error=d.baseline_error,
            image_shape=d.image_shape,
        )

    def _check_memory(self) -> None:
        """Refuse, before the network exists, an experiment too large for this machine."""
        outputs = self.dataset.classes if self.task == "multiclass" else 1
        rows = {split: int(x.shape[0]) for split, x in self.x.items()}
        budget.check(budget.estimate_bytes(rows, len(self.feature_names), list(self.experiment.network.layers),
                                           outputs, self.experiment.training.batch_size))

    def _scaled(self, x: np.ndarray) -> np.ndarray:
        return self.standardizer.apply(x) if self.standardizer is not None else x

    def _tensor(self, x: np.ndarray) -> torch.Tensor:
        return torch.as_tensor(x, dtype=torch.float32, device=self.device)

    def _targets(self, y: np.ndarray) -> torch.Tensor:
        if self.task == "multiclass":
            return torch.as_tensor(y, dtype=torch.long, device=self.device)
        return torch.as_tensor(y, dtype=torch.float32, device=self.device)

    def reset(self) -> None:
        """Fresh weights from the experiment's seed: the same seed gives the same start."""
        exp = self.experiment
        torch.manual_seed(exp.seed)  # dropout draws from the global generator
        self.generator = torch.Generator().manual_seed(exp.seed)
        self.net = Network(len(self.feature_names), exp.network.layers, self.task, self.dataset.classes,
                           exp.training.loss)
        # TF Playground's loss trains by its rules too: fixed data order, weights L1 pushed across zero stay zero.
        self.tf_rules = self.net.loss == "tf_playground"
        self.net.initialize(exp.network.init, self.generator)
        self.net.to(self.device)
        self.linears = self.net.linears()
        self.weights = self.net.weights()  # residual projections included: penalized and decayed like any weight
        self._dead = [torch.zeros_like(w, dtype=torch.bool) for w in self.weights] if self.tf_rules else None
        weight_ids = {id(w) for w in self.weights}
        self.others = [p for p in self.net.parameters() if id(p) not in weight_ids]
        self.optimizer = optimizers.build(exp.training, self.weights, self.others)
        self.fast = FastBackward(self.net) if self.net.is_plain() else None
        self.history = HistoryBuffer(len(self.linears))
        self.epoch = 0
        self.step_count = 0
        self.elapsed = 0.0
        self.state = "ready"  # or "diverged", "early_stopped": both end training
        self.notice: Notice | None = (Notice("device_missing", {"device": self.experiment.device})
                                         if self.device_message else None)
        self.lr = exp.training.optimizer.lr
        self._batch_index = 0
        self._epoch_grad_sums = [torch.zeros((), device=self.device) for _ in self.linears]
        self._epoch_steps = 0
        self._update_ratio = np.full(len(self.linears), np.nan)
        self._best = recipe.no_best_yet(1, torch.device("cpu"), torch.float64)
        self._best_state: dict | None = None  # the weights of the best validation loss, for early stopping
        self._data_edited = False
        self._start_epoch()

    # -- live changes --------------------------------------------------------
    def set_hyper(self, **values: float) -> None:
        """Change learning rate, L1, L2, weight decay or clipping between steps, keeping the weights;
        drawn points apply from the next epoch on (at once between two epochs)."""
        live = LIVE_FIELDS | LIVE_DATA_FIELDS
        unknown = set(values) - set(live)
        if unknown:
            raise ExperimentError(f"{', '.join(sorted(unknown))}: cannot change without a reset (live: {', '.join(live)})")
        self.experiment = self.experiment.with_changes(**{live[k]: v for k, v in values.items()})
        if set(values) & set(LIVE_DATA_FIELDS):
            self._data_edited = True
            if self._batch_index == 0:
                self._start_epoch()
        if "weight_decay" in values:
            self.optimizer.param_groups[0]["weight_decay"] = values["weight_decay"]
        self._apply_schedule()

    def _apply_schedule(self) -> None:
        t = self.experiment.training
        self.lr = optimizers.scheduled_lr(t.schedule, t.optimizer.lr, self.epoch)
        optimizers.set_lr(self.optimizer, self.lr)

    # -- training ------------------------------------------------------------
    def _start_epoch(self) -> None:
        if self._data_edited and self._reload_data():
            return  # the classes changed: reset() built a new network and started its first epoch
        n = self.x["train"].shape[0]
        self._epoch_rng = self.generator.get_state()  # what a save stores, to draw this epoch's order again
        self._batch, self._epoch_rows = recipe.epoch_batches(n, self.experiment.training.batch_size,
                                                             self.net.has_batch_norm())
        if self.tf_rules:
            order, self._lead, self._epoch_rows = recipe.tf_playground_order(n, self._batch, self.epoch > 0)
            order = order.to(self.device)
        else:
            order, self._lead = recipe.epoch_order(n, self.generator, self.device), 0
        self._epoch_x = self.x["train"][order]
        self._epoch_y = self.y["train"][order]
        self._batch_index = 0
        self._apply_schedule()

    def _reload_data(self) -> bool:
        """Load the edited data; True when its classes differ, so that a new network had to be built."""
        self._data_edited = False
        before = (self.task, self.dataset.classes)
        self.dataset = datasets.load(self.experiment.data)
        self._prepare_data()
        if (self.task, self.dataset.classes) != before:
            self.reset()
            return True
        return False

    @property
    def finished(self) -> bool:
        return self.state != "ready"

    @property
    def batch_size(self) -> int:
        """Rows per step: the experiment's batch size, or the whole training split for 0 or more than it has."""
        return self._batch

    @property
    def steps_per_epoch(self) -> int:
        return math.ceil(self.x["train"].shape[0] / self._batch)

    def progress(self) -> Progress:
        """Where training stands beyond the weights and the optimizer's state (the trainer's own tensors: read them)."""
        return Progress(self._batch_index, self._epoch_rng, self._epoch_rows, float(self._best.loss.item()),
                        int(self._best.epoch.item()), self._best_state)

    @property
    def epoch_data(self) -> tuple[torch.Tensor, torch.Tensor]:
        """The current epoch's training inputs and targets in the order its batches take them."""
        return self._epoch_x, self._epoch_y

    def step(self, measure_update: bool = False) -> bool:
        """Train on one batch; True when it completed an epoch."""
        if self.finished:
            return False
        started = time.perf_counter()
        self.net.set_training(True)
        self.gradients(*self.next_batch())
        return self.apply_gradients(started, measure_update)

    def next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        """The inputs and targets of the step to come."""
        rows = recipe.batch_rows(self._batch_index, self._batch)
        if self._lead:  # TF Playground's first batch takes in the rows the last epoch left over
            rows = slice(rows.start + self._lead if rows.start else 0, rows.stop + self._lead)
        return self._epoch_x[rows], self._epoch_y[rows]

    def apply_gradients(self, started: float, measure_update: bool = False) -> bool:
        """The rest of a step once .grad holds the objective's gradient on next_batch() (gradients() or a caller
        that computes many models' at once): the optimizer's update and the epoch's bookkeeping; True when it
        completed an epoch. `started` is the perf_counter() reading the step's time counts from."""
        self._record_grad_norms()
        before = [w.detach().clone() for w in self.weights] if measure_update else None
        l1 = self.experiment.training.l1 if self.tf_rules else 0.0
        signs = torch._foreach_sign([w.detach() for w in self.weights]) if l1 else None
        self.optimizer.step()
        if signs is not None:
            recipe.tf_playground_l1_(self.weights, signs, self._dead, self.lr, l1)
        if before is not None:
            self._update_ratio = _update_ratios(self.net, before, self.weights)
        return self.count_steps(1, time.perf_counter() - started)

    def count_steps(self, steps: int, seconds: float, grad_norm_sums: torch.Tensor | None = None,
                    metrics: dict | None = None) -> bool:
        """The bookkeeping after `steps` steps that took `seconds`; True when they completed an epoch (which then
        ended). A caller that stepped these weights stacked with other models' (analysis.stacked) hands over the
        sums of their weights' gradient norms over those steps, [layers] (the trainer's own steps record theirs),
        and may hand over evaluate()'s numbers for every split, computed for all the models at once."""
        if grad_norm_sums is not None:
            torch._foreach_add_(self._epoch_grad_sums, list(grad_norm_sums.unbind()))
            self._epoch_steps += steps
        self.step_count += steps
        self._batch_index += steps
        self.elapsed += seconds
        # One sync a step: the output layer's gradient turns NaN with the loss, so this names the step.
        blew_up = not math.isfinite(self._epoch_grad_sums[-1].item())
        if blew_up or recipe.epoch_complete(self._batch_index, self._batch, self._epoch_rows):
            self._end_epoch(metrics)
            return True
        return False

    def gradients(self, xb: torch.Tensor, yb: torch.Tensor) -> None:
        """Fill .grad with the gradient of the training objective on a batch: the data loss plus the L1/L2
        penalties (penalty()), clipped to clip_norm. The network's mode (training or eval) is the caller's."""
        if self.fast is not None:
            self.fast(xb, yb)
        else:
            self.optimizer.zero_grad(set_to_none=True)
            data_loss(self.task, self.net(xb), yb, self.net.loss).backward()
        if self._dead is not None:
            torch._foreach_mul_([w.grad for w in self.weights], [~gone for gone in self._dead])
        self.regularize_gradients()

    def regularize_gradients(self) -> None:
        """Turn the data loss's gradient in .grad into the objective's: add the penalties' gradient, then clip."""
        t = self.experiment.training
        recipe.add_penalty_grads_([w.grad for w in self.weights], self.weights, t.l1, t.l2)
        if t.clip_norm:
            torch.nn.utils.clip_grad_norm_(self.net.parameters(), t.clip_norm, foreach=True)

    @torch.no_grad()
    def _record_grad_norms(self) -> None:
        norms = self.net.layer_norms(torch._foreach_norm([w.grad for w in self.weights]))
        torch._foreach_add_(self._epoch_grad_sums, norms)
        self._epoch_steps += 1

    def penalty(self) -> torch.Tensor:
        """L2/2 * sum W^2 + L1 * sum |W| over weights (not biases): the part of the objective gradients() adds."""
        t = self.experiment.training
        return recipe.penalty(self.weights, t.l1, t.l2)

    def _end_epoch(self, metrics: dict | None = None) -> None:
        self.epoch += 1
        metrics = metrics or {split: self.evaluate(split) for split in SPLITS}
        grad = (torch.stack(self._epoch_grad_sums) / max(self._epoch_steps, 1)).cpu().numpy()
        weight_norms = torch.stack(self.net.layer_norms(torch._foreach_norm([w.detach() for w in self.weights]))).cpu().numpy()
        self.history.append(
            epoch=self.epoch, step=self.step_count, elapsed_s=self.elapsed, lr=self.lr,
            train_loss=metrics["train"][0], val_loss=metrics["val"][0], test_loss=metrics["test"][0],
            train_accuracy=_nan_if_none(metrics["train"][1]), val_accuracy=_nan_if_none(metrics["val"][1]),
            test_accuracy=_nan_if_none(metrics["test"][1]), grad_norm=grad, weight_norm=weight_norms,
        )
        torch._foreach_zero_(self._epoch_grad_sums)
        self._epoch_steps = 0
        train_loss = metrics["train"][0]
        if not math.isfinite(train_loss) or not np.all(np.isfinite(grad)):
            self._diverged()
            return
        losses = self.history.view().train_loss
        chance = divergence.chance_loss(self.task, self.dataset.y_train, self.dataset.classes, self.net.loss)
        if divergence.blew_up(losses, chance):
            self._diverged(Notice("loss_blew_up", {"loss": train_loss, "chance": chance, "best": float(np.nanmin(losses))}))
            return
        self._early_stopping(metrics["val"][0])
        if not self.finished:
            self._start_epoch()

    @property
    def message(self) -> str | None:
        """Why training stopped or runs elsewhere, in English; None when there is nothing to say."""
        return self.notice.text if self.notice is not None else None

    def _diverged(self, cause: Notice | None = None) -> None:
        """Stop as diverged; `cause` (a notice without the step, epoch and lr) when the loss blew up finitely."""
        self.state = "diverged"
        kind, values = (cause.kind, cause.values) if cause is not None else ("diverged", {})
        self.notice = Notice(kind, {"step": self.step_count, "epoch": self.epoch, "lr": self.lr, **values})

    def _early_stopping(self, val_loss: float) -> None:
        patience = self.experiment.training.early_stopping
        if not patience or self.x["val"].shape[0] == 0:
            return
        # The bookkeeping in float64 on the CPU: the losses are Python floats already.
        loss = torch.tensor([val_loss], dtype=torch.float64)
        self._best, improved, out_of_patience = recipe.early_stopping(self._best, loss, self.epoch, patience,
                                                                      torch.ones(1, dtype=torch.bool))
        if improved.item() or self._best_state is None:
            self._best_state = copy.deepcopy(self.net.state_dict())
        elif out_of_patience.item():
            self.net.load_state_dict(self._best_state)
            self.state = "early_stopped"
            self.notice = Notice("early_stopped", {"epoch": self.epoch, "patience": patience,
                                                   "best_epoch": int(self._best.epoch.item()),
                                                   "best_loss": float(self._best.loss.item())})

    def run_epoch(self, measure_update: bool = False) -> None:
        """Train until the current epoch completes (measuring each step's update ratio if asked)."""
        while not self.step(measure_update) and not self.finished:
            pass

    def train(self, epochs: int | None = None, on_epoch=None) -> None:
        """Run until `epochs` (default: the experiment's) have completed, training stops, or on_epoch returns False."""
        target = epochs if epochs is not None else self.experiment.training.epochs
        while self.epoch < target and not self.finished:
            self.run_epoch()
            if on_epoch is not None and on_epoch(self) is False:
                break

    @torch.no_grad()
    def evaluate(self, split: str) -> tuple[float, float | None]:
        """(mean data loss, accuracy) on a split, in eval mode; (nan, None) for an empty split."""
        x, y = self.x[split], self.y[split]
        if x.shape[0] == 0:
            return float("nan"), None
        self.net.set_training(False)
        logits = self.net(x)
        return data_loss(self.task, logits, y, self.net.loss).item(), accuracy(self.task, logits, y)

    def layer_names(self) -> list[str]:
        return layer_names(len(self.linears) - 1)

    # -- probes --------------------------------------------------------------
    def snapshot(self, grid: bool = True, serial: int = 0, steps_per_s: float = 0.0,
                 epochs_per_s: float = 0.0, state: str | None = None) -> Snapshot:
        """Plain values describing the model now; the grid probe only when asked."""
        history = self.history.view()
        last = history.epoch.shape[0] - 1
        # After early stopping the model holds an earlier epoch's weights: measure those, not the last row.
        if last >= 0 and self.state != "early_stopped":
            pick = lambda column: float(column[last])
            accuracy_of = lambda column: None if self.task == "regression" else float(column[last])
            losses = (pick(history.train_loss), pick(history.val_loss), pick(history.test_loss))
            accs = tuple(accuracy_of(c) for c in (history.train_accuracy, history.val_accuracy, history.test_accuracy))
        else:
            evaluated = [self.evaluate(s) for s in ("train", "val", "test")]
            losses = tuple(e[0] for e in evaluated)
            accs = tuple(e[1] for e in evaluated)
        self.net.set_training(False)
        predicted = split_predictions(self.net, self.x)
        probe_x = self.x["train"][:1024]
        layers = layer_probes(self.net, probe_x, self._update_ratio)
        return Snapshot(
            state=state or self.state, epoch=self.epoch, step=self.step_count, lr=self.lr, elapsed_s=self.elapsed,
            steps_per_s=steps_per_s, epochs_per_s=epochs_per_s,
            train_loss=losses[0], val_loss=losses[1], test_loss=losses[2],
            train_accuracy=accs[0], val_accuracy=accs[1], test_accuracy=accs[2],
            layers=layers, history=history, data=self.data_view,
            grid=grid_probe(self.net, self.grid_inputs) if grid and self.grid_inputs is not None else None,
            message=self.message, notice=self.notice, device=str(self.device), serial=serial,
            diagnosis=diagnose_metrics(self, losses[0], losses[1], accs[0], accs[1]),
            gradient_finding=gradient_flow.assess(layers) if self.step_count else None,
            classes=class_probe(self.task, predicted["val"], self.dataset.y_val, self.dataset.classes),
            predictions=predicted,
        )

    def metrics(self) -> dict:
        """training.metrics' values per split of the model now: precision, recall, F1, confusion or R², RMSE, MAE."""
        targets = {split: getattr(self.dataset, f"y_{split}") for split in SPLITS}
        return all_splits(self.task, targets, split_predictions(self.net, self.x), self.dataset.classes)

    # -- files ---------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the experiment, its progress, weights and random states atomically; load() reads them back
        without running code, and training on from there gives what training on without the save would have."""
        saved = {
            "format": SAVE_FORMAT,
            "experiment": self.experiment.to_json(),
            "epoch": self.epoch,
            "step": self.step_count,
            "batch_index": self._batch_index,
            "model": {k: v.detach().cpu() for k, v in self.net.state_dict().items()},
            "optimizer": self.optimizer.state_dict(),
            # The batch order is drawn at each epoch's start, dropout draws from torch's global generator.
            "rng": {"batch_order": self._epoch_rng, "dropout": torch.get_rng_state()},
            # Mid-epoch: the gradient norms summed so far, for the epoch's history row.
            "epoch_grad_sums": torch.stack(self._epoch_grad_sums).detach().cpu(),
            "epoch_steps": self._epoch_steps,
            # Early stopping's best epoch so far, so that patience counts on across the save.
            "best": None if self._best_state is None else {
                "loss": float(self._best.loss.item()), "epoch": int(self._best.epoch.item()),
                "model": {k: v.cpu() for k, v in self._best_state.items()}},
        }
        # Serialized in memory first: torch's own file writer reports a full disk as an internal assertion.
        buffer = io.BytesIO()
        torch.save(saved, buffer)
        write_atomic(path, buffer.getbuffer())

    @classmethod
    def load(cls, path: str | Path, experiment: Experiment | None = None) -> Trainer:
        """A trainer continuing from a saved file; `experiment` may override the saved one's live settings."""
        saved = read_saved(path)
        trainer = cls(experiment or saved_experiment(saved, path))
        try:
            trainer.net.load_state_dict(saved["model"])
        except (RuntimeError, ValueError, KeyError, TypeError) as error:
            raise ExperimentError(f"{clip(str(path))}: model: its weights do not fit this network "
                                  f"({clip(str(error).splitlines()[0])})") from None
        try:
            trainer.optimizer.load_state_dict(saved["optimizer"])
        except (RuntimeError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
            raise ExperimentError(f"{clip(str(path))}: optimizer: its state does not fit this optimizer "
                                  f"({clip(str(error).splitlines()[0] if str(error) else type(error).__name__)})") from None
        trainer.net.to(trainer.device)
        if trainer._dead is not None:  # under TF Playground's rules a weight is exactly zero only once L1 killed it
            trainer._dead = [w.detach() == 0 for w in trainer.weights]
        trainer.epoch = saved["epoch"]
        trainer.step_count = saved["step"]
        if "rng" in saved:  # files from before random states were saved continue with fresh ones
            trainer.generator.set_state(saved["rng"]["batch_order"])
            torch.set_rng_state(saved["rng"]["dropout"])
        trainer._start_epoch()  # again: the saved epoch's batch order and its schedule's learning rate
        if saved.get("batch_index", 0) < trainer.steps_per_epoch:
            trainer._batch_index = saved.get("batch_index", 0)
            sums = saved.get("epoch_grad_sums")
            if sums is not None and sums.shape == (len(trainer.linears),):
                trainer._epoch_grad_sums = [s.clone().to(trainer.device) for s in sums.to(torch.float32)]
                trainer._epoch_steps = saved.get("epoch_steps", 0)
        best = saved.get("best")
        if best is not None:
            trainer._best = recipe.Best(torch.tensor([best["loss"]], dtype=torch.float64),
                                        torch.tensor([float(best["epoch"])], dtype=torch.float64))
            trainer._best_state = {k: v.to(trainer.device) for k, v in best["model"].items()}
        return trainer


    def resume_from(self, weights: list[np.ndarray], biases: list[np.ndarray], epoch: int, step: int) -> bool:
        """Continue from the weights and counters a snapshot carried (a restarted training process); the
        optimizer's state starts afresh. False, changing nothing, where the snapshot cannot hold the whole model
        (batch norm's or PReLU's parameters) or its shapes do not fit."""
        pairs = [(linear.weight, w) for linear, w in zip(self.linears, weights)]
        pairs += [(linear.bias, b) for linear, b in zip(self.linears, biases)]
        whole = len(weights) == len(biases) == len(self.linears) and len(pairs) == len(list(self.net.parameters()))
        if not whole or any(tuple(p.shape) != np.shape(v) for p, v in pairs):
            return False
        with torch.no_grad():
            for parameter, value in pairs:
                parameter.copy_(torch.as_tensor(value, dtype=parameter.dtype))
        self.epoch, self.step_count = epoch, step
        self._start_epoch()  # the epoch's schedule
        return True


def _update_ratios(net: Network, before: list[torch.Tensor], after: list[torch.Tensor]) -> np.ndarray:
    deltas = torch._foreach_sub([a.detach() for a in after], before)
    num = torch.stack(net.layer_norms(torch._foreach_norm(deltas)))
    den = torch.stack(net.layer_norms(torch._foreach_norm(before))).clamp_min(1e-12)
    return (num / den).cpu().numpy()


def _nan_if_none(value: float | None) -> float:
    return float("nan") if value is None else value
