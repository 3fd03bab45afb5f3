"""Tests for playground.diagnosis.gradient_flow: vanishing, exploding and NaN gradients from per-layer norms."""
from __future__ import annotations

import math

import numpy as np
import pytest

from playground.diagnosis import gradient_flow
from playground.diagnosis.gradient_flow import RATIO_LIMIT, assess
from playground.training.snapshot import LayerProbe


def layer_probe(grad_norm: float) -> LayerProbe:
    """A LayerProbe whose only meaningful field is its weight-gradient norm."""
    empty = np.zeros(0)
    return LayerProbe(
        name="layer", units=1, activation="tanh", grad_norm=grad_norm, bias_grad_norm=0.0, weight_norm=1.0,
        update_ratio=0.0, act_mean=0.0, act_std=0.0, saturated=None, dead=None, act_hist=empty, act_edges=empty,
        weight_hist=empty, weight_edges=empty, weights=np.zeros((1, 1)), bias=np.zeros(1),
    )


def test_healthy_gradients_give_no_finding():
    assert assess(np.array([0.5, 0.2, 0.3, 0.1])) is None


def test_first_layer_far_below_last_hidden_is_vanishing():
    # first 1e-5, last hidden (not the output) 0.1: 10^4 times smaller
    finding = assess(np.array([1e-5, 1e-3, 0.1, 5.0]))
    assert finding.kind == "vanishing"
    assert finding.ratio == pytest.approx(1e-4)
    assert (finding.first, finding.last_hidden) == (1e-5, 0.1)
    assert "10,000 times smaller" in finding.text
    assert "ReLU" in finding.text and "He" in finding.text and "batch norm" in finding.text


def test_first_layer_far_above_last_hidden_is_exploding():
    finding = assess([50.0, 1.0, 0.01, 1e-9])
    assert finding.kind == "exploding"
    assert finding.ratio == pytest.approx(5000.0)
    assert "learning rate" in finding.text and "clipping" in finding.text


def test_the_output_layer_is_not_compared():
    # Output gradient 10^6 larger than the first layer's, hidden layers level: healthy.
    assert assess([1e-3, 1e-3, 1e-3, 1e3]) is None


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_a_non_finite_norm_is_nan(bad):
    finding = assess([0.1, bad, 0.1])
    assert finding.kind == "nan"
    assert math.isnan(finding.ratio)
    assert "NaN" in finding.text


def test_the_limit_itself_is_not_a_finding():
    assert assess([1.0, 1.0 * RATIO_LIMIT, 1.0]) is None
    assert assess([RATIO_LIMIT, 1.0, 1.0]) is None
    assert assess([0.999, RATIO_LIMIT, 1.0]).kind == "vanishing"


def test_one_hidden_layer_has_nothing_to_compare():
    assert assess([1e-9, 1.0]) is None
    assert assess([1e-9]) is None


def test_no_gradient_yet_is_no_finding_but_a_silent_first_layer_is_vanishing():
    assert assess([0.0, 0.0, 0.0]) is None
    finding = assess([0.0, 0.5, 1.0])
    assert finding.kind == "vanishing" and finding.ratio == 0.0
    assert "infinitely many times smaller" in finding.text


def test_reads_layer_probes_like_a_snapshot():
    layers = tuple(layer_probe(norm) for norm in (1e-6, 1e-2, 1.0))
    assert assess(layers).kind == "vanishing"


def test_kinds_are_stable():
    assert gradient_flow.KINDS == ("vanishing", "exploding", "nan")
    assert set(gradient_flow.REMEDIES) == set(gradient_flow.KINDS)
