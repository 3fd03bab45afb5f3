"""Whether raw inputs need standardizing: features whose scales differ by orders of magnitude.

Gradient descent with one learning rate for every weight crawls along a feature
measured in thousands and jumps along one measured in thousandths; standardizing
(zero mean, unit variance) puts them on one footing.
"""
from __future__ import annotations

import numpy as np

SCALE_RATIO_LIMIT = 100.0  # beyond this, one learning rate cannot suit every feature


def scale_ratio(x: np.ndarray) -> float:
    """The largest feature's spread over the smallest's (standard deviations, constant columns left out); 1 for one column."""
    if x.ndim != 2 or x.shape[0] < 2:
        return 1.0
    spread = x.std(axis=0)
    spread = spread[spread > 0]
    return float(spread.max() / spread.min()) if spread.size else 1.0


def badly_scaled(x: np.ndarray) -> bool:
    return scale_ratio(x) > SCALE_RATIO_LIMIT
