"""Tests for playground.analysis.sweep: sampling on each scale, and each model's numbers equal a solo run's."""
from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import make_experiment

from playground.analysis.compare import variant
from playground.analysis.sweep import Axis, best, sample, sweep
from playground.config.experiment import ExperimentError
from playground.training.trainer import Trainer


def test_log_scale_is_uniform_in_the_exponent():
    """Ng's alpha = 10^r, r uniform in [-4, 0]: each decade gets about a quarter of the samples."""
    values = np.array([p["lr"] for p in sample([Axis("lr", 1e-4, 1.0, "log")], 256, seed=1)])
    assert values.min() >= 1e-4 and values.max() <= 1.0
    counts = np.histogram(np.log10(values), bins=4, range=(-4, 0))[0]
    assert counts.min() > 40 and counts.max() < 90  # 64 expected per decade; a linear draw puts ~230 in the last


def test_momentum_is_sampled_on_a_log_scale_of_one_minus_beta():
    values = np.array([p["momentum"] for p in sample([Axis("momentum", 0.9, 0.999, "log")], 200, seed=2)])
    assert values.min() >= 0.9 and values.max() <= 0.999
    assert 0.3 < np.mean(values > 0.99) < 0.7  # half the exponent range of 1 - beta lies in [0.99, 0.999]


def test_grid_includes_the_ends_and_two_axes_make_a_plane():
    line = [p["lr"] for p in sample([Axis("lr", 1e-3, 1e-1, "log")], 3, "grid")]
    np.testing.assert_allclose(line, [1e-3, 1e-2, 1e-1])
    plane = sample([Axis("lr", 0.01, 0.1, "linear"), Axis("width", 2, 8, "linear")], 10, "grid")
    assert len(plane) == 9 and {p["width"] for p in plane} == {2, 5, 8} and all(isinstance(p["width"], int) for p in plane)


def test_random_samples_follow_the_seed():
    axis = [Axis("l2", 1e-5, 1e-1)]
    assert sample(axis, 5, seed=3) == sample(axis, 5, seed=3) != sample(axis, 5, seed=4)


def test_every_sweep_point_equals_a_solo_run_at_its_value():
    base = make_experiment(samples=60, epochs=4, **{"training.optimizer.name": "momentum", "training.early_stopping": 1})
    points = sample([Axis("lr", 1e-3, 1.0), Axis("momentum", 0.5, 0.99)], 5, seed=0)
    results = sweep(base, points)
    for point, result in zip(points, results):
        alone = Trainer(variant(base, point))
        alone.train()
        snapshot = alone.snapshot(grid=False)
        assert result.values == point and result.state == (alone.state if alone.finished else "finished")
        assert result.train_loss == pytest.approx(snapshot.train_loss, rel=1e-4)
        assert result.val_loss == pytest.approx(snapshot.val_loss, rel=1e-4)
        assert result.val_accuracy == pytest.approx(snapshot.val_accuracy, abs=1e-9)
    i = best(results)
    assert results[i].val_error == min(r.val_error for r in results)


def test_a_canceled_sweep_marks_its_models_stopped():
    results = sweep(make_experiment(samples=40, epochs=50), sample([Axis("lr", 0.01, 0.1)], 2), should_stop=lambda: True)
    assert [r.state for r in results] == ["stopped", "stopped"] and all(math.isfinite(r.val_loss) for r in results)


@pytest.mark.parametrize("call, message", [
    (lambda: Axis("seed", 0, 1), "seed: cannot be swept"),
    (lambda: Axis("lr", 0.1, 0.1), "lr: the range needs low < high"),
    (lambda: Axis("l2", 0.0, 0.1, "log"), "l2: a log range must not touch 0"),
    (lambda: Axis("momentum", 0.5, 1.0, "log"), "momentum: a log range must not touch 0 (1 - high"),
    (lambda: Axis("lr", 0.1, 1, "cubic"), "lr: scale must be linear or log"),
    (lambda: sample([Axis("lr", 0.1, 1)], 1), "samples: between 2 and 256 models, got 1"),
    (lambda: sample([Axis("lr", 0.1, 1)], 257), "samples: between 2 and 256 models, got 257"),
    (lambda: sample([Axis("lr", 0.1, 1)], 4, "sobol"), "sampling: must be random or grid"),
    (lambda: sweep(make_experiment(), [{"dropout": 1.5}]), "dropout=1.5: network.layers.0.dropout: must be less than 1"),
])
def test_bad_sweeps_name_the_field_in_one_line(call, message):
    with pytest.raises(ExperimentError) as caught:
        call()
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)
