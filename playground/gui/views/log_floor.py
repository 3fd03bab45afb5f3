"""Where a log10 axis starts: a fixed floor hid every value below it (a converged network's 1e-9 gradients
drew an empty chart), so the floor follows the smallest positive value down, in whole steps of decades."""
from __future__ import annotations

import math

import numpy as np

LOWEST = -40.0  # float32's smallest normal number is ~1e-38: below that a value is rounding, not a gradient


def floor_for(values: np.ndarray, default: float, step: int = 1) -> float:
    """`default`, or lower (a multiple of `step` decades) so that every positive finite value sits above it."""
    values = np.asarray(values, dtype=np.float64)
    positive = values[np.isfinite(values) & (values > 0)]
    if not positive.size:
        return default
    smallest = math.floor(math.log10(float(positive.min())))
    if smallest >= default:
        return default
    return max(LOWEST, float(math.floor(smallest / step) * step))
