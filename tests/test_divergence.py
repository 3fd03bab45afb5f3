"""Divergence is the loss blowing up: NaN, many times the loss of guessing and not falling, or orders of magnitude
above its best. Chance-level losses are checked against torch's own losses of the constant guess."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from conftest import make_experiment

from playground.cli import main as cli
from playground.diagnosis.divergence import CHANCE_MULTIPLE, RISE, WINDOW, blew_up, chance_loss
from playground.training.trainer import Trainer


def test_the_chance_loss_is_the_loss_of_the_constant_guess():
    y = torch.tensor([0.0, 1.0, 1.0, 0.0, 1.0])
    bce = torch.nn.functional.binary_cross_entropy_with_logits(torch.zeros(5), y).item()
    assert chance_loss("binary", y.numpy(), 2) == pytest.approx(bce)
    labels = torch.tensor([0, 2, 1, 3, 3])
    ce = torch.nn.functional.cross_entropy(torch.zeros(5, 4), labels).item()
    assert chance_loss("multiclass", labels.numpy(), 4) == pytest.approx(ce)
    values = torch.tensor([1.0, 2.0, 4.0, 8.0], dtype=torch.float64)
    mse = torch.nn.functional.mse_loss(values.mean().expand(4), values).item()
    assert chance_loss("regression", values.numpy(), 0) == pytest.approx(mse)


@pytest.mark.parametrize("losses, expected", [
    ([0.7, 0.5, float("nan")], True),
    ([18.0, 16.4, 21.4, 10.7, 11.0, 12.1, 13.9, 12.2, 18.6, 30.1], True),  # ten times guessing, not falling
    ([33.7 - 0.2 * e for e in range(12)], False),    # a bad start that falls is still training
    ([6.8, 13.5, 5.0, 2.0, 1.0, 0.7, 0.5, 0.4, 0.3, 0.3], False),  # Adam's overshoot of an epoch, then learning
    ([0.7, 0.001, 0.8], True),                       # back above guessing from far below it
    ([1e-6, 1e-5, 1e-3], False),                     # a rise that stays far below guessing is noise
    ([0.7, 0.6, 0.65], False),                       # ordinary wobble
    ([50.0], False),                                 # one epoch tells no trend
])
def test_a_blow_up_is_a_loss_far_above_guessing_and_not_falling_or_far_above_its_best(losses, expected):
    assert blew_up(np.array(losses), math.log(2)) is expected
    assert CHANCE_MULTIPLE * math.log(2) < 10.7 and RISE * 0.001 < 0.8 and WINDOW == 5  # the cases straddle the limits


def test_a_blown_up_classifier_stops_as_diverged_with_its_cause_and_remedies():
    t = Trainer(make_experiment(samples=500, epochs=30, **{"training.optimizer.lr": 100.0,
                                                           "network.init": {"scheme": "normal", "scale": 100.0}}))
    t.train()
    assert t.state == "diverged" and t.notice.kind == "loss_blew_up"
    losses = t.history.view().train_loss
    assert np.isfinite(losses).all() and losses[-WINDOW:].mean() > CHANCE_MULTIPLE * math.log(2)
    assert "smaller learning rate" in t.message and f"step {t.step_count}" in t.message


def test_a_bad_start_that_learns_slowly_is_not_diverged():
    t = Trainer(make_experiment(samples=500, epochs=20, **{"network.init": {"scheme": "normal", "scale": 100.0}}))
    t.train()
    assert t.state == "ready" and t.epoch == 20


def test_the_train_command_exits_1_on_a_blown_up_loss(tmp_path, capsys):
    metrics = tmp_path / "m.jsonl"
    code = cli.main(["train", "--lr", "100", "--init", "normal", "--init-scale", "100", "--quiet",
                     "--metrics", str(metrics)])
    out = capsys.readouterr().out
    assert code == 1 and out.startswith("diverged") and "guessing" in out
    assert "No diagnosis" in out and "High bias" not in out
    final = __import__("json").loads(metrics.read_text().splitlines()[-1])
    assert final["state"] == "diverged" and final["diagnosis"]["verdict"] == "unknown"
