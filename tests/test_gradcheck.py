"""Tests for playground.analysis.gradcheck: backprop agrees with numerical gradients, and a broken backward is caught."""
from __future__ import annotations

import pytest
import torch
from conftest import make_experiment

from playground.analysis import gradcheck
from playground.analysis.gradcheck import THRESHOLD, check, passed
from playground.cli import main as cli
from playground.config import catalog, presets
from playground.nn import activations, model
from playground.training import trainer as trainer_module
from playground.training.trainer import Trainer


def small(activation: str = "tanh", **dotted):
    """Two hidden layers of 4 units on 40 points: every layer checked in full, in a fraction of a second."""
    layers = [{"units": 4, "activation": activation}, {"units": 3, "activation": activation}]
    return make_experiment(samples=40, **{"network.layers": layers, **dotted})


@pytest.mark.parametrize("activation", catalog.ACTIVATIONS)
def test_every_activation_passes(activation):
    checks = check(small(activation))
    assert [c.name for c in checks] == ["hidden 1", "hidden 2", "output"]
    assert passed(checks), gradcheck.report(checks)
    assert all(c.checked > 0 for c in checks)


@pytest.mark.parametrize("dotted", [
    {"training.l1": 0.05, "training.l2": 0.1},
    {"training.l2": 0.5, "data.dataset": "blobs", "network.init.scheme": "he_normal"},
    {"training.l1": 0.1, "data.dataset": "curve", "data.features": ["x1", "x1^2"], "network.init.scheme": "zeros"},
    {"training.clip_norm": 1e-3},  # clipping changes the step, not the gradient: it is off during the check
], ids=["l1-l2", "l2-multiclass", "l1-regression-zero-init", "clipping"])
def test_penalties_pass_on_every_task(dotted):
    assert passed(check(small("relu", **dotted)))


def test_dropout_and_batch_norm_pass_and_their_parameters_count_with_their_layer():
    layers = [{"units": 4, "activation": "prelu", "dropout": 0.5, "batch_norm": True},
              {"units": 3, "activation": "maxout", "batch_norm": True, "maxout_k": 3}]
    checks = check(make_experiment(samples=40, **{"network.layers": layers, "training.l2": 0.01}))
    assert passed(checks), gradcheck.report(checks)
    # hidden 1: linear 2*4 + 4, batch norm 4 + 4, PReLU 4; hidden 2: linear 4*9 + 9, batch norm 9 + 9.
    assert [c.parameters for c in checks] == [24, 63, 4]


def test_a_trained_model_passes_and_is_not_changed():
    t = Trainer(small("elu"))
    for _ in range(30):
        t.step()
    t.set_hyper(l1=0.01)  # L1 at trained weights, some of them near its kink at 0
    before = {k: v.clone() for k, v in t.net.state_dict().items()}
    assert passed(check(t))
    assert all(torch.equal(before[k], v) for k, v in t.net.state_dict().items())


def test_vanishing_first_layers_are_judged_at_their_resolution_and_still_catch_a_bug(monkeypatch):
    layers = [{"units": 8, "activation": "sigmoid"}] * 8
    deep = make_experiment(samples=40, **{"network.layers": layers, "network.init.scheme": "normal",
                                          "network.init.scale": 0.5})
    checks = check(deep, max_coordinates=16)
    assert passed(checks), gradcheck.report(checks)
    # The first layer's gradient is thousands of times smaller than the last's: 1e-7 is beyond float64 there.
    assert checks[0].coarse and checks[0].resolution < 1e-4 and not checks[-1].coarse
    assert "OK (to " in gradcheck.report(checks)
    correct = activations.derivative("sigmoid")
    monkeypatch.setitem(activations._DERIVATIVES, "sigmoid", lambda z, a: 1.01 * correct(z, a))
    assert not any(c.passed for c in check(deep, max_coordinates=8)[:-1])


def test_the_trained_high_variance_lesson_passes_and_every_first_layer_weight_is_checked():
    # Trained far down (the lesson's noisy labels keep it above 0): gradients near 0 and logits large, where J's
    # rounding is not of J's size.
    # 3000 epochs: by then the training loss is ~0.01; Adam at lr 0.01 turns unstable on this memorized set later
    # on (near epoch 3300 the loss climbs back over guessing's and the run stops as diverged).
    t = Trainer(presets.load("lesson-high-variance").with_changes(device="cpu"))
    start = t.evaluate("train")[0]
    t.train(3000)
    assert t.state == "ready" and t.evaluate("train")[0] < start / 10
    checks = check(t)
    assert passed(checks), gradcheck.report(checks)
    first = checks[0]
    # 64 examples on 64 ReLU units: every perturbation crosses some example's kink; per example, it still checks.
    assert first.checked == first.parameters == 192 and first.kink_examples > 0
    assert "example-coordinate pairs left out at a kink" in gradcheck.report(checks)


def test_a_trained_eight_layer_sigmoid_net_passes():
    t = Trainer(make_experiment(samples=200, epochs=300, **{
        "network.layers": [{"units": 8, "activation": "sigmoid"}] * 8, "training.optimizer": {"name": "adam", "lr": 0.01}}))
    t.train()
    checks = check(t, max_coordinates=32)
    assert len(checks) == 9 and passed(checks), gradcheck.report(checks)


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_a_backward_bug_of_relative_size_1e_6_is_caught(monkeypatch, activation):
    correct = activations.derivative(activation)
    monkeypatch.setitem(activations._DERIVATIVES, activation, lambda z, a: (1 + 1e-6) * correct(z, a))
    checks = check(small(activation))
    assert [c.passed for c in checks] == [False, False, True]  # the output layer's gradient does not use it
    assert all(c.relative_error > THRESHOLD > c.resolution for c in checks[:-1])


