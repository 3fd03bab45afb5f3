"""The trainer: the issue's acceptance numbers, then every training option, files, devices and snapshots."""
from __future__ import annotations

import copy
import dataclasses
import math
import os

import numpy as np
import pytest
import torch

from playground.config import catalog
from playground.config.experiment import Experiment, ExperimentError
from playground.nn import devices
from playground.nn.model import data_loss
from playground.optim import optimizers
from playground.training.history import HistoryBuffer
from playground.training.saved import SAVE_FORMAT
from playground.training.snapshot import History, Snapshot
from playground.training.trainer import LIVE_FIELDS, Trainer


def first_epoch_reaching(trainer: Trainer, target: float, max_epochs: int, column: str = "val_accuracy"):
    """Train until the column reaches target (stopping there) or max_epochs; (epoch, last value)."""
    trainer.train(max_epochs, lambda t: not getattr(t.history.view(), column)[-1] >= target)
    return trainer.epoch, float(getattr(trainer.history.view(), column)[-1])


def weights(trainer: Trainer) -> list[torch.Tensor]:
    return [p.detach().clone() for p in trainer.net.parameters()]


def assert_same(a: list[torch.Tensor], b: list[torch.Tensor]) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert torch.equal(x, y)


def weight_norm(trainer: Trainer) -> float:
    return float(sum(torch.linalg.vector_norm(w.detach()) ** 2 for w in trainer.weights) ** 0.5)


