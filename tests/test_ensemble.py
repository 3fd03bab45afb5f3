"""Tests for playground.analysis.ensemble: K vectorized members equal K separate trainers, and the decomposition."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch
from conftest import make_experiment

from playground.analysis.ensemble import (
    Ensemble,
    bootstrap,
    decompose,
    ensemble_throughput,
    member_data,
    member_experiment,
    train_ensemble,
)
from playground.config.experiment import ExperimentError
from playground.data import datasets
from playground.training.trainer import Trainer


def separate(experiment, k: int, steps: int) -> Trainer:
    """Member k trained alone: its own Trainer on its training set (fresh, or a CSV's bootstrap) with seed + k."""
    data = datasets.load(experiment.data)
    trainer = Trainer(member_experiment(experiment, k), dataset=member_data(data, experiment, k))
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
     "training.schedule": {"name": "exponential", "hyper": {"gamma": 0.7}},
     # Maxout's argmax amplifies float32 rounding differences between the vmapped and the lone computation
     # wherever two pieces nearly tie; with this data no tie flips within 40 steps.
     "data.seed": 4},
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
    assert np.isfinite(ensemble.result().decomposition["measured_error"])


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


def test_regression_decomposition_adds_up_to_the_expected_error_with_nonnegative_terms():
    rng = np.random.default_rng(0)
    h = rng.normal(size=50)                          # E[y | x]
    y = h + rng.normal(0, 0.1, 50)                   # observed targets, noise variance 0.01
    predictions = h + 0.3 + rng.normal(0, 0.2, (8, 50))  # biased by 0.3, spread 0.2
    d = decompose("regression", predictions, y, (h, np.full(50, 0.01)))
    assert d["error"] == pytest.approx(d["bias2"] + d["variance"] + d["noise"])
    assert d["variance"] == pytest.approx(0.04, rel=0.25) and d["bias2"] == pytest.approx(0.09, rel=0.25)
    assert d["noise"] == pytest.approx(0.01) and d["noise_known"]
    # The expected error on new targets: a Monte Carlo over fresh noise agrees.
    new = h + rng.normal(0, 0.1, (4000, 1, 50))
    assert d["error"] == pytest.approx(float(((predictions - new) ** 2).mean()), rel=0.02)
    unknown = decompose("regression", predictions, y, None)
    assert not unknown["noise_known"] and unknown["noise"] == 0.0
    assert unknown["error"] == pytest.approx(unknown["measured_error"])  # the noise counts in bias²


def test_the_kohavi_wolpert_decomposition_sums_to_the_chance_a_member_misses_a_new_label():
    rng = np.random.default_rng(1)
    p1 = rng.uniform(size=40)                        # true P(class 1 | x)
    truth = np.column_stack([1 - p1, p1])
    predictions = rng.uniform(size=(9, 40))           # nine members' P(class 1)
    d = decompose("binary", predictions, (p1 > 0.5).astype(np.int64), truth)
    assert min(d["bias2"], d["variance"], d["noise"]) >= 0.0
    assert d["error"] == pytest.approx(d["bias2"] + d["variance"] + d["noise"])
    labels = (predictions > 0.5).astype(np.int64)
    new = (rng.uniform(size=(20000, 1, 40)) < p1).astype(np.int64)  # fresh labels from the truth
    assert d["error"] == pytest.approx(float((labels != new).mean()), abs=0.005)
    assert d["loss"].startswith("0-1 loss")


def test_without_truth_the_observed_labels_stand_in_and_the_sum_is_the_measured_error():
    y = np.array([1, 0, 1])
    # Three members' P(class 1): votes 1,0,1 / 1,1,0 / 0,0,0 -> majority 1, 0, 0
    p = np.array([[0.9, 0.2, 0.8], [0.7, 0.6, 0.1], [0.2, 0.3, 0.4]])
    d = decompose("binary", p, y, None)
    assert d["vote_error"] == pytest.approx(1 / 3) and d["measured_error"] == pytest.approx(4 / 9)
    assert d["error"] == pytest.approx(4 / 9) and d["noise"] == 0.0 and not d["noise_known"]
    probs = np.stack([np.stack([1 - p[k], p[k]], axis=-1) for k in range(3)])
    multi = decompose("multiclass", probs, y, None)
    assert multi["vote_error"] == pytest.approx(1 / 3) and multi["error"] == pytest.approx(d["error"])


def test_members_train_on_fresh_training_sets_from_the_generator_and_a_csv_on_bootstrap_resamples(tmp_path):
    experiment = make_experiment(samples=60)
    data = datasets.load(experiment.data)
    sets = [member_data(data, experiment, k) for k in range(3)]
    assert all(s.x_train.shape == data.x_train.shape for s in sets)
    assert not np.allclose(sets[0].x_train, sets[1].x_train) and not np.allclose(sets[0].x_train, data.x_train)
    np.testing.assert_array_equal(sets[1].x_val, data.x_val)  # one validation split to measure every member on
    assert Ensemble(experiment, 2).sampling == "fresh"
    table = tmp_path / "t.csv"
    table.write_text("a,b,label\n" + "".join(f"{i % 7},{i % 5},{i % 2}\n" for i in range(40)))
    csv = make_experiment(**{"data.dataset": "csv", "data.csv_path": str(table), "data.samples": None})
    csv_data = datasets.load(csv.data)
    resample = member_data(csv_data, csv, 1)
    np.testing.assert_array_equal(resample.x_train, bootstrap(csv_data, csv.seed, 1).x_train)
    assert Ensemble(csv, 2).sampling == "bootstrap"


def test_on_the_curve_the_ensemble_matches_a_monte_carlo_over_separately_trained_models():
    # The case: 60 training rows. Bootstrap members sharing one sample overstated bias² 4x.
    experiment = make_experiment(samples=120, epochs=150, **{
        "data.dataset": "curve", "data.features": ["x1"], "data.noise": 0.3, "data.train_fraction": 0.5,
        "data.val_fraction": 0.5, "network.layers": [{"units": 16}], "training.batch_size": 0,
        "training.optimizer": {"name": "adam", "lr": 0.03}})
    k = 32  # whole functions are the samples: 32 of them measure a variance to about ±25 %
    result = train_ensemble(experiment, k=k)
    data = datasets.load(experiment.data)
    predictions = []
    for i in range(k):  # other training sets (streams 100+), trained one by one
        x, y = datasets.draw(experiment.data, len(data.y_train), stream=100 + i)
        alone = Trainer(member_experiment(experiment, i), dataset=dataclasses.replace(data, x_train=x, y_train=y))
        alone.train()
        alone.net.set_training(False)
        with torch.no_grad():
            predictions.append(alone.net(alone.to_inputs(data.x_val))[:, 0].numpy())
    predictions = np.array(predictions)
    h = datasets.curve_function(data.x_val[:, 0])
    bias2, variance = ((predictions.mean(0) - h) ** 2).mean(), predictions.var(0).mean()
    d = result.decomposition
    assert d["noise"] == pytest.approx(0.09) and result.sampling == "fresh"
    assert d["bias2"] == pytest.approx(bias2, rel=0.5, abs=0.003) and d["variance"] == pytest.approx(variance, rel=0.5)
    assert min(d["bias2"], d["variance"], d["noise"]) >= 0 and d["error"] == pytest.approx(
        d["bias2"] + d["variance"] + d["noise"])


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
