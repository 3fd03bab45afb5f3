"""Tests for playground.diagnosis.bias_variance: each verdict on a model built to earn it, the thresholds and the CLI's record."""
from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import make_experiment

from playground.cli import main as cli
from playground.diagnosis.bias_variance import (
    CLASSIFICATION_TOLERANCE,
    REGRESSION_TOLERANCE,
    REMEDIES,
    VERDICTS,
    describe_verdict,
    diagnose,
    diagnose_errors,
    verdict,
)
from playground.training.trainer import Trainer

FULL_BATCH_ADAM = {"training.optimizer": {"name": "adam", "lr": 0.03}, "training.batch_size": 0}


def trained(samples: int, epochs: int, **dotted) -> dict:
    t = Trainer(make_experiment(samples=samples, epochs=epochs, **{**FULL_BATCH_ADAM, **dotted}))
    t.train()
    return diagnose(t)


def test_a_linear_model_on_the_spiral_has_high_bias():
    d = trained(500, 50, **{"data.dataset": "spiral", "network.layers": []})
    assert d["verdict"] == "high_bias"
    assert d["avoidable_bias"] > 0.2 and d["variance"] < CLASSIFICATION_TOLERANCE


def test_a_big_net_on_few_noisy_points_has_high_variance():
    d = trained(80, 200, **{"data.dataset": "circle", "data.noise": 0.35, "data.train_fraction": 0.5,
                            "data.val_fraction": 0.5, "network.layers": [{"units": 64, "activation": "relu"}] * 2,
                            "training.optimizer": {"name": "adam", "lr": 0.01}})
    assert d["verdict"] == "high_variance"
    assert d["train_error"] == 0.0 and d["variance"] > 0.2
    assert d["baseline_known"] and d["baseline_error"] > 0.1  # the circle's label noise has a known Bayes error


def test_a_linear_model_on_a_few_spiral_points_has_both():
    d = trained(20, 100, **{"data.dataset": "spiral", "network.layers": []})
    assert d["verdict"] == "high_bias_and_variance"


def test_a_good_model_on_clean_data_is_fine():
    d = trained(200, 100, **{"data.dataset": "circle", "network.layers": [{"units": 8}]})
    assert d["verdict"] == "fine"
    assert d["remedies"] == []


def test_regression_is_judged_against_the_noise_with_a_tolerance_scaled_to_the_targets():
    curve = {"data.dataset": "curve", "data.features": ["x1"], "data.noise": 0.3}
    line = Trainer(make_experiment(samples=600, epochs=100, **{**FULL_BATCH_ADAM, **curve, "network.layers": []}))
    line.train()
    d = diagnose(line)
    assert d["verdict"] == "high_bias"
    assert d["baseline_error"] == pytest.approx(0.09)  # noise 0.3 squared: mean squared error cannot go below it
    assert d["tolerance"] == pytest.approx(REGRESSION_TOLERANCE * np.var(line.dataset.y_train))
    assert d["train_error"] == pytest.approx(line.evaluate("train")[0])
    d = trained(600, 300, **{**curve, "network.layers": [{"units": 8}]})
    assert d["verdict"] == "fine"


@pytest.mark.parametrize("bias, variance, expected", [
    (0.10, 0.00, "high_bias"), (0.00, 0.10, "high_variance"), (0.10, 0.10, "high_bias_and_variance"),
    (0.02, 0.02, "fine"), (0.03, 0.03, "fine"), (-0.05, 0.0, "fine"),
])
def test_verdict_thresholds(bias, variance, expected):
    assert verdict(bias, variance, CLASSIFICATION_TOLERANCE) == expected


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
