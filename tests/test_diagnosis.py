"""Tests for playground.diagnosis.bias_variance: each verdict on a model built to earn it, the thresholds and the CLI's record."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from conftest import make_experiment

from playground.cli import main as cli
from playground.data import datasets
from playground.diagnosis.bias_variance import (
    CLASSIFICATION_TOLERANCE,
    REGRESSION_TOLERANCE,
    REMEDIES,
    VERDICTS,
    Z,
    describe_verdict,
    diagnose,
    diagnose_errors,
    standard_error,
    verdict,
)
from playground.nn.model import accuracy
from playground.training.trainer import Trainer

FULL_BATCH_ADAM = {"training.optimizer": {"name": "adam", "lr": 0.03}, "training.batch_size": 0}


def trained(samples: int, epochs: int, **dotted) -> dict:
    t = Trainer(make_experiment(samples=samples, epochs=epochs, **{**FULL_BATCH_ADAM, **dotted}))
    t.train()
    return diagnose(t)


def test_a_good_model_on_clean_data_is_fine():
    # 200 validation rows with (almost) no errors: the gaps are clearly below the tolerance.
    d = trained(800, 100, **{"data.dataset": "circle", "network.layers": [{"units": 8}]})
    assert d["verdict"] == "fine"
    assert d["remedies"] == []


def test_regression_is_judged_against_the_noise_with_a_tolerance_scaled_to_the_targets():
    curve = {"data.dataset": "curve", "data.features": ["x1"], "data.noise": 0.3}
    line = Trainer(make_experiment(samples=600, epochs=100, **{**FULL_BATCH_ADAM, **curve, "network.layers": []}))
    line.train()
    d = diagnose(line)
    assert d["verdict"] == "high_bias"  # a straight line on a curve
    assert d["baseline_error"] == pytest.approx(0.09)  # noise 0.3 squared: mean squared error cannot go below it
    assert d["tolerance"] == pytest.approx(REGRESSION_TOLERANCE * np.var(line.dataset.y_train))
    assert d["train_error"] == pytest.approx(line.evaluate("train")[0])
    d = trained(600, 300, **{**curve, "network.layers": [{"units": 8}]})
    assert d["verdict"] in ("fine", "uncertain")


@pytest.mark.parametrize("bias, variance, bias_margin, variance_margin, expected", [
    (0.10, 0.00, 0.0, 0.0, "high_bias"), (0.00, 0.10, 0.0, 0.0, "high_variance"),
    (0.10, 0.10, 0.0, 0.0, "high_bias_and_variance"), (0.02, 0.02, 0.0, 0.0, "fine"),
    (0.03, 0.03, 0.0, 0.0, "fine"), (-0.05, 0.0, 0.0, 0.0, "fine"),
    # A gap counts only beyond its margin: 0.05 ± 0.04 may be 0.01, and 0.02 ± 0.04 may be 0.06.
    (0.0, 0.05, 0.01, 0.04, "uncertain"), (0.0, 0.02, 0.01, 0.04, "uncertain"), (0.0, 0.08, 0.01, 0.04, "high_variance"),
    # A clearly high bias is named even while the variance is unsure.
    (0.4, 0.05, 0.01, 0.08, "high_bias"),
])
def test_verdict_thresholds(bias, variance, bias_margin, variance_margin, expected):
    assert verdict(bias, variance, CLASSIFICATION_TOLERANCE, bias_margin, variance_margin) == expected


@pytest.mark.parametrize("error, rows", [(0.25, 125), (0.05, 400), (0.5, 40)])
def test_the_standard_error_of_a_classification_error_matches_resampling(error, rows):
    rng = np.random.default_rng(0)
    measured = rng.binomial(rows, error, 50_000) / rows
    assert standard_error(error, rows) == pytest.approx(measured.std(), rel=0.06)


def test_no_errors_in_a_few_rows_is_not_certainty():
    assert standard_error(0.0, 50) > 0.02 and standard_error(0.0, 5000) < 0.001


def test_the_standard_error_of_a_mean_squared_error_matches_resampling():
    rng = np.random.default_rng(1)
    mse = (rng.normal(0.0, 0.3, (20_000, 100)) ** 2).mean(axis=1)
    assert standard_error(0.09, 100, regression=True) == pytest.approx(mse.std(), rel=0.03)


def fresh_error(trainer: Trainer, points: int = 20_000) -> float:
    """The model's error on fresh points from the data's generator: what the validation error estimates."""
    x, y = datasets.draw(trainer.experiment.data, points, stream=0)
    trainer.net.set_training(False)
    with torch.no_grad():
        logits = trainer.net(trainer.to_inputs(x))
    return 1.0 - accuracy(trainer.task, logits, trainer._targets(y))


def true_states(trainer: Trainer, tolerance: float) -> tuple[bool, bool]:
    """(bias is high, variance is high) from the true errors: the Bayes error and 20,000 fresh points."""
    train_error = 1.0 - trainer.evaluate("train")[1]
    return train_error - trainer.dataset.baseline_error > tolerance, fresh_error(trainer) - train_error > tolerance


@pytest.mark.parametrize("seed", range(4))
def test_on_a_noisy_circle_the_verdict_never_contradicts_the_error_on_fresh_points(seed):
    # 125 validation rows at ~25 % error measure it to ±4 points: a 3-point gap is within that noise.
    t = Trainer(make_experiment(samples=500, epochs=150, seed=seed, **{
        "data.noise": 0.5, "network.layers": [{"units": 8}, {"units": 8}],
        "training.optimizer": {"name": "adam", "lr": 0.01}}))
    t.train()
    d = diagnose(t)
    bias_high, variance_high = true_states(t, d["tolerance"])
    named = {"high_bias": (True, False), "high_variance": (False, True), "high_bias_and_variance": (True, True),
             "fine": (False, False)}
    if d["verdict"] in named:
        assert named[d["verdict"]] == (bias_high, variance_high)
    else:
        assert d["verdict"] == "uncertain" and str(d["val_rows"]) in describe_verdict(d)
    train_error = 1.0 - t.evaluate("train")[1]
    if fresh_error(t) - train_error > 2 * d["tolerance"] + d["variance_margin"]:  # a clear case is named
        assert d["verdict"] in ("high_variance", "high_bias_and_variance")


def test_a_clear_overfit_is_named_high_variance_and_is_one_on_fresh_points():
    t = Trainer(make_experiment(samples=80, epochs=300, **{
        **FULL_BATCH_ADAM, "data.dataset": "circle", "data.noise": 0.35, "data.train_fraction": 0.5,
        "data.val_fraction": 0.5, "network.layers": [{"units": 64, "activation": "relu"}] * 2,
        "training.optimizer": {"name": "adam", "lr": 0.01}}))
    t.train()
    d = diagnose(t)
    assert d["verdict"] == "high_variance" and d["train_error"] == 0.0
    assert true_states(t, d["tolerance"]) == (False, True)
    assert fresh_error(t) - d["train_error"] > 2 * d["tolerance"] + d["variance_margin"]  # and a clear one
    assert d["baseline_known"] and d["baseline_error"] > 0.1  # the circle's label noise has a known Bayes error


@pytest.mark.parametrize("dataset", ["circle", "spiral", "xor"])
def test_a_straight_line_on_a_curved_boundary_is_high_bias(dataset):
    d = trained(500, 50, **{"data.dataset": dataset, "network.layers": []})
    assert d["verdict"] == "high_bias"
    assert d["avoidable_bias"] - d["bias_margin"] > 2 * CLASSIFICATION_TOLERANCE
    assert "more data" not in d["remedies"] and "regularization (L2, dropout)" not in d["remedies"]


def test_no_verdict_before_the_first_epoch_or_after_a_divergence():
    t = Trainer(make_experiment(samples=100, epochs=1))
    d = diagnose(t)
    assert d["verdict"] == "unknown" and d["unknown_reason"] == "not_trained" and d["remedies"] == []
    assert describe_verdict(d).startswith("No diagnosis yet")
    t.train()
    assert diagnose(t)["verdict"] != "unknown"
    t.state = "diverged"
    d = diagnose(t)
    assert d["verdict"] == "unknown" and "diverged" in describe_verdict(d)


def test_gaps_are_clipped_at_zero_with_the_raw_value_beside():
    d = diagnose_errors(0.10, 0.05, 0.25, CLASSIFICATION_TOLERANCE, train_rows=250, val_rows=125)
    assert d["avoidable_bias"] == 0.0 and d["avoidable_bias_raw"] == pytest.approx(-0.15)
    assert d["variance"] == 0.0 and d["variance_raw"] == pytest.approx(-0.05)


def test_both_gaps_clearly_high_are_both_named():
    d = diagnose_errors(0.20, 0.40, 0.0, CLASSIFICATION_TOLERANCE, train_rows=1000, val_rows=1000)
    assert d["verdict"] == "high_bias_and_variance"
    assert d["remedies"] == list(REMEDIES["high_bias_and_variance"])


def test_the_margins_are_z_standard_errors_from_the_split_sizes():
    d = diagnose_errors(0.2, 0.25, 0.1, CLASSIFICATION_TOLERANCE, train_rows=250, val_rows=125)
    train_se, val_se = standard_error(0.2, 250), standard_error(0.25, 125)
    assert d["bias_margin"] == pytest.approx(Z * train_se)
    assert d["variance_margin"] == pytest.approx(Z * val_se)  # the training error is this model's own: exact


def test_diagnose_errors_follows_the_course_definitions():
    # Ng's example: human 1 %, training 8 %, dev 10 %: avoidable bias 7 %, variance 2 %: work on bias.
    d = diagnose_errors(0.08, 0.10, 0.01, CLASSIFICATION_TOLERANCE)
    assert d["avoidable_bias"] == pytest.approx(0.07) and d["variance"] == pytest.approx(0.02)
    assert d["verdict"] == "high_bias" and d["baseline_known"]
    unknown = diagnose_errors(0.08, 0.10, None, CLASSIFICATION_TOLERANCE)
    assert unknown["baseline_error"] == 0.0 and not unknown["baseline_known"]


def test_every_verdict_has_remedies_in_the_record_and_the_summary():
    assert set(REMEDIES) == set(VERDICTS)
    d = diagnose_errors(0.0, 0.3, 0.0, CLASSIFICATION_TOLERANCE)
    assert d["remedies"] == list(REMEDIES["high_variance"]) and "more data" in d["remedies"]
    text = describe_verdict(d)
    assert text.startswith("Diagnosis: High variance") and "more data" in text
    assert all(REMEDIES[v] for v in VERDICTS if v not in ("fine", "unknown"))


@pytest.mark.parametrize("train_error, val_error", [(float("nan"), float("nan")), (0.1, float("nan"))])
def test_errors_that_are_not_numbers_give_no_verdict(train_error, val_error):
    # A diverged run, or no validation split: "fine" would be a lie.
    d = diagnose_errors(train_error, val_error, 0.0, CLASSIFICATION_TOLERANCE)
    assert d["verdict"] == "unknown" and d["remedies"] == []
    assert describe_verdict(d).startswith("No diagnosis")


def test_train_command_ends_with_the_diagnosis(tmp_path, capsys):
    metrics = tmp_path / "m.jsonl"
    assert cli.main(["train", "--samples", "40", "--epochs", "2", "--quiet", "--metrics", str(metrics)]) == 0
    final = json.loads(metrics.read_text().splitlines()[-1])
    assert final["final"] is True
    keys = {"baseline_error", "train_error", "val_error", "avoidable_bias", "variance", "verdict"}
    assert keys <= set(final["diagnosis"])
    assert final["diagnosis"]["verdict"] in VERDICTS
    assert "Diagnosis:" in capsys.readouterr().out
