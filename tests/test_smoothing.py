"""Smoothing of loss and accuracy curves: Andrew Ng's exponentially weighted average with bias correction."""
from __future__ import annotations

import numpy as np
import pytest

from playground.analysis.smoothing import MAX_BETA, smoothed


def recursion(values, beta):
    """The course's recursion, step by step: v_0 = 0, v_t = beta v_{t-1} + (1 - beta) theta_t, v_t / (1 - beta^t)."""
    v, out = 0.0, []
    for t, theta in enumerate(values, start=1):
        v = beta * v + (1 - beta) * theta
        out.append(v / (1 - beta ** t))
    return np.array(out)


@pytest.mark.parametrize("beta", [0.001, 0.5, 0.9, 0.98, MAX_BETA])
@pytest.mark.parametrize("length", [1, 7, 5000])  # 5000 at 0.5 crosses many blocks; at 0.999 several
def test_matches_the_recursion_written_out(beta, length):
    rng = np.random.default_rng(length)
    values = np.exp(-np.arange(length) / 500) + 0.2 * rng.random(length)
    np.testing.assert_allclose(smoothed(values, beta), recursion(values, beta), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("beta", [0.3, 0.9, MAX_BETA])
def test_a_constant_series_stays_constant_from_the_first_value(beta):
    # Without the correction v_1 would be (1 - beta) * 2.5; the correction divides that bias out exactly.
    np.testing.assert_allclose(smoothed(np.full(3000, 2.5), beta), 2.5, rtol=1e-12)


def test_beta_zero_is_off_and_smoothing_narrows_the_noise():
    rng = np.random.default_rng(0)
    noisy = 1.0 + rng.normal(0, 0.1, 2000)
    assert np.array_equal(smoothed(noisy, 0.0), noisy)
    # An EWA of white noise has variance (1 - beta) / (1 + beta) of the noise's, once the start is forgotten.
    late = smoothed(noisy, 0.9)[200:]
    assert np.std(late) == pytest.approx(0.1 * np.sqrt(0.1 / 1.9), rel=0.15)


def test_missing_values_stay_missing_and_do_not_poison_the_rest():
    values = np.array([np.nan, 1.0, 3.0, np.inf, 2.0])
    out = smoothed(values, 0.5)
    assert np.isnan(out[0]) and np.isinf(out[3])
    np.testing.assert_allclose(out[[1, 2, 4]], recursion([1.0, 3.0, 2.0], 0.5))
    assert np.isnan(smoothed(np.full(4, np.nan), 0.9)).all()


@pytest.mark.parametrize("beta", [-0.1, 1.0, 2.0])
def test_beta_outside_the_range_is_refused_naming_it(beta):
    with pytest.raises(ValueError, match="beta: expected a number from 0 to 0.999"):
        smoothed(np.ones(3), beta)