def write_three_class_csv(path, n: int = 300, seed: int = 0, extra_columns: int = 0) -> None:
    """Three Gaussian blobs with text labels: a,b[,extra...],species."""
    rng = np.random.default_rng(seed)
    names = ["setosa", "versicolor", "virginica"]
    centers = np.array([[0.0, 3.0], [-2.6, -1.5], [2.6, -1.5]])
    lines = [",".join(["a", "b"] + [f"e{i}" for i in range(extra_columns)] + ["species"])]
    for i in range(n):
        c = i % 3
        point = centers[c] + rng.normal(0, 0.6, 2)
        extra = rng.normal(0, 1, extra_columns)
        lines.append(",".join(f"{v:.5f}" for v in [*point, *extra]) + f",{names[c]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# == the acceptance numbers ===================================================

def test_default_experiment_reaches_95_percent_within_300_epochs():
    trainer = Trainer(Experiment(device="cpu"))
    epoch, acc = first_epoch_reaching(trainer, 0.95, 300)
    assert acc >= 0.95, f"validation accuracy {acc:.3f} after {epoch} epochs"


def test_spiral_with_three_tanh_layers_and_adam_reaches_90_percent():
    exp = Experiment(device="cpu").with_changes(**{
        "data.dataset": "spiral",
        "network.layers": [{"units": 8, "activation": "tanh"}] * 3,
        "training.optimizer.name": "adam", "training.optimizer.lr": 0.02, "training.batch_size": 32,
    })
    epoch, acc = first_epoch_reaching(Trainer(exp), 0.9, 300)
    assert acc >= 0.9, f"validation accuracy {acc:.3f} after {epoch} epochs"


def test_xor_from_x1_x2_with_four_relu_units_reaches_95_percent():
    exp = Experiment(device="cpu").with_changes(**{
        "data.dataset": "xor", "data.features": ["x1", "x2"], "network.layers": [{"units": 4, "activation": "relu"}],
    })
    epoch, acc = first_epoch_reaching(Trainer(exp), 0.95, 300)
    assert acc >= 0.95, f"validation accuracy {acc:.3f} after {epoch} epochs"


def test_a_three_class_csv_trains_a_softmax_model(tmp_path):
    path = tmp_path / "flowers.csv"
    write_three_class_csv(path)
    exp = Experiment(device="cpu").with_changes(**{
        "data.dataset": "csv", "data.csv_path": str(path), "data.label_column": "species",
        "network.layers": [{"units": 6, "activation": "tanh"}],
        "training.optimizer.name": "adam", "training.optimizer.lr": 0.03,
    })
    trainer = Trainer(exp)
    assert trainer.task == "multiclass"
    assert trainer.net.head.out_features == 3
    assert trainer.data_view.class_names == ("setosa", "versicolor", "virginica")
    assert trainer.net.activation_names()[-1] == "softmax"
    epoch, acc = first_epoch_reaching(trainer, 0.95, 100)
    assert acc >= 0.95, f"validation accuracy {acc:.3f} after {epoch} epochs"
    snap = trainer.snapshot()
    probs = snap.grid.output
    assert probs.shape == (3, snap.grid.resolution, snap.grid.resolution)
    np.testing.assert_allclose(probs.sum(axis=0), 1.0, atol=1e-5)
    assert snap.layers[-1].units == 3 and snap.layers[-1].activation == "softmax"


def _first_epoch_grad_norms(activation: str, init: dict, seed: int = 0) -> np.ndarray:
    exp = Experiment(device="cpu", seed=seed).with_changes(**{
        "network.layers": [{"units": 8, "activation": activation}] * 8, "network.init": init,
    })
    trainer = Trainer(exp)
    trainer.train(1)
    return trainer.history.view().grad_norm[-1]


def test_deep_sigmoid_stack_has_vanishing_gradients():
    grads = _first_epoch_grad_norms("sigmoid", {"scheme": "normal", "scale": 0.5})
    assert grads.shape == (9,)  # eight hidden layers and the output
    first, last_hidden = grads[0], grads[-2]
    assert first > 0
    assert last_hidden / first >= 100, f"first {first:.3g}, last hidden {last_hidden:.3g}"


def test_the_same_stack_with_relu_and_he_init_does_not():
    grads = _first_epoch_grad_norms("relu", {"scheme": "he_normal"})
    first, last_hidden = grads[0], grads[-2]
    assert first > 0
    assert last_hidden / first < 100, f"first {first:.3g}, last hidden {last_hidden:.3g}"


# == reproducibility ==================================================================

# Every number but wall time; `run` only tells training runs apart.
DETERMINISTIC_COLUMNS = [f.name for f in dataclasses.fields(History) if f.name not in ("elapsed_s", "run")]


@pytest.mark.parametrize("changes", [{}, {"network.layers": [{"units": 6, "dropout": 0.3}],
                                          "training.optimizer.name": "adam"}], ids=["plain", "dropout-adam"])
def test_same_experiment_and_seed_give_identical_numbers(tiny_experiment, changes):
    exp = tiny_experiment(epochs=4, **changes)
    a = Trainer(exp)
    a.train()
    b = Trainer(exp)  # one after the other, as the app runs them: dropout draws from torch's global generator
    b.train()
    ha, hb = a.history.view(), b.history.view()
    assert len(ha) == 4
    for column in DETERMINISTIC_COLUMNS:
        np.testing.assert_array_equal(getattr(ha, column), getattr(hb, column), err_msg=column)
    assert_same(weights(a), weights(b))


def test_a_different_seed_gives_different_numbers(tiny_experiment):
    a = Trainer(tiny_experiment(epochs=3, seed=1))
    b = Trainer(tiny_experiment(epochs=3, seed=2))
    a.train()
    b.train()
    assert not np.array_equal(a.history.view().train_loss, b.history.view().train_loss)
    assert not torch.equal(a.weights[0], b.weights[0])


def test_reset_gives_the_same_initial_weights(tiny_experiment):
    trainer = Trainer(tiny_experiment())
    start = weights(trainer)
    trainer.train(3)
    assert not all(torch.equal(x, y) for x, y in zip(start, weights(trainer)))
    trainer.reset()
    assert_same(start, weights(trainer))
    assert (trainer.epoch, trainer.step_count, len(trainer.history.view())) == (0, 0, 0)
    assert not trainer.finished


# == optimizers and schedules ==========================================================

STEP_LR = {"sgd": 0.1, "momentum": 0.1, "nesterov": 0.1, "adagrad": 0.01, "adadelta": 1.0, "rmsprop": 0.001,
           "adam": 0.01, "adamw": 0.01, "amsgrad": 0.01, "nadam": 0.01, "radam": 0.1}


def test_every_optimizer_has_a_step_size_here():
    assert set(STEP_LR) == set(catalog.OPTIMIZERS)


@pytest.mark.parametrize("lookahead", [False, True], ids=["plain", "lookahead"])
@pytest.mark.parametrize("name", sorted(catalog.OPTIMIZERS))
def test_one_small_step_lowers_the_batch_loss(tiny_experiment, name, lookahead):
    exp = tiny_experiment(**{
        "training.optimizer.name": name, "training.optimizer.lr": STEP_LR[name], "training.batch_size": 0,
        "training.lookahead.enabled": lookahead, "training.lookahead.k": 1,
    })
    trainer = Trainer(exp)
    x, y = trainer.x["train"], trainer.y["train"]  # full batch: the step's batch is the training set
    trainer.net.zero_grad(set_to_none=True)
    loss = data_loss(trainer.task, trainer.net(x), y)
    loss.backward()
    loss = float(loss.detach())
    gradient = [p.grad.detach().clone() for p in trainer.net.parameters()]
    before = weights(trainer)
    trainer.step()
    after = weights(trainer)
    moved = [a - b for a, b in zip(after, before)]
    assert any(float(m.abs().max()) > 0 for m in moved)
    # The move points downhill: its inner product with the gradient is negative ...
    assert sum(float((m * g).sum()) for m, g in zip(moved, gradient)) < 0
    # ... and the loss on that batch went down.
    with torch.no_grad():
        new_loss = data_loss(trainer.task, trainer.net(x), y)
    assert float(new_loss) < loss


SCHEDULE_CASES = {
    "constant": ({}, lambda lr, e: lr),
    "step": ({"step_size": 2, "gamma": 0.5}, lambda lr, e: lr * 0.5 ** (e // 2)),
    "exponential": ({"gamma": 0.8}, lambda lr, e: lr * 0.8 ** e),
    "inverse_time": ({"decay": 0.5}, lambda lr, e: lr / (1 + 0.5 * e)),
    "inverse_sqrt": ({}, lambda lr, e: lr / math.sqrt(e + 1)),
    "cosine": ({"t_max": 4, "eta_min": 0.01}, lambda lr, e: 0.01 + (lr - 0.01) * (1 + math.cos(math.pi * (e % 4) / 4)) / 2),
}


def test_every_schedule_is_covered():
    assert set(SCHEDULE_CASES) == set(catalog.SCHEDULES)


@pytest.mark.parametrize("name", sorted(SCHEDULE_CASES))
def test_schedule_lr_per_epoch(tiny_experiment, name):
    hyper, expected = SCHEDULE_CASES[name]
    base = 0.1
    exp = tiny_experiment(samples=20, epochs=7, **{
        "training.optimizer.lr": base, "training.schedule": {"name": name, "hyper": hyper},
        "training.batch_size": 0,
    })
    trainer = Trainer(exp)
    assert trainer.lr == pytest.approx(expected(base, 0))
    trainer.train()
    want = [expected(base, e) for e in range(7)]  # history row i is epoch i + 1, trained at 0-based epoch i
    np.testing.assert_allclose(trainer.history.view().lr, want, rtol=1e-12)
    assert trainer.optimizer.param_groups[0]["lr"] == pytest.approx(expected(base, 7))  # set for the next epoch
    for e in range(7):
        assert optimizers.scheduled_lr(exp.training.schedule, base, e) == pytest.approx(want[e])


def test_cosine_restarts_every_period_as_torchs_warm_restarts_do():
    # A "Period" that held the rate at eta_min after one half cosine trained no further: it restarts instead.
    spec = Experiment(training={"schedule": {"name": "cosine", "hyper": {"t_max": 10, "eta_min": 0.001}}}).training.schedule
    weight = torch.zeros(1, requires_grad=True)
    reference = torch.optim.SGD([weight], lr=0.1)
    schedule = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(reference, T_0=10, eta_min=0.001)
    for epoch in range(35):
        assert optimizers.scheduled_lr(spec, 0.1, epoch) == pytest.approx(reference.param_groups[0]["lr"], rel=1e-12)
        reference.step()
        schedule.step()
    assert optimizers.scheduled_lr(spec, 0.1, 20) == pytest.approx(0.1)


# == regularization and clipping ========================================================



def _final_weight_norm(tiny_experiment, **changes) -> float:
    trainer = Trainer(tiny_experiment(epochs=15, **{"training.optimizer.lr": 0.1, **changes}))
    trainer.train()
    assert trainer.epoch == 15 and not trainer.state == "diverged"
    return weight_norm(trainer)


@pytest.mark.parametrize("penalty", [{"training.l2": 0.3}, {"training.l1": 0.03}], ids=["l2", "l1"])
def test_l1_and_l2_shrink_the_weights(tiny_experiment, penalty):
    assert _final_weight_norm(tiny_experiment, **penalty) < 0.8 * _final_weight_norm(tiny_experiment)


def test_l1_drives_weights_towards_zero_more_than_l2_does(tiny_experiment):
    def small_fraction(**changes):
        trainer = Trainer(tiny_experiment(epochs=15, **{"training.optimizer.lr": 0.1, **changes}))
        trainer.train()
        w = torch.cat([w.detach().flatten() for w in trainer.weights])
        return float((w.abs() < 0.02).float().mean())

    assert small_fraction(**{"training.l1": 0.03}) > small_fraction()


@pytest.mark.parametrize("optimizer", ["sgd", "adam",
                                       "adamw"])
def test_decoupled_weight_decay_shrinks_the_weights(tiny_experiment, optimizer):
    changes = {"training.optimizer.name": optimizer}
    if optimizer != "sgd":
        changes["training.optimizer.lr"] = 0.01
    with_decay = Trainer(tiny_experiment(epochs=10, **changes, **{"training.weight_decay": 1.0}))
    without = Trainer(tiny_experiment(epochs=10, **changes))
    with_decay.train()
    without.train()
    assert weight_norm(with_decay) < 0.9 * weight_norm(without)


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_a_trainer_step_decays_from_the_pre_step_weights(tiny_experiment, optimizer):
    # One full-batch step at lr 1, weight decay 0.5: w1 = w0 - g_step - 0.5 w0, g_step from autograd in float64.
    # The old (1 - lr*wd)(w0 - g_step) misses by 0.5 g_step.
    trainer = Trainer(tiny_experiment(**{"training.optimizer": {"name": optimizer, "lr": 1.0},
                                         "training.weight_decay": 0.5, "training.batch_size": 0}))
    w0 = [w.detach().double() for w in trainer.weights]
    net = copy.deepcopy(trainer.net).double()
    data_loss(trainer.task, net(trainer.x["train"].double()), trainer.y["train"].double()).backward()
    g = [linear.weight.grad for linear in net.linears()]
    trainer.step()
    for w, start, grad in zip(trainer.weights, w0, g):
        step = grad if optimizer == "sgd" else grad / (grad.abs() + 1e-8)  # Adam's first step: lr * g / (|g| + eps)
        torch.testing.assert_close(w.detach().double(), start - step - 0.5 * start, rtol=0, atol=1e-5)


@pytest.mark.parametrize("optimizer", ["sgd", "adamw"])
def test_set_hyper_weight_decay_reaches_the_optimizer(tiny_experiment, optimizer):
    trainer = Trainer(tiny_experiment(**{"training.optimizer.name": optimizer}))
    trainer.set_hyper(weight_decay=0.5)
    assert trainer.optimizer.param_groups[0]["weight_decay"] == 0.5
    assert trainer.optimizer.param_groups[1]["weight_decay"] == 0.0  # biases are never decayed


@pytest.mark.parametrize("clip", [0.005, 0.02])
def test_gradient_clipping_caps_the_gradient_norm(tiny_experiment, clip):
    def first_step_norm(**changes):
        trainer = Trainer(tiny_experiment(**{"training.batch_size": 0, **changes}))
        trainer.step()
        grads = [p.grad for p in trainer.net.parameters()]
        return float(torch.linalg.vector_norm(torch.cat([g.flatten() for g in grads]))), trainer

    unclipped, _ = first_step_norm()
    assert unclipped > 2 * clip  # so that the cap has something to cut
    clipped, trainer = first_step_norm(**{"training.clip_norm": clip})
    assert clipped == pytest.approx(clip, rel=1e-4)
    # The per-layer weight gradient norms recorded in the history respect the cap too.
    assert float(np.linalg.norm(trainer.history.view().grad_norm[-1])) <= clip * (1 + 1e-4)


# == stopping =============================================================================

def test_early_stopping_stops_and_restores_the_best_weights(tiny_experiment):
    patience = 5
    exp = tiny_experiment(samples=80, epochs=500, **{
        "data.noise": 0.5, "network.layers": [{"units": 16, "activation": "relu"}] * 2,
        "training.optimizer.name": "adam", "training.optimizer.lr": 0.05, "training.early_stopping": patience,
    })
    trainer = Trainer(exp)
    trainer.train()
    history = trainer.history.view()
    assert trainer.finished and trainer.state != "diverged"
    assert trainer.epoch < 500
    best_row = int(np.argmin(history.val_loss))
    best_epoch = int(history.epoch[best_row])
    assert trainer.epoch - best_epoch == patience
    # The model now is the best one recorded: its validation loss equals the best in the history.
    assert trainer.evaluate("val")[0] == pytest.approx(float(history.val_loss[best_row]), rel=1e-6)
    assert trainer.evaluate("val")[0] < float(history.val_loss[-1])
    assert trainer.message and str(best_epoch) in trainer.message
    steps = trainer.step_count
    assert trainer.step() is False and trainer.step_count == steps  # stopped stays stopped


def test_without_patience_training_runs_all_epochs(tiny_experiment):
    trainer = Trainer(tiny_experiment(epochs=6))
    trainer.train()
    assert trainer.epoch == 6 and trainer.state != "diverged"
    assert len(trainer.history.view()) == 6


@pytest.mark.parametrize("changes", [
    {"data.dataset": "reg-plane", "training.optimizer.lr": 50.0, "network.layers": [{"units": 4, "activation": "relu"}]},
    {"data.dataset": "reg-gauss", "training.optimizer.lr": 20.0},
], ids=["relu-plane", "tanh-bumps"])
def test_divergence_stops_with_a_message_and_no_exception(tiny_experiment, changes):
    trainer = Trainer(tiny_experiment(samples=200, epochs=50, **changes))
    trainer.train()  # must not raise
    assert trainer.state == "diverged"
    assert trainer.finished and trainer.epoch < 50
    message = trainer.message
    assert message and "\n" not in message
    assert f"step {trainer.step_count}" in message
    assert "learning rate" in message
    steps = trainer.step_count
    assert trainer.step() is False and trainer.step_count == steps
    snap = trainer.snapshot()  # a diverged model still has a snapshot
    assert snap.state == "diverged" and snap.message == message


# == live changes ============================================================================

def test_set_hyper_changes_lr_between_steps_without_a_reset(tiny_experiment):
    trainer = Trainer(tiny_experiment(epochs=3))
    trainer.train(1)
    for _ in range(3):
        trainer.step()
    before, epoch, steps = weights(trainer), trainer.epoch, trainer.step_count
    trainer.set_hyper(lr=0.2)
    assert_same(before, weights(trainer))
    assert (trainer.epoch, trainer.step_count) == (epoch, steps)
    assert trainer.lr == 0.2 and trainer.experiment.training.optimizer.lr == 0.2
    assert all(group["lr"] == 0.2 for group in trainer.optimizer.param_groups)
    trainer.run_epoch()
    history = trainer.history.view()
    assert history.lr.tolist() == [0.03, 0.2]


def test_set_hyper_with_a_schedule_rescales_it(tiny_experiment):
    trainer = Trainer(tiny_experiment(**{"training.schedule": {"name": "exponential", "hyper": {"gamma": 0.5}}}))
    trainer.train(2)
    trainer.set_hyper(lr=0.4)
    assert trainer.lr == pytest.approx(0.4 * 0.5 ** 2)


@pytest.mark.parametrize("field", sorted(LIVE_FIELDS))
def test_every_live_field_applies(tiny_experiment, field):
    trainer = Trainer(tiny_experiment())
    trainer.set_hyper(**{field: 0.05})
    node = trainer.experiment
    for part in LIVE_FIELDS[field].split("."):
        node = getattr(node, part)
    assert node == 0.05


@pytest.mark.parametrize("values", [{"batch_size": 5}, {"epochs": 3}, {"momentum": 0.5}, {"lr": 0.1, "seed": 3}])
def test_set_hyper_on_a_non_live_field_raises(tiny_experiment, values):
    trainer = Trainer(tiny_experiment())
    with pytest.raises(ExperimentError) as caught:
        trainer.set_hyper(**values)
    assert "\n" not in str(caught.value)
    assert trainer.experiment.training.optimizer.lr == 0.03  # nothing applied


def test_set_hyper_with_a_bad_value_raises(tiny_experiment):
    trainer = Trainer(tiny_experiment())
    with pytest.raises(ExperimentError, match="lr"):
        trainer.set_hyper(lr=-1.0)
    assert trainer.lr == 0.03


# == files ==================================================================================

def test_save_and_load_continue_where_training_stopped(tiny_experiment, tmp_path):
    exp = tiny_experiment(epochs=10, **{"training.optimizer.name": "adam", "training.optimizer.lr": 0.01})
    trainer = Trainer(exp)
    trainer.train(3)
    path = tmp_path / "model.pt"
    trainer.save(path)
    loaded = Trainer.load(path)
    assert loaded.experiment == exp
    assert (loaded.epoch, loaded.step_count) == (3, trainer.step_count)
    assert_same(weights(trainer), weights(loaded))
    loaded.train(5)
    assert loaded.epoch == 5 and loaded.history.view().epoch.tolist() == [4, 5]
    assert not all(torch.equal(a, b) for a, b in zip(weights(trainer), weights(loaded)))


def test_loaded_optimizer_state_matches(tiny_experiment, tmp_path):
    trainer = Trainer(tiny_experiment(**{"training.optimizer.name": "momentum"}))
    trainer.train(2)
    trainer.save(tmp_path / "m.pt")
    loaded = Trainer.load(tmp_path / "m.pt")
    # One identical step from identical states: momentum carries over only if its buffer was restored.
    x, y = trainer.x["train"][:10], trainer.y["train"][:10]
    for t in (trainer, loaded):
        t.gradients(x, y)
        t.optimizer.step()
    for a, b in zip(trainer.net.parameters(), loaded.net.parameters()):
        torch.testing.assert_close(a, b)


def test_load_with_new_live_settings(tiny_experiment, tmp_path):
    exp = tiny_experiment()
    trainer = Trainer(exp)
    trainer.train(2)
    trainer.save(tmp_path / "m.pt")
    loaded = Trainer.load(tmp_path / "m.pt", exp.with_changes(**{"training.optimizer.lr": 0.5}))
    assert loaded.lr == 0.5
    assert_same(weights(trainer), weights(loaded))


def test_load_into_a_different_network_is_one_line(tiny_experiment, tmp_path):
    trainer = Trainer(tiny_experiment())
    trainer.save(tmp_path / "m.pt")
    other = tiny_experiment(**{"network.layers": [{"units": 7}]})
    with pytest.raises(ExperimentError) as caught:
        Trainer.load(tmp_path / "m.pt", other)
    assert "\n" not in str(caught.value) and "m.pt" in str(caught.value)


class Gadget:
    """Unpickling this runs os.makedirs(marker): what a hostile model file could do."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return os.makedirs, (self.marker,)


def test_loading_refuses_pickled_objects(tiny_experiment, tmp_path):
    marker = tmp_path / "code-ran"
    path = tmp_path / "hostile.pt"
    torch.save({"format": SAVE_FORMAT, "experiment": tiny_experiment().to_json(), "epoch": 0, "step": 0,
                "model": {}, "optimizer": {}, "payload": Gadget(str(marker))}, path)
    with pytest.raises(ExperimentError) as caught:
        Trainer.load(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    assert not marker.exists(), "loading ran code from the file"
    # The file really is hostile: an unsafe load would have run it.
    torch.load(path, weights_only=False)
    assert marker.exists()


@pytest.mark.parametrize("content", [b"", b"not a model", b'{"format": "json"}'], ids=["empty", "text", "json"])
def test_loading_a_file_that_is_not_a_model_is_one_line(tmp_path, content):
    path = tmp_path / "x.pt"
    path.write_bytes(content)
    with pytest.raises(ExperimentError) as caught:
        Trainer.load(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_loading_a_torch_file_of_another_kind(tmp_path):
    path = tmp_path / "weights.pt"
    torch.save({"weight": torch.zeros(3)}, path)
    with pytest.raises(ExperimentError, match="not a saved Neural Playground model"):
        Trainer.load(path)


def test_loading_a_missing_file(tmp_path):
    with pytest.raises(ExperimentError, match="no such file"):
        Trainer.load(tmp_path / "missing.pt")


# == devices ==================================================================================

def test_cpu_resolves_to_cpu():
    assert devices.resolve("cpu") == (torch.device("cpu"), None)


@pytest.mark.parametrize("name, present", [("cuda", torch.cuda.is_available()), ("mps", devices._has_mps())])
def test_a_missing_accelerator_falls_back_to_the_cpu_with_a_message(name, present):
    if present:
        pytest.skip(f"this machine has {name}")
    device, message = devices.resolve(name)
    assert device == torch.device("cpu")
    assert message and name in message and "\n" not in message


def test_auto_resolves_to_a_device_this_machine_has():
    device, message = devices.resolve("auto")
    assert message is None
    expected = "cuda" if torch.cuda.is_available() else "mps" if devices._has_mps() else "cpu"
    assert device.type == expected


def test_available_lists_auto_and_cpu_first():
    choices = devices.available()
    assert [value for value, _ in choices[:2]] == ["auto", "cpu"]
    assert all(value in catalog.DEVICES for value, _ in choices)


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_trainer_on_a_missing_device_trains_on_the_cpu_and_says_so(tiny_experiment):
    trainer = Trainer(tiny_experiment(device="cuda"))
    assert trainer.device == torch.device("cpu")
    assert trainer.device_message and "cuda" in trainer.device_message
    trainer.train(1)
    snap = trainer.snapshot()
    assert snap.device == "cpu" and snap.message == trainer.device_message


# == snapshots ================================================================================

def _walk(value, path="snapshot"):
    """Yield (path, leaf) for every value inside a snapshot: dataclass fields, tuples, lists, dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}[{key!r}]")
    else:
        yield path, value


def assert_plain(snapshot: Snapshot) -> None:
    leaves = list(_walk(snapshot))
    assert len(leaves) > 20
    for path, leaf in leaves:
        assert not isinstance(leaf, torch.Tensor), f"{path} is a torch tensor"
        assert "torch" not in type(leaf).__module__, f"{path} is a {type(leaf)}"
        if isinstance(leaf, np.ndarray):
            assert leaf.dtype != object, f"{path} holds Python objects"
        else:
            assert leaf is None or isinstance(leaf, (bool, int, float, str, np.generic)), f"{path}: {type(leaf)}"


def test_default_snapshot_contents():
    trainer = Trainer(Experiment(device="cpu").with_changes(**{"data.samples": 200}))
    trainer.train(2)
    snap = trainer.snapshot()
    assert_plain(snap)
    assert [layer.name for layer in snap.layers] == ["hidden 1", "hidden 2", "output"]
    assert [layer.units for layer in snap.layers] == [4, 2, 1]
    assert [layer.activation for layer in snap.layers] == ["tanh", "tanh", "sigmoid"]
    assert [layer.weights.shape for layer in snap.layers] == [(4, 2), (2, 4), (1, 2)]
    assert [layer.bias.shape for layer in snap.layers] == [(4,), (2,), (1,)]
    for layer, linear in zip(snap.layers, trainer.linears):
        np.testing.assert_array_equal(layer.weights, linear.weight.detach().numpy())
        assert layer.weight_norm == pytest.approx(float(torch.linalg.vector_norm(linear.weight.detach())), rel=1e-6)
        assert layer.act_hist.sum() == pytest.approx(1.0) and len(layer.act_edges) == len(layer.act_hist) + 1
    grid = snap.grid
    assert grid.resolution == 100 and grid.output.shape == (100, 100)
    assert 0.0 <= float(grid.output.min()) and float(grid.output.max()) <= 1.0
    assert [n.shape for n in grid.neurons] == [(4, 100, 100), (2, 100, 100)]
    assert grid.features.shape == (2, 100, 100)
    assert len(grid.extent) == 4
    assert (snap.epoch, snap.step) == (2, trainer.step_count)
    assert snap.data.feature_names == ("x1", "x2") and snap.data.task == "binary"
    assert snap.train_accuracy == pytest.approx(float(trainer.history.view().train_accuracy[-1]))
    assert trainer.snapshot(grid=False).grid is None


def test_a_snapshot_never_changes_after_it_is_taken(tiny_experiment):
    trainer = Trainer(tiny_experiment(epochs=10))
    trainer.train(1)
    snap = trainer.snapshot()
    arrays = [(path, leaf.copy()) for path, leaf in _walk(snap) if isinstance(leaf, np.ndarray)]
    assert len(arrays) > 10
    trainer.train(3)
    now = dict((path, leaf) for path, leaf in _walk(snap) if isinstance(leaf, np.ndarray))
    changed = [path for path, copy in arrays if not np.array_equal(now[path], copy, equal_nan=True)]
    assert not changed, f"changed after the snapshot was taken: {changed}"


def test_snapshot_before_training():
    trainer = Trainer(Experiment(device="cpu").with_changes(**{"data.samples": 100}))
    snap = trainer.snapshot()
    assert_plain(snap)
    assert snap.epoch == 0 and len(snap.history) == 0
    assert math.isfinite(snap.train_loss) and snap.val_accuracy is not None


def test_curve_snapshot_has_a_one_dimensional_grid():
    exp = Experiment(device="cpu").with_changes(**{
        "data.dataset": "curve", "data.features": ["x1", "x1^2", "x1^3"], "network.layers": [{"units": 5}],
    })
    trainer = Trainer(exp)
    trainer.train(1)
    snap = trainer.snapshot()
    assert_plain(snap)
    r = snap.grid.resolution
    assert snap.grid.output.shape == (r,)
    assert [n.shape for n in snap.grid.neurons] == [(5, r)]
    assert snap.grid.features.shape == (3, r)
    assert len(snap.grid.extent) == 2
    assert snap.val_accuracy is None and snap.layers[-1].activation == "linear"
    assert np.isnan(snap.history.val_accuracy).all()


def test_no_grid_for_a_csv_with_more_than_two_features(tmp_path):
    path = tmp_path / "wide.csv"
    write_three_class_csv(path, n=60, extra_columns=2)
    trainer = Trainer(Experiment(device="cpu").with_changes(**{"data.dataset": "csv", "data.csv_path": str(path)}))
    trainer.train(1)
    snap = trainer.snapshot(grid=True)
    assert snap.grid is None
    assert snap.data.feature_names == ("a", "b", "e0", "e1")
    assert snap.layers[0].weights.shape == (4, 4)
    assert_plain(snap)


def test_histories_grow_and_old_views_stay_put(tiny_experiment):
    trainer = Trainer(tiny_experiment(epochs=10))
    trainer.train(2)
    early = trainer.snapshot(grid=False)
    trainer.train(5)
    late = trainer.snapshot(grid=False)
    assert len(early.history) == 2 and len(late.history) == 5
    assert late.history.epoch.tolist() == [1, 2, 3, 4, 5]
    assert late.history.grad_norm.shape == (5, 3) and late.history.weight_norm.shape == (5, 3)
    np.testing.assert_array_equal(late.history.train_loss[:2], early.history.train_loss)
    assert np.all(np.diff(late.history.step) == trainer.steps_per_epoch)
    with pytest.raises(ValueError):
        late.history.train_loss[0] = 0.0  # read-only views


def test_history_outgrows_its_capacity_and_keeps_old_views():
    buffer = HistoryBuffer(layers=2, capacity=4)
    row = lambda i: {**{name: float(i) for name in ("epoch", "step", "elapsed_s", "lr", "train_loss", "val_loss",
                                                     "test_loss", "train_accuracy", "val_accuracy", "test_accuracy")},
                     "grad_norm": np.array([i, -i]), "weight_norm": np.array([2 * i, 3 * i])}
    for i in range(3):
        buffer.append(**row(i))
    early = buffer.view()
    for i in range(3, 11):
        buffer.append(**row(i))
    late = buffer.view()
    assert len(early) == 3 and len(late) == 11
    assert late.epoch.tolist() == list(range(11))
    assert late.grad_norm[:, 1].tolist() == [-i for i in range(11)]
    assert early.epoch.tolist() == [0, 1, 2]  # a view handed out before growing is unchanged


def test_update_ratio_is_measured_when_asked(tiny_experiment):
    trainer = Trainer(tiny_experiment())
    trainer.step(measure_update=True)
    ratios = [layer.update_ratio for layer in trainer.snapshot(grid=False).layers]
    assert all(r > 0 and math.isfinite(r) for r in ratios)
