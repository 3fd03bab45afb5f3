"""Divergence: the training loss blew up, not only turned NaN.

A network whose loss is many times that of guessing, and not falling, has been
thrown off by its updates (a learning rate or initialization too large): it
would print "finished" with a useless model otherwise. Guessing means the
constant prediction that knows nothing: probability 1/2 (binary cross-entropy
ln 2), 1/C for C classes (ln C), the targets' mean for regression (their
variance), each measured by the loss the network trains with.
"""
from __future__ import annotations

import math

import numpy as np

CHANCE_MULTIPLE = 10.0  # a loss this many times guessing's, not falling, has blown up
WINDOW = 5              # epochs whose mean must be that high and no lower than the WINDOW before
RISE = 100.0            # two orders of magnitude above the best epoch, and above guessing, has blown up too


def chance_loss(task: str, y_train: np.ndarray, classes: int, loss: str | None = None) -> float:
    """The loss of the constant guess that ignores the inputs, under the loss trained with (None: the task's
    default): probability 1/2 or 1/C (a logit of 0) for classes; the mean for values under the squared
    losses, the median under the absolute error and Huber."""
    if task != "regression":
        c = 2 if task == "binary" else classes
        per_loss = {  # at p = 1/C for every class: the true class is 1 - 1/C off, the C - 1 others 1/C
            None: math.log(c), "cross_entropy": math.log(c), "hinge": 1.0 if task == "binary" else (c - 1) / c,
            "squared_error": 0.25 if task == "binary" else (c - 1) / c,
            "absolute_error": 0.5 if task == "binary" else 2 * (c - 1) / c,
            "huber": 0.125 if task == "binary" else (c - 1) / (2 * c), "tf_playground": 0.5,
        }
        return per_loss[loss]
    if not len(y_train) or np.var(y_train) == 0:
        return 1.0
    off = y_train - np.median(y_train)
    return {None: float(np.var(y_train)), "squared_error": float(np.var(y_train)),
            "tf_playground": 0.5 * float(np.var(y_train)), "absolute_error": float(np.abs(off).mean()),
            "huber": float(np.where(np.abs(off) < 1, 0.5 * off * off, np.abs(off) - 0.5).mean())}[loss]


def blew_up(train_losses: np.ndarray, chance: float) -> bool:
    """True when the last epoch's training loss (of the history so far) shows a divergence.

    NaN or infinite; or RISE times the best epoch so far while worse than guessing; or, over the last
    WINDOW epochs, a mean above CHANCE_MULTIPLE times guessing that is no lower than the WINDOW epochs
    before: a bad start that falls is training, however slowly, and so is Adam's overshoot of an epoch
    or two, but a loss that stays that high without falling has been thrown off by its updates.
    """
    if not len(train_losses):
        return False
    losses = np.asarray(train_losses, dtype=float)
    last = float(losses[-1])
    if not math.isfinite(last):
        return True
    earlier = losses[:-1][np.isfinite(losses[:-1])]
    if earlier.size and last > chance and last > RISE * earlier.min():
        return True
    if len(losses) < 2 * WINDOW or not np.isfinite(losses[-2 * WINDOW:]).all():
        return False
    recent, before = losses[-WINDOW:].mean(), losses[-2 * WINDOW:-WINDOW].mean()
    return bool(recent > CHANCE_MULTIPLE * chance and recent >= before)
