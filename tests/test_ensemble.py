"""Tests for playground.analysis.ensemble: K vectorized members equal K separate trainers, and the decomposition."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from conftest import make_experiment

from playground.analysis.ensemble import (
    Ensemble,
    bootstrap,
    decompose,
    ensemble_throughput,
    member_experiment,
    train_ensemble,
)
from playground.config.experiment import ExperimentError
from playground.data import datasets
from playground.training.trainer import Trainer


def separate(experiment, k: int, steps: int) -> Trainer:
    """Member k trained alone: its own Trainer on its bootstrap sample with seed + k."""
    data = datasets.load(experiment.data)
    trainer = Trainer(member_experiment(experiment, k), dataset=bootstrap(data, experiment.seed, k))
    while trainer.step_count < steps and not trainer.finished:
        trainer.step()
    return trainer


def assert_members_match(experiment, k: int, steps: int, atol: float = 1e-5) -> Ensemble:
    ensemble = Ensemble(experiment, k)
    for _ in range(steps):
        ensemble.step()
    for i in range(k):
        alone = separate(experiment, i, steps)
        state = {**ensemble.params, **ensemble.buffers}
        for name, value in alone.net.state_dict().items():
            torch.testing.assert_close(state[name][i].detach(), value, atol=atol, rtol=1e-4, msg=f"member {i}: {name}")
    return ensemble


@pytest.mark.parametrize("dotted", [
    {},  # the default: SGD, tanh 4-2, batch 10, plain net (the trainer's hand-derived backward)
    {"network.layers": [{"units": 5, "activation": "prelu"}, {"units": 3, "activation": "relu"}],
     "training.optimizer": {"name": "adam", "lr": 0.01}, "training.l1": 1e-3, "training.l2": 1e-2,
     "training.clip_norm": 0.05, "data.standardize": True},
    {"network.layers": [{"units": 6, "activation": "maxout", "batch_norm": True}], "data.dataset": "blobs",
     "training.optimizer": {"name": "momentum", "lr": 0.05}, "training.batch_size": 7,
     "training.lookahead": {"enabled": True, "k": 3}, "training.weight_decay": 0.02,
     "training.schedule": {"name": "exponential", "hyper": {"gamma": 0.7}}},
    {"data.dataset": "curve", "data.features": ["x1"], "data.noise": 0.2, "training.batch_size": 0,
     "training.optimizer": {"name": "adamw", "lr": 0.2}, "training.weight_decay": 0.1, "training.early_stopping": 2},
    {"training.weight_decay": 0.05, "training.l2": 0.01, "training.batch_size": 0, "training.optimizer.lr": 0.3},
], ids=["default", "adam-l1-l2-clip-prelu", "batch-norm-maxout-multiclass-lookahead-decay-schedule",
        "regression-adamw-early-stopping", "sgd-weight-decay-full-batch"])
def test_vectorized_members_equal_separately_trained_models(dotted):
    assert_members_match(make_experiment(samples=60, **dotted), k=3, steps=40)  # 40 steps: several epochs


def test_early_stopped_members_hold_their_best_weights():
    experiment = make_experiment(samples=24, **{
        "data.dataset": "curve", "data.features": ["x1"], "data.noise": 0.2, "training.batch_size": 0,
        "training.optimizer": {"name": "adam", "lr": 0.3}, "training.early_stopping": 2})
    ensemble = assert_members_match(experiment, k=3, steps=30)
    assert ensemble.finished and ensemble.step() is False


def test_members_differ_in_init_and_sample():
    ensemble = Ensemble(make_experiment(samples=40), 4)
    first = ensemble.params["hidden.0.linear.weight"]
    assert not torch.equal(first[0], first[1])
    assert not torch.equal(ensemble.x["train"][0], ensemble.x["train"][1])
    data = datasets.load(make_experiment(samples=40).data)
    assert len(bootstrap(data, 0, 1).y_train) == len(data.y_train)


def test_dropout_members_draw_their_own_masks():
    ensemble = Ensemble(make_experiment(samples=40, **{"network.layers": [{"units": 8, "dropout": 0.5}]}), 2)
    for _ in range(5):
        ensemble.step()
    assert np.isfinite(ensemble.result().decomposition["mean_model_error"])


def test_result_shapes_follow_the_grid_probe():
    binary = train_ensemble(make_experiment(samples=40), k=3, epochs=2)
    n_val = 10
    assert binary.val_predictions.shape == (3, n_val) and binary.k == 3 and binary.epochs == 2 and binary.complete
    r = binary.grid_resolution
    assert binary.grid_predictions.shape == (3, r, r) and binary.grid_extent == (-6.0, 6.0, -6.0, 6.0)
    assert np.all((binary.grid_predictions >= 0) & (binary.grid_predictions <= 1))
    blobs = train_ensemble(make_experiment(samples=60, **{"data.dataset": "blobs"}), k=2, epochs=1)
    assert blobs.val_predictions.shape == (2, 15, 3) and blobs.grid_predictions.shape[:2] == (2, 3)
    curve = {"data.dataset": "curve", "data.features": ["x1"]}
    line = train_ensemble(make_experiment(samples=40, **curve), k=2, epochs=1)
    assert line.grid_predictions.shape == (2, line.grid_resolution)


def test_training_can_be_stopped_and_reports_progress():
    seen = []
    result = train_ensemble(make_experiment(samples=40), k=2, epochs=3, progress=seen.append)
    assert seen == pytest.approx([1 / 3, 2 / 3, 1.0]) and result.complete
    stopped = train_ensemble(make_experiment(samples=40), k=2, epochs=3, should_stop=lambda: True)
    assert not stopped.complete and stopped.epochs == 0


def test_regression_decomposition_adds_up():
    rng = np.random.default_rng(0)
    y = rng.normal(size=50)
    predictions = y + 0.3 + rng.normal(0, 0.2, (8, 50))  # biased by 0.3, spread 0.2
    d = decompose("regression", predictions, y, baseline_error=0.01)
    assert d["error"] == pytest.approx(d["bias2"] + d["variance"] + d["noise"])
    assert d["variance"] == pytest.approx(0.04, rel=0.2) and d["bias2"] == pytest.approx(0.09 - 0.01, rel=0.2)
    assert d["noise_known"] and not decompose("regression", predictions, y, None)["noise_known"]


def test_classification_decomposition_counts_votes():
    y = np.array([1, 0, 1])
    # Three members' P(class 1): votes 1,0,1 / 1,1,0 / 0,0,0 -> majority 1, 0, 0
    p = np.array([[0.9, 0.2, 0.8], [0.7, 0.6, 0.1], [0.2, 0.3, 0.4]])
    d = decompose("binary", p, y, 0.05)
    assert d["vote_error"] == pytest.approx(1 / 3)
    assert d["mean_model_error"] == pytest.approx(4 / 9)
    assert d["disagreement"] == pytest.approx(3 / 9)
    assert d["baseline_error"] == 0.05
    probs = np.stack([np.stack([1 - p[k], p[k]], axis=-1) for k in range(3)])
    assert decompose("multiclass", probs, y, None)["vote_error"] == pytest.approx(1 / 3)


def test_capacity_trades_bias_for_variance_and_data_lowers_variance():
    curve = {"data.dataset": "curve", "data.features": ["x1"], "data.noise": 0.3, "data.train_fraction": 0.5,
             "data.val_fraction": 0.5, "training.optimizer": {"name": "adam", "lr": 0.01}, "training.batch_size": 0}
    big = {**curve, "network.layers": [{"units": 32, "activation": "relu"}] * 2}
    line = train_ensemble(make_experiment(samples=40, epochs=200, **{**curve, "network.layers": []}), k=8)
    few = train_ensemble(make_experiment(samples=40, epochs=200, **big), k=8)
    many = train_ensemble(make_experiment(samples=400, epochs=200, **big), k=8)
    assert line.decomposition["bias2"] > 3 * few.decomposition["bias2"]
    assert many.decomposition["variance"] < few.decomposition["variance"] / 3
    assert few.diverged == 0 and few.decomposition["noise"] == pytest.approx(0.09)


def test_refusals_are_one_line():
    with pytest.raises(ExperimentError, match="^the ensemble measures bias and variance on the validation split"):
        Ensemble(make_experiment(**{"data.val_fraction": 0.0}))
    with pytest.raises(ExperimentError, match="at least one model"):
        Ensemble(make_experiment(), 0)


def test_throughput_reports_its_keys_consistently():  # the ≥ 4x target is the bench's to check, not a test's
    numbers = ensemble_throughput(make_experiment(samples=200), k=16, seconds=0.6)
    assert set(numbers) >= {"ensemble_k", "ensemble_model_steps_per_s", "single_steps_per_s", "ensemble_ratio"}
    assert numbers["ensemble_k"] == 16
    ratio = numbers["ensemble_model_steps_per_s"] / numbers["single_steps_per_s"]
    assert numbers["ensemble_ratio"] == pytest.approx(ratio)
    assert numbers["ensemble_model_steps_per_s"] > 0 and numbers["single_steps_per_s"] > 0
