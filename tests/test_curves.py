"""Tests for playground.analysis.curves: learning and complexity curves, stopping and progress, and the U of the course."""
from __future__ import annotations

import numpy as np
import pytest
from conftest import make_experiment

from playground.analysis import curves
from playground.config.experiment import ExperimentError

NOISY_CURVE = {"data.dataset": "curve", "data.features": ["x1"], "data.noise": 0.3, "data.seed": 0,
               "data.train_fraction": 0.5, "data.val_fraction": 0.5}


def test_learning_curve_trains_on_growing_subsets_and_keeps_the_validation_split():
    experiment = make_experiment(samples=80, **{"network.layers": [{"units": 4}]})
    seen = []
    curve = curves.learning_curve(experiment, fractions=(0.25, 0.5, 1.0), epochs=20, progress=seen.append)
    assert curve.kind == "learning" and curve.complete
    assert curve.x.tolist() == [10, 20, 40]  # of the 40 training rows
    assert curve.train_error.shape == curve.val_error.shape == (3,)
    assert np.all((curve.train_error >= 0) & (curve.train_error <= 1)) and curve.error_name == "error rate"
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0) and len(seen) == 60


def test_more_data_closes_the_gap_of_an_overfitting_network():
    wide = [{"units": 32, "activation": "relu"}] * 2
    experiment = make_experiment(samples=400, **{**NOISY_CURVE, "network.layers": wide})
    curve = curves.learning_curve(experiment, fractions=(0.1, 1.0), epochs=200)
    gap = curve.val_error - curve.train_error
    assert gap[1] < gap[0] / 2
    assert curve.error_name == "mean squared error" and curve.baseline_error == pytest.approx(0.09)


def test_the_polynomial_degree_sweep_shows_the_u():
    # 15 noisy points: low degrees cannot bend enough (bias), high degrees chase the noise (variance).
    experiment = make_experiment(samples=30, **NOISY_CURVE)
    degrees = (1, 2, 3, 4, 5, 6, 8, 10, 12)
    curve = curves.complexity_curve(experiment, "degree", degrees, epochs=200)
    best = int(np.argmin(curve.val_error))
    assert 3 <= curve.x[best] <= 8, curve.val_error
    assert curve.val_error[0] > 3 * curve.val_error[best]
    assert curve.val_error[-1] > 1.2 * curve.val_error[best]
    assert curve.train_error[-1] < curve.train_error[0]
    assert curve.x_label == "polynomial degree"


def test_width_and_depth_sweeps_change_only_the_network():
    experiment = make_experiment(samples=60, **{"network.layers": [{"units": 4, "activation": "relu"}] * 2})
    wide = curves.complexity_curve(experiment, "width", (1, 8), epochs=10)
    assert wide.x.tolist() == [1, 8] and wide.complete
    layers = curves._with_capacity(experiment, "width", 8).network.layers
    assert [(layer.units, layer.activation) for layer in layers] == [(8, "relu"), (8, "relu")]
    assert len(curves._with_capacity(experiment, "depth", 3).network.layers) == 3
    assert curves._with_capacity(make_experiment(**{"network.layers": []}), "depth", 2).network.layers[0].units == 4


def test_the_sweep_recipe_is_full_batch_adam():
    recipe = curves.sweep_recipe(make_experiment(**{"training.l2": 0.01}), epochs=50)
    t = recipe.training
    assert (t.batch_size, t.epochs, t.optimizer.name, t.optimizer.lr, t.l2) == (0, 50, "adam", curves.SWEEP_LR, 0.01)


def test_a_degree_sweep_needs_the_curve_data_and_kinds_are_checked():
    with pytest.raises(ExperimentError, match="needs the 1-D 'curve' dataset"):
        curves.complexity_curve(make_experiment(), "degree")
    with pytest.raises(ExperimentError, match="unknown kind 'height'"):
        curves.complexity_curve(make_experiment(), "height")


def test_should_stop_ends_the_sweep_with_the_points_done():
    experiment = make_experiment(samples=60)
    epochs_seen = []

    def stop_in_second_run() -> bool:
        epochs_seen.append(1)
        return len(epochs_seen) > 12  # 10 epochs of the first run, then partway into the second

    curve = curves.complexity_curve(experiment, "width", (1, 2, 4), epochs=10, should_stop=stop_in_second_run)
    assert not curve.complete and curve.x.tolist() == [1]
    stopped = curves.learning_curve(experiment, should_stop=lambda: True)
    assert not stopped.complete and stopped.x.size == 0
