"""Exponentially weighted averages of a curve, bias-corrected, as Andrew Ng derives them for noisy losses.

v_0 = 0, v_t = beta * v_{t-1} + (1 - beta) * theta_t, and the corrected value v_t / (1 - beta^t):
without the correction the first values are pulled toward the zero v starts from. Numpy only, so
the window's views (which never load torch) can smooth their curves with it.
"""
from __future__ import annotations

import numpy as np

MAX_BETA = 0.999


def smoothed(values: np.ndarray, beta: float) -> np.ndarray:
    """The bias-corrected exponentially weighted average of `values`, one per value, in float64.

    Non-finite values (a split that does not exist, a diverged loss) stay where they are and are
    left out of the average: t counts only the finite values before and at each point.
    """
    if not 0.0 <= beta <= MAX_BETA:
        raise ValueError(f"beta: expected a number from 0 to {MAX_BETA}, got {beta}")
    values = np.asarray(values, dtype=np.float64)
    out = values.copy()
    finite = np.isfinite(values)
    if beta == 0.0 or not finite.any():
        return out
    theta = values[finite]
    t = np.arange(1, theta.size + 1)
    # v_t = (1 - beta) * sum_{s<=t} beta^(t-s) theta_s, vectorized (a Python loop would cost a frame on a long
    # run) in blocks short enough that beta^-k stays below e^300: a loss up to 1e300 / e^300 still cannot overflow.
    block = max(1, int(300 / -np.log(beta)))
    v = np.empty_like(theta)
    carry = 0.0  # v just before the block
    for start in range(0, theta.size, block):
        chunk = theta[start:start + block]
        k = np.arange(chunk.size, dtype=np.float64)
        v[start:start + chunk.size] = beta ** k * (beta * carry + (1.0 - beta) * np.cumsum(chunk * beta ** -k))
        carry = v[start + chunk.size - 1]
    out[finite] = v / (1.0 - beta ** t)
    return out
