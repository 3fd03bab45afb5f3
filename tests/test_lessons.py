"""Each lesson preset shows its lesson: trained briefly (epochs capped), it earns what its description promises."""
from __future__ import annotations

import math
import re

import numpy as np
import pytest

from playground.config import presets
from playground.diagnosis import gradient_flow
from playground.diagnosis.bias_variance import diagnose
from playground.training.trainer import Trainer

LESSONS = [name for name in presets.names() if name.startswith("lesson-")]
HIGH_VARIANCE_CURES = ["lesson-high-variance-l2", "lesson-high-variance-dropout", "lesson-high-variance-more-data",
                       "lesson-high-variance-early-stopping"]


def trained(name: str, epochs: int) -> Trainer:
    trainer = Trainer(presets.load(name).with_changes(device="cpu"))
    trainer.train(min(epochs, trainer.experiment.training.epochs))
    return trainer


def first_over_last_hidden(trainer: Trainer) -> np.ndarray:
    """Per epoch: the last hidden layer's weight-gradient norm over the first layer's."""
    norms = trainer.history.view().grad_norm
    return norms[:, -2] / norms[:, 0]


def test_every_lesson_is_there_with_a_name_and_a_short_description():
    assert len(LESSONS) == 13
    for name in LESSONS:
        experiment = presets.load(name)
        assert experiment.name.startswith("Lesson: ")
        sentences = re.findall(r"[.!?](?:\s|$)", experiment.description)
        assert 2 <= len(sentences) <= 4, (name, experiment.description)


@pytest.fixture(scope="module")
def vanishing() -> Trainer:
    return trained("lesson-vanishing-gradients", 10)


def test_vanishing_gradients_starve_the_first_layer(vanishing):
    t = vanishing
    assert np.all(first_over_last_hidden(t) >= 100)
    finding = gradient_flow.assess(t.history.view().grad_norm[-1])
    assert finding is not None and finding.kind == "vanishing"


@pytest.mark.parametrize("cure, epochs", [("lesson-relu-he-cure", 10), ("lesson-batch-norm-cure", 3)])
def test_relu_with_he_and_batch_norm_keep_the_gradient_flowing(cure, epochs, vanishing):
    t = trained(cure, epochs)
    assert np.all(first_over_last_hidden(t) < 100)
    assert gradient_flow.assess(t.history.view().grad_norm[-1]) is None
    assert t.evaluate("val")[1] > vanishing.evaluate("val")[1] + 0.2  # the sigmoid stack stays at chance


def test_zero_initialization_keeps_every_unit_of_a_layer_identical():
    t = trained("lesson-zero-init-symmetry", 30)
    for linear in t.linears[:-1]:
        w, b = linear.weight.detach().numpy(), linear.bias.detach().numpy()
        assert np.abs(w).max() > 0  # they did learn something ...
        assert np.array_equal(w, np.repeat(w[:1], len(w), axis=0)) and np.all(b == b[0])  # ... all the same thing
    head = t.linears[-1].weight.detach().numpy()
    assert np.all(head == head[0, 0])


def test_no_hidden_layer_on_the_spiral_has_high_bias_and_depth_cures_it():
    assert diagnose(trained("lesson-high-bias", 100))["verdict"] == "high_bias"
    cured = diagnose(trained("lesson-high-bias-cure", 300))
    assert cured["verdict"] == "fine" and cured["train_error"] < 0.05


@pytest.fixture(scope="module")
def high_variance() -> dict:
    return diagnose(trained("lesson-high-variance", 300))


def test_a_wide_net_on_few_noisy_points_has_high_variance(high_variance):
    assert high_variance["verdict"] == "high_variance"
    assert high_variance["train_error"] == 0.0


@pytest.mark.parametrize("cure", HIGH_VARIANCE_CURES)
def test_each_cure_narrows_the_gap_and_lowers_validation_error(cure, high_variance):
    d = diagnose(trained(cure, 300))
    assert d["variance"] < high_variance["variance"] - 0.05
    assert d["val_error"] <= high_variance["val_error"]  # 40 validation points: one is 2.5 %


def test_early_stopping_stops_early():
    t = trained("lesson-high-variance-early-stopping", 300)
    assert t.state == "early_stopped" and t.epoch < 300


def test_large_init_and_a_high_learning_rate_explode():
    t = trained("lesson-exploding-gradients", 20)
    finding = gradient_flow.assess(t.history.view().grad_norm[-1])
    assert t.state == "diverged" or (finding is not None and finding.kind in ("exploding", "nan"))


def test_gradient_clipping_keeps_the_same_network_finite():
    t = trained("lesson-exploding-clipping", 20)
    h = t.history.view()
    assert t.state != "diverged" and t.epoch == 20
    assert np.all(np.isfinite(h.train_loss)) and np.all(np.isfinite(h.grad_norm))
    assert math.isfinite(t.evaluate("val")[0]) and h.train_loss[-1] < h.train_loss[0]


def test_gradient_clipping_lets_the_network_learn_the_circle():
    # The lesson's text promises more than finite numbers: the clipped network learns.
    t = trained("lesson-exploding-clipping", presets.load("lesson-exploding-clipping").training.epochs)
    assert t.evaluate("val")[1] >= 0.9
    assert diagnose(t)["verdict"] == "fine"


def test_more_data_shrinks_the_gap_to_about_a_third():
    few, many = (diagnose(trained(name, presets.load(name).training.epochs))
                 for name in ("lesson-high-variance", "lesson-high-variance-more-data"))
    assert many["variance"] < 0.5 * few["variance"]