def test_every_layer_says_how_many_weights_it_checked_and_why_it_skipped_the_others():
    checks = check(make_experiment(samples=40, **{"network.layers": [{"units": 64}], "training.l1": 0.5}),
                   max_coordinates=100)
    hidden = checks[0]
    assert hidden.parameters == 192 and hidden.not_sampled == 92
    assert hidden.checked + hidden.kinks == 100 and hidden.kinks == hidden.l1_kinks
    assert "92 not sampled" in hidden.skipped


def test_zero_biases_put_relu_on_its_kink_and_are_nudged_off_it():
    # He init has zero biases: a row that silences layer 1 puts every unit of layer 2 exactly at z = 0.
    checks = check(make_experiment(samples=60, **{
        "network.layers": [{"units": 8, "activation": "relu"}] * 2, "network.init.scheme": "he_normal", "seed": 0}))
    assert passed(checks), gradcheck.report(checks)


def test_a_large_layer_is_sampled():
    checks = check(make_experiment(samples=40, **{"network.layers": [{"units": 64}, {"units": 64}]}),
                   max_coordinates=50)
    assert [c.parameters for c in checks] == [192, 4160, 65]
    assert all(c.checked + c.kinks == min(50, c.parameters) for c in checks)


def test_a_wrong_activation_derivative_in_the_fast_backward_is_flagged(monkeypatch):
    correct = activations.derivative("tanh")
    monkeypatch.setitem(activations._DERIVATIVES, "tanh", lambda z, a: 1.02 * correct(z, a))
    checks = check(small("tanh"))
    assert [c.passed for c in checks] == [False, False, True]  # the output layer's gradient does not use it


def test_a_wrong_loss_gradient_in_autograd_is_flagged(monkeypatch):
    # Batch norm takes the autograd path; the trainer's loss (not the checker's) is made 1 % too steep.
    monkeypatch.setattr(trainer_module, "data_loss", lambda *args: 1.01 * model.data_loss(*args))
    checks = check(small("tanh", **{"network.layers": [{"units": 4, "batch_norm": True}]}))
    assert not any(c.passed for c in checks)
    assert all(c.relative_error == pytest.approx(0.01 / 2.01, rel=1e-3) for c in checks)


def test_a_penalty_the_trainer_does_not_add_is_flagged(monkeypatch):
    # J's L2 term twice what the trainer's gradient has: weights disagree, biases (never penalized) agree.
    double = Trainer.penalty
    monkeypatch.setattr(Trainer, "penalty", lambda self: 2 * double(self))
    checks = check(small("tanh", **{"training.l2": 1.0}))
    assert not passed(checks)


def test_relative_error_of_zero_gradients_is_zero():
    zero = torch.zeros(3, dtype=torch.float64)
    assert gradcheck._relative_error(zero, zero) == 0.0


def test_stopping_returns_the_layers_done_and_progress_reaches_one():
    seen = []
    checks = check(small(), progress=seen.append)
    assert seen == pytest.approx([1 / 3, 2 / 3, 1.0]) and len(checks) == 3
    assert check(small(), should_stop=lambda: True) == []


def test_report_has_a_row_per_layer_and_a_verdict():
    ok = [gradcheck.LayerCheck("hidden 1", 12, 12, 0, 3e-10, 1e-9), gradcheck.LayerCheck("output", 5, 4, 1, 1e-11, 0.0)]
    text = gradcheck.report(ok).splitlines()
    assert text[0].split() == ["layer", "parameters", "checked", "kinks", "relative", "error", "result"]
    assert text[1].split() == ["hidden", "1", "12", "12", "0", "3.000e-10", "OK"]
    assert text[-1].startswith("Gradient check passed")
    bad = ok + [gradcheck.LayerCheck("hidden 2", 9, 9, 0, 2 * THRESHOLD, THRESHOLD)]
    rows = gradcheck.report(bad).splitlines()
    assert next(line for line in rows if line.startswith("hidden 2")).endswith("FLAG")
    assert "output: skipped 1 at a kink (batch norm couples the examples)." in rows
    assert "FAILED in hidden 2" in gradcheck.report(bad)


def test_cli_exit_status_is_0_when_every_layer_passes(capsys):
    assert cli.main(["gradcheck", "--samples", "40", "--hidden", "4,3", "--activation", "maxout", "--l2", "0.1"]) == 0
    out = capsys.readouterr().out
    assert "hidden 2" in out and "output" in out and "Gradient check passed" in out


def test_cli_exit_status_is_1_when_a_gradient_is_wrong(monkeypatch, capsys):
    correct = activations.derivative("sigmoid")
    monkeypatch.setitem(activations._DERIVATIVES, "sigmoid", lambda z, a: 0.9 * correct(z, a))
    assert cli.main(["gradcheck", "--samples", "40", "--hidden", "4", "--activation", "sigmoid"]) == 1
    out = capsys.readouterr().out
    assert "FLAG" in out and "Gradient check FAILED in hidden 1" in out


def test_cli_reads_a_preset(capsys):
    assert cli.main(["gradcheck", "--preset", "lesson-zero-init-symmetry"]) == 0
