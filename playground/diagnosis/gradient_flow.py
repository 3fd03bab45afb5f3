"""Vanishing and exploding gradients, read off the per-layer weight-gradient norms.

The course's picture (梯度消失 / 梯度爆炸): backprop multiplies one factor per
layer, so in a deep stack the gradient that reaches the first layer can be
orders of magnitude smaller (the early layers stop learning) or larger (steps
overshoot, the loss becomes NaN) than the one the last hidden layer gets. We
compare exactly those two layers; the output layer is left out because its
gradient follows the loss, not the depth. A residual layer's norm is that of all its
weights, its projection included (Network.layer_norms): the skip's path is the
reason its first layers keep their gradient.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from playground.config.texts import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # only for the annotation: diagnosis sits below training and reads any .grad_norm
    from playground.training.snapshot import LayerProbe

KINDS = ("vanishing", "exploding", "nan")
RATIO_LIMIT = 1000.0  # first / last hidden beyond this factor, either way, is a finding

# English, marked for the window's translations (context "Remedy"; see config.texts).
REMEDIES = {
    "vanishing": (QT_TRANSLATE_NOOP("Remedy", "ReLU-family activations (ReLU, leaky ReLU, ELU)"),
                  QT_TRANSLATE_NOOP("Remedy", "He or Xavier initialization"),
                  QT_TRANSLATE_NOOP("Remedy", "residual connections"), QT_TRANSLATE_NOOP("Remedy", "batch norm")),
    "exploding": (QT_TRANSLATE_NOOP("Remedy", "a smaller learning rate"), QT_TRANSLATE_NOOP("Remedy", "gradient clipping"),
                  QT_TRANSLATE_NOOP("Remedy", "a smaller (Xavier or He) initialization"),
                  QT_TRANSLATE_NOOP("Remedy", "batch norm")),
    "nan": (QT_TRANSLATE_NOOP("Remedy", "a smaller learning rate"), QT_TRANSLATE_NOOP("Remedy", "gradient clipping"),
            QT_TRANSLATE_NOOP("Remedy", "a smaller initialization")),
}


@dataclass(frozen=True)
class GradientFinding:
    """What is wrong with the gradient flow; `kind` is stable (one of KINDS), `text` is English."""

    kind: str
    ratio: float        # first layer's norm / last hidden layer's norm; nan for kind "nan"
    first: float        # the first hidden layer's weight-gradient norm
    last_hidden: float  # the last hidden layer's weight-gradient norm
    remedies: tuple[str, ...]
    text: str


GradNorms = Sequence["LayerProbe"] | np.ndarray | Sequence[float]


def assess(grad_norms: GradNorms) -> GradientFinding | None:
    """A finding from the weight-gradient norms of every weight layer (input to output), or None when healthy.

    Takes a snapshot's `layers` (LayerProbe tuple) or one row of `history.grad_norm`.
    """
    norms = _norms(grad_norms)
    if not np.all(np.isfinite(norms)):
        return _finding("nan", float("nan"), norms)
    if len(norms) < 3:  # fewer than two hidden layers: nothing to compare across depth
        return None
    first, last_hidden = norms[0], norms[-2]
    if first == 0.0 and last_hidden == 0.0:  # no gradient yet (before the first step)
        return None
    ratio = float(first / last_hidden) if last_hidden > 0.0 else math.inf
    if ratio * RATIO_LIMIT < 1.0:
        return _finding("vanishing", ratio, norms)
    if ratio > RATIO_LIMIT:
        return _finding("exploding", ratio, norms)
    return None


def _norms(grad_norms: GradNorms) -> np.ndarray:
    values = [getattr(p, "grad_norm", p) for p in grad_norms]
    return np.asarray(values, dtype=np.float64)


def _finding(kind: str, ratio: float, norms: np.ndarray) -> GradientFinding:
    first, last_hidden = float(norms[0]), float(norms[-2]) if len(norms) >= 2 else float("nan")
    if kind == "nan":
        what = "Gradients became NaN or infinite: training has diverged."
    elif kind == "vanishing":
        factor = 1.0 / ratio if ratio > 0.0 else math.inf
        what = (f"Vanishing gradients: the first layer's weight gradient is {_times(factor)} smaller "
                f"than the last hidden layer's, so the early layers barely learn.")
    else:
        what = (f"Exploding gradients: the first layer's weight gradient is {_times(ratio)} larger "
                f"than the last hidden layer's, so its steps overshoot.")
    remedies = REMEDIES[kind]
    text = f"{what} Try {', '.join(remedies[:-1])} or {remedies[-1]}."
    return GradientFinding(kind=kind, ratio=ratio, first=first, last_hidden=last_hidden, remedies=remedies, text=text)


def _times(factor: float) -> str:
    return "infinitely many times" if math.isinf(factor) else f"{factor:,.0f} times"
